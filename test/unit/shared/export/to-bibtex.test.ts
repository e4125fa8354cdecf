import { describe, expect, it } from 'vitest';
import { toBibtex, type BibtexDialect } from '../../../../shared/export/to-bibtex';
import { parseBibtex } from '../../../../shared/import/bibtex/parse-bibtex';
import type { PaperDraft } from '../../../../shared/import/import-record';
import { newPaper, paperTypes, type Paper } from '../../../../shared/model/library';

const now = '2026-01-01T00:00:00.000Z';
const paper = (fields: Partial<Paper>): Paper => newPaper({ id: 'p', title: 'A Title', authors: [{ family: 'Doe', given: 'Jane' }], year: 2020, ...fields }, now);
const readBack = (text: string): PaperDraft => {
  const [record] = parseBibtex(text).records;
  if (!record) throw new Error(`nothing read from ${text}`);
  return record.paper;
};
const dialects: BibtexDialect[] = ['bibtex', 'biblatex'];

describe('toBibtex', () => {
  it.each(dialects.flatMap((dialect) => paperTypes.flatMap((type) => [[dialect, type, false], [dialect, type, true]] as const)))(
    '%s: a %s (arXiv id: %s) reads back as its type, or the report says why not',
    (dialect, type, withArxiv) => {
      const { text, report } = toBibtex([paper({ type, ...(withArxiv ? { arxivId: '2101.00001' } : {}) })], { dialect });
      const again = readBack(text);
      const dropped = report[0]?.dropped.map((item) => item.field) ?? [];
      if (again.type !== type) expect(dropped).toContain('type');
      else expect(dropped).not.toContain('type');
      if (withArxiv) expect(again.arxivId).toBe('2101.00001');
    },
  );

  // Every entry type the importer knows, read from a file, comes back as itself where the dialect has it.
  const entryTypes = [
    'article', 'book', 'booklet', 'conference', 'inbook', 'incollection', 'inproceedings', 'manual', 'mastersthesis', 'misc',
    'phdthesis', 'proceedings', 'techreport', 'unpublished', 'mvbook', 'bookinbook', 'suppbook', 'collection', 'mvcollection',
    'suppcollection', 'dataset', 'online', 'patent', 'periodical', 'suppperiodical', 'mvproceedings', 'reference', 'mvreference',
    'inreference', 'report', 'set', 'software', 'thesis', 'electronic', 'www', 'artwork', 'audio', 'letter', 'standard', 'video',
  ];
  it.each(entryTypes)('@%s is written again by the BibLaTeX exporter', (entryType) => {
    const imported = readBack(`@${entryType}{key, title = {T}, author = {Doe, Jane}}`);
    const { text, report } = toBibtex([paper(imported)], { dialect: 'biblatex' });
    expect(text.startsWith(`@${entryType}{key,`)).toBe(true);
    expect(report).toEqual([]);
    expect(readBack(text).type).toBe(imported.type);
  });

  it('writes a BibLaTeX-only entry type as its BibTeX equivalent and says so', () => {
    const imported = readBack('@online{key, title = {T}, url = {https://example.org}}');
    const { text, report } = toBibtex([paper(imported)], { dialect: 'bibtex' });
    expect(text.startsWith('@misc{key,')).toBe(true);
    expect(report[0]?.dropped).toEqual([
      { field: 'extra.entrytype', reason: '@online is not a BibTeX entry type' },
      { field: 'type', reason: 'BibTeX has no entry type that reads back as webpage; written as @misc, read as misc' },
    ]);
  });

  it('puts the venue before an imported journal field, which the importer would otherwise take', () => {
    const imported = readBack('@article{key, title = {T}, journaltitle = {The Journal}, journal = {J. Abbrev.}}');
    expect(imported.venue).toBe('The Journal');
    for (const dialect of dialects) {
      const again = readBack(toBibtex([paper(imported)], { dialect }).text);
      expect(again.venue).toBe('The Journal');
      expect(again.extra.journal).toBe('J. Abbrev.');
    }
  });

  it('writes a year with more in it as it was, and BibLaTeX a full date instead of the year', () => {
    const withLetter = readBack('@book{key, title = {T}, year = {1994a}}');
    expect(toBibtex([paper(withLetter)], { dialect: 'bibtex' }).text).toContain('year = {1994a}');
    const dated = readBack('@book{key, title = {T}, date = {1984/1986}}');
    const biblatex = toBibtex([paper(dated)], { dialect: 'biblatex' }).text;
    expect(biblatex).toContain('date = {1984/1986}');
    expect(biblatex).not.toContain('year =');
    expect(toBibtex([paper(dated)], { dialect: 'bibtex' }).text).toContain('year = {1984},\n  date = {1984/1986}');
  });

  it('keeps another eprint and finds the arXiv id elsewhere, or reports it', () => {
    const jstor = { eprint: '12345', eprinttype: 'jstor' };
    const inUrl = toBibtex([paper({ type: 'preprint', arxivId: '2101.00001', url: 'https://arxiv.org/abs/2101.00001', extra: jstor })], { dialect: 'biblatex' });
    expect(inUrl.report).toEqual([]);
    expect(readBack(inUrl.text).arxivId).toBe('2101.00001');
    const nowhere = toBibtex([paper({ type: 'preprint', arxivId: '2101.00001', extra: jstor })], { dialect: 'biblatex' });
    expect(nowhere.report[0]?.dropped).toContainEqual({ field: 'arxivId', reason: 'BibLaTeX has one eprint field, which holds extra.eprint' });
  });

  it('reports a URL whose braces BibTeX cannot hold', () => {
    const { text, report } = toBibtex([paper({ url: 'https://example.org/}{' })], { dialect: 'bibtex' });
    expect(text).not.toContain('url =');
    expect(report[0]?.dropped).toEqual([{ field: 'url', reason: 'BibTeX cannot hold its unbalanced braces' }]);
  });

  it('translates fields of other formats and reports those it has no field for', () => {
    const { text, report } = toBibtex(
      [paper({ extra: { PB: 'Press', CY: 'Paris', SP: '1', DB: 'Scopus', editor: 'Roe, Rita; Poe, Edgar', Y2: '2024/01/15' } })],
      { dialect: 'biblatex' },
    );
    expect(text).toContain('publisher = {Press},\n  location = {Paris},');
    expect(text).toContain('editor = {Roe, Rita and Poe, Edgar},\n  urldate = {2024-01-15}');
    expect(report[0]?.dropped).toEqual([
      { field: 'extra.SP', reason: 'BibLaTeX has no field for it' },
      { field: 'extra.DB', reason: 'BibLaTeX has no field for it' },
    ]);
  });

  it('writes an entry with nothing but a key', () => {
    expect(toBibtex([newPaper({ id: 'p', title: '' }, now)], { dialect: 'bibtex' }).text).toBe('@misc{paper\n}\n');
  });
});
