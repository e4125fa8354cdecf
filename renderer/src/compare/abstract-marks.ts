import type { TextRange } from '../search/hit-ranges';

/** A word's place in the abstract, as compare.analyze answers it. */
export interface WordRange {
  start: number;
  end: number;
}

/** A piece of an abstract and how it is marked. */
export interface MarkedPiece {
  start: number;
  end: number;
  /** `shared`: every compared abstract has the word's term; `unique`: no other one has it. */
  term?: 'shared' | 'unique';
  /** The search matched it. */
  match: boolean;
}

/**
 * Cuts `[from, to)` of an abstract into pieces at every boundary of a shared word, a unique word or
 * a search match, so each piece carries one set of marks. Ranges past the text (an answer about an
 * older text) are clamped.
 */
export function markPieces(from: number, to: number, shared: readonly WordRange[], unique: readonly WordRange[], matches: readonly TextRange[]): MarkedPiece[] {
  const cuts = new Set([from, to]);
  const inside = (point: number) => point > from && point < to;
  for (const word of [...shared, ...unique]) {
    if (inside(word.start)) cuts.add(word.start);
    if (inside(word.end)) cuts.add(word.end);
  }
  for (const [start, end] of matches) {
    if (inside(start)) cuts.add(start);
    if (inside(end)) cuts.add(end);
  }
  const points = [...cuts].sort((a, b) => a - b);
  const within = (start: number, end: number) => (word: WordRange) => word.start <= start && end <= word.end;
  const pieces: MarkedPiece[] = [];
  for (let index = 0; index < points.length - 1; index++) {
    const start = points[index]!;
    const end = points[index + 1]!;
    const term = shared.some(within(start, end)) ? 'shared' : unique.some(within(start, end)) ? 'unique' : undefined;
    const match = matches.some(([matchStart, matchEnd]) => matchStart <= start && end <= matchEnd);
    const previous = pieces[pieces.length - 1];
    // Plain text between marks stays one piece.
    if (previous && term === undefined && !match && previous.term === undefined && !previous.match) previous.end = end;
    else pieces.push({ start, end, ...(term ? { term } : {}), match });
  }
  return pieces;
}
