export type KeywordKind = 'include' | 'exclude';

/** A stretch of text a screening keyword matched: UTF-16 offsets, `end` exclusive. */
export interface KeywordRange {
  start: number;
  end: number;
  kind: KeywordKind;
  /** The keyword as the criteria spell it. */
  keyword: string;
}

export interface ScreeningKeywords {
  include: readonly string[];
  exclude: readonly string[];
}

/** Shorter keywords ("AI", "RL") match whole words only (and a plural -s): as prefixes they would light up "aim" and "rle". */
const MIN_PREFIX_LENGTH = 4;
const WORD_CHAR = '[\\p{L}\\p{M}\\p{N}]';
/** Words of a keyword may be written with spaces or hyphens between them ("self supervised", "self-supervised"). */
const SEPARATOR = '[\\s\\-\\u2010-\\u2013]+';

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * A keyword as a pattern: it starts at the start of a word, and its last word may be the start of a
 * longer word (`child` finds "children"), which is then matched whole. A trailing `*` asks for
 * prefixes however short the keyword (`bio*`).
 */
function keywordPattern(keyword: string): RegExp | undefined {
  const star = /\*+$/.test(keyword);
  const words = keyword.replace(/\*+$/, '').trim().split(/[\s\-\u2010-\u2013]+/).filter(Boolean);
  const last = words.at(-1);
  if (last === undefined) return undefined;
  const prefix = star || [...last].length >= MIN_PREFIX_LENGTH;
  const ending = prefix ? `${WORD_CHAR}*` : `(?:e?s)?(?!${WORD_CHAR})`;
  return new RegExp(`(?<!${WORD_CHAR})${words.map(escapeRegExp).join(SEPARATOR)}${ending}`, 'giu');
}

/**
 * Where the screening keywords occur in `text`, case-insensitively, sorted and never overlapping.
 * Where two matches overlap, the one that starts first wins, then the longer one, then the
 * exclusion keyword (a reason to look twice outranks a reason to keep).
 */
export function keywordRanges(text: string, keywords: ScreeningKeywords): KeywordRange[] {
  if (text.length === 0) return [];
  const found: KeywordRange[] = [];
  const collect = (list: readonly string[], kind: KeywordKind) => {
    for (const keyword of list) {
      const pattern = keywordPattern(keyword);
      if (!pattern) continue;
      for (const match of text.matchAll(pattern)) {
        if (match[0].length > 0) found.push({ start: match.index, end: match.index + match[0].length, kind, keyword });
      }
    }
  };
  collect(keywords.exclude, 'exclude');
  collect(keywords.include, 'include');
  found.sort((a, b) => a.start - b.start || b.end - a.end || (a.kind === b.kind ? 0 : a.kind === 'exclude' ? -1 : 1));
  const ranges: KeywordRange[] = [];
  for (const range of found) {
    const previous = ranges.at(-1);
    if (!previous || range.start >= previous.end) ranges.push(range);
  }
  return ranges;
}

/** `text` cut into plain and matched pieces, in order; joined again they give `text` back. */
export function segmentByKeywords(text: string, keywords: ScreeningKeywords): Array<{ text: string; kind?: KeywordKind }> {
  const segments: Array<{ text: string; kind?: KeywordKind }> = [];
  let at = 0;
  for (const range of keywordRanges(text, keywords)) {
    if (range.start > at) segments.push({ text: text.slice(at, range.start) });
    segments.push({ text: text.slice(range.start, range.end), kind: range.kind });
    at = range.end;
  }
  if (at < text.length) segments.push({ text: text.slice(at) });
  return segments;
}
