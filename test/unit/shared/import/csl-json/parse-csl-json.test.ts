import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { newPaper, paperSchema } from '../../../../../shared/model/library';
import type { ImportResult, PaperDraft } from '../../../../../shared/import/import-record';
import { parseCslJson } from '../../../../../shared/import/csl-json/parse-csl-json';

function fixture(name: string): string {
  return readFileSync(new URL(`../../../../fixtures/csl-json/${name}`, import.meta.url), 'utf8');
}

/** Each draft must make a paper the library accepts. */
function expectValidPapers(result: ImportResult): void {
  for (const record of result.records) {
    const parsed = paperSchema.safeParse(newPaper({ id: 'p1', ...record.paper }, '2024-01-01T00:00:00.000Z'));
    expect(parsed.success, JSON.stringify(parsed.error?.issues.slice(0, 3))).toBe(true);
  }
}

function only(result: ImportResult): PaperDraft {
  expect(result.records).toHaveLength(1);
  const paper = result.records[0]?.paper;
  if (paper === undefined) throw new Error('no record');
  return paper;
}

/** One item, as a one-element array. */
function item(fields: Record<string, unknown>): string {
  return JSON.stringify([{ type: 'book', title: 'T', ...fields }]);
}

function prng(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

describe('parseCslJson on the real exports in test/fixtures/csl-json', () => {
  it.each([
    // [file, items (SOURCES.md), record warnings, types (from the CSL types the file uses)]
    // 15 article-journal + 1 article-newspaper; 5 webpage; 4 chapter; 1 book.
    ['zotero-better-csl-26-items.json', 26, 0, { article: 16, webpage: 5, chapter: 4, book: 1 }],
    // 6 webpage, 7 book, 1 article-journal, 1 manuscript.
    ['zotero-better-csl-dates.json', 15, 2, { webpage: 6, book: 7, article: 1, misc: 1 }],
    // 11 book, 2 chapter, entry + legislation + patent, 1 webpage, 1 paper-conference, 2 report, 4 thesis, 4 article-journal.
    ['citation-js-biblatex-csl.json', 28, 0, { book: 11, chapter: 2, misc: 3, webpage: 1, inproceedings: 1, report: 2, thesis: 4, article: 4 }],
  ])('%s has exactly %i items', (file, items, recordWarnings, types) => {
    const text = fixture(file);
    // Counted without the parser: every item in these exports has exactly one "citation-key".
    expect(text.match(/"citation-key":/g)).toHaveLength(items);
    const result = parseCslJson(text);
    expect(result.format).toBe('csl-json');
    expect(result.records).toHaveLength(items);
    const counted: Record<string, number> = {};
    for (const record of result.records) counted[record.paper.type] = (counted[record.paper.type] ?? 0) + 1;
    expect(counted).toEqual(types);
    expect(result.warnings).toEqual([]);
    expect(result.records.flatMap((record) => record.warnings)).toHaveLength(recordWarnings);
    expectValidPapers(result);
  });

  describe('zotero-better-csl-26-items.json', () => {
    const result = parseCslJson(fixture('zotero-better-csl-26-items.json'));

    it('uses the full DOI from URL over Better BibTeX’s shortDOI, and keeps the shortDOI', () => {
      const record = result.records[0];
      expect(record?.line).toBe(2);
      expect(record?.paper).toEqual({
        type: 'article',
        title: 'Perceptions of disability and their impact upon involvement in sport for people with disabilities at all levels',
        authors: [{ family: 'Brittain', given: 'Ian' }],
        keywords: [],
        year: 2004,
        venue: 'Journal of Sport and Social Issues',
        doi: '10.1177/0193723504268729',
        url: 'https://doi.org/10.1177/0193723504268729',
        citationKey: 'brittain2004',
        extra: {
          DOI: '10/fqd6hj',
          ISSN: '0193-7235',
          accessed: '{"date-parts":[["2019",4,28]]}',
          issue: '4',
          language: 'en',
          page: '429–452',
          source: 'SAGE Journals',
          volume: '28',
        },
      });
    });

    it('keeps an institutional author whole and a full date in extra', () => {
      const record = result.records[3];
      expect(record?.line).toBe(120);
      expect(record?.paper).toMatchObject({
        type: 'webpage',
        title: 'Semenya, ASA and IAAF: Planning update',
        authors: [{ literal: 'Court of Arbitration for Sport' }],
        year: 2019,
        venue: 'Court of Arbitration for Sport',
        citationKey: 'courtofarbitrationforsport2019',
      });
      expect(record?.paper.doi).toBeUndefined();
      expect(record?.paper.extra).toMatchObject({ issued: '{"date-parts":[["2019",3,21]]}', 'title-short': 'Semenya, ASA and IAAF' });
    });

    it('imports article-newspaper as an article and remembers the CSL type', () => {
      const paper = result.records[16]?.paper;
      expect(paper).toMatchObject({
        type: 'article',
        title:
          "Caster Semenya wins 800 m: Beaten GB finalist Lynsey Sharp criticises rule changes over 'obvious' hyperandrogenous women",
        authors: [{ family: 'Morgan', given: 'Tom' }],
        year: 2016,
        venue: 'The Telegraph',
        citationKey: 'morgan2016',
      });
      expect(paper?.extra.type).toBe('article-newspaper');
    });

    it('reads a book with no container', () => {
      const paper = result.records[19]?.paper;
      expect(paper).toMatchObject({ type: 'book', title: 'Doing visual ethnography', year: 2013, citationKey: 'pink2013' });
      expect(paper?.venue).toBeUndefined();
      expect(paper?.extra).toMatchObject({ ISBN: '978-1-4462-1116-8', edition: '3', publisher: 'SAGE' });
      expect(paper?.extra.issued).toBeUndefined();
    });
  });

  describe('zotero-better-csl-dates.json', () => {
    const result = parseCslJson(fixture('zotero-better-csl-dates.json'));
    const byKey = new Map(result.records.map((record) => [record.paper.citationKey, record]));

    it.each([
      ['doe10_edtf_2011', 2011, '{"circa":true,"date-parts":[["2011",5,25],["2012",6,26]]}'],
      ['doe12_edtf_2011', 2011, '{"circa":true,"date-parts":[["2011",5]]}'],
      ['doe13_season_2017', 2017, '{"circa":true,"date-parts":[[2017]],"season":4}'],
      ['doe14_date2010_2010', 2011, undefined],
      ['doe7_politics_1985', 1985, '{"date-parts":[[1985]],"season":1}'],
      ['t1', 2014, '{"date-parts":[["2014",12,31],["2015",1,1]]}'],
      ['t3', 2014, '{"date-parts":[["2014",12,31],[0]]}'],
      ['t4', 2014, '{"date-parts":[["2014",12,31]]}'],
    ])('%s: year %i', (key, year, issued) => {
      const record = byKey.get(key);
      expect(record?.paper.year).toBe(year);
      expect(record?.paper.extra.issued).toBe(issued);
      expect(record?.warnings).toEqual([]);
    });

    it('warns about years before the common era and keeps the date', () => {
      for (const [key, line] of [
        ['t5', 375],
        ['t6', 427],
      ] as const) {
        const record = byKey.get(key);
        expect(record?.paper.year).toBeUndefined();
        expect(record?.line).toBe(line);
        expect(record?.warnings).toEqual([
          { entry: key, line, message: 'The date is before the common era, which a year cannot hold; kept it in extra.issued.' },
        ]);
      }
      expect(byKey.get('t5')?.paper.extra.issued).toBe('{"date-parts":[["-334"]]}');
    });

    it('leaves an item without issued yearless and silent, keeping its other dates', () => {
      const record = byKey.get('t2');
      expect(record?.paper.year).toBeUndefined();
      expect(record?.warnings).toEqual([]);
      expect(record?.paper.extra).toMatchObject({
        accessed: '{"literal":"13th cent"}',
        'event-date': '{"date-parts":[["1800",1,1],["1800",12,31]]}',
        submitted: '{"date-parts":[["1900",1,1],["1900",12,31]]}',
      });
    });

    it('reads a literal author and an ISBN list as they are', () => {
      const paper = byKey.get('doe15_multiple_2017')?.paper;
      expect(paper).toMatchObject({ type: 'book', title: 'multiple ISBNs', authors: [{ literal: 'Doe15' }], year: 2017 });
      expect(paper?.extra.ISBN).toBe('0-943396-04-2 0-85131-041-9');
    });
  });

  describe('citation-js-biblatex-csl.json', () => {
    const result = parseCslJson(fixture('citation-js-biblatex-csl.json'));

    it('reads the first item, keeping container-author as JSON', () => {
      expect(result.records[0]?.paper).toEqual({
        type: 'book',
        title: 'Roverandom',
        authors: [{ family: 'Tolkien', given: 'J R R' }],
        keywords: [],
        year: 2008,
        venue: 'Tales from the Perilous Realm',
        citationKey: 'tolkien:single',
        extra: {
          'container-author': '[{"given":"J R R","family":"Tolkien"}]',
          ISBN: '9780007280599',
          'original-date': '{"date-parts":[[1998]]}',
          page: '1-97',
          'number-of-pages': '97',
          'publisher-place': 'London, UK',
          publisher: 'HarperCollinsPublishers',
        },
      });
    });

    it('imports the type "entry" as misc and keeps a translator with a particle', () => {
      const paper = result.records[9]?.paper;
      expect(paper).toMatchObject({ type: 'misc', title: 'Conifeerachtige Planten', year: 2007, venue: 'Encyclopedie van Planten' });
      expect(paper?.extra.type).toBe('entry');
      expect(paper?.extra.translator).toBe('[{"given":"Ruud","family":"Rosmalen","non-dropping-particle":"van"}]');
    });

    it('splits the comma-string keyword of a conference paper', () => {
      const paper = result.records[14]?.paper;
      expect(paper).toMatchObject({
        type: 'inproceedings',
        title: 'Using Semantic Technologies to Enhance Metadata Submissions to Public Repositories in Biomedicine',
        year: 2018,
        venue: 'Proceedings of the 11th International Conference Semantic Web Applications and Tools for Life Sciences',
        keywords: ['Metadata', 'Metadata Management', 'Ontologies'],
        url: 'http://ceur-ws.org/Vol-2275/paper1.pdf',
      });
      expect(paper?.authors).toHaveLength(7);
      expect(paper?.extra).toMatchObject({ 'event-title': 'SWAT4HCLS', issued: '{"date-parts":[[2018,12,13]]}' });
      expect(JSON.parse(paper?.extra.editor ?? '[]')).toHaveLength(5);
    });

    it('folds a suffix into the given name and keeps the original names', () => {
      const paper = result.records[20]?.paper;
      expect(paper?.type).toBe('report');
      expect(paper?.authors).toHaveLength(12);
      expect(paper?.authors[6]).toEqual({ family: 'May', given: 'Keith' });
      expect(paper?.extra.author).toContain('{"family":"May","suffix":"Keith"}');
      expect(paper?.extra).toMatchObject({ genre: 'techreport', status: 'prepublished', version: '1.4.8' });
    });

    it('keeps an object field (custom) as JSON, and a DOI as written', () => {
      expect(result.records[24]?.paper).toMatchObject({
        type: 'article',
        citationKey: 'Willighagen2019CitationjsAF',
        venue: 'PeerJ Computer Science',
        year: 2019,
        extra: { volume: '5', custom: '{"S2ID":"202004462"}' },
      });
      expect(result.records[22]?.paper.doi).toBe('10.11646/ZOOTAXA.3311.1.1');
      expect(result.records[21]?.paper.type).toBe('article');
    });
  });
});

describe('parseCslJson containers', () => {
  it('reads an array of items, with the line where each starts', () => {
    const result = parseCslJson('[\n  {"type": "book", "title": "A"},\n\n  {"type": "book", "title": "B"}\n]');
    expect(result.records.map((record) => [record.line, record.paper.title])).toEqual([
      [2, 'A'],
      [4, 'B'],
    ]);
  });

  it('reads a single item', () => {
    const result = parseCslJson('\n\n{"type": "book", "title": "Alone"}');
    expect(only(result).title).toBe('Alone');
    expect(result.records[0]?.line).toBe(3);
  });

  it('reads the Zotero web API form { "items": [...] }', () => {
    const result = parseCslJson('{\n"meta": [{"type": "book"}],\n"items": [\n{"type": "book", "title": "A"},\n{"type": "book", "title": "B"}]}');
    expect(result.records.map((record) => [record.line, record.paper.title])).toEqual([
      [4, 'A'],
      [5, 'B'],
    ]);
    expect(result.warnings).toEqual([]);
  });

  it('reads a file that starts with a BOM', () => {
    expect(only(parseCslJson('\uFEFF[{"type": "book", "title": "A"}]')).title).toBe('A');
  });

  it('takes an empty array as no items, without a warning', () => {
    expect(parseCslJson('[]')).toEqual({ format: 'csl-json', records: [], warnings: [] });
  });

  it('skips items that are not objects, with a warning each, and keeps the others', () => {
    const result = parseCslJson('[\n1,\n"text",\nnull,\n[],\n{"type": "book", "title": "Kept"},\ntrue\n]');
    expect(result.records.map((record) => record.paper.title)).toEqual(['Kept']);
    expect(result.warnings).toEqual([
      { line: 2, message: 'Item 1 is a number, not a CSL item; skipped it.' },
      { line: 3, message: 'Item 2 is a string, not a CSL item; skipped it.' },
      { line: 4, message: 'Item 3 is null, not a CSL item; skipped it.' },
      { line: 5, message: 'Item 4 is an array, not a CSL item; skipped it.' },
      { line: 7, message: 'Item 6 is a boolean, not a CSL item; skipped it.' },
    ]);
  });

  it.each([
    ['42', 'a number'],
    ['null', 'null'],
    ['"text"', 'a string'],
    ['{"name": "not CSL"}', 'an object without CSL fields'],
  ])('refuses the top-level value %s with one warning', (text, found) => {
    expect(parseCslJson(text)).toEqual({
      format: 'csl-json',
      records: [],
      warnings: [{ line: 1, message: `Expected a list of CSL-JSON items, found ${found}.` }],
    });
  });

  it.each([
    ['a missing colon', '[\n  {"title" "A"}\n]', 2, 12],
    ['a trailing comma', '[\n  {"title": "A"},\n]', 3, 1],
    ['a comment', '// note\n[]', 1, 1],
    ['an unclosed array', '[\n  {"title": "A"}', 2, 17],
    ['empty text', '', 1, 1],
    ['single quotes', "[{'title': 'A'}]", 1, 3],
  ])('reports %s as one warning with line and column, and no items', (_name, text, line, column) => {
    const result = parseCslJson(text);
    expect(result.records).toEqual([]);
    expect(result.warnings).toHaveLength(1);
    expect(result.warnings[0]?.line).toBe(line);
    expect(result.warnings[0]?.message).toMatch(new RegExp(`^Not valid JSON at line ${line}, column ${column} \\(\\w+\\): `));
  });
});

describe('parseCslJson fields', () => {
  it.each([
    ['numbers', { 'date-parts': [[2004, 5, 1]] }, 2004],
    ['strings', { 'date-parts': [['2004', '5']] }, 2004],
    ['raw', { raw: '2004-05-01' }, 2004],
    ['raw EDTF range', { raw: '2011-05-25~/2012-06-26~' }, 2011],
    ['literal', { literal: 'Spring 2004' }, 2004],
    ['season and circa', { 'date-parts': [[2017]], season: 4, circa: true }, 2017],
    ['an open start', { 'date-parts': [[0], [2012]] }, 2012],
    ['a plain string (not CSL)', '2004-05', 2004],
  ])('issued as %s', (_name, issued, year) => {
    const result = parseCslJson(item({ issued }));
    expect(only(result).year).toBe(year);
    expect(result.records[0]?.warnings).toEqual([]);
  });

  it('does not repeat a year-only issued in extra', () => {
    expect(only(parseCslJson(item({ issued: { 'date-parts': [['2004']] } }))).extra).toEqual({});
  });

  it.each([
    ['a literal without a year', { literal: '13th cent' }, 'No year in "issued" ({"literal":"13th cent"}); kept it in extra.issued.'],
    ['empty date-parts', { 'date-parts': [] }, 'No year in "issued" ({"date-parts":[]}); kept it in extra.issued.'],
    ['a year before the common era', { 'date-parts': [['-334']] }, 'The date is before the common era, which a year cannot hold; kept it in extra.issued.'],
  ])('warns about issued as %s', (_name, issued, message) => {
    const result = parseCslJson(item({ id: 'k', issued }));
    expect(only(result).year).toBeUndefined();
    expect(only(result).extra.issued).toBe(JSON.stringify(issued));
    expect(result.records[0]?.warnings).toEqual([{ entry: 'k', line: 1, message }]);
  });

  it.each([
    ['family and given', [{ family: 'Doe', given: 'Jane' }], [{ family: 'Doe', given: 'Jane' }], false],
    ['literal', [{ literal: 'World Health Organization' }], [{ literal: 'World Health Organization' }], false],
    ['an institution as family only', [{ family: 'Court of Arbitration for Sport' }], [{ literal: 'Court of Arbitration for Sport' }], false],
    ['given only', [{ given: 'Madonna' }], [{ literal: 'Madonna' }], false],
    ['a non-dropping particle', [{ family: 'Gogh', given: 'Vincent', 'non-dropping-particle': 'van' }], [{ family: 'van Gogh', given: 'Vincent' }], true],
    ['a dropping particle', [{ family: 'Beethoven', given: 'Ludwig', 'dropping-particle': 'van' }], [{ family: 'Beethoven', given: 'Ludwig van' }], true],
    ['a suffix', [{ family: 'King', given: 'Martin Luther', suffix: 'Jr.' }], [{ family: 'King', given: 'Martin Luther, Jr.' }], true],
    ['a plain string (not CSL)', ['Jane Doe'], [{ literal: 'Jane Doe' }], false],
  ])('author: %s', (_name, author, authors, kept) => {
    const result = parseCslJson(item({ author }));
    expect(only(result).authors).toEqual(authors);
    expect(only(result).extra.author).toBe(kept ? JSON.stringify(author) : undefined);
    expect(result.records[0]?.warnings).toEqual([]);
  });

  it('skips a nameless author with a warning and keeps the list', () => {
    const result = parseCslJson(item({ id: 'k', author: [{ family: 'Doe', given: 'J' }, {}, 7] }));
    expect(only(result).authors).toEqual([{ family: 'Doe', given: 'J' }]);
    expect(only(result).extra.author).toBe('[{"family":"Doe","given":"J"},{},7]');
    expect(result.records[0]?.warnings.map((warning) => warning.message)).toEqual([
      'Author 2 has no name; skipped it.',
      'Author 3 has no name; skipped it.',
    ]);
  });

  it('keeps an author field that is not a list in extra, with a warning', () => {
    const result = parseCslJson(item({ author: 'Jane Doe' }));
    expect(only(result).authors).toEqual([]);
    expect(only(result).extra.author).toBe('Jane Doe');
    expect(result.records[0]?.warnings.map((warning) => warning.message)).toEqual(['"author" is not a list of names; kept it in extra.']);
  });

  it.each([
    ['a comma string', 'alpha, beta,gamma , ,alpha', ['alpha', 'beta', 'gamma']],
    ['a list (not CSL)', ['alpha', ' beta '], ['alpha', 'beta']],
  ])('keyword as %s', (_name, keyword, keywords) => {
    const paper = only(parseCslJson(item({ keyword })));
    expect(paper.keywords).toEqual(keywords);
    expect(paper.extra).toEqual({});
  });

  it('maps container-title, DOI, URL, abstract, citation-key and id', () => {
    const paper = only(
      parseCslJson(
        item({
          'container-title': 'Journal of Things',
          DOI: 'https://doi.org/10.1000/XYZ',
          URL: 'https://example.org/a',
          abstract: '  The abstract.\nTwo lines.  ',
          'citation-key': 'doe2020',
          id: 'doe2020',
        }),
      ),
    );
    expect(paper).toEqual({
      type: 'book',
      title: 'T',
      authors: [],
      keywords: [],
      extra: {},
      venue: 'Journal of Things',
      doi: '10.1000/XYZ',
      url: 'https://example.org/a',
      abstract: 'The abstract.\nTwo lines.',
      citationKey: 'doe2020',
    });
  });

  it.each([
    ['only id, a number', { id: 42 }, '42', {}],
    ['citation-key over a different id', { id: 'ITEM-1', 'citation-key': 'doe2020' }, 'doe2020', { id: 'ITEM-1' }],
  ])('citation key from %s', (_name, fields, citationKey, extra) => {
    const paper = only(parseCslJson(item(fields)));
    expect(paper.citationKey).toBe(citationKey);
    expect(paper.extra).toEqual(extra);
  });

  it('keeps a DOI it cannot read in extra, with a warning', () => {
    const result = parseCslJson(item({ id: 'k', DOI: 'unknown' }));
    expect(only(result).doi).toBeUndefined();
    expect(only(result).extra).toEqual({ DOI: 'unknown' });
    expect(result.records[0]?.warnings).toEqual([{ entry: 'k', line: 1, message: '"unknown" is not a DOI; kept it in extra.DOI.' }]);
  });

  it.each([
    ['article-journal', 'article', undefined],
    ['paper-conference', 'inproceedings', undefined],
    ['chapter', 'chapter', undefined],
    ['book', 'book', undefined],
    ['thesis', 'thesis', undefined],
    ['report', 'report', undefined],
    ['webpage', 'webpage', undefined],
    ['dataset', 'dataset', undefined],
    ['software', 'software', undefined],
    ['article', 'article', undefined],
    ['article-magazine', 'article', 'article-magazine'],
    ['post-weblog', 'webpage', 'post-weblog'],
    ['entry-encyclopedia', 'chapter', 'entry-encyclopedia'],
    ['manuscript', 'misc', 'manuscript'],
    ['patent', 'misc', 'patent'],
  ])('type %s → %s', (cslType, type, kept) => {
    const result = parseCslJson(item({ type: cslType }));
    expect(only(result).type).toBe(type);
    expect(only(result).extra.type).toBe(kept);
    expect(result.records[0]?.warnings).toEqual([]);
  });

  it.each([
    ['an arXiv DOI', { DOI: '10.48550/arXiv.2101.00001' }, '2101.00001'],
    ['an arxiv.org URL', { URL: 'https://arxiv.org/abs/2101.00001v3' }, '2101.00001v3'],
    ['an arXiv: number', { number: 'arXiv:2101.00001' }, '2101.00001'],
    ['a Zotero note', { note: 'arXiv: 2101.00001' }, '2101.00001'],
  ])('type article with %s → preprint', (_name, fields, arxivId) => {
    expect(only(parseCslJson(item({ type: 'article', ...fields })))).toMatchObject({ type: 'preprint', arxivId });
  });

  it.each(['legal-thing', 'constructor', '__proto__', 'toString'])('type %s is unknown: misc, with a warning', (cslType) => {
    const result = parseCslJson(item({ id: 'k', type: cslType }));
    expect(only(result).type).toBe('misc');
    expect(only(result).extra.type).toBe(cslType);
    expect(result.records[0]?.warnings).toEqual([{ entry: 'k', line: 1, message: `Unknown CSL type "${cslType}"; imported it as misc.` }]);
  });

  it('warns about an item without a type or a title', () => {
    const result = parseCslJson('[{"id": "k"}]');
    expect(only(result)).toMatchObject({ type: 'misc', title: '', citationKey: 'k' });
    expect(result.records[0]?.warnings.map((warning) => warning.message)).toEqual([
      'The item has no type; imported it as misc.',
      'The item has no title.',
    ]);
  });

  it('copies every other field to extra: text as is, numbers and booleans as text, lists and objects as JSON', () => {
    const paper = only(
      parseCslJson(
        item({
          publisher: 'SAGE',
          volume: 28,
          'number-of-pages': '248',
          flag: true,
          editor: [{ family: 'Roe', given: 'R' }],
          custom: { S2ID: '1' },
          empty: '',
          blank: '  ',
          nothing: null,
          none: [],
          bare: {},
        }),
      ),
    );
    expect(paper.extra).toEqual({
      publisher: 'SAGE',
      volume: '28',
      'number-of-pages': '248',
      flag: 'true',
      editor: '[{"family":"Roe","given":"R"}]',
      custom: '{"S2ID":"1"}',
    });
  });

  it('keeps a title that is not text in extra, with a warning', () => {
    const result = parseCslJson(item({ title: ['A', 'B'] }));
    expect(only(result).title).toBe('');
    expect(only(result).extra.title).toBe('["A","B"]');
    expect(result.records[0]?.warnings.map((warning) => warning.message)).toEqual([
      '"title" is not text; kept it in extra.',
      'The item has no title.',
    ]);
  });
});

describe('parseCslJson and prototype pollution', () => {
  it.each([
    ['__proto__ on an item', '[{"type": "book", "title": "A", "__proto__": {"polluted": "yes", "type": "thesis"}}]'],
    ['constructor.prototype on an item', '[{"type": "book", "title": "A", "constructor": {"prototype": {"polluted": "yes"}}}]'],
    ['prototype on an item', '[{"type": "book", "title": "A", "prototype": {"polluted": "yes"}}]'],
    ['__proto__ at the top', '{"__proto__": {"polluted": "yes"}, "type": "book", "title": "A"}'],
    ['__proto__ in the items wrapper', '{"__proto__": {"polluted": "yes"}, "items": [{"type": "book", "title": "A"}]}'],
    ['__proto__ in a name and a date', '[{"type": "book", "title": "A", "author": [{"__proto__": {"polluted": "yes"}, "family": "Doe", "given": "J"}], "issued": {"__proto__": {"date-parts": [[1999]]}, "date-parts": [[2004]]}}]'],
  ])('%s reaches no prototype', (_name, text) => {
    const result = parseCslJson(text);
    const paper = only(result);
    expect(paper.title).toBe('A');
    expect(paper.type).toBe('book');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.getPrototypeOf(paper.extra)).toBe(Object.prototype);
    expect(Object.getPrototypeOf(paper)).toBe(Object.prototype);
    for (const key of ['__proto__', 'constructor', 'prototype']) expect(Object.hasOwn(paper.extra, key)).toBe(false);
    expect(paper.extra.polluted).toBeUndefined();
  });

  it('says which unsafe field it dropped', () => {
    const result = parseCslJson('[{"id": "k", "type": "book", "title": "A", "__proto__": 1, "constructor": 2}]');
    expect(result.records[0]?.warnings).toEqual([
      { entry: 'k', line: 1, message: 'Ignored the field "__proto__".' },
      { entry: 'k', line: 1, message: 'Ignored the field "constructor".' },
    ]);
  });

  it('reads the date and names, not what a __proto__ key says about them', () => {
    const paper = only(
      parseCslJson(
        '[{"type": "book", "title": "A", "author": [{"__proto__": {"literal": "X"}, "family": "Doe", "given": "J"}], "issued": {"__proto__": {"date-parts": [[1999]]}, "date-parts": [[2004]]}}]',
      ),
    );
    expect(paper.authors).toEqual([{ family: 'Doe', given: 'J' }]);
    expect(paper.year).toBe(2004);
  });
});

describe('parseCslJson robustness', () => {
  it('never throws on garbage, and whatever it makes is a valid paper', () => {
    const random = prng(11);
    const pieces = ['[', ']', '{', '}', ',', ':', '"type"', '"title"', '"author"', '"issued"', '"date-parts"', '"__proto__"', '"x"', '1', '-3', 'null', 'true', ' ', '\n', '"\\u0000"', '"\\uD800"'];
    for (let run = 0; run < 300; run++) {
      let text = '';
      const length = Math.floor(random() * 60);
      for (let index = 0; index < length; index++) text += pieces[Math.floor(random() * pieces.length)];
      const result = parseCslJson(text);
      expect(result.format).toBe('csl-json');
      expectValidPapers(result);
    }
  });

  it('never throws on valid JSON of the wrong shapes', () => {
    const shapes: unknown[] = [
      [{ type: 1, title: {}, author: {}, issued: [], keyword: 5, DOI: 7, URL: [], abstract: {}, id: {}, 'container-title': [] }],
      [{ author: [null, 1, 'x', [], { family: 5, given: [] }], issued: { 'date-parts': 'x', raw: 9 } }],
      { items: [{ title: 'x'.repeat(20_000) }] },
    ];
    for (const shape of shapes) expectValidPapers(parseCslJson(JSON.stringify(shape)));
  });

  it('reads 10 MB of real items (a hang guard: the timeout fails it, no time is asserted)', { timeout: 60_000 }, () => {
    const items = JSON.parse(fixture('zotero-better-csl-26-items.json')) as unknown[];
    const one = JSON.stringify(items, null, 2);
    const copies = Math.ceil((10 * 1024 * 1024) / one.length);
    const text = JSON.stringify(Array.from({ length: copies }, () => items).flat(), null, 2);
    const result = parseCslJson(text);
    expect(result.records).toHaveLength(26 * copies);
    expect(result.records.at(-1)?.line).toBeGreaterThan(100_000);
  });
});
