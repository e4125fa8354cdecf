/**
 * Property tests (reliability plan I2): hostile text in any cell of the review table or the
 * comparison table cannot break the table, render as HTML or make a link of its own. A real GFM
 * parser (marked) reads the export back: a header and one row per paper, every row the columns'
 * width, and every cell's rendered text the paper's plain text after the documented mapping (line
 * breaks, U+2028 and U+2029 too, → `<br>`; tabs and no-break spaces → one space; trimmed). The
 * only links are the exporter's own title links, to https. `FUZZ_RUNS` sets the number of runs,
 * `FUZZ_SEED` the seed.
 */

import fc from 'fast-check';
import { marked } from 'marked';
import { describe, expect, it } from 'vitest';
import { comparisonFields, comparisonMarkdown } from '../../../../shared/export/comparison-markdown';
import { reviewTableMarkdown } from '../../../../shared/export/markdown-table';
import { customColumnKey, reviewColumnDefinitions, reviewColumnIds } from '../../../../shared/export/review-columns';
import { newPaper, type Column, type Paper } from '../../../../shared/model/library';
import { parseTable } from '../../../helpers/gfm-table';
import { fuzzSettings, hostileTextFrom, paperFieldsFrom } from '../../../helpers/hostile-text';

const { runs: RUNS, seed: SEED, timeout: TIMEOUT } = fuzzSettings(1500);
const now = '2026-01-01T00:00:00.000Z';

/** Pieces that break Markdown tables, HTML, links, CSV, BibTeX, RIS or YAML when left as they are. */
const HOSTILE = [
  '|', '\\|', '\\', '\\\\', '\n', '\r', '\r\n', '\t', '\0', '\u00a0', '\u2028', '\ufeff', '\u202e', ' ', '  ',
  '<script>alert(1)</script>', '<img src=x onerror=alert(1)>', '<br>', '<', '>', '</td>', '<!--', '-->', '<https://x.example>',
  '`', '```', '*', '**', '_', '__', '~', '~~', '[', ']', '(', ')', '!', '[x](javascript:alert(1))', '![i](data:text/html,x)',
  '[y]: vbscript:msgbox', '<javascript:alert(1)>', 'javascript:alert(1)', 'https://evil.example/a_b*c', 'www.evil.example', 'a@b.example',
  '&', '&amp;', '&lt;', '&#x3C;', '&#60;', '{', '}', '@', '%', '#', '$', '^', '=', '+', '-', '---', ':', ';', ',', '"', "'",
  '[^1]', '＝', '＋', '－', '＠', '\nTY  - JOUR', '\nER  - ', '}, url = {javascript:alert(1)}, x={', ' and ', 'others',
];

const hostileText = hostileTextFrom(HOSTILE);


const columns: Column[] = [
  { id: 'c1', name: 'Notes', kind: 'text' },
  { id: 'c2', name: 'Count', kind: 'number' },
];

function paperArbitrary(id: string): fc.Arbitrary<Paper> {
  return fc
    .record({
      ...paperFieldsFrom(hostileText),
      doi: fc.option(fc.oneof(hostileText, hostileText.map((text) => `10.1000/${text}`)), { nil: undefined }),
      arxivId: fc.option(hostileText, { nil: undefined }),
      url: fc.option(fc.oneof(hostileText, hostileText.map((text) => `https://x.example/${text}`), fc.constantFrom('javascript:alert(1)', 'data:text/html,<script>', 'HTTPS://a.example/(x)')), { nil: undefined }),
      abstract: fc.option(hostileText, { nil: undefined }),
      reason: fc.option(hostileText, { nil: undefined }),
      c1: hostileText,
      c2: fc.oneof(fc.double({ noNaN: true }), hostileText),
    })
    .map(({ reason, c1, c2, ...fields }) =>
      newPaper({ id, ...fields, screening: reason === undefined ? { decision: 'exclude' } : { decision: 'exclude', reason }, fields: { c1, c2 } }, now),
    );
}

const papersArbitrary = fc.integer({ min: 0, max: 4 }).chain((count) => fc.tuple(...Array.from({ length: count }, (_, index) => paperArbitrary(`p${index}`))));

/** A cell's plain text as the export promises it: line breaks kept (as `<br>`), tabs and NBSP one space, trimmed. */
function expectedCell(text: string): string {
  return text
    .replace(/\r\n|[\r\n\u2028\u2029]/g, '\n')
    .replace(/[\t\f\v\u00a0]+/g, ' ')
    .replace(/^[^\S\n]+|[^\S\n]+$/g, '');
}

/** The HTML elements a table may render, and anchors (checked separately). */
const ALLOWED_TAG = /^<\/?(?:table|thead|tbody|tr|th|td|br|a)(?:\s[^>]*)?>$/;

interface RenderedTable {
  rows: string[][];
  hrefs: string[];
}

/**
 * The table as marked renders it: every element must be one a table has (or `<br>`, `<a>`), and
 * the cells' text decoded back from HTML with `<br>` as a line break.
 */
function renderTable(markdown: string): RenderedTable {
  const html = marked.parse(markdown, { gfm: true, async: false });
  const tags = html.match(/<[^>]*>?/g) ?? [];
  for (const element of tags) expect(element, html).toMatch(ALLOWED_TAG);
  const hrefs = [...html.matchAll(/<a\s+href="([^"]*)"/g)].map((match) => decodeHtml(match[1] ?? ''));
  const rows = [...html.matchAll(/<tr>([\s\S]*?)<\/tr>/g)].map((row) =>
    [...(row[1] ?? '').matchAll(/<(t[hd])>([\s\S]*?)<\/\1>/g)].map((cell) => decodeHtml((cell[2] ?? '').replace(/<br>/g, '\n').replace(/<\/?a(?:\s[^>]*)?>/g, ''))),
  );
  return { rows, hrefs };
}

function decodeHtml(html: string): string {
  return html.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&');
}

/** `|` that the GFM parser reads as a cell border: not escaped by a backslash. */
function unescapedPipes(line: string): number {
  return [...line.matchAll(/(?<!\\)(?:\\\\)*\|/g)].length;
}

function expectSafeLinks(hrefs: readonly string[]): void {
  for (const href of hrefs) expect(href).toMatch(/^(?:https?:\/\/|mailto:)/i);
}

describe('review table Markdown with hostile cells', () => {
  it('parses back to a header and one row per paper, each cell its plain text, with no HTML and no unsafe link', () => {
    const columnIds = [...reviewColumnIds, customColumnKey('c1'), customColumnKey('c2')];
    fc.assert(
      fc.property(papersArbitrary, fc.boolean(), hostileText.filter((name) => name.length > 0 && name.length <= 200), (papers, linkTitles, columnName) => {
        const libraryColumns = [{ ...columns[0], name: columnName } as Column, columns[1] as Column];
        const markdown = reviewTableMarkdown(papers, columnIds, { columns: libraryColumns, linkTitles });
        const definitions = reviewColumnDefinitions(columnIds, libraryColumns);

        const lines = markdown.split('\n');
        expect(lines).toHaveLength(papers.length + 3);
        expect(lines.at(-1)).toBe('');
        for (const line of lines.slice(0, -1)) expect(unescapedPipes(line), line).toBe(columnIds.length + 1);

        const table = parseTable(markdown);
        expect(table.header).toHaveLength(columnIds.length);
        expect(table.rows).toHaveLength(papers.length);
        for (const row of table.rows) expect(row).toHaveLength(columnIds.length);

        const rendered = renderTable(markdown);
        expect(rendered.rows).toEqual([
          definitions.map((column) => expectedCell(column.label)),
          ...papers.map((paper) => definitions.map((column) => expectedCell(column.value(paper)))),
        ]);
        expectSafeLinks(rendered.hrefs);
      }),
      { seed: SEED, numRuns: RUNS },
    );
  }, TIMEOUT);
});

describe('review table Markdown with hostile evidence quotes as footnotes', () => {
  it('keeps the table whole and gives one footnote line per quoted cell, its quote as plain text', () => {
    const columnIds = ['title', 'venue', customColumnKey('c1')] as const;
    const quotes = fc.dictionary(fc.constantFrom(...columnIds), fc.record({ quote: hostileText, page: fc.option(fc.integer({ min: 1, max: 999 }), { nil: undefined }) }));
    fc.assert(
      fc.property(papersArbitrary, fc.array(quotes, { minLength: 4, maxLength: 4 }), (papers, cells) => {
        const evidence = Object.fromEntries(papers.map((paper, index) => [paper.id, cells[index] ?? {}]));
        const markdown = reviewTableMarkdown(papers, [...columnIds], { columns, footnotes: true, evidence });
        const quoted = papers.flatMap((paper, index) => columnIds.flatMap((id) => (cells[index]?.[id]?.quote.trim() ? [cells[index]?.[id]] : [])));
        const [table = '', notes = ''] = markdown.split('\n\n');
        const tableLines = table.split('\n').filter(Boolean);
        expect(tableLines).toHaveLength(papers.length + 2);
        for (const line of tableLines) expect(unescapedPipes(line), line).toBe(columnIds.length + 1);
        expect(parseTable(`${table}\n`).rows).toHaveLength(papers.length);

        const noteLines = notes.split('\n').filter(Boolean);
        expect(noteLines).toHaveLength(quoted.length);
        noteLines.forEach((line, index) => {
          const quote = quoted[index];
          const [, text = ''] = /^\[\^\d+\]: (.*)$/.exec(line) ?? [];
          // marked has no footnotes: the definition's text, rendered inline, must be the quote as written.
          const html = marked.parseInline(text, { gfm: true, async: false });
          expect(html.match(/<[^>]*>?/g) ?? [], html).toEqual([]);
          const page = quote?.page === undefined ? '' : ` (p. ${quote.page})`;
          expect(decodeHtml(html)).toBe(`“${(quote?.quote ?? '').replace(/\s+/g, ' ').trim()}”${page}`);
        });
      }),
      { seed: SEED, numRuns: Math.ceil(RUNS / 2) },
    );
  }, TIMEOUT);
});

describe('comparison Markdown with hostile cells', () => {
  it('keeps its table whole, each cell its plain text (or —), with no HTML and no unsafe link', () => {
    fc.assert(
      fc.property(papersArbitrary, (papers) => {
        const markdown = comparisonMarkdown({ papers, columns });
        const tableText = (markdown.split('\n\n')[1] ?? '').replace(/\n$/, '');
        const fields = comparisonFields(columns);
        const tableLines = tableText.split('\n');
        expect(tableLines).toHaveLength(fields.length + 2);
        for (const line of tableLines) expect(unescapedPipes(line), line).toBe(papers.length + 2);

        const rendered = renderTable(`${tableText}\n`);
        expect(rendered.rows).toEqual([
          ['Field', ...papers.map((_, index) => `Paper ${index + 1}`)],
          ...fields.map((field) => [field.label, ...papers.map((paper) => expectedCell(field.value(paper)) || '—')]),
        ]);
        expectSafeLinks(rendered.hrefs);
      }),
      { seed: SEED, numRuns: Math.ceil(RUNS / 2) },
    );
  }, TIMEOUT);
});

describe('review table Markdown: the counterexamples the properties found', () => {
  const plain = (fields: Partial<Paper>) => newPaper({ id: 'p', title: 'T', ...fields }, now);

  it('escapes a custom column name in the header: a column named "|" is one header cell', () => {
    const markdown = reviewTableMarkdown([plain({ fields: { c1: 'x' } })], ['title', customColumnKey('c1')], { columns: [{ id: 'c1', name: '|', kind: 'text' }] });
    expect(markdown.split('\n')[0]).toBe('| Title | \\| |');
    expect(renderTable(markdown).rows).toEqual([['Title', '|'], ['T', 'x']]);
  });

  it.each([
    ['a line separator (U+2028), where marked ends a table row', 'a\u2028b', 'a<br>b', 'a\nb'],
    ['a Markdown link to javascript:', '[x](javascript:alert(1))', '\\[x\\](javascript:alert(1))', '[x](javascript:alert(1))'],
    ['emphasis, code and strikethrough', '*e* `c` ~s~ _u_ snake_case', '\\*e\\* \\`c\\` \\~s\\~ \\_u\\_ snake_case', '*e* `c` ~s~ _u_ snake_case'],
    ['an autolink, whose escapes marked would show', '<https://x.example>|', '&lt;https\\://x.example&gt;\\|', '<https://x.example>|'],
    ['a www. autolink and an e-mail address (mailto:)', 'www.x.example a@b.example', 'www\\.x.example a\\@b.example', 'www.x.example a@b.example'],
  ])('keeps %s as plain text', (_name, venue, cell, text) => {
    const markdown = reviewTableMarkdown([plain({ venue })], ['venue']);
    expect(markdown).toBe(`| Venue |\n| - |\n| ${cell} |\n`);
    const rendered = renderTable(markdown);
    expect(rendered.rows).toEqual([['Venue'], [text]]);
    expect(rendered.hrefs).toEqual([]);
  });

  it('links a title that holds a Markdown link to the DOI only, the title kept as text', () => {
    const markdown = reviewTableMarkdown([plain({ title: '[x](javascript:alert(1))', doi: '10.1000/' })], ['title'], { linkTitles: true });
    expect(renderTable(markdown)).toEqual({ rows: [['Title'], ['[x](javascript:alert(1))']], hrefs: ['https://doi.org/10.1000/'] });
  });

  it.each([
    ['an emoji', 'https://x.example/\u{10000}', ['https://x.example/%F0%90%80%80']],
    ['a lone surrogate (no link: no URL can encode it)', 'https://x.example/\ud800', []],
  ])('links a title whose URL holds %s without throwing', (_name, url, hrefs) => {
    expect(renderTable(reviewTableMarkdown([plain({ url })], ['title'], { linkTitles: true })).hrefs).toEqual(hrefs);
  });
});
