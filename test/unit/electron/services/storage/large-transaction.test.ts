import { describe, expect, it } from 'vitest';
import { applyEntry, LibraryTransaction } from '../../../../../electron/services/storage/transaction';
import type { Library, Paper } from '../../../../../shared/model/library';

// 200,000 papers: past the point (≈150,000 on Node 22) where passing every paper as an argument,
// `papers.push(...kept)`, overflows the stack. Only ids matter to these operations.
const COUNT = 200_000;
function bigLibrary(): { library: Library; byId: Map<string, Paper> } {
  const papers = Array.from({ length: COUNT }, (_, index) => ({ id: `p${index}` }) as Paper);
  return { library: { papers } as Library, byId: new Map(papers.map((paper) => [paper.id, paper])) };
}

describe('a library of 200,000 papers', () => {
  it('deletes a paper, and rolls the deletion back, in order', () => {
    const { library, byId } = bigLibrary();
    const transaction = new LibraryTransaction(library, byId);
    transaction.removePapers(['p5']);
    expect(library.papers).toHaveLength(COUNT - 1);
    expect(library.papers[5]?.id).toBe('p6');
    transaction.rollback();
    expect(library.papers).toHaveLength(COUNT);
    expect(library.papers.slice(4, 7).map((paper) => paper.id)).toEqual(['p4', 'p5', 'p6']);
  });

  it('replays a journal entry that deleted papers', () => {
    const { library, byId } = bigLibrary();
    applyEntry(library, byId, { seq: 1, at: '2026-11-27T00:00:00.000Z', removed: ['p0', 'p199999'] } as Parameters<typeof applyEntry>[2]);
    expect(library.papers).toHaveLength(COUNT - 2);
    expect([library.papers[0]?.id, library.papers.at(-1)?.id]).toEqual(['p1', 'p199998']);
  });
});
