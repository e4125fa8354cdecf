import { describe, expect, it } from 'vitest';
import type { FulltextMatch } from '../../../../../shared/api/contract';
import { SearchEngine, type EnginePaper, type FulltextSource } from '../../../../../shared/search/engine/search-engine';
import { newPaper, type Paper } from '../../../../../shared/model/library';
import { samplePapers } from '../../../../helpers/sample-papers';

const now = '2026-01-01T00:00:00Z';

function paper(id: string, title: string, abstract?: string): Paper {
  return newPaper({ id, title, ...(abstract !== undefined ? { abstract } : {}), authors: [] }, now);
}

const papers: Paper[] = [
  paper('h-rl', 'Deep Reinforcement Learning for Robot Control', 'We study policy learning on real robots.'),
  paper('h-signals', 'Learning with Reinforcement Signals', 'A survey of reward learning.'),
  paper('h-vision', 'Transformers for Vision'),
  paper('h-poker', 'Poker bots and reinforcement learning'),
  paper('h-zebra', 'Zebra finches sing', 'Birdsong reinforcement in zebra finches, learning by imitation.'),
];
const engine = new SearchEngine(papers);
const ids = (query: string, options: { fulltext?: boolean; source?: FulltextSource } = {}) =>
  engine
    .query({ query, limit: 100, ...(options.fulltext ? { fulltext: true } : {}) }, options.source)
    .results.map((hit) => hit.id)
    .sort();

/** A PDF text per paper id, searched the way the main process's cache searches it. */
function pdfSource(texts: Record<string, string>): FulltextSource {
  return {
    find(target: EnginePaper, needle: string): FulltextMatch | undefined {
      const text = texts[target.id]?.toLowerCase();
      const at = text?.indexOf(needle.toLowerCase()) ?? -1;
      return text !== undefined && at >= 0 ? { attachmentId: 'pdf', page: 1, snippet: text, ranges: [[at, at + needle.length]] } : undefined;
    },
  };
}

describe('phrases wherever they appear', () => {
  it('a negated phrase leaves out only papers holding the phrase, not its words apart', () => {
    expect(ids('-"reinforcement learning"')).toEqual(['h-signals', 'h-vision', 'h-zebra']);
    expect(ids('-title:"reinforcement learning"')).toEqual(['h-signals', 'h-vision', 'h-zebra']);
  });

  it('a phrase inside OR must occur as a phrase', () => {
    expect(ids('"reinforcement learning" OR transformers')).toEqual(['h-poker', 'h-rl', 'h-vision']);
  });

  it('a phrase highlights the phrase, not its words elsewhere', () => {
    const hit = engine.query({ query: '"reinforcement learning"', limit: 5 }).results.find((result) => result.id === 'h-rl');
    expect(hit?.ranges).toEqual([{ field: 'title', start: 5, end: 27 }]);
  });
});

describe('search inside PDFs', () => {
  const zebrafish = pdfSource({ 'h-signals': 'Appendix: zebrafish experiments.' });

  it('never lets PDF text meet a field condition', () => {
    expect(ids('title:zebrafish', { fulltext: true, source: zebrafish })).toEqual([]);
    expect(ids('author:zebrafish', { fulltext: true, source: zebrafish })).toEqual([]);
    expect(ids('zebrafish', { fulltext: true, source: zebrafish })).toEqual(['h-signals']);
  });

  it('finds a phrase that only the PDF holds, even when its words are apart in the metadata', () => {
    const source = pdfSource({ 'h-signals': 'we use reinforcement learning here' });
    expect(ids('"reinforcement learning"', { fulltext: true, source })).toEqual(['h-poker', 'h-rl', 'h-signals']);
  });

  it('does not let one word found in the PDF carry a phrase found nowhere', () => {
    expect(ids('"reinforcement learning" zebrafish', { fulltext: true, source: zebrafish })).toEqual([]);
  });
});

describe('paging past the exactly scored head', () => {
  // Four copies of the sample library: "learning" matches over 200 papers.
  const copies = [0, 1, 2, 3].flatMap((copy) => samplePapers().map((sample) => ({ ...sample, id: `${sample.id}-${copy}` })));
  const large = new SearchEngine(copies);

  it('pages, one large page and allIds list the same order', () => {
    const all = large.query({ query: 'learning', limit: 0, allIds: true });
    expect(all.total).toBeGreaterThan(200);
    const paged: string[] = [];
    for (let offset = 0; offset < all.total; offset += 50) paged.push(...large.query({ query: 'learning', limit: 50, offset }).results.map((hit) => hit.id));
    expect(paged).toEqual(all.ids);
    expect(large.query({ query: 'learning', limit: 1000 }).results.map((hit) => hit.id)).toEqual(all.ids);
    expect(new Set(paged).size).toBe(all.total);
  });
});

describe('words joined by an apostrophe', () => {
  it('finds "Hold\'em" as holdem and as hold em', () => {
    const sample = new SearchEngine(samplePapers());
    const title = (query: string) => sample.query({ query, limit: 3 }).results.map((hit) => samplePapers().find((candidate) => candidate.id === hit.id)?.title)[0];
    expect(title('holdem')).toMatch(/Hold'em/);
    expect(title('texas holdem')).toMatch(/Hold'em/);
    expect(title("hold'em")).toMatch(/Hold'em/);
  });
});

describe('adding papers in bulk', () => {
  it('re-indexes a paper added again with new text', () => {
    const local = new SearchEngine(papers);
    local.addMany([{ ...(papers[2] as Paper), title: 'Quokka changed', updatedAt: '2026-02-01T00:00:00Z' }]);
    expect(local.query({ query: 'quokka', limit: 5 }).results.map((hit) => hit.id)).toEqual(['h-vision']);
  });
});
