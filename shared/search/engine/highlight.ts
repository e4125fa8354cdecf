import { normalizeWords } from '../query-words';

/** What to highlight in each field: index terms the query's words stood for, and phrases. */
export interface HighlightTerms {
  /** Per field (title, authors, tags, venue, abstract): the vocabulary terms that matched. */
  byField: Array<Set<string>>;
  phrases: Array<{ text: string; fieldMask: number }>;
}

// Combining marks belong to the word: text in decomposed form (NFD, common in PDFs and macOS file names) writes
// "ü" as "u" + U+0308, and the index folds it to "muller".
const TOKEN = /[\p{L}\p{N}][\p{L}\p{M}\p{N}]*(?:['’-][\p{L}\p{N}][\p{L}\p{M}\p{N}]*)*/gu;
const ASCII_TOKEN = /[A-Za-z0-9]+(?:['-][A-Za-z0-9]+)*/g;
const NON_ASCII = /[^ -~\t\n\r]/;
const MARKS = /\p{M}+/gu;
const NOT_LETTER_OR_NUMBER = /[^\p{L}\p{N}]+/u;

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * Character ranges `[start, end)` of `text` to highlight: words whose index form (lower-cased,
 * accents folded, or one part of a hyphenated word) is one of `terms`, and occurrences of the
 * phrases (white space between their words may differ). Sorted, not overlapping.
 */
export function highlightRanges(text: string, terms: ReadonlySet<string>, phrases: readonly string[] = []): Array<[number, number]> {
  const ranges: Array<[number, number]> = [];
  if (text.length === 0) return ranges;
  if (terms.size > 0) {
    // Most text is ASCII: a plain character class is several times faster than Unicode properties.
    for (const token of text.matchAll(NON_ASCII.test(text) ? TOKEN : ASCII_TOKEN)) {
      if (tokenMatches(token[0], terms)) ranges.push([token.index, token.index + token[0].length]);
    }
  }
  for (const phrase of phrases) {
    const words = phrase.split(' ').filter(Boolean).map(escapeRegExp);
    if (words.length === 0) continue;
    for (const match of text.matchAll(new RegExp(words.join('\\s+'), 'giu'))) ranges.push([match.index, match.index + match[0].length]);
  }
  return merge(ranges);
}

const PLAIN = /^[a-z0-9]+$/;

function tokenMatches(token: string, terms: ReadonlySet<string>): boolean {
  const lower = token.toLowerCase();
  if (terms.has(lower)) return true;
  // Most words are plain ASCII letters: nothing else to try. Others go through the index's normalization.
  if (PLAIN.test(lower)) return false;
  for (const word of normalizeWords(lower)) {
    if (terms.has(word)) return true;
    const folded = word.normalize('NFD').replace(MARKS, '');
    if (terms.has(folded)) return true;
    if (NOT_LETTER_OR_NUMBER.test(word)) {
      for (const part of word.split(NOT_LETTER_OR_NUMBER)) if (part && (terms.has(part) || terms.has(part.normalize('NFD').replace(MARKS, '')))) return true;
    }
  }
  return false;
}

function merge(ranges: Array<[number, number]>): Array<[number, number]> {
  if (ranges.length <= 1) return ranges;
  ranges.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const merged: Array<[number, number]> = [ranges[0] as [number, number]];
  for (const range of ranges.slice(1)) {
    const last = merged[merged.length - 1] as [number, number];
    if (range[0] <= last[1]) last[1] = Math.max(last[1], range[1]);
    else merged.push(range);
  }
  return merged;
}
