import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { csvField, neutralizeFormula, reviewTableCsv } from '../../../../shared/export/csv';
import { reviewColumnIds, reviewColumns } from '../../../../shared/export/review-columns';
import { newPaper } from '../../../../shared/model/library';
import { edgeCasePapers } from './edge-case-papers';

const papers = edgeCasePapers();

/** Reads CSV the way a strict RFC 4180 reader does. */
function parseCsv(text: string, bom = false): string[][] {
  return parse(text, { bom, relax_quotes: false, relax_column_count: false, skip_empty_lines: false }) as string[][];
}

/** What a reader gets back after dropping the `'` that neutralized a formula. */
function unneutralize(cell: string): string {
  return /^'(?:[\t\r]|\s*[=+\-@\uff1d\uff0b\uff0d\uff20])/.test(cell) ? cell.slice(1) : cell;
}

describe('reviewTableCsv', () => {
  it('parses back with a real CSV parser to the review table cells, cell by cell', () => {
    const text = reviewTableCsv(papers, reviewColumnIds);
    const rows = parseCsv(text);
    expect(rows[0]).toEqual(reviewColumnIds.map((id) => reviewColumns[id].label));
    expect(rows).toHaveLength(papers.length + 1);
    papers.forEach((paper, index) => {
      reviewColumnIds.forEach((id, column) => {
        expect(unneutralize(rows[index + 1]?.[column] ?? '<missing>'), `${paper.id}: ${id}`).toBe(reviewColumns[id].value(paper));
      });
    });
  });

  it('leaves no cell that a spreadsheet would run as a formula', () => {
    const rows = parseCsv(reviewTableCsv(papers, reviewColumnIds));
    for (const cell of rows.flat()) expect(cell).not.toMatch(/^(?:[\t\r]|\s*[=+\-@\uff1d\uff0b\uff0d\uff20])/);
  });

  it('with a BOM and LF line ends still parses back the same', () => {
    const plain = reviewTableCsv(papers, reviewColumnIds);
    const text = reviewTableCsv(papers, reviewColumnIds, { bom: true, lineEnding: '\n' });
    expect(text.startsWith('\ufeffTitle,')).toBe(true);
    expect(text).not.toMatch(/\r\n$/);
    expect(parseCsv(text, true)).toEqual(parseCsv(plain));
  });

  it('ends every record in CRLF by default, and writes only the header for no papers', () => {
    expect(reviewTableCsv([], ['title', 'year'])).toBe('Title,Year\r\n');
    const text = reviewTableCsv([newPaper({ id: 'a', title: 'A', year: 2020 }, '2026-01-01T00:00:00.000Z')], ['title', 'year']);
    expect(text).toBe('Title,Year\r\nA,2020\r\n');
  });

  it('keeps plain numbers in a number column, neutralizes a negative number in a text column', () => {
    const paper = newPaper({ id: 'a', title: '-2', year: 2020, venue: '-2' }, '2026-01-01T00:00:00.000Z');
    expect(reviewTableCsv([paper], ['title', 'year', 'venue'])).toBe("Title,Year,Venue\r\n'-2,2020,'-2\r\n");
  });

  it.each([
    ['=HYPERLINK("x")', `'=HYPERLINK("x")`],
    ['+1', "'+1"],
    ['-2', "'-2"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['\tcmd', "'\tcmd"],
    ['\rcmd', "'\rcmd"],
    ['  =1+1', "'  =1+1"],
    ['＝1+1', "'＝1+1"],
    ['a=b', 'a=b'],
    ['', ''],
    ["'quoted", "'quoted"],
  ])('neutralizeFormula(%j) is %j', (cell, expected) => {
    expect(neutralizeFormula(cell)).toBe(expected);
  });

  it.each([
    ['plain', 'plain'],
    ['a,b', '"a,b"'],
    ['say "hi"', '"say ""hi"""'],
    ['line\nbreak', '"line\nbreak"'],
    ['cr\rhere', '"cr\rhere"'],
    ['', ''],
    [' spaced ', ' spaced '],
  ])('csvField(%j) is %j', (text, expected) => {
    expect(csvField(text)).toBe(expected);
  });
});
