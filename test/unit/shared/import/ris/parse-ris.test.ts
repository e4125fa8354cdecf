import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { newPaper, paperSchema } from '../../../../../shared/model/library';
import type { ImportResult, PaperDraft } from '../../../../../shared/import/import-record';
import { parseRis } from '../../../../../shared/import/ris/parse-ris';
import { fitDraft } from '../../../../../shared/import/fit-draft';

function fixture(name: string): string {
  return readFileSync(new URL(`../../../../fixtures/ris/${name}`, import.meta.url), 'utf8');
}

/**
 * The record count, found without the parser: lines that start with `TY  - `, letting a UTF-8 BOM
 * stand before the first one (Lens writes one, and a plain `^TY  -` then finds 99 of 100).
 */
function countTyLines(text: string): number {
  return text.split(/\r\n|\r|\n/).filter((line) => /^\uFEFF?TY {2}- /.test(line)).length;
}

/** Each draft must make a paper the library accepts. */
function expectValidPapers(result: ImportResult): void {
  for (const record of result.records) {
    const parsed = paperSchema.safeParse(newPaper({ id: 'p1', ...record.paper }, '2024-01-01T00:00:00.000Z'));
    expect(parsed.success, JSON.stringify(parsed.error?.issues.slice(0, 3))).toBe(true);
  }
}

function ris(...lines: string[]): string {
  return `${lines.join('\n')}\n`;
}

function only(result: ImportResult): PaperDraft {
  expect(result.records).toHaveLength(1);
  const paper = result.records[0]?.paper;
  if (paper === undefined) throw new Error('no record');
  return paper;
}

/** A deterministic pseudo-random generator, so garbage tests are reproducible. */
function prng(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

describe('parseRis on the real exports in test/fixtures/ris', () => {
  it.each([
    // [file, records (SOURCES.md), record warnings, warnings outside records, types]
    ['lens-export-100.ris', 100, 1, 0, { article: 100 }],
    ['scopus.ris', 6, 0, 0, { article: 6 }],
    ['web_of_science.ris', 10, 0, 0, { article: 10 }],
    ['ovid_psycinfo.ris', 6, 0, 6, { article: 6 }],
    // 17 JOUR, one CASE, one GEN.
    ['rayyan-multiline-keywords.ris', 19, 0, 0, { article: 17, misc: 2 }],
  ])('%s has exactly %i records', (file, records, recordWarnings, outsideWarnings, types) => {
    const text = fixture(file);
    const result = parseRis(text);
    expect(countTyLines(text)).toBe(records);
    expect(result.format).toBe('ris');
    expect(result.records).toHaveLength(records);
    const counted: Record<string, number> = {};
    for (const record of result.records) counted[record.paper.type] = (counted[record.paper.type] ?? 0) + 1;
    expect(counted).toEqual(types);
    expect(result.records.flatMap((record) => record.warnings)).toHaveLength(recordWarnings);
    expect(result.warnings).toHaveLength(outsideWarnings);
    expectValidPapers(result);
  });

  describe('lens-export-100.ris (BOM, CRLF, "ER  -" without a space)', () => {
    const result = parseRis(fixture('lens-export-100.ris'));

    it('reads the first record, which starts behind the BOM', () => {
      const first = result.records[0];
      expect(first?.line).toBe(1);
      expect(first?.paper).toMatchObject({
        type: 'article',
        title:
          'The Value of Radiologic Interventions and 18 F-DOPA PET in Diagnosing and Localizing Focal Congenital Hyperinsulinism: Systematic Review and Meta-Analysis',
        year: 2012,
        venue: 'Molecular imaging and biology',
        doi: '10.1007/s11307-012-0572-0',
        url: 'https://lens.org/000-463-679-101-319',
        citationKey: '000-463-679-101-319',
        keywords: [],
      });
      expect(first?.paper.authors).toHaveLength(5);
      expect(first?.paper.authors[0]).toEqual({ family: 'Blomberg', given: 'Björn A.' });
      expect(first?.paper.extra).toMatchObject({
        volume: '15',
        issue: '1',
        pages: '97-105',
        issn: '18602002; 15361632',
        file: 'https://link.springer.com/content/pdf/10.1007%2Fs11307-012-0572-0.pdf',
        DA: '2012/07/03',
        PB: 'Springer New York',
        CY: 'Netherlands',
      });
      // Seven L2 lines, in order.
      expect(first?.paper.extra.L2?.split('; ')).toHaveLength(7);
      expect(first?.paper.abstract?.startsWith('This systematic review and meta-analysis aimed to quantify')).toBe(true);
    });

    it('keeps diacritics and particles in names, and four KW lines as four keywords', () => {
      const paper = result.records[1]?.paper;
      expect(paper?.title).toBe('Electrochemotherapy in Mucosal Cancer of the Head and Neck: A Systematic Review.');
      expect(paper?.authors).toHaveLength(11);
      expect(paper?.authors.slice(0, 2)).toEqual([
        { family: 'Strojan', given: 'Primož' },
        { family: 'Grošelj', given: 'Aleš' },
      ]);
      expect(paper?.authors[6]).toEqual({ family: 'de Bree', given: 'Remco' });
      expect(paper?.keywords).toEqual(['electrochemotherapy', 'head and neck cancer', 'quality of life', 'systematic review']);
      expect(paper).toMatchObject({ year: 2021, venue: 'Cancers', doi: '10.3390/cancers13061254' });
      expect(paper?.extra.pages).toBe('1254');
    });

    it('reads the last record, whose first author Lens wrote as "van den Hoven, null"', () => {
      const last = result.records[99];
      expect(last?.line).toBe(3442);
      expect(last?.paper).toMatchObject({
        title:
          'The effect of intra-arterial angiotensin II on the hepatic tumor to non-tumor blood flow ratio for radioembolization: a systematic review',
        year: 2014,
        venue: 'Journal of Vascular and Interventional Radiology',
        doi: '10.1016/j.jvir.2013.12.293',
      });
      expect(last?.paper.authors[0]).toEqual({ literal: 'van den Hoven' });
      expect(last?.paper.authors[1]).toEqual({ family: 'Smits', given: 'Maarten L. J.' });
      expect(last?.paper.extra).toMatchObject({ pages: 'S105', volume: '25', issue: '3', issn: '10510443; 15357732' });
      expect(last?.warnings).toEqual([
        { entry: '152-434-819-130-920', line: 3444, message: 'Dropped the given name "null" from "van den Hoven, null".' },
      ]);
    });
  });

  describe('scopus.ris (huge N1 reference lists on untagged lines)', () => {
    const result = parseRis(fixture('scopus.ris'));

    it('reads the first record and keeps every note, reference lines included', () => {
      const paper = result.records[0]?.paper;
      expect(paper).toMatchObject({
        type: 'article',
        title:
          'Stress and the brain-gut axis in functional and chronic-inflammatory gastrointestinal diseases: A transdisciplinary challenge',
        year: 2020,
        venue: 'Psychoneuroendocrinology',
        doi: '10.1016/j.psyneuen.2019.104501',
      });
      expect(paper?.authors).toEqual([
        { family: 'Labanski', given: 'A.' },
        { family: 'Langhorst', given: 'J.' },
        { family: 'Engler', given: 'H.' },
        { family: 'Elsenbruch', given: 'S.' },
      ]);
      expect(paper?.keywords).toHaveLength(9);
      expect(paper?.extra).toMatchObject({ volume: '111', issn: '03064530 (ISSN)', C7: '104501', DB: 'Scopus', M3: 'Review' });
      // J2 repeats T2 word for word, so it is not kept twice.
      expect(paper?.extra.J2).toBeUndefined();
      expect(paper?.extra.note?.startsWith('Export Date: 18 November 2019\nCODEN: PSYCD\nCorrespondence Address:')).toBe(true);
      expect(paper?.extra.note).toContain('\nReferences: Agostini, A., Ballotta, D.');
      expect(paper?.extra.note).toContain('\nAgostini, A., Filippini, N., Benuzzi, F., Bertani, A.');
      expect(paper?.url?.startsWith('https://www.scopus.com/inward/record.uri?eid=2-s2.0-85074596690')).toBe(true);
    });

    it('drops a keyword the record lists twice ("brain" in record 5: 46 KW lines, 45 keywords)', () => {
      const keywords = result.records[4]?.paper.keywords ?? [];
      expect(keywords).toHaveLength(45);
      expect(keywords.filter((keyword) => keyword === 'brain')).toHaveLength(1);
    });

    it('reads the last record', () => {
      const paper = result.records[5]?.paper;
      expect(paper).toMatchObject({
        title: 'Role of brain imaging in disorders of brain-gut interaction: A Rome Working Team Report',
        year: 2019,
        venue: 'Gut',
        doi: '10.1136/gutjnl-2019-318308',
      });
      expect(paper?.authors).toHaveLength(9);
      expect(paper?.authors[7]).toEqual({ family: 'Van Oudenhove', given: 'L.' });
      expect(paper?.keywords).toHaveLength(45);
      expect(paper?.extra).toMatchObject({ volume: '68', issue: '9', pages: '1701-1715', C2: '31175206', LA: 'English' });
      expect(paper?.extra.note?.startsWith('Cited By :2\nExport Date: 18 November 2019\nCODEN: GUTTA\n')).toBe(true);
      expect(paper?.extra.note?.endsWith('(2014) Pain, 155, pp. 864-867')).toBe(true);
    });
  });

  describe('web_of_science.ris (WoS tags, upper-case journals)', () => {
    const result = parseRis(fixture('web_of_science.ris'));

    it('takes the year from PY and keeps "DA  - SEP" in extra', () => {
      const paper = result.records[0]?.paper;
      expect(paper).toMatchObject({
        title: 'Holding Yourself Captive: Perceptions of Custody During Interviews and Interrogations',
        year: 2018,
        venue: 'JOURNAL OF APPLIED RESEARCH IN MEMORY AND COGNITION',
        doi: '10.1016/j.jarmac.2018.03.001',
      });
      expect(paper?.authors).toEqual([
        { family: 'Alceste', given: 'F' },
        { family: 'Luke', given: 'TJ' },
        { family: 'Kassin', given: 'SM' },
      ]);
      expect(paper?.keywords).toHaveLength(11);
      expect(paper?.extra).toMatchObject({
        DA: 'SEP',
        pages: '387-397',
        issn: '2211-3681; 2211-369X',
        AN: 'WOS:000444108200009',
        J9: 'J APPL RES MEM COGN',
        JI: 'J. Appl. Res. Mem. Cogn.',
        note: 'Times Cited in Web of Science Core Collection:  5\nTotal Times Cited:  7\nCited Reference Count:  30',
        C3: 'City University of New York (CUNY) System; John Jay College of Criminal Justice (CUNY); City University of New York (CUNY) System; University of Gothenburg',
      });
    });

    it('reads the record written in another dialect (JO, ID, a doi.org UR)', () => {
      const record = result.records[7];
      expect(record?.line).toBe(339);
      expect(record?.paper).toMatchObject({
        title: 'Coerced Confessions and the Jury: An Experimental Test of the “Harmless Error” Rule',
        year: 1997,
        venue: 'Law and Human Behavior',
        doi: '10.1023/A:1024814009769',
        url: 'https://doi.org/10.1023/A:1024814009769',
        citationKey: 'Kassin1997',
        keywords: [],
      });
      expect(record?.paper.authors).toEqual([
        { family: 'Kassin', given: 'Saul M.' },
        { family: 'Sukel', given: 'Holly' },
      ]);
      expect(record?.paper.extra).toMatchObject({ DA: '1997/02/01', issn: '1573-661X', pages: '27-46' });
    });

    it('reads the last record', () => {
      const paper = result.records[9]?.paper;
      expect(paper).toMatchObject({
        title: 'On the power of secondary confession evidence',
        year: 2014,
        venue: 'PSYCHOLOGY CRIME & LAW',
        doi: '10.1080/1068316X.2013.777963',
      });
      expect(paper?.authors).toHaveLength(3);
      expect(paper?.keywords).toHaveLength(7);
      expect(paper?.extra).toMatchObject({ DA: 'APR 21', issn: '1068-316X; 1477-2744', PU: 'ROUTLEDGE JOURNALS, TAYLOR & FRANCIS LTD' });
    });
  });

  describe('ovid_psycinfo.ris (numbering lines, old tags, text after ER)', () => {
    const result = parseRis(fixture('ovid_psycinfo.ris'));

    it('reads T1/A1/Y1/N2 and a dx.doi.org DOI written twice', () => {
      const record = result.records[0];
      expect(record?.line).toBe(2);
      expect(record?.paper).toMatchObject({
        type: 'article',
        title:
          'The influence of self-criticism on depression symptoms among ambulatory patients with inflammatory bowel disease.',
        year: 2019,
        venue: 'Clinical Psychology & Psychotherapy',
        doi: '10.1002/cpp.2398',
        citationKey: '2019-65183-001',
        keywords: [],
      });
      expect(record?.paper.authors).toHaveLength(5);
      expect(record?.paper.authors[4]).toEqual({ family: 'Pinto-Gouveia', given: 'Jose' });
      expect(record?.paper.abstract?.startsWith('Considering that self-criticism is an important process')).toBe(true);
      expect(record?.paper.extra.DO).toBeUndefined();
      expect(record?.paper.extra.Y1).toBeUndefined();
      // "SP  - No" + "EP  - Specified" is Ovid's "No pagination specified", not a page range.
      expect(record?.paper.extra.pages).toBeUndefined();
      expect(record?.paper.extra).toMatchObject({ SP: 'No', EP: 'Specified', PB: 'John Wiley & Sons; US', issn: '1063-3995' });
    });

    it('keeps A2 (not an author) and the M1 reference list in extra', () => {
      const paper = result.records[1]?.paper;
      expect(paper?.title).toBe('Gender differences in inflammatory bowel disease: Explaining body image dissatisfaction.');
      expect(paper?.authors).toHaveLength(4);
      expect(paper?.keywords).toEqual(['*Body Image', '*Colon Disorders', '*Human Sex Differences', '*Self-Concept', '*Sex Roles', 'Symptoms']);
      expect(paper?.extra.A2?.startsWith('Andres, Bucchianeri, Buote, Byrne')).toBe(true);
      expect(paper?.extra.M1?.startsWith('Andres, PG, & Friedman, LS (1999).')).toBe(true);
      expect(paper?.extra).toMatchObject({ volume: '24', issue: '7', pages: '847-856' });
      expect(paper).toMatchObject({ year: 2019, venue: 'Journal of Health Psychology', doi: '10.1177/1359105317742958' });
    });

    it('warns once per gap about the NL and "Link to the Ovid Full Text" lines after each ER', () => {
      expect(result.warnings.map((warning) => warning.line)).toEqual([26, 104, 191, 218, 293, 327]);
      expect(result.warnings[0]?.message).toBe(
        'Ignored 2 lines outside any record (from "NL  - Clin Psychol Psychother"); a record starts with "TY  - ".',
      );
    });
  });

  describe('rayyan-multiline-keywords.ris (one keyword per untagged line)', () => {
    const result = parseRis(fixture('rayyan-multiline-keywords.ris'));

    it('makes each continuation line of KW a keyword of its own', () => {
      const paper = result.records[0]?.paper;
      expect(paper).toMatchObject({
        title: 'Overcoming Medication Reconciliation Challenges',
        authors: [],
        year: 2011,
        venue: 'Joint Commission Perspectives on Patient Safety',
        citationKey: '1',
      });
      expect(paper?.keywords).toHaveLength(13);
      expect(paper?.keywords[0]).toBe('Health Facility Administration');
      expect(paper?.keywords[12]).toBe('Patient Education');
      expect(paper?.extra).toMatchObject({
        AN: 'rayyan-264552525',
        pages: '1-5',
        ST: 'Overcoming Medication Reconciliation Challenges',
        note: 'pictorial; standards. Journal Subset: Health Services Administration; USA. NLM UID: 101144770.',
      });
    });

    it('counts keywords per record as the untagged lines say', () => {
      // Counted with awk: non-empty lines from a KW tag up to the next tag, per record.
      expect(result.records.map((record) => record.paper.keywords.length)).toEqual([
        13, 13, 13, 24, 28, 4, 10, 22, 10, 13, 10, 5, 6, 18, 27, 11, 5, 24, 22,
      ]);
    });

    it('keeps CASE and GEN records as misc with their RIS type', () => {
      expect(result.records[13]?.paper.type).toBe('misc');
      expect(result.records[13]?.paper.extra.TY).toBe('CASE');
      expect(result.records[16]?.paper.type).toBe('misc');
      expect(result.records[16]?.paper.extra.TY).toBe('GEN');
    });

    it('reads the last record, with an AD continued on untagged lines and no newline after ER', () => {
      const paper = result.records[18]?.paper;
      expect(paper).toMatchObject({
        title: 'Behavioral health care quality among marketplace insurers in 2019',
        year: 2021,
        venue: 'Psychiatric Services',
        doi: '10.1176/appi.ps.202000115',
        url: '<Go to ISI>://WOS:000614610400014',
        citationKey: '1060',
      });
      expect(paper?.authors).toEqual([
        { family: 'Abraham', given: 'J. M.' },
        { family: 'Cai', given: 'S. T.' },
        { family: 'Anderson', given: 'D.' },
        { family: 'Drake', given: 'C.' },
      ]);
      expect(paper?.keywords).toHaveLength(22);
      expect(paper?.extra).toMatchObject({
        AD: 'Univ Minnesota, Div Hlth Policy & Management, Minneapolis, MN 55455 USA\nUniv Pittsburgh, Dept Hlth Policy & Management, Pittsburgh, PA USA\nDuke Univ, Margolis Ctr Hlth Policy, Durham, NC USA',
        DA: 'Feb',
        J2: 'Psychiat Serv',
        pages: '200-203',
      });
    });
  });
});

describe('parseRis quirks', () => {
  it.each([
    ['a BOM', '\uFEFFTY  - JOUR\nTI  - A\nER  - \n'],
    ['CRLF line ends', 'TY  - JOUR\r\nTI  - A\r\nER  - \r\n'],
    ['CR line ends', 'TY  - JOUR\rTI  - A\rER  - \r'],
    ['"ER  -" without a trailing space', 'TY  - JOUR\nTI  - A\nER  -\n'],
    ['trailing spaces after the value', 'TY  - JOUR  \nTI  - A   \nER  -   \n'],
    ['no newline at the end', 'TY  - JOUR\nTI  - A\nER  - '],
    ['blank lines inside and between records', '\n\nTY  - JOUR\n\nTI  - A\n\nER  - \n\n\n'],
  ])('reads one clean record despite %s', (_name, text) => {
    const result = parseRis(text);
    expect(only(result)).toMatchObject({ type: 'article', title: 'A' });
    expect(result.records[0]?.warnings).toEqual([]);
    expect(result.warnings).toEqual([]);
  });

  it('reads a BOM in the middle, where two exports were concatenated', () => {
    const result = parseRis('\uFEFFTY  - JOUR\nTI  - A\nER  - \n\uFEFFTY  - BOOK\nTI  - B\nER  - \n');
    expect(result.records.map((record) => record.paper.title)).toEqual(['A', 'B']);
    expect(result.warnings).toEqual([]);
  });

  it.each([
    ['TI continued on the next line: joined with a space', ['TI  - A long', '   title'], { title: 'A long title' }],
    ['AB continued: the line break is kept', ['TI  - T', 'AB  - First paragraph.', 'Second paragraph.'], { abstract: 'First paragraph.\nSecond paragraph.' }],
    ['KW continued: one keyword per line', ['TI  - T', 'KW  - alpha', 'beta', '  gamma  '], { keywords: ['alpha', 'beta', 'gamma'] }],
    ['KW repeated: one keyword per tag, exact repeats once', ['TI  - T', 'KW  - alpha', 'KW  - beta', 'KW  - alpha', 'KW  - Alpha'], { keywords: ['alpha', 'beta', 'Alpha'] }],
  ])('%s', (_name, lines, expected) => {
    expect(only(parseRis(ris('TY  - JOUR', ...lines, 'ER  - ')))).toMatchObject(expected);
  });

  it('joins repeated unknown tags with "; " under the tag, in order', () => {
    const paper = only(parseRis(ris('TY  - JOUR', 'TI  - T', 'C3  - One', 'ZZ  - z', 'C3  - Two', 'C3  - Three', 'ER  - ')));
    expect(paper.extra).toEqual({ C3: 'One; Two; Three', ZZ: 'z' });
  });

  it('skips Ovid numbering lines silently and warns, with line numbers, about other text between records', () => {
    const result = parseRis(
      ris('1.', 'TY  - JOUR', 'TI  - A', 'ER  - ', '', 'Link to the full text: http://x', 'more junk', '', '2.', 'TY  - JOUR', 'TI  - B', 'ER  - ', 'trailing'),
    );
    expect(result.records.map((record) => [record.line, record.paper.title])).toEqual([
      [2, 'A'],
      [10, 'B'],
    ]);
    expect(result.warnings).toEqual([
      {
        line: 6,
        message: 'Ignored 2 lines outside any record (from "Link to the full text: http://x"); a record starts with "TY  - ".',
      },
      { line: 13, message: 'Ignored a line outside any record (from "trailing"); a record starts with "TY  - ".' },
    ]);
  });

  it('keeps a record that has no ER before the next TY or the end of the file, with a warning', () => {
    const result = parseRis(ris('TY  - JOUR', 'TI  - A', 'TY  - JOUR', 'TI  - B', 'ER  - ', 'TY  - BOOK', 'TI  - C'));
    expect(result.records.map((record) => record.paper.title)).toEqual(['A', 'B', 'C']);
    expect(result.records[0]?.warnings).toEqual([
      { entry: 'A', line: 1, message: 'The record has no "ER  - " line; it ends where the next record starts (line 3).' },
    ]);
    expect(result.records[1]?.warnings).toEqual([]);
    expect(result.records[2]?.warnings).toEqual([
      { entry: 'C', line: 6, message: 'The last record has no "ER  - " line before the end of the file.' },
    ]);
  });

  it.each([
    ['TI and T1 agree', ['TI  - Same', 'T1  - Same'], 'Same', {}],
    ['TI wins over a different T1, which stays in extra', ['T1  - Old', 'TI  - New'], 'New', { T1: 'Old' }],
    ['T1 alone', ['T1  - Old style'], 'Old style', {}],
    ['CT when there is nothing else', ['CT  - Unpublished work'], 'Unpublished work', {}],
  ])('title: %s', (_name, lines, title, extra) => {
    const paper = only(parseRis(ris('TY  - JOUR', ...lines, 'ER  - ')));
    expect(paper.title).toBe(title);
    expect(paper.extra).toEqual(extra);
  });

  it('warns about a record without a title', () => {
    const result = parseRis(ris('TY  - JOUR', 'AU  - Doe, Jane', 'ER  - '));
    expect(only(result).title).toBe('');
    expect(result.records[0]?.warnings).toEqual([{ line: 1, message: 'The record has no title (TI or T1).' }]);
  });

  it.each([
    ['JF over JO, T2 and JA', ['JA  - J Foo', 'T2  - JOURNAL OF FOO', 'JO  - Journal of Foo (JO)', 'JF  - Journal of Foo'], 'Journal of Foo', { JA: 'J Foo', T2: 'JOURNAL OF FOO', JO: 'Journal of Foo (JO)' }],
    ['JO over T2', ['T2  - Foo', 'JO  - Journal of Foo'], 'Journal of Foo', { T2: 'Foo' }],
    ['T2 over the abbreviations', ['J2  - J Foo', 'T2  - Journal of Foo'], 'Journal of Foo', { J2: 'J Foo' }],
    ['JA when it is all there is', ['JA  - J Foo'], 'J Foo', {}],
    ['a repeat of the chosen name is not kept twice', ['T2  - Gut', 'J2  - Gut'], 'Gut', {}],
  ])('venue: %s', (_name, lines, venue, extra) => {
    const paper = only(parseRis(ris('TY  - JOUR', 'TI  - T', ...lines, 'ER  - ')));
    expect(paper.venue).toBe(venue);
    expect(paper.extra).toEqual(extra);
  });

  it('uses BT as the book title of a BOOK and as the venue of a CHAP', () => {
    expect(only(parseRis(ris('TY  - BOOK', 'BT  - The Book', 'ER  - ')))).toMatchObject({ title: 'The Book' });
    const chapter = only(parseRis(ris('TY  - CHAP', 'TI  - A Chapter', 'BT  - The Book', 'ER  - ')));
    expect(chapter).toMatchObject({ type: 'chapter', title: 'A Chapter', venue: 'The Book' });
  });

  it.each([
    ['PY  - 2019', ['PY  - 2019'], 2019, {}],
    ['PY  - 2019/// (year only)', ['PY  - 2019///'], 2019, {}],
    ['PY  - 2012/07/03/ keeps the full date', ['PY  - 2012/07/03/'], 2012, { PY: '2012/07/03/' }],
    ['Y1  - 2019// (Ovid)', ['Y1  - 2019//'], 2019, {}],
    ['DA alone', ['DA  - 2004/03/01'], 2004, { DA: '2004/03/01' }],
    ['PY before DA', ['DA  - 2003/01/01', 'PY  - 2004'], 2004, { DA: '2003/01/01' }],
    ['DA  - SEP beside PY (WoS)', ['PY  - 2018', 'DA  - SEP'], 2018, { DA: 'SEP' }],
    ['an unreadable PY, DA has it', ['PY  - n.d.', 'DA  - 2003'], 2003, { PY: 'n.d.' }],
  ])('year: %s', (_name, lines, year, extra) => {
    const result = parseRis(ris('TY  - JOUR', 'TI  - T', ...lines, 'ER  - '));
    expect(only(result).year).toBe(year);
    expect(only(result).extra).toEqual(extra);
    expect(result.records[0]?.warnings).toEqual([]);
  });

  it('warns, with the line, when no date tag holds a year', () => {
    const result = parseRis(ris('TY  - JOUR', 'TI  - T', 'PY  - in press', 'ER  - '));
    expect(only(result).year).toBeUndefined();
    expect(only(result).extra).toEqual({ PY: 'in press' });
    expect(result.records[0]?.warnings).toEqual([{ entry: 'T', line: 3, message: 'No year in PY "in press".' }]);
  });

  it.each([
    ['Last, First', 'Smith, John', [{ family: 'Smith', given: 'John' }]],
    ['Last,First without a space', 'Smith,John', [{ family: 'Smith', given: 'John' }]],
    ['initials (WoS)', 'Alceste, F', [{ family: 'Alceste', given: 'F' }]],
    ['a particle', 'de Bree, Remco', [{ family: 'de Bree', given: 'Remco' }]],
    ['a suffix', 'King, Martin Luther, Jr.', [{ family: 'King', given: 'Martin Luther, Jr.' }]],
    ['an institution (no comma)', 'World Health Organization', [{ literal: 'World Health Organization' }]],
    ['a single word', 'Plato', [{ literal: 'Plato' }]],
    ['a family name and an empty given name', 'Smith,', [{ literal: 'Smith' }]],
    ['two people on one line', 'Smith, J.; Doe, A.', [{ family: 'Smith', given: 'J.' }, { family: 'Doe', given: 'A.' }]],
  ])('author: %s', (_name, name, authors) => {
    expect(only(parseRis(ris('TY  - JOUR', 'TI  - T', `AU  - ${name}`, 'ER  - '))).authors).toEqual(authors);
  });

  it('takes AU and A1 as authors in order, and keeps A2, A3 and ED out of them', () => {
    const paper = only(
      parseRis(ris('TY  - CHAP', 'TI  - T', 'A1  - One, A', 'A2  - Editor, E', 'AU  - Two, B', 'A3  - Series, S', 'ED  - Other, O', 'ED  - Else, E', 'ER  - ')),
    );
    expect(paper.authors).toEqual([
      { family: 'One', given: 'A' },
      { family: 'Two', given: 'B' },
    ]);
    expect(paper.extra).toEqual({ A2: 'Editor, E', A3: 'Series, S', editor: 'Other, O; Else, E' });
  });

  it.each([
    ['AB', ['AB  - The abstract.'], 'The abstract.', {}],
    ['N2 (old style)', ['N2  - The abstract.'], 'The abstract.', {}],
    ['AB first, a different N2 kept', ['N2  - Other text.', 'AB  - The abstract.'], 'The abstract.', { N2: 'Other text.' }],
  ])('abstract: %s', (_name, lines, abstract, extra) => {
    const paper = only(parseRis(ris('TY  - JOUR', 'TI  - T', ...lines, 'ER  - ')));
    expect(paper.abstract).toBe(abstract);
    expect(paper.extra).toEqual(extra);
  });

  it.each([
    ['a bare DOI', 'DO  - 10.1000/xyz.1', '10.1000/xyz.1'],
    ['https://doi.org/', 'DO  - https://doi.org/10.1000/xyz', '10.1000/xyz'],
    ['http://dx.doi.org/ (Ovid)', 'DO  - http://dx.doi.org/10.1002/cpp.2398', '10.1002/cpp.2398'],
    ['a percent-encoded URL', 'DO  - https://doi.org/10.1007%2Fs11307-012-0572-0', '10.1007/s11307-012-0572-0'],
    ['a doi: prefix', 'DO  - doi:10.1000/abc', '10.1000/abc'],
    ['a trailing period', 'DO  - 10.1000/abc.', '10.1000/abc'],
  ])('doi: %s', (_name, line, doi) => {
    const result = parseRis(ris('TY  - JOUR', 'TI  - T', line, 'ER  - '));
    expect(only(result).doi).toBe(doi);
    expect(only(result).extra).toEqual({});
    expect(result.records[0]?.warnings).toEqual([]);
  });

  it('keeps something that is not a DOI in extra.DO, with a warning', () => {
    const result = parseRis(ris('TY  - JOUR', 'TI  - T', 'DO  - see publisher site', 'ER  - '));
    expect(only(result).doi).toBeUndefined();
    expect(only(result).extra).toEqual({ DO: 'see publisher site' });
    expect(result.records[0]?.warnings).toEqual([
      { entry: 'T', line: 3, message: '"see publisher site" is not a DOI; kept it in extra.DO.' },
    ]);
  });

  it('keeps a second, different DOI in extra.DO', () => {
    const paper = only(parseRis(ris('TY  - JOUR', 'TI  - T', 'DO  - 10.1000/a', 'DO  - 10.1000/b', 'ER  - ')));
    expect(paper.doi).toBe('10.1000/a');
    expect(paper.extra).toEqual({ DO: '10.1000/b' });
  });

  it('takes the DOI from a doi.org UR when there is no DO, and keeps the UR as the url', () => {
    const paper = only(parseRis(ris('TY  - JOUR', 'TI  - T', 'UR  - https://doi.org/10.1023/A:1024814009769', 'ER  - ')));
    expect(paper).toMatchObject({ doi: '10.1023/A:1024814009769', url: 'https://doi.org/10.1023/A:1024814009769' });
  });

  it('maps UR, L1, L2, SN, VL, IS, SP, EP, AN, N1 and ID', () => {
    const paper = only(
      parseRis(
        ris(
          'TY  - JOUR',
          'TI  - T',
          'UR  - https://example.org/a',
          'UR  - https://example.org/b',
          'L1  - file:///papers/a.pdf',
          'L2  - https://example.org/full',
          'SN  - 1234-5678',
          'SN  - 978-3-16-148410-0',
          'VL  - 12',
          'IS  - 3',
          'SP  - 100',
          'EP  - 110',
          'AN  - WOS:000123',
          'N1  - First note; with a semicolon',
          'N1  - Second note',
          'ID  - smith2020',
          'ER  - ',
        ),
      ),
    );
    expect(paper.url).toBe('https://example.org/a');
    expect(paper.citationKey).toBe('smith2020');
    expect(paper.extra).toEqual({
      UR: 'https://example.org/b',
      file: 'file:///papers/a.pdf',
      L2: 'https://example.org/full',
      issn: '1234-5678',
      isbn: '978-3-16-148410-0',
      volume: '12',
      issue: '3',
      pages: '100-110',
      AN: 'WOS:000123',
      note: 'First note; with a semicolon\nSecond note',
    });
  });

  it.each([
    ['SP alone', ['SP  - 1254'], '1254'],
    ['SP already a range (Rayyan)', ['SP  - 1-5'], '1-5'],
    ['EP alone', ['EP  - 9'], '9'],
  ])('pages: %s', (_name, lines, pages) => {
    expect(only(parseRis(ris('TY  - JOUR', 'TI  - T', ...lines, 'ER  - '))).extra.pages).toBe(pages);
  });

  it.each([
    ['JOUR', 'article', undefined],
    ['EJOUR', 'article', 'EJOUR'],
    ['CONF', 'inproceedings', undefined],
    ['CPAPER', 'inproceedings', 'CPAPER'],
    ['CHAP', 'chapter', undefined],
    ['BOOK', 'book', undefined],
    ['EDBOOK', 'book', 'EDBOOK'],
    ['THES', 'thesis', undefined],
    ['RPRT', 'report', undefined],
    ['ELEC', 'webpage', undefined],
    ['WEB', 'webpage', 'WEB'],
    ['DATA', 'dataset', undefined],
    ['COMP', 'software', undefined],
    ['GEN', 'misc', 'GEN'],
    ['PAT', 'misc', 'PAT'],
    ['jour', 'article', undefined],
  ])('type: TY %s → %s', (ty, type, kept) => {
    const result = parseRis(ris(`TY  - ${ty}`, 'TI  - T', 'ER  - '));
    expect(only(result).type).toBe(type);
    expect(only(result).extra.TY).toBe(kept);
    expect(result.records[0]?.warnings).toEqual([]);
  });

  it.each(['XYZ', 'constructor', '__proto__', 'toString'])('type: an unknown TY %s is misc, with a warning', (ty) => {
    const result = parseRis(ris(`TY  - ${ty}`, 'TI  - T', 'ER  - '));
    expect(only(result).type).toBe('misc');
    expect(only(result).extra.TY).toBe(ty.toUpperCase());
    expect(result.records[0]?.warnings).toEqual([
      { entry: 'T', line: 1, message: `Unknown RIS type "${ty.toUpperCase()}"; imported it as misc.` },
    ]);
  });

  it('warns about an empty TY', () => {
    const result = parseRis(ris('TY  -', 'TI  - T', 'ER  - '));
    expect(only(result).type).toBe('misc');
    expect(result.records[0]?.warnings).toEqual([
      { entry: 'T', line: 1, message: 'The record has no type after "TY  - "; imported it as misc.' },
    ]);
  });

  it.each([
    ['an arXiv DOI', ['DO  - 10.48550/arXiv.2101.00001'], '2101.00001'],
    ['an arxiv.org URL', ['UR  - https://arxiv.org/abs/2101.00001v2'], '2101.00001v2'],
    ['an old-style id in a PDF link', ['L1  - http://arxiv.org/pdf/hep-th/9901001.pdf'], 'hep-th/9901001'],
  ])('arXiv: %s makes a preprint when there is no journal', (_name, lines, arxivId) => {
    expect(only(parseRis(ris('TY  - JOUR', 'TI  - T', ...lines, 'ER  - ')))).toMatchObject({ type: 'preprint', arxivId });
  });

  it('arXiv: a journal article that also has an arXiv id stays an article', () => {
    const paper = only(parseRis(ris('TY  - JOUR', 'TI  - T', 'JF  - Nature', 'UR  - https://arxiv.org/abs/2101.00001', 'ER  - ')));
    expect(paper).toMatchObject({ type: 'article', arxivId: '2101.00001' });
  });

  it('reads tags written with one space before the hyphen, with a warning', () => {
    const result = parseRis(ris('TY - JOUR', 'TI - Loose', 'ER -'));
    expect(only(result).title).toBe('Loose');
    expect(result.warnings).toEqual([
      { line: 1, message: 'The tags are not written as "XX  - " (two spaces, a hyphen, a space); read them anyway.' },
    ]);
  });

  it.each([
    ['empty text', '', 0, 0],
    ['only blank lines', '\n\n\r\n', 0, 0],
    ['text without any TY', 'hello\nworld\n', 0, 1],
    ['fields before the first TY', 'TI  - Orphan\nTY  - JOUR\nTI  - Kept\nER  - \n', 1, 1],
    ['a lone ER', 'ER  - \n', 0, 1],
  ])('%s', (_name, text, records, warnings) => {
    const result = parseRis(text);
    expect(result.records).toHaveLength(records);
    expect(result.warnings).toHaveLength(warnings);
  });

  it('never throws on garbage, and whatever it makes is a valid paper', () => {
    const random = prng(7);
    const alphabet = ['TY  - ', 'ER  - ', 'AU  - ', 'KW  - ', 'PY  - ', 'DO  - ', '\n', '\r\n', '\uFEFF', ',', ';', ' ', 'a', 'Z', '9', '/', '-', '\u0000', '\uD800', 'é'];
    for (let run = 0; run < 200; run++) {
      let text = '';
      const length = Math.floor(random() * 400);
      for (let index = 0; index < length; index++) text += alphabet[Math.floor(random() * alphabet.length)];
      const result = parseRis(text);
      expect(result.format).toBe('ris');
      expectValidPapers(result);
    }
  });

  it('cuts an oversized field down to what the library accepts, with a warning', () => {
    const result = parseRis(ris('TY  - JOUR', `TI  - ${'x'.repeat(20_000)}`, `KW  - ${'k'.repeat(2000)}`, 'ER  - '));
    expect(only(result).title).toHaveLength(10_000);
    expect(only(result).keywords[0]).toHaveLength(1000);
    expect(result.records[0]?.warnings.map((warning) => warning.message)).toEqual([
      'The title is 20000 characters long; kept the first 10000.',
      'A keyword is 2000 characters long; kept the first 1000.',
    ]);
    expectValidPapers(result);
  });

  it('fitDraft keeps a worst-case draft within paperSchema', () => {
    const huge = (length: number): string => 'x'.repeat(length);
    const draft: PaperDraft = {
      type: 'article',
      title: huge(10_001),
      authors: [{ family: huge(501), given: huge(501) }, { literal: huge(1001) }],
      keywords: Array.from({ length: 10_001 }, () => huge(1001)),
      extra: { [huge(201)]: huge(10) },
      venue: huge(10_001),
      abstract: huge(1_000_001),
      doi: `10.1000/${huge(1000)}`,
      arxivId: huge(101),
      url: huge(10_001),
      citationKey: huge(1001),
    };
    expect(fitDraft(draft).length).toBeGreaterThan(0);
    expect(paperSchema.safeParse(newPaper({ id: 'p1', ...draft }, '2024-01-01T00:00:00.000Z')).success).toBe(true);
  });
});

describe('parseRis on a large input', () => {
  it('reads 10 MB of real records (a hang guard: the timeout fails it, no time is asserted)', { timeout: 60_000 }, () => {
    const lens = fixture('lens-export-100.ris');
    const copies = Math.ceil((10 * 1024 * 1024) / lens.length);
    const text = Array.from({ length: copies }, () => lens).join('\r\n');
    expect(text.length).toBeGreaterThanOrEqual(10 * 1024 * 1024);
    const result = parseRis(text);
    expect(result.records).toHaveLength(100 * copies);
    expect(result.records.at(-1)?.paper.title).toBe(result.records[99]?.paper.title);
  });
});
