import { describe, expect, it } from 'vitest';
import { findInPages, queryPattern, type PageText } from '../../../../renderer/src/pdf/find-in-pages';

const page = (...lines: Array<string[]>): PageText => ({
  items: lines.flat(),
  eol: lines.flatMap((line) => line.map((_, index) => index === line.length - 1)),
});

describe('findInPages', () => {
  const pages = [
    page(['Trace-based Just-in-Time Type'], ['Specialization for Dynamic Languages']),
    undefined, // not read yet
    page(['records a', ' ', 'trace tree', ' ', 'covering'], ['nested trace'], ['trees. TRACE TREES again']),
  ];

  it.each([
    ['a word in one item', 'dynamic', [{ page: 1, start: { item: 1, offset: 19 }, end: { item: 1, offset: 26 } }]],
    [
      'a phrase across a line end',
      'type specialization',
      [{ page: 1, start: { item: 0, offset: 25 }, end: { item: 1, offset: 14 } }],
    ],
    [
      'every match, in order, whatever the case',
      'trace tree',
      [
        { page: 3, start: { item: 2, offset: 0 }, end: { item: 2, offset: 10 } },
        { page: 3, start: { item: 5, offset: 7 }, end: { item: 6, offset: 4 } },
        { page: 3, start: { item: 6, offset: 7 }, end: { item: 6, offset: 17 } },
      ],
    ],
    ['nothing for white space only', '   ', []],
    ['nothing that is not there', 'monad', []],
  ])('finds %s', (_name, query, expected) => {
    expect(findInPages(pages, query)).toEqual(expected);
  });

  it('treats the query as text, not as a pattern', () => {
    expect(findInPages([page(['a.b a+b (c)'])], 'a+b')).toEqual([{ page: 1, start: { item: 0, offset: 4 }, end: { item: 0, offset: 7 } }]);
    expect(findInPages([page(['a.b a+b (c)'])], '(c)')).toHaveLength(1);
    expect(queryPattern('a.b')?.test('axb')).toBe(false);
  });

  it('stops at the limit', () => {
    expect(findInPages([page(['a a a a a'])], 'a', 3)).toHaveLength(3);
  });
});
