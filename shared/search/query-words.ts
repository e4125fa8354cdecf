/** fuse.js extended-search operators; a user's text must never be read as one. */
const OPERATOR_CHARACTERS = /['=!^$|"]/g;

/** The words of a query, lower-cased, stripped of search operators, duplicates removed. */
export function queryWords(query: string): string[] {
  const words = query
    .toLowerCase()
    .replace(OPERATOR_CHARACTERS, ' ')
    .split(/\s+/)
    .map((word) => word.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, ''))
    .filter((word) => word.length > 0);
  return [...new Set(words)];
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
