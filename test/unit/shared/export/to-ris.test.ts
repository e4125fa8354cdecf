import { describe, expect, it } from 'vitest';
import { toRis } from '../../../../shared/export/to-ris';
import type { PaperDraft } from '../../../../shared/import/import-record';
import { parseRis } from '../../../../shared/import/ris/parse-ris';
import { newPaper, paperTypes, type Paper } from '../../../../shared/model/library';

const now = '2026-01-01T00:00:00.000Z';
const paper = (fields: Partial<Paper>): Paper => newPaper({ id: 'p', title: 'A Title', authors: [{ family: 'Doe', given: 'Jane' }], year: 2020, ...fields }, now);
const readBack = (text: string): PaperDraft => {
  const [record] = parseRis(text).records;
  if (!record) throw new Error(`nothing read from ${text}`);
  return record.paper;
};

describe('toRis', () => {
  it('writes the tags in RIS form, CRLF, with ER and a blank line after each record', () => {
    const { text } = toRis([paper({ venue: 'J', doi: '10.1000/x', keywords: ['a', 'b'], abstract: 'First.\nSecond.' }), paper({ id: 'q' })]);
    expect(text.split('\r\n')).toEqual([
      'TY  - GEN', 'ID  - doe2020title', 'TI  - A Title', 'AU  - Doe, Jane', 'PY  - 2020', 'T2  - J', 'AB  - First.', 'Second.', 'KW  - a', 'KW  - b',
      'DO  - 10.1000/x', 'ER  - ', '',
      'TY  - GEN', 'ID  - doe2020titlea', 'TI  - A Title', 'AU  - Doe, Jane', 'PY  - 2020', 'ER  - ', '',
    ]);
  });

  it.each(paperTypes.flatMap((type) => [[type, false], [type, true]] as const))('a %s (arXiv id: %s) reads back as its type, or the report says why not', (type, withArxiv) => {
    const { text, report } = toRis([paper({ type, ...(withArxiv ? { arxivId: '2101.00001' } : {}) })]);
    const again = readBack(text);
    const dropped = report[0]?.dropped.map((item) => item.field) ?? [];
    if (again.type !== type) expect(dropped).toContain('type');
    else expect(dropped).not.toContain('type');
    if (withArxiv) expect(again.arxivId).toBe('2101.00001');
  });

  const types = [
    'JOUR', 'JFULL', 'EJOUR', 'INPR', 'ABST', 'MGZN', 'NEWS', 'CONF', 'CPAPER', 'CHAP', 'ECHAP', 'BOOK', 'EBOOK', 'EDBOOK', 'THES', 'RPRT',
    'GOVDOC', 'STAND', 'ELEC', 'WEB', 'BLOG', 'DATA', 'DBASE', 'AGGR', 'COMP', 'GEN', 'PAT', 'UNPB', 'MANSCPT', 'CASE',
  ];
  it.each(types)('TY  - %s is written again', (ty) => {
    const imported = readBack(`TY  - ${ty}\r\nTI  - T\r\nER  - \r\n`);
    const { text, report } = toRis([paper(imported)]);
    expect(text.startsWith(`TY  - ${ty}\r\n`)).toBe(true);
    expect(report).toEqual([]);
    expect(readBack(text).type).toBe(imported.type);
  });

  it('writes the venue as JF when the record has a JO of its own, which the importer would prefer to T2', () => {
    const imported = readBack('TY  - JOUR\nTI  - T\nJF  - Full Journal\nJO  - Other Journal\nER  - \n');
    expect(imported.extra.JO).toBe('Other Journal');
    const { text } = toRis([paper(imported)]);
    expect(text).toContain('JF  - Full Journal\r\n');
    expect(readBack(text).venue).toBe('Full Journal');
  });

  it('keeps a continuation line that looks like a tag inside its value', () => {
    const abstract = 'Results:\nER  - not the end\nAU  - not an author';
    const again = readBack(toRis([paper({ abstract })]).text);
    expect(again.abstract).toBe(abstract);
    expect(again.authors).toEqual([{ family: 'Doe', given: 'Jane' }]);
  });

  it('names an arXiv id in L2 only when no DO or UR does', () => {
    expect(toRis([paper({ type: 'preprint', arxivId: '2101.00001' })]).text).toContain('L2  - https://arxiv.org/abs/2101.00001\r\n');
    expect(toRis([paper({ type: 'preprint', arxivId: '2101.00001', url: 'https://arxiv.org/abs/2101.00001' })]).text).not.toContain('L2  -');
  });

  it('reports a name RIS would split at its comma', () => {
    const { report } = toRis([paper({ authors: [{ literal: 'Smith, Barney & Co' }] })]);
    expect(report[0]?.dropped).toEqual([{ field: 'authors', reason: 'RIS splits names at "," and ";", so "Smith, Barney & Co" reads back differently' }]);
  });

  it('translates fields of other formats to their tags and reports the rest', () => {
    const extra = { publisher: 'Press', address: 'Paris', pages: '97–105', editor: 'Roe, Rita and {IEEE}', timestamp: 'x', date: '2020-03/2020-04' };
    const { text, report } = toRis([paper({ extra })]);
    expect(text).toContain('PB  - Press\r\nCY  - Paris\r\nSP  - 97–105\r\nED  - Roe, Rita\r\nED  - IEEE\r\nDA  - 2020/03\r\n');
    expect(report[0]?.dropped).toEqual([
      { field: 'extra.timestamp', reason: 'RIS has no tag for it' },
      { field: 'extra.date', reason: 'written as 2020/03; its end date cannot be written' },
    ]);
  });
});
