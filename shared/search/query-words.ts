/** fuse.js extended-search operators; a user's text must never be read as one. */
const OPERATOR_CHARACTERS = /['=!^$|"]/g;
const LETTER_OR_NUMBER = /[\p{L}\p{N}]/u;

/**
 * The words of a text, lower-cased, operators split off and punctuation stripped at the ends, in
 * order, duplicates kept. The ends are trimmed by walking characters: a `[^…]+$` regex backtracks
 * quadratically on a long run of punctuation followed by a letter.
 */
export function normalizeWords(text: string): string[] {
  return text
    .toLowerCase()
    .replace(OPERATOR_CHARACTERS, ' ')
    .split(/\s+/)
    .map(trimPunctuation)
    .filter((word) => word.length > 0);
}

function trimPunctuation(word: string): string {
  const characters = Array.from(word);
  let first = 0;
  while (first < characters.length && !LETTER_OR_NUMBER.test(characters[first] ?? '')) first += 1;
  let last = characters.length - 1;
  while (last >= first && !LETTER_OR_NUMBER.test(characters[last] ?? '')) last -= 1;
  return characters.slice(first, last + 1).join('');
}

/** The words of a query, normalized, duplicates removed. */
export function queryWords(query: string): string[] {
  return [...new Set(normalizeWords(query))];
}

/** Edits tolerated for a word of this length, close to what fuse.js accepts at our threshold. */
function allowedEdits(length: number): number {
  if (length >= 8) return 2;
  if (length >= 4) return 1;
  return 0;
}

/**
 * Whether a text token (lower-cased) is what a query word meant: the same word, a word that starts
 * with it (typing in progress), or one within a small edit distance of it or of its prefix.
 */
export function wordsMatch(queryWord: string, token: string, fuzzyMinLength: number): boolean {
  if (token.startsWith(queryWord)) return true;
  if (queryWord.length < fuzzyMinLength) return false;
  const edits = allowedEdits(queryWord.length);
  if (Math.abs(token.length - queryWord.length) <= edits && editDistance(queryWord, token, edits) <= edits) return true;
  // A misspelt prefix of a longer word ("reinforc" typed as "reinforcm" → "reinforcement").
  for (let length = queryWord.length - edits; length <= queryWord.length + edits; length += 1) {
    if (length > 0 && length < token.length && editDistance(queryWord, token.slice(0, length), edits) <= edits) return true;
  }
  return false;
}

/** Levenshtein distance, stopping early once it exceeds `limit` (only "within limit or not" matters). */
export function editDistance(a: string, b: string, limit: number): number {
  let previous = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let i = 1; i <= a.length; i += 1) {
    const current = [i];
    let rowMinimum = i;
    for (let j = 1; j <= b.length; j += 1) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      const value = Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, (previous[j - 1] ?? 0) + cost);
      current.push(value);
      rowMinimum = Math.min(rowMinimum, value);
    }
    if (rowMinimum > limit) return limit + 1;
    previous = current;
  }
  return previous[b.length] ?? limit + 1;
}
