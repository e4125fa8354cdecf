/**
 * Property tests (reliability plan I4, and the same for RIS and CSL-JSON): papers whose title,
 * authors, venue and abstract hold hostile text (`}, url = {javascript:alert(1)}, x={`, `@`, `%`,
 * `#`, unbalanced braces, `\nTY  - `, `\nER  - `, quotes, any Unicode) export to BibTeX, BibLaTeX,
 * RIS and CSL-JSON, and Sift's own importers read back exactly one record per paper with the same
 * title, authors, year, venue, abstract and type (modulo what each format documents: BibTeX values
 * are one line, RIS joins an abstract's lines), and nothing else: no field the paper did not have
 * (no `url`, no DOI, no `extra`), unless the export report says why. `FUZZ_RUNS` sets the number of runs, `FUZZ_SEED` the seed.
 */

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { BibliographyFormat } from '../../../../shared/export/bibliography-formats';
import { exportBibliography } from '../../../../shared/export/export-bibliography';
import type { TextImportFormat } from '../../../../shared/import/detect-format';
import { parseImportText } from '../../../../shared/import/parse-import-text';
import { newPaper, paperTypes, type Author, type Paper } from '../../../../shared/model/library';
import { fuzzSettings, hostileTextFrom, authorFrom } from '../../../helpers/hostile-text';

const { runs: RUNS, seed: SEED, timeout: TIMEOUT } = fuzzSettings(1000, 40);
const now = '2026-01-01T00:00:00.000Z';

const HOSTILE = [
  '}, url = {javascript:alert(1)}, x={', '}', '{', '}}', '{{', '@', '@misc{x,', '%', '#', '\\', '\\\\', '$', '~', '^', '&', '_',
  '"', "'", '``', "''", '--', '---', ',', ';', ' and ', ' AND ', 'others', 'et al.', '\\textbf{', '\\url{x}', '\\"', '\\c',
  '\nTY  - JOUR', '\nER  - ', '\r\nER  -', '\nAU  - Evil, E.', 'TY  - ', '\n', '\r', '\r\n', '\n\n', '\t', ' ', '  ', '\u00a0',
  '\u2028', '\ufeff', '\ufeffTY  - JOUR', '\0', '\ud800', '\u{1f600}', 'é', 'e\u0301', 'ß', '×', '—', '–', '<script>', '</i>',
  '[x](javascript:alert(1))', '=', 'javascript:', 'https://evil.example', '10.1000/x', ']', '[',
];

const hostileText = hostileTextFrom(HOSTILE);
/** Text with a letter in it somewhere, which a name needs to be a name. */
const nameText = fc.tuple(hostileText, fc.constantFrom('Ann', 'Li', 'Müller', 'van der Berg', 'O’Neil'), hostileText).map((parts) => parts.join(''));

const author = authorFrom(nameText);

function paperArbitrary(id: string): fc.Arbitrary<Paper> {
  return fc
    .record({
      type: fc.constantFrom(...paperTypes.filter((type) => type !== 'preprint')),
      title: hostileText,
      authors: fc.array(author, { maxLength: 3 }),
      // Always a year: the BibTeX importer (read-bibtex-entries.ts) skips `@misc{key}`, the entry of
      // a paper with nothing in it, which BibTeX itself reads and to-bibtex.test.ts pins.
      year: fc.integer({ min: 1000, max: 9999 }),
      venue: fc.option(hostileText, { nil: undefined }),
      abstract: fc.option(hostileText, { nil: undefined }),
    })
    .map((fields) => newPaper({ id, ...fields }, now));
}

const papersArbitrary = fc.integer({ min: 1, max: 3 }).chain((count) => fc.tuple(...Array.from({ length: count }, (_, index) => paperArbitrary(`p${index}`))));

const IMPORT_FORMAT: Record<BibliographyFormat, TextImportFormat> = { bibtex: 'bibtex', biblatex: 'bibtex', ris: 'ris', 'csl-json': 'csl-json' };
/** Characters in names that the BibTeX importer decodes too early (see below). */
const NAME_SPECIALS = /[\\~${}&]/;
/** Where each importer keeps the type as written. */
const TYPE_KEY: Record<BibliographyFormat, string> = { bibtex: 'entrytype', biblatex: 'entrytype', ris: 'TY', 'csl-json': 'type' };

/** One line, as BibTeX writes every value and RIS a title or venue. */
const singleLine = (text: string) => text.replace(/\s+/g, ' ').trim();
/** An RIS abstract: its lines (U+2028 and U+2029 end one too) trimmed, blank ones left out, joined by "\n". */
const risAbstract = (text: string) =>
  text
    .split(/\r\n|[\r\n\u2028\u2029]/)
    .map((line) => line.trim())
    .filter(Boolean)
    .join('\n');
const emptyToUndefined = (text: string | undefined) => (text === '' ? undefined : text);

/**
 * The paper as the format carries it: titles, venues and names on one line (BibTeX writes them so,
 * RIS tags are one line, the CSL-JSON importer reads them so); an abstract one line in BibTeX, its
 * lines joined in RIS, trimmed in CSL-JSON; an empty value no value.
 */
function expected(paper: Paper, format: BibliographyFormat) {
  // Sift's BibTeX importer gives Unicode text in NFC (`e` + U+0301 is `é`), as the exporter writes it.
  const oneLine = (text: string) => (IMPORT_FORMAT[format] === 'bibtex' ? singleLine(text).normalize('NFC') : singleLine(text));
  const name = (author: Author): Author => {
    if ('literal' in author) return { literal: oneLine(author.literal) };
    const given = author.given === undefined ? '' : oneLine(author.given);
    // RIS has no family-only name, and Sift's CSL-JSON importer reads one as a literal: "Plato"
    // reads back as the literal name it shows as.
    if (given === '' && (format === 'ris' || format === 'csl-json')) return { literal: oneLine(author.family) };
    return { family: oneLine(author.family), ...(given === '' ? {} : { given }) };
  };
  const abstract = paper.abstract === undefined ? undefined : format === 'csl-json' ? paper.abstract.trim() : format === 'ris' ? risAbstract(paper.abstract) : oneLine(paper.abstract);
  return {
    type: paper.type,
    title: oneLine(paper.title),
    authors: paper.authors.map(name),
    year: paper.year,
    venue: paper.venue === undefined ? undefined : emptyToUndefined(oneLine(paper.venue)),
    abstract: emptyToUndefined(abstract),
  };
}

describe.each(['bibtex', 'biblatex', 'ris', 'csl-json'] as const)('%s export of hostile papers', (format) => {
  it('reads back as one record per paper, the same fields, and no field the paper did not have', () => {
    fc.assert(
      fc.property(papersArbitrary, (papers) => {
        const { text, report } = exportBibliography(papers, format);
        const result = parseImportText(IMPORT_FORMAT[format], text);
        expect(result.records).toHaveLength(papers.length);
        papers.forEach((paper, index) => {
          const back = result.records[index]?.paper;
          const dropped = new Set(report.find((entry) => entry.paperId === paper.id)?.dropped.map((item) => item.field));
          const want: Partial<ReturnType<typeof expected>> = expected(paper, format);
          const got: Partial<ReturnType<typeof expected>> = { type: back?.type, title: back?.title, authors: back?.authors, year: back?.year, venue: back?.venue, abstract: back?.abstract };
          const ignore = (field: string) => {
            delete want[field as keyof typeof want];
            delete got[field as keyof typeof got];
          };
          for (const field of dropped) ignore(field);
          // Left to the importer (decodeNames in shared/import/bibtex/decode-latex.ts; the export is
          // right): it decodes `\textbackslash{}`, `\textasciitilde{}`, `\$`, `\{`, `\}`, `\&` before it
          // splits names, so a `\` then escapes the next character (`Ann\, Ann` is one name), a `~` is a
          // tie (a space), a lone `$` or brace fails the split (the name is kept whole, without them), and
          // `Ann\&\& and Roe` is one name.
          if (IMPORT_FORMAT[format] === 'bibtex' && paper.authors.some((author) => NAME_SPECIALS.test(Object.values(author).join('')))) ignore('authors');
          expect(got).toEqual(want);
          // Injection: nothing but what the paper had. CSL-JSON's importer keeps an author list with
          // a suffix ("Martin Luther, Jr." is given + suffix) in extra.author, to write it again.
          const extra = { ...back?.extra };
          if (format === 'csl-json') delete extra.author;
          // The importers keep the written type when it is not their usual one for the paper type
          // (@incollection, TY GEN, CSL document): a type name, never text from the paper.
          const typeKey = TYPE_KEY[format];
          if (/^[A-Za-z-]+$/.test(extra[typeKey] ?? '')) delete extra[typeKey];
          expect({ doi: back?.doi, url: back?.url, arxivId: back?.arxivId, keywords: back?.keywords, extra }).toEqual({
            doi: undefined,
            url: undefined,
            arxivId: undefined,
            keywords: [],
            extra: {},
          });
        });
      }),
      { seed: SEED, numRuns: RUNS },
    );
  }, TIMEOUT);
});

describe('bibliography export: the counterexamples the properties found, and the plan’s examples', () => {
  const paper = (fields: Partial<Paper>) => newPaper({ id: 'p', type: 'article', title: 'T', year: 2020, ...fields }, now);
  const readBack = (fields: Partial<Paper>, format: BibliographyFormat) => {
    const { text, report } = exportBibliography([paper(fields)], format);
    const { records } = parseImportText(IMPORT_FORMAT[format], text);
    expect(records).toHaveLength(1);
    return { text, report, back: records[0]?.paper };
  };

  it.each(['bibtex', 'biblatex'] as const)('%s: a title cannot close the entry or add a field; @ % # and braces are escaped', (format) => {
    const title = '}, url = {javascript:alert(1)}, x={ @misc{y, 100% #1 {';
    const { text, back } = readBack({ title }, format);
    expect(text).toContain('\\}, url = \\{javascript:alert(1)\\}, x=\\{ @misc\\{y, 100\\% \\#1 \\{');
    expect(back?.title).toBe(title);
    expect(back?.url).toBeUndefined();
    expect(back?.extra).toEqual({});
  });

  it.each([
    ['a title', { title: 'A\nTY  - JOUR\nER  - \nTY  - BOOK' }, 'title', 'A TY - JOUR ER - TY - BOOK'],
    ['an abstract', { abstract: 'A\nER  - \nTY  - BOOK\nTI  - Evil' }, 'abstract', 'A\nER  -\nTY  - BOOK\nTI  - Evil'],
    ['an abstract with a line separator (U+2028), where a reader’s tag line ends', { abstract: 'A\u2028TY  - BOOK' }, 'abstract', 'A\nTY  - BOOK'],
  ] as const)('ris: %s cannot start a record or a field', (_name, fields, field, value) => {
    const { back } = readBack(fields, 'ris');
    expect(back?.[field]).toBe(value);
    expect(back?.extra).toEqual({});
  });

  it.each([
    ['an = in a suffix (BibLaTeX’s given=… syntax)', { family: 'Ann', given: 'x, y=Ann' }],
    ['an = in a family name alone', { family: 'Ann=' }],
    ['a group that starts with an escape (a BibTeX “special character”)', { literal: '%Co' }],
    ['an escape first in a braced given name', { family: 'Doe', given: '%x=' }],
    ['a hyphen beside a space', { family: 'Ann', given: 'ER - Ann' }],
    ['an em dash', { family: '—Ann' }],
    ['two hyphens', { family: 'a--Ann' }],
    ['a lower-case word before a hyphen (a “von” part)', { family: 'al-Khwarizmi', given: 'Muhammad' }],
    ['a word without a capital before a hyphen', { family: '㐀a-Ann' }],
    ['a hyphen at the end', { family: 'Ann-' }],
    ['two hyphens after an escape (read as its argument)', { family: '%--Ann', given: 'Ann' }],
  ] as const)('bibtex: a name with %s reads back the same', (_name, author) => {
    expect(readBack({ authors: [author] }, 'bibtex').back?.authors).toEqual([author]);
    expect(readBack({ authors: [author] }, 'biblatex').back?.authors).toEqual([author]);
  });

  it.each([
    ['ends in ", " (no suffix to split off)', 'Ann, ', 'Ann,'],
    ['has a space before its ", "', 'Ann , Jr.', 'Ann , Jr.'],
    ['has two spaces after its "," (the importer makes white space one space)', 'Ann,  Jr.', 'Ann, Jr.'],
    ['has a real suffix', 'Martin Luther, Jr.', 'Martin Luther, Jr.'],
  ])('csl-json: a given name that %s reads back the same', (_name, given, back) => {
    expect(readBack({ authors: [{ family: 'King', given }] }, 'csl-json').back?.authors).toEqual([{ family: 'King', given: back }]);
  });

  it('bibtex: a name with rich-text tags, which the importer drops, is in the report', () => {
    const { report } = readBack({ authors: [{ family: 'Ann</i>', given: 'Ann' }] }, 'bibtex');
    expect(report[0]?.dropped.map((item) => item.field)).toEqual(['authors']);
  });
});
