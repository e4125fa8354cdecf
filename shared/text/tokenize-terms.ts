import { stemmer } from 'stemmer';
import { eng } from 'stopword';

/** One term of a text and where its word is, so a view can highlight the original word. */
export interface TermToken {
  /** Comparison form: lower-case Porter stem, or the number itself. */
  term: string;
  /** Offset of the word's first character in the text. */
  start: number;
  /** Offset just past the word's last character (`text.slice(start, end)` is the word). */
  end: number;
}

const stopWords = new Set<string>(eng);

// Letters and digits; an apostrophe joins ("model's"), a point or comma joins only between digits ("0.5", "1,000"),
// so a hyphenated compound ("large-scale") gives two terms and a sentence's final point is not part of its last word.
const WORD = /[\p{L}\p{N}]+(?:(?:['’]|(?<=\p{N})[.,](?=\p{N}))[\p{L}\p{N}]+)*/gu;
const LETTERS_ONLY = /^\p{L}+$/u;
const HAS_DIGIT = /\p{N}/u;

// Abstracts repeat their words (a library of 50,000 is tokenized at start-up), so a word's term is looked up once;
// the cache is cleared when full so that a long session's memory stays bounded.
const termCache = new Map<string, string | null>();
const TERM_CACHE_LIMIT = 200_000;

/** A word's term, or undefined for a stop word or a lone letter. */
export function termOf(word: string): string | undefined {
  let term = termCache.get(word);
  if (term === undefined) {
    term = computeTerm(word) ?? null;
    if (termCache.size >= TERM_CACHE_LIMIT) termCache.clear();
    termCache.set(word, term);
  }
  return term ?? undefined;
}

function computeTerm(word: string): string | undefined {
  let lower = word.toLowerCase().replace(/’/g, "'");
  if (stopWords.has(lower)) return undefined;
  if (lower.endsWith("'s")) lower = lower.slice(0, -2);
  if (HAS_DIGIT.test(lower)) return lower.replace(/(?<=\d),(?=\d)/g, '');
  if (lower.length < 2 || stopWords.has(lower)) return undefined;
  return LETTERS_ONLY.test(lower) ? stemmer(lower) : lower;
}

/**
 * Splits a text into terms: lower-cased, English stop words (the `stopword` package's list) and lone letters
 * dropped, numbers kept as written (thousands commas removed), words Porter-stemmed so "learning" and "learned"
 * meet. Hyphenated compounds give one term per part.
 */
export function tokenizeTerms(text: string): TermToken[] {
  const tokens: TermToken[] = [];
  for (const match of text.matchAll(WORD)) {
    const term = termOf(match[0]);
    if (term !== undefined) tokens.push({ term, start: match.index, end: match.index + match[0].length });
  }
  return tokens;
}
