import type { Author } from '../model/library';
import { fitDraft } from './fit-draft';
import type { ImportResult, PaperDraft } from './import-record';
import type { PastedListResult } from './parse-pasted-list';

/** "Ada Lovelace" → { given: 'Ada', family: 'Lovelace' }; a one-word name stays whole. */
export function authorFromName(name: string): Author {
  const parts = name.trim().split(/\s+/);
  const family = parts.pop() ?? '';
  return parts.length > 0 ? { family, given: parts.join(' ') } : { literal: family };
}

/**
 * A parsed pasted list as import records. Daily-papers and arXiv lists are preprints; a list of
 * bare identifiers gives placeholders marked `incomplete` until their metadata is looked up.
 */
export function pastedRecords(parsed: PastedListResult): ImportResult {
  return {
    format: 'paste',
    records: parsed.papers.map((pasted) => {
      const paper: PaperDraft = {
        type: pasted.arxivId || parsed.format === 'daily-papers' ? 'preprint' : 'misc',
        title: pasted.title,
        authors: (pasted.authors ?? []).map(authorFromName),
        keywords: [],
        extra: (parsed.format === 'identifiers' ? { incomplete: 'true' } : {}) as Record<string, string>,
        ...(pasted.abstract ? { abstract: pasted.abstract } : {}),
        ...(pasted.doi ? { doi: pasted.doi } : {}),
        ...(pasted.arxivId ? { arxivId: pasted.arxivId } : {}),
      };
      // A paste has no size limits of its own (a megabyte "abstract" under one title): fit it to the library's.
      const warnings = fitDraft(paper).map((message) => ({ line: pasted.line, message }));
      return { line: pasted.line, warnings, paper };
    }),
    warnings: parsed.warnings,
  };
}
