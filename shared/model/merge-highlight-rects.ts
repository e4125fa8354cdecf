type Rect = readonly [number, number, number, number];

/** Gaps narrower than this fraction of the line height join two pieces of one line (a space, kerning). */
const JOIN_GAP = 0.6;

function verticalOverlap(a: Rect, b: Rect): number {
  const top = Math.max(a[1], b[1]);
  const bottom = Math.min(a[1] + a[3], b[1] + b[3]);
  return Math.max(0, bottom - top) / Math.min(a[3], b[3]);
}

/**
 * Turns the rectangles a text selection reports (one per text run, often overlapping, with empty
 * ones at line ends) into one rectangle per line: pieces that share most of their height and touch
 * or nearly touch are joined; tiny and empty ones are dropped. Order: top to bottom, left to right.
 */
export function mergeHighlightRects(rects: readonly Rect[], minSize = 0.5): Array<[number, number, number, number]> {
  const pieces = rects
    .filter(([, , width, height]) => width >= minSize && height >= minSize)
    .map(([x, y, width, height]): [number, number, number, number] => [x, y, width, height])
    .sort((a, b) => a[1] - b[1] || a[0] - b[0]);
  const lines: Array<[number, number, number, number]> = [];
  for (const piece of pieces) {
    const line = lines.find(
      (candidate) =>
        verticalOverlap(candidate, piece) >= 0.5 &&
        piece[0] <= candidate[0] + candidate[2] + JOIN_GAP * Math.max(candidate[3], piece[3]) &&
        candidate[0] <= piece[0] + piece[2] + JOIN_GAP * Math.max(candidate[3], piece[3]),
    );
    if (!line) {
      lines.push(piece);
      continue;
    }
    const left = Math.min(line[0], piece[0]);
    const top = Math.min(line[1], piece[1]);
    const right = Math.max(line[0] + line[2], piece[0] + piece[2]);
    const bottom = Math.max(line[1] + line[3], piece[1] + piece[3]);
    line.splice(0, 4, left, top, right - left, bottom - top);
  }
  return lines.sort((a, b) => a[1] - b[1] || a[0] - b[0]);
}
