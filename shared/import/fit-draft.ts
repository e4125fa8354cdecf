/**
 * Cuts an imported draft down to the sizes `paperSchema` accepts, so one oversized field makes a
 * warning instead of a record the library refuses. Shared with the CSL-JSON importer (see
 * `identifiers.ts` for why it lives in `ris/`). The numbers mirror `shared/model/library.ts`; a
 * test parses a fitted worst case with `paperSchema` to keep them in step.
 */

import type { Author } from '../model/library';
import type { PaperDraft } from './import-record';

const LIMITS = {
  title: 10_000,
  venue: 10_000,
  abstract: 1_000_000,
  doi: 1000,
  arxivId: 100,
  url: 10_000,
  citationKey: 1000,
} as const;
const MAX_AUTHORS = 10_000;
const MAX_NAME_PART = 500;
const MAX_LITERAL = 1000;
const MAX_KEYWORDS = 10_000;
const MAX_KEYWORD = 1000;
const MAX_EXTRA_KEY = 200;
const MAX_EXTRA_VALUE = 1_000_000;

/** Shortens whatever is too long in `draft` (in place) and returns one message per change. */
export function fitDraft(draft: PaperDraft): string[] {
  const messages: string[] = [];
  const cut = (text: string, max: number, what: string): string => {
    if (text.length <= max) return text;
    messages.push(`${what} is ${text.length} characters long; kept the first ${max}.`);
    return text.slice(0, max);
  };

  draft.title = cut(draft.title, LIMITS.title, 'The title');
  if (draft.venue !== undefined) draft.venue = cut(draft.venue, LIMITS.venue, 'The venue');
  if (draft.abstract !== undefined) draft.abstract = cut(draft.abstract, LIMITS.abstract, 'The abstract');
  if (draft.url !== undefined) draft.url = cut(draft.url, LIMITS.url, 'The URL');
  if (draft.citationKey !== undefined) draft.citationKey = cut(draft.citationKey, LIMITS.citationKey, 'The citation key');
  // An identifier cut short would point at something else: move it to extra instead.
  if (draft.doi !== undefined && draft.doi.length > LIMITS.doi) {
    draft.extra.doi = draft.doi;
    delete draft.doi;
    messages.push('The DOI is too long to be a DOI; kept it in extra.doi.');
  }
  if (draft.arxivId !== undefined && draft.arxivId.length > LIMITS.arxivId) {
    draft.extra.arxivId = draft.arxivId;
    delete draft.arxivId;
    messages.push('The arXiv id is too long to be one; kept it in extra.arxivId.');
  }

  if (draft.authors.length > MAX_AUTHORS) {
    messages.push(`${draft.authors.length} authors; kept the first ${MAX_AUTHORS}.`);
    draft.authors = draft.authors.slice(0, MAX_AUTHORS);
  }
  draft.authors = draft.authors.map((author): Author => {
    if ('literal' in author) return { literal: cut(author.literal, MAX_LITERAL, 'An author name') };
    const family = cut(author.family, MAX_NAME_PART, 'An author family name');
    return author.given === undefined ? { family } : { family, given: cut(author.given, MAX_NAME_PART, 'An author given name') };
  });

  if (draft.keywords.length > MAX_KEYWORDS) {
    messages.push(`${draft.keywords.length} keywords; kept the first ${MAX_KEYWORDS}.`);
    draft.keywords = draft.keywords.slice(0, MAX_KEYWORDS);
  }
  draft.keywords = draft.keywords.map((keyword) => cut(keyword, MAX_KEYWORD, 'A keyword'));

  for (const key of Object.keys(draft.extra)) {
    const value = draft.extra[key] ?? '';
    const fittedKey = cut(key, MAX_EXTRA_KEY, 'A field name');
    const fittedValue = cut(value, MAX_EXTRA_VALUE, `Field ${JSON.stringify(fittedKey.slice(0, 40))}`);
    if (fittedKey !== key) delete draft.extra[key];
    draft.extra[fittedKey] = fittedValue;
  }
  return messages;
}
