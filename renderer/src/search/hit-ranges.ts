import type { MatchRange, SearchHit } from '../../../shared/api/contract';

/** `[start, end)` in UTF-16 units of one text. */
export type TextRange = readonly [number, number];

/** A text with the ranges to highlight in it. */
export interface RangedText {
  text: string;
  ranges: readonly TextRange[];
}

const NONE: readonly TextRange[] = [];

/** The ranges of one field of a hit; for authors and tags, of the `index`th one. */
export function fieldRanges(hit: SearchHit | undefined, field: MatchRange['field'], index?: number): readonly TextRange[] {
  if (!hit || hit.ranges.length === 0) return NONE;
  const ranges: TextRange[] = [];
  for (const range of hit.ranges) {
    if (range.field === field && (index === undefined || range.index === index)) ranges.push([range.start, range.end]);
  }
  return ranges.length === 0 ? NONE : ranges;
}

/** Joins texts with a separator, moving each one's ranges to where it lands. */
export function joinRanged(parts: readonly RangedText[], separator: string): RangedText {
  let text = '';
  const ranges: TextRange[] = [];
  parts.forEach((part, position) => {
    if (position > 0) text += separator;
    for (const [start, end] of part.ranges) ranges.push([text.length + start, text.length + end]);
    text += part.text;
  });
  return { text, ranges };
}

/** The first `shown` author names with their highlights, joined with commas, then `more` (" et al.", ", and 3 more" or nothing). */
export function rangedNames(names: readonly string[], hit: SearchHit | undefined, shown: number, more: string): RangedText {
  const parts = names.slice(0, shown).map((text, index) => ({ text, ranges: fieldRanges(hit, 'authors', index) }));
  const joined = joinRanged(parts, ', ');
  return more ? { text: `${joined.text}${more}`, ranges: joined.ranges } : joined;
}
