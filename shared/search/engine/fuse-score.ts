/**
 * fuse.js's score for one pattern against one record, computed the way fuse.js 7 computes it
 * (`ignoreLocation: true`, threshold 0.4, keys of equal weight), so that the engine ranks its
 * candidates exactly as fuse.js would rank them, without running fuse.js over the whole library.
 *
 * fuse.js scores a field by the fewest edits (Levenshtein) that turn the pattern into some
 * substring of the lower-cased text, over the pattern's length, floored at 0.001 (0 when the whole
 * field equals the pattern); patterns longer than 32 characters are cut into 32-character chunks
 * whose scores are averaged. A record's score is the product, over every field value that matched,
 * of `score ^ (keyWeight × norm)`, with `norm = 1/√(words in the value)` rounded to 3 decimals.
 *
 * fuse.js does not export its per-field scorer, and running its bitap per error level is what makes
 * it slow; the fewest-edits substring distance is computed here with Myers' bit-parallel algorithm
 * (one pass over the text for patterns up to 32 characters), which gives the same number.
 */

export const FUSE_THRESHOLD = 0.4;
const MIN_SCORE = 0.001;
const CHUNK = 32;

/** A pattern prepared for scoring many texts. */
export class FusePattern {
  readonly pattern: string;
  private readonly chunks: Array<{ length: number; ascii: Int32Array; other: Map<string, number> }>;

  constructor(pattern: string) {
    this.pattern = pattern.toLowerCase();
    const text = this.pattern;
    const pieces: string[] = [];
    if (text.length > CHUNK) {
      const remainder = text.length % CHUNK;
      for (let start = 0; start < text.length - remainder; start += CHUNK) pieces.push(text.substr(start, CHUNK));
      if (remainder) pieces.push(text.substr(text.length - CHUNK));
    } else if (text.length > 0) {
      pieces.push(text);
    }
    this.chunks = pieces.map((piece) => {
      const ascii = new Int32Array(128);
      const other = new Map<string, number>();
      for (let index = 0; index < piece.length; index += 1) {
        const code = piece.charCodeAt(index);
        const bit = 1 << index;
        if (code < 128) ascii[code] = (ascii[code] as number) | bit;
        else other.set(piece[index] as string, (other.get(piece[index] as string) ?? 0) | bit);
      }
      return { length: piece.length, ascii, other };
    });
  }

  /**
   * fuse.js's score of the pattern in an already lower-cased text: 0 (equal), 0.001…0.4, or
   * undefined when the text does not match.
   */
  scoreLower(text: string): number | undefined {
    if (this.chunks.length === 0) return undefined;
    if (text === this.pattern) return 0;
    let total = 0;
    let matched = false;
    for (const chunk of this.chunks) {
      const errors = this.fewestEdits(chunk, text);
      const score = errors / chunk.length;
      if (score <= FUSE_THRESHOLD) {
        matched = true;
        total += Math.max(MIN_SCORE, score);
      } else {
        total += 1;
      }
    }
    return matched ? total / this.chunks.length : undefined;
  }

  /** Myers (1999): the fewest edits turning the chunk into any substring of `text`. */
  private fewestEdits(chunk: { length: number; ascii: Int32Array; other: Map<string, number> }, text: string): number {
    const length = chunk.length;
    // Exact substrings are common and cheap to find.
    if (length === this.pattern.length ? text.includes(this.pattern) : false) return 0;
    const high = 1 << (length - 1);
    const all = length === 32 ? -1 : (1 << length) - 1;
    let positive = all;
    let negative = 0;
    let score = length;
    let best = length;
    const { ascii, other } = chunk;
    for (let index = 0; index < text.length; index += 1) {
      const code = text.charCodeAt(index);
      const equal = code < 128 ? (ascii[code] as number) : (other.get(text[index] as string) ?? 0);
      const xv = equal | negative;
      const xh = ((((equal & positive) + positive) | 0) ^ positive) | equal;
      let ph = negative | ~(xh | positive);
      let mh = positive & xh;
      if (ph & high) score += 1;
      else if (mh & high) score -= 1;
      ph = (ph << 1) & all;
      mh = (mh << 1) & all;
      positive = (mh | ~(xv | ph)) & all;
      negative = ph & xv;
      if (score < best) {
        best = score;
        if (best === 0) return 0;
      }
    }
    return best;
  }
}

const normCache = new Map<number, number>();

function isWordSeparator(code: number): boolean {
  return (code >= 9 && code <= 13) || code === 32 || code === 160;
}

/** fuse.js's field norm: 1/√(words), rounded to 3 decimals. */
export function fuseNorm(value: string): number {
  let words = 0;
  let inWord = false;
  for (let index = 0; index < value.length; index += 1) {
    if (!isWordSeparator(value.charCodeAt(index))) {
      if (!inWord) {
        words += 1;
        inWord = true;
      }
    } else inWord = false;
  }
  if (words === 0) words = 1;
  let norm = normCache.get(words);
  if (norm === undefined) {
    norm = Math.round(1000 / Math.sqrt(words)) / 1000;
    normCache.set(words, norm);
  }
  return norm;
}

/** One value's factor in a record's score (fuse.js's computeScore). */
export function fuseFactor(score: number, keyWeight: number, norm: number): number {
  return Math.pow(score === 0 ? Number.EPSILON : score, keyWeight * norm);
}

export function isBlank(value: string): boolean {
  return value.trim().length === 0;
}
