import { eng } from 'stopword';

const stopWords = new Set<string>(eng);

/** A word's comparison form: lower-case, with a plural "s" dropped so "models" and "model" meet. */
export function termKey(word: string): string {
  const lower = word.toLowerCase();
  if (lower.length > 4 && lower.endsWith('s') && !lower.endsWith('ss')) return lower.slice(0, -1);
  return lower;
}

export interface TextSegment {
  text: string;
  /** True when this segment is a word that every compared text contains. */
  shared: boolean;
}

const WORD = /[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*/gu;

function isContentWord(word: string): boolean {
  return word.length >= 3 && !stopWords.has(word.toLowerCase()) && !/^\d+$/.test(word);
}

/** Terms (as `termKey`s) that occur in every one of the texts, stop words and short words ignored. */
export function sharedTerms(texts: readonly string[]): Set<string> {
  if (texts.length < 2) return new Set();
  const perText = texts.map((text) => new Set([...text.matchAll(WORD)].map((m) => m[0]).filter(isContentWord).map(termKey)));
  const [first, ...rest] = perText;
  return new Set([...(first ?? [])].filter((term) => rest.every((terms) => terms.has(term))));
}

/** Splits a text into plain and shared-word segments for highlighting; joining the segments gives the text back. */
export function segmentByTerms(text: string, terms: ReadonlySet<string>): TextSegment[] {
  const segments: TextSegment[] = [];
  let last = 0;
  for (const match of text.matchAll(WORD)) {
    if (!isContentWord(match[0]) || !terms.has(termKey(match[0]))) continue;
    if (match.index > last) segments.push({ text: text.slice(last, match.index), shared: false });
    segments.push({ text: match[0], shared: true });
    last = match.index + match[0].length;
  }
  if (last < text.length) segments.push({ text: text.slice(last), shared: false });
  return segments;
}
