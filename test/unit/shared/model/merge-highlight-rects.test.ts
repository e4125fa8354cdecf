import { describe, expect, it } from 'vitest';
import { compareHighlights, highlightRectSchema, roundRect } from '../../../../shared/model/highlights';
import { mergeHighlightRects } from '../../../../shared/model/merge-highlight-rects';

describe('mergeHighlightRects', () => {
  it.each([
    ['nothing', [], []],
    ['one piece', [[10, 10, 50, 12]], [[10, 10, 50, 12]]],
    [
      'the runs of one line, with a word gap, into one rectangle',
      [
        [10, 10, 50, 12],
        [63, 10.5, 40, 11],
      ],
      [[10, 10, 93, 12]],
    ],
    [
      'overlapping duplicates (a span and its line box)',
      [
        [10, 10, 50, 12],
        [10, 10, 50, 12],
        [30, 9, 10, 14],
      ],
      [[10, 9, 50, 14]],
    ],
    [
      'two lines apart, top first',
      [
        [10, 30, 80, 12],
        [40, 10, 50, 12],
      ],
      [
        [40, 10, 50, 12],
        [10, 30, 80, 12],
      ],
    ],
    [
      'two columns on one line apart',
      [
        [10, 10, 50, 12],
        [300, 10, 50, 12],
      ],
      [
        [10, 10, 50, 12],
        [300, 10, 50, 12],
      ],
    ],
    [
      'empty and tiny pieces away',
      [
        [10, 10, 0, 12],
        [10, 10, 50, 0.2],
        [10, 10, 50, 12],
      ],
      [[10, 10, 50, 12]],
    ],
  ] as Array<[string, Array<[number, number, number, number]>, Array<[number, number, number, number]>]>)('merges %s', (_name, rects, expected) => {
    expect(mergeHighlightRects(rects)).toEqual(expected);
  });
});

describe('highlight rectangles', () => {
  it('are rounded to two decimals', () => {
    expect(roundRect([1.234567, 2.005, 3.999, 4])).toEqual([1.23, 2.01, 4, 4]);
  });

  it.each([
    [[0, 0, 1, 1], true],
    [[14_400, 14_400, 14_400, 14_400], true],
    [[-0.1, 0, 1, 1], false],
    [[0, 0, 0, 1], false],
    [[0, 0, 1, Infinity], false],
    [[0, 0, 1], false],
  ])('%j is valid: %s', (rect, valid) => {
    expect(highlightRectSchema.safeParse(rect).success).toBe(valid);
  });

  it('sort in reading order: page, then top, then left', () => {
    const at = (page: number, x: number, y: number) => ({ page, rects: [[x, y, 1, 1] as [number, number, number, number]] });
    const sorted = [at(2, 0, 0), at(1, 50, 100), at(1, 10, 100), at(1, 0, 300)].sort(compareHighlights);
    expect(sorted).toEqual([at(1, 10, 100), at(1, 50, 100), at(1, 0, 300), at(2, 0, 0)]);
  });
});
