import { describe, expect, it } from 'vitest';
import type { AbstractComparisonOutput } from '../../../../shared/api/contract';
import { markPieces } from '../../../../renderer/src/compare/abstract-marks';
import { alignSentences, compareRows } from '../../../../renderer/src/compare/compare-rows';

describe('markPieces', () => {
  //              0         1         2
  //              0123456789012345678901234
  const text = 'Deep agents learn fast.';
  it.each([
    ['plain text stays one piece', [], [], [], [{ start: 0, end: 23, match: false }]],
    [
      'shared and unique words',
      [{ start: 5, end: 11 }],
      [{ start: 12, end: 17 }],
      [],
      [
        { start: 0, end: 5, match: false },
        { start: 5, end: 11, term: 'shared', match: false },
        { start: 11, end: 12, match: false },
        { start: 12, end: 17, term: 'unique', match: false },
        { start: 17, end: 23, match: false },
      ],
    ],
    [
      'a search match across a shared word is cut at its edges',
      [{ start: 5, end: 11 }],
      [],
      [[0, 8] as const],
      [
        { start: 0, end: 5, match: true },
        { start: 5, end: 8, term: 'shared', match: true },
        { start: 8, end: 11, term: 'shared', match: false },
        { start: 11, end: 23, match: false },
      ],
    ],
  ] as const)('%s', (_name, shared, unique, matches, expected) => {
    expect(markPieces(0, text.length, shared, unique, matches)).toEqual(expected);
  });

  it('cuts only inside the sentence asked for', () => {
    expect(markPieces(12, 23, [{ start: 5, end: 11 }], [{ start: 12, end: 17 }], [])).toEqual([
      { start: 12, end: 17, term: 'unique', match: false },
      { start: 17, end: 23, match: false },
    ]);
  });
});

function sentence(start: number, matches: Array<[string, number | null, number]>) {
  return { start, end: start + 5, matches: matches.map(([paperId, index, score]) => ({ paperId, sentence: index, score })) };
}

describe('alignSentences', () => {
  it('gives a row per sentence of the first paper with each other paper’s best match, once, and the rest after', () => {
    const analysis: AbstractComparisonOutput = {
      similarity: [],
      papers: [
        { id: 'a', shared: [], unique: [], sentences: [sentence(0, [['b', 1, 0.5]]), sentence(6, [['b', 1, 0.3]]), sentence(12, [['b', null, 0]])] },
        { id: 'b', shared: [], unique: [], sentences: [sentence(0, [['a', 0, 0.1]]), sentence(6, [['a', 0, 0.5]]), sentence(12, [['a', 1, 0.2]])] },
      ],
    };
    const alignment = alignSentences(analysis);
    expect(alignment.get('a')).toEqual({ rows: [0, 1, 2], repeatOf: [undefined, undefined, undefined], rest: [] });
    expect(alignment.get('b')).toEqual({ rows: [1, 1, null], repeatOf: [undefined, 0, undefined], rest: [0, 2] });
  });
});

describe('compareRows', () => {
  it('puts custom columns after the decision and sentence rows in place of the abstract', () => {
    const columns = [{ id: 'c1', name: 'Design', kind: 'text' as const }];
    expect(compareRows(columns, undefined).map((row) => row.key)).toEqual(['title', 'authors', 'year', 'venue', 'tags', 'decision', 'column-c1', 'abstract', 'notes']);
    expect(compareRows([], 2).map((row) => row.label)).toEqual(['Title', 'Authors', 'Year', 'Venue', 'Tags', 'Decision', 'Sentence 1', 'Sentence 2', 'Other sentences', 'Notes']);
  });
});
