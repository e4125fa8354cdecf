/** A sentence's place in its text: `text.slice(start, end)` is the sentence without surrounding white space. */
export interface SentenceRange {
  start: number;
  end: number;
}

// Words that end in a point without ending a sentence in scientific prose, compared lower-case without the point.
const ABBREVIATIONS = new Set([
  'al', 'approx', 'ca', 'cf', 'e.g', 'eg', 'eq', 'eqs', 'esp', 'et', 'fig', 'figs', 'i.e', 'ie', 'incl', 'no', 'nos',
  'ref', 'refs', 'resp', 'sec', 'secs', 'sect', 'tab', 'viz', 'vs', 'dr', 'mr', 'mrs', 'ms', 'prof', 'st', 'vol',
]);

// A candidate end: terminal punctuation, then closing quotes or brackets, then white space.
const CANDIDATE_END = /[.!?]+["'”’)\]]*(?=\s)/g;
// A paragraph break always ends a sentence, punctuation or not.
const PARAGRAPH_BREAK = /\n[ \t]*\n/g;
const NEXT_VISIBLE = /\s*(\S)/y;

function wordBefore(text: string, index: number): string {
  const match = /[\p{L}\p{N}.]*$/u.exec(text.slice(Math.max(0, index - 20), index));
  return match ? match[0] : '';
}

function endsSentence(text: string, punctuationStart: number, after: number): boolean {
  if (text[punctuationStart] !== '.') return true;
  NEXT_VISIBLE.lastIndex = after;
  const next = NEXT_VISIBLE.exec(text)?.[1] ?? '';
  // A sentence starts with a capital, a digit, or an opening quote or bracket; "approx. five" goes on.
  if (!/[\p{Lu}\p{N}"'“‘([]/u.test(next)) return false;
  const word = wordBefore(text, punctuationStart);
  if (ABBREVIATIONS.has(word.toLowerCase())) return false;
  // An initial ("J. Smith") or a dotted abbreviation ("U.S.") is not a sentence end; "of 0.5. We" is.
  return !/^\p{Lu}$/u.test(word) && !/^(?:\p{L}\.)+\p{L}$/u.test(word);
}

function trimmed(text: string, start: number, end: number): SentenceRange | undefined {
  while (start < end && /\s/.test(text[start] ?? '')) start++;
  while (end > start && /\s/.test(text[end - 1] ?? '')) end--;
  return start < end ? { start, end } : undefined;
}

/**
 * Splits prose into sentences at ".", "!" or "?" followed by white space and a capital, a digit or an opening
 * bracket, and at paragraph breaks. Abbreviations common in abstracts ("e.g.", "i.e.", "et al.", "Fig. 3",
 * "vs.") and initials do not end a sentence, and a decimal point ("0.5") never does since no space follows it.
 */
export function splitSentences(text: string): SentenceRange[] {
  const ends: number[] = [];
  for (const match of text.matchAll(CANDIDATE_END)) {
    const after = match.index + match[0].length;
    if (endsSentence(text, match.index, after)) ends.push(after);
  }
  for (const match of text.matchAll(PARAGRAPH_BREAK)) ends.push(match.index);
  ends.sort((a, b) => a - b);
  ends.push(text.length);
  const sentences: SentenceRange[] = [];
  let start = 0;
  for (const end of ends) {
    if (end <= start) continue;
    const sentence = trimmed(text, start, end);
    if (sentence) sentences.push(sentence);
    start = end;
  }
  return sentences;
}
