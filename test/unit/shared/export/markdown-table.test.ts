import { marked, type Tokens } from 'marked';
import { describe, expect, it } from 'vitest';
import { escapeMarkdownCell, reviewTableMarkdown } from '../../../../shared/export/markdown-table';
import { newPaper } from '../../../../shared/model/library';
import { samplePapers } from '../../../helpers/sample-papers';

const now = '2026-01-01T00:00:00.000Z';

/** Parses Markdown with a real GFM parser and returns the one table in it. */
function parseTable(markdown: string): Tokens.Table {
  const tables = marked.lexer(markdown, { gfm: true }).filter((token): token is Tokens.Table => token.type === 'table');
  expect(tables).toHaveLength(1);
  return tables[0] as Tokens.Table;
}

describe('review table as GFM Markdown', () => {
  it('gives one row per paper and the chosen columns, on the real sample papers', () => {
    const papers = samplePapers().slice(0, 12);
    const table = parseTable(reviewTableMarkdown(papers));
    expect(table.header.map((cell) => cell.text)).toEqual(['Title', 'Authors', 'Year', 'Venue', 'Tags', 'Status']);
    expect(table.rows).toHaveLength(12);
    expect(table.rows.map((row) => row[0]?.text)).toEqual(papers.map((paper) => paper.title));
  });

  it('keeps hostile cells inside their cell: pipes, newlines, HTML', () => {
    const paper = newPaper(
      {
        id: 'p',
        title: 'A | B\nsecond line <script>alert(1)</script> & more',
        authors: [{ family: 'O|Brien', given: 'Pat' }],
        year: 2021,
        venue: 'Proc. <b>X</b>\r\nY',
        tags: ['a|b', 'c'],
      },
      now,
    );
    const markdown = reviewTableMarkdown([paper], ['title', 'authors', 'year', 'venue', 'tags']);
    expect(markdown.trimEnd().split('\n')).toHaveLength(3);
    const table = parseTable(markdown);
    expect(table.rows).toHaveLength(1);
    const [row] = table.rows;
    expect(row).toHaveLength(5);
    // The parser unescapes "\|" back to "|": the pipe stayed inside the cell.
    expect(row?.[0]?.text).toBe('A | B<br>second line &lt;script&gt;alert(1)&lt;/script&gt; &amp; more');
    const html = marked.parse(markdown, { gfm: true }) as string;
    expect(html).not.toContain('<script>');
    expect(html).not.toContain('<b>');
    expect(html).toContain('<td>A | B<br>second line &lt;script&gt;alert(1)&lt;/script&gt; &amp; more</td>');
    expect(row?.[1]?.text).toBe('Pat O|Brien');
    expect(row?.[3]?.text).toBe('Proc. &lt;b&gt;X&lt;/b&gt;<br>Y');
  });

  it.each([
    ['plain', 'plain'],
    ['a|b', 'a\\|b'],
    ['back\\slash', 'back\\\\slash'],
    ['x\ny', 'x<br>y'],
    ['x\r\ny', 'x<br>y'],
    ['tab\there', 'tab here'],
    ['  padded  ', 'padded'],
  ])('escapeMarkdownCell(%j) is %j', (input, expected) => {
    expect(escapeMarkdownCell(input)).toBe(expected);
  });

  it('an empty selection is a header-only table', () => {
    expect(reviewTableMarkdown([], ['title', 'year'])).toBe('| Title | Year |\n| - | - |\n');
  });
});
