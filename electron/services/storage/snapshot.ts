import type { FileHandle } from 'node:fs/promises';
import type { Library, Paper } from '../../../shared/model/library';
import { stableStringify, sortKeys } from '../stable-stringify';

/** The moment a snapshot is taken: paper references and the small collections, serialized or not yet. */
export interface SnapshotSource {
  /** Everything but the papers, already in its final text (small, so taken synchronously). */
  frame: Omit<Library, 'papers'>;
  papers: readonly Paper[];
}

const PAPERS_PLACEHOLDER = '"papers": []';

/** One paper as it stands inside library.json's "papers" array (4 spaces deep). */
export function serializePaper(paper: Paper): string {
  return `    ${JSON.stringify(paper, sortKeys, 2).replace(/\n/g, '\n    ')}`;
}

/**
 * Writes a library in exactly the text `stableStringify(library)` would give, but paper by paper,
 * in batches of about `batchBytes`, awaiting each write so that other work runs between batches:
 * a 100 MB library is never one long block of the event loop.
 */
export async function writeSnapshot(handle: FileHandle, source: SnapshotSource, batchBytes = 1 << 20): Promise<void> {
  const frameText = stableStringify({ ...source.frame, papers: [] });
  const at = frameText.indexOf(PAPERS_PLACEHOLDER);
  if (at === -1) throw new Error('Snapshot frame lost its papers key');
  let batch = `${frameText.slice(0, at)}"papers": [`;
  const flush = async () => {
    if (batch.length === 0) return;
    await handle.write(batch);
    batch = '';
  };
  for (let index = 0; index < source.papers.length; index += 1) {
    const paper = source.papers[index] as Paper;
    batch += `${index === 0 ? '\n' : ',\n'}${serializePaper(paper)}`;
    if (batch.length >= batchBytes) await flush();
  }
  batch += `${source.papers.length > 0 ? '\n  ]' : ']'}${frameText.slice(at + PAPERS_PLACEHOLDER.length)}`;
  await flush();
}
