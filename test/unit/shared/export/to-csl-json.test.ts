import { describe, expect, it } from 'vitest';
import { toCslJson } from '../../../../shared/export/to-csl-json';
import { parseCslJson } from '../../../../shared/import/csl-json/parse-csl-json';
import type { PaperDraft } from '../../../../shared/import/import-record';
import { newPaper, paperTypes, type Paper } from '../../../../shared/model/library';

const now = '2026-01-01T00:00:00.000Z';
const paper = (fields: Partial<Paper>): Paper => newPaper({ id: 'p', title: 'A Title', authors: [{ family: 'Doe', given: 'Jane' }], year: 2020, ...fields }, now);
const readBack = (text: string): PaperDraft => {
  const [record] = parseCslJson(text).records;
  if (!record) throw new Error(`nothing read from ${text}`);
  return record.paper;
};
const items = (text: string) => JSON.parse(text) as Array<Record<string, unknown>>;

describe('toCslJson', () => {
  it('writes standard CSL items', () => {
    const { text } = toCslJson([
      paper({ type: 'article', venue: 'J', doi: '10.1000/x', url: 'https://x.org', abstract: 'A.', keywords: ['a', 'b'], authors: [{ family: 'King', given: 'Martin Luther, Jr.' }, { literal: 'WHO' }] }),
    ]);
    expect(items(text)).toEqual([
      {
        id: 'king2020title',
        'citation-key': 'king2020title',
        type: 'article-journal',
        title: 'A Title',
        author: [{ family: 'King', given: 'Martin Luther', suffix: 'Jr.' }, { literal: 'WHO' }],
        'container-title': 'J',
        issued: { 'date-parts': [[2020]] },
        DOI: '10.1000/x',
        URL: 'https://x.org',
        abstract: 'A.',
        keyword: 'a, b',
      },
    ]);
    expect(readBack(text).authors).toEqual([{ family: 'King', given: 'Martin Luther, Jr.' }, { literal: 'WHO' }]);
  });

  it.each(paperTypes.flatMap((type) => [[type, false], [type, true]] as const))('a %s (arXiv id: %s) reads back as its type, or the report says why not', (type, withArxiv) => {
    const { text, report } = toCslJson([paper({ type, ...(withArxiv ? { arxivId: '2101.00001' } : {}) })]);
    const again = readBack(text);
    const dropped = report[0]?.dropped.map((item) => item.field) ?? [];
    if (again.type !== type) expect(dropped).toContain('type');
    else expect(dropped).not.toContain('type');
    if (withArxiv) expect(again.arxivId).toBe('2101.00001');
  });

  const types = [
    'article', 'article-journal', 'article-magazine', 'article-newspaper', 'review', 'review-book', 'paper-conference', 'chapter',
    'entry-dictionary', 'entry-encyclopedia', 'book', 'collection', 'thesis', 'report', 'standard', 'webpage', 'post', 'post-weblog',
    'dataset', 'software', 'document', 'patent', 'legislation', 'manuscript',
  ];
  it.each(types)('the CSL type %s is written again', (type) => {
    const imported = readBack(JSON.stringify([{ id: 'k', type, title: 'T' }]));
    const { text, report } = toCslJson([paper(imported)]);
    // A plain `article` is a journal article to Sift, written back as CSL's `article-journal`.
    expect(items(text)[0]?.type).toBe(type === 'article' ? 'article-journal' : type);
    expect(report).toEqual([]);
    expect(readBack(text).type).toBe(imported.type);
  });

  it('puts an arXiv id in number, else archive_location, else reports it', () => {
    expect(items(toCslJson([paper({ type: 'preprint', arxivId: '2101.00001' })]).text)[0]?.number).toBe('arXiv:2101.00001');
    const numbered = toCslJson([paper({ type: 'preprint', arxivId: '2101.00001', extra: { number: '7', PMID: '1' } })]);
    expect(items(numbered.text)[0]).toMatchObject({ number: '7', archive_location: 'arXiv:2101.00001' });
    const full = toCslJson([paper({ type: 'preprint', arxivId: '2101.00001', extra: { number: '7', archive_location: 'Box 3', PMID: '1' } })]);
    expect(full.report[0]?.dropped).toContainEqual({ field: 'arxivId', reason: 'CSL-JSON has no arXiv variable, and number and archive_location hold other values' });
    expect(toCslJson([paper({ type: 'preprint', arxivId: '2101.00001', url: 'https://arxiv.org/abs/2101.00001' })]).text).not.toContain('arXiv:');
  });

  it('reports a keyword with a comma, which CSL reads as two', () => {
    const { report } = toCslJson([paper({ keywords: ['Humans, Male'] })]);
    expect(report[0]?.dropped).toEqual([{ field: 'keywords', reason: 'CSL-JSON separates keywords with commas, so "Humans, Male" reads back as 2 keywords' }]);
  });

  it('writes imported detail again while it agrees with the paper, and reports it when it does not', () => {
    const imported = readBack(JSON.stringify([{ id: 'k', type: 'article-journal', title: 'T', issued: { 'date-parts': [[2004, 5, 1]] }, author: [{ family: 'Waals', 'non-dropping-particle': 'van der', given: 'J.' }] }]));
    expect(items(toCslJson([paper(imported)]).text)[0]).toMatchObject({ issued: { 'date-parts': [[2004, 5, 1]] }, author: [{ family: 'Waals', 'non-dropping-particle': 'van der', given: 'J.' }] });
    const edited = toCslJson([paper({ ...imported, year: 2005, authors: [{ family: 'Other', given: 'A.' }] })]);
    expect(items(edited.text)[0]).toMatchObject({ issued: { 'date-parts': [[2005]] }, author: [{ family: 'Other', given: 'A.' }] });
    expect(edited.report[0]?.dropped.map((item) => item.field)).toEqual(['extra.author', 'extra.issued']);
  });

  it('translates fields of other formats to CSL variables and reports the rest', () => {
    const extra = { publisher: 'Press', address: 'Paris', pages: '97--105', editor: 'Roe, Rita and {IEEE}', urldate: '2024-01-15', timestamp: 'x', DB: 'Scopus' };
    const { text, report } = toCslJson([paper({ extra })]);
    expect(items(text)[0]).toMatchObject({
      publisher: 'Press',
      'publisher-place': 'Paris',
      page: '97--105',
      editor: [{ family: 'Roe', given: 'Rita' }, { literal: 'IEEE' }],
      accessed: { 'date-parts': [[2024, 1, 15]] },
    });
    expect(report[0]?.dropped).toEqual([
      { field: 'extra.timestamp', reason: 'CSL-JSON has no variable for it' },
      { field: 'extra.DB', reason: 'CSL-JSON has no variable for it' },
    ]);
  });
});
