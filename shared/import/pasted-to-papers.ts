import { newPaper, type Author, type Paper } from '../model/library';
import type { PastedListResult } from './parse-pasted-list';

/** "Ada Lovelace" → { given: 'Ada', family: 'Lovelace' }; a one-word name stays whole. */
export function authorFromName(name: string): Author {
  const parts = name.trim().split(/\s+/);
  const family = parts.pop() ?? '';
  return parts.length > 0 ? { family, given: parts.join(' ') } : { literal: family };
}

export interface PastedToPapersOptions {
  now: string;
  newId: (index: number) => string;
  fileName?: string;
}

/**
 * Papers from a parsed pasted list. Lists of bare identifiers carry no title, so those papers keep
 * the identifier as their title and are marked `incomplete` in `extra` until their metadata is found.
 */
export function pastedToPapers(result: PastedListResult, options: PastedToPapersOptions): Paper[] {
  return result.papers.map((pasted, index) => {
    const paper = newPaper(
      {
        id: options.newId(index),
        title: pasted.title,
        type: pasted.arxivId ? 'preprint' : 'misc',
        authors: (pasted.authors ?? []).map(authorFromName),
        ...(pasted.abstract ? { abstract: pasted.abstract } : {}),
        ...(pasted.doi ? { doi: pasted.doi } : {}),
        ...(pasted.arxivId ? { arxivId: pasted.arxivId } : {}),
        source: { format: `paste:${result.format}`, ...(options.fileName ? { fileName: options.fileName } : {}), importedAt: options.now },
      },
      options.now,
    );
    if (result.format === 'identifiers') paper.extra.incomplete = 'true';
    if (result.format === 'daily-papers') paper.type = 'preprint';
    return paper;
  });
}
