import type { Column, Paper } from '../model/library';
import { customColumnKey, defaultReviewColumns, reviewColumnDefinitions, type CustomColumnKey, type ReviewColumnId } from './review-columns';

export interface CsvOptions {
  /**
   * Start with a UTF-8 byte order mark. Excel on Windows reads a CSV file without one in the
   * system code page (so `Müller` becomes `MÃ¼ller`); most other readers skip it. Default false.
   */
  bom?: boolean;
  /** Between records. RFC 4180 says CRLF (the default); `\n` is for Unix tools that want it. */
  lineEnding?: '\r\n' | '\n';
  /** The library's custom columns, for the `column:<id>` keys among the column ids. */
  columns?: readonly Column[];
}

/**
 * Columns whose cells are numbers (and custom `number` columns). Their plain numbers (`2019`, `-2`, `1.5`) are written as they
 * are, so a spreadsheet still reads them as numbers: a bare number cannot run as a formula.
 * Anything else in them, and every cell of a text column (a title `-2` included), is neutralized.
 */
const numberColumns: ReadonlySet<string> = new Set<ReviewColumnId>(['year']);
const PLAIN_NUMBER = /^-?\d+(?:\.\d+)?$/;

/**
 * What makes Excel, LibreOffice Calc or Google Sheets read a cell as a formula (CSV injection):
 * a first character `=`, `+`, `-` or `@`, or a tab or carriage return (OWASP, "CSV Injection").
 * Beyond OWASP's list: a NUL (which a reader may drop), the same characters after leading white
 * space or NULs (Calc can trim it on import) and their full-width forms (`＝` and friends, which
 * Excel in East Asian locales converts). Leading `'`s are looked past, so that a text that already
 * starts with `'=` gets a `'` of its own and reads back whole (see `neutralizeFormula`).
 */
const FORMULA_START = /^'*(?:[\t\r\0]|[\s\0]*[=+\-@\uff1d\uff0b\uff0d\uff20])/;

/**
 * A cell made safe against formula injection: a cell that a spreadsheet would run gets a leading
 * `'`, OWASP's advice. Spreadsheets show the `'` as part of the text (a CSV file has no way to
 * mark a cell as text), which is the price of `=HYPERLINK(…)` never running; a reader that wants
 * the original back drops one leading `'` from a cell that starts with one or more `'` followed
 * by one of them (the text `'=1` is written `''=1`, so that this gives it back exactly).
 */
export function neutralizeFormula(cell: string): string {
  return FORMULA_START.test(cell) ? `'${cell}` : cell;
}

/** One RFC 4180 field: quoted when it holds a comma, a double quote, CR or LF; quotes doubled. */
export function csvField(text: string): string {
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * The papers, in the given order, as CSV (RFC 4180): a header row with the columns' labels, then
 * one record per paper, every record ended by the line ending. Cells are the review table's
 * plain text (review-columns.ts), neutralized against formula injection, then quoted as needed.
 */
export function reviewTableCsv(
  papers: readonly Paper[],
  columnIds: readonly (ReviewColumnId | CustomColumnKey)[] = defaultReviewColumns,
  options: CsvOptions = {},
): string {
  const lineEnding = options.lineEnding ?? '\r\n';
  const columns = reviewColumnDefinitions(columnIds, options.columns ?? []);
  const numbers = new Set([...numberColumns, ...(options.columns ?? []).filter((column) => column.kind === 'number').map((column) => customColumnKey(column.id))]);
  const header = columns.map((column) => csvField(neutralizeFormula(column.label)));
  const rows = papers.map((paper) =>
    columns.map((column) => {
      const text = column.value(paper);
      const safe = numbers.has(column.id) && PLAIN_NUMBER.test(text) ? text : neutralizeFormula(text);
      return csvField(safe);
    }),
  );
  const body = [header, ...rows].map((row) => `${row.join(',')}${lineEnding}`).join('');
  return options.bom ? `\ufeff${body}` : body;
}
