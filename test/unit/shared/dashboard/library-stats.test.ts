import { describe, expect, it } from 'vitest';
import { filterQuery } from '../../../../shared/dashboard/filter-query';
import { libraryStats, venueKey, yearBars, type StatsPaper } from '../../../../shared/dashboard/library-stats';

function paper(fields: Partial<StatsPaper> = {}): StatsPaper {
  return { tags: [], status: 'unread', attachments: [], notes: [], ...fields };
}

const attachment = { id: 'a', file: 'a.pdf', sha256: '0'.repeat(64), bytes: 1 };
const note = { id: 'n', body: 'x', createdAt: '2024-01-01T00:00:00.000Z', updatedAt: '2024-01-01T00:00:00.000Z' };

describe('the library overview of the dashboard', () => {
  it('counts an empty library as zeros and empty lists', () => {
    expect(libraryStats([])).toEqual({
      papers: 0,
      years: [],
      noYear: 0,
      tags: [],
      tagCount: 0,
      venues: [],
      venueCount: 0,
      noVenue: 0,
      status: { unread: 0, reading: 0, read: 0 },
      sources: [],
      withPdf: 0,
      withNotes: 0,
    });
  });

  it('counts papers per year, oldest first, and those without a year apart', () => {
    const stats = libraryStats([paper({ year: 2021 }), paper({ year: 2019 }), paper({ year: 2021 }), paper(), paper({ year: 0 })]);
    expect(stats.years).toEqual([
      { year: 0, count: 1 },
      { year: 2019, count: 1 },
      { year: 2021, count: 2 },
    ]);
    expect(stats.noYear).toBe(1);
    expect(stats.papers).toBe(5);
  });

  it('counts tags by full name, and a parent counts the distinct papers of its subtree', () => {
    const stats = libraryStats([
      paper({ tags: ['method/rct', 'method/rl'] }),
      paper({ tags: ['method/rct', 'rl'] }),
      paper({ tags: ['method'] }),
      paper({ tags: ['a/b/c'] }),
    ]);
    expect(stats.tags).toEqual([
      { label: 'method', count: 3 },
      { label: 'method/rct', count: 2 },
      { label: 'a', count: 1 },
      { label: 'a/b', count: 1 },
      { label: 'a/b/c', count: 1 },
      { label: 'method/rl', count: 1 },
      { label: 'rl', count: 1 },
    ]);
    expect(stats.tagCount).toBe(7);
  });

  it('lists the top N tags and venues, most papers first, ties by name', () => {
    const papers = ['c', 'b', 'a', 'd', 'd'].map((tag) => paper({ tags: [tag], venue: tag.toUpperCase() }));
    const stats = libraryStats(papers, 3);
    expect(stats.tags).toEqual([
      { label: 'd', count: 2 },
      { label: 'a', count: 1 },
      { label: 'b', count: 1 },
    ]);
    expect(stats.venues.map((venue) => venue.label)).toEqual(['D', 'A', 'B']);
    expect([stats.tagCount, stats.venueCount]).toEqual([4, 4]);
  });

  it('groups venues without case and runs of white space, under their most used spelling', () => {
    const stats = libraryStats([
      paper({ venue: 'NeurIPS' }),
      paper({ venue: ' neurips ' }),
      paper({ venue: 'NeurIPS' }),
      paper({ venue: 'Nature  Medicine' }),
      paper({ venue: 'nature medicine' }),
      paper({ venue: '   ' }),
      paper(),
    ]);
    expect(stats.venues).toEqual([
      { label: 'NeurIPS', count: 3 },
      { label: 'Nature Medicine', count: 2 },
    ]);
    expect(stats.noVenue).toBe(2);
  });

  it('counts reading status, import formats (no source: manual), PDFs and notes', () => {
    const source = (format: string) => ({ format, importedAt: '2024-01-01T00:00:00.000Z' });
    const stats = libraryStats([
      paper({ status: 'read', source: source('bibtex'), attachments: [attachment] }),
      paper({ status: 'reading', source: source('BibTeX'), notes: [note] }),
      paper({ status: 'read', source: source('ris') }),
      paper(),
    ]);
    expect(stats.status).toEqual({ unread: 1, reading: 1, read: 2 });
    expect(stats.sources).toEqual([
      { label: 'bibtex', count: 2 },
      { label: 'manual', count: 1 },
      { label: 'ris', count: 1 },
    ]);
    expect([stats.withPdf, stats.withNotes]).toEqual([1, 1]);
  });

  it.each([
    ['NeurIPS', 'neurips'],
    ['  Nature \t Medicine ', 'nature medicine'],
  ])('groups the venue %j as %j', (venue, key) => {
    expect(venueKey(venue)).toBe(key);
  });
});

describe('the bars of the papers-per-year chart', () => {
  it.each([
    ['no years: no bars', [], []],
    ['one year', [{ year: 2020, count: 3 }], [{ year: 2020, count: 3 }]],
    [
      'the years between get empty bars',
      [
        { year: 2019, count: 1 },
        { year: 2022, count: 2 },
      ],
      [
        { year: 2019, count: 1 },
        { year: 2020, count: 0 },
        { year: 2021, count: 0 },
        { year: 2022, count: 2 },
      ],
    ],
    [
      'a span too wide keeps only the years with papers',
      [
        { year: 1900, count: 1 },
        { year: 2022, count: 2 },
      ],
      [
        { year: 1900, count: 1 },
        { year: 2022, count: 2 },
      ],
    ],
  ])('%s', (_name, years, expected) => {
    expect(yearBars(years)).toEqual(expected);
  });
});

describe('the query a click on a bar runs', () => {
  it.each([
    ['year', 2021, 'year:2021'],
    ['tag', 'method/rct', 'tag:method/rct'],
    ['tag', 'to read', 'tag:"to read"'],
    ['venue', 'Nature  Medicine', 'venue:"Nature Medicine"'],
    ['venue', 'The "Best" Venue', 'venue:"The Best Venue"'],
    ['status', 'read', 'status:read'],
  ] as const)('%s %j → %s', (field, value, query) => {
    expect(filterQuery(field, value)).toBe(query);
  });
});
