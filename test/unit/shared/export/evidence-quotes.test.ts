import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { describe, expect, it } from 'vitest';
import { evidenceQuotes } from '../../../../shared/export/evidence-quotes';
import { reviewTableMarkdown } from '../../../../shared/export/markdown-table';
import { newPaper, type Annotation, type Column } from '../../../../shared/model/library';

const now = '2026-01-01T00:00:00.000Z';

function highlight(id: string, page: number, quote: string): Annotation {
  return { id, attachmentId: 'att', page, rects: [[0, 0, 1, 1]], quote, color: 'yellow', createdAt: now };
}

describe('evidence quotes for footnotes', () => {
  const columns: Column[] = [{ id: 'method', name: 'Method', kind: 'text' }];
  const papers = [
    newPaper(
      {
        id: 'a',
        title: 'A',
        fields: { method: 'RCT' },
        annotations: [highlight('h1', 3, 'a randomised\ncontrolled trial'), highlight('h2', 9, 'unused')],
        evidence: { method: 'h1', year: 'h2' },
      },
      now,
    ),
    newPaper({ id: 'b', title: 'B', fields: { method: 'survey' }, annotations: [], evidence: { method: 'gone' } }, now),
  ];

  it('gives each cell the quote and page of the highlight it names, under its column key', () => {
    expect(evidenceQuotes(papers)).toEqual({
      a: { 'column:method': { quote: 'a randomised\ncontrolled trial', page: 3 }, year: { quote: 'unused', page: 9 } },
    });
  });

  it('makes footnotes a GFM parser reads back', () => {
    const markdown = reviewTableMarkdown(papers, ['title', 'column:method'], { columns, footnotes: true, evidence: evidenceQuotes(papers) });
    expect(markdown).toBe('| Title | Method |\n| - | - |\n| A | RCT[^1] |\n| B | survey |\n\n[^1]: “a randomised controlled trial” (p. 3)\n');
    const tree = unified().use(remarkParse).use(remarkGfm).parse(markdown);
    expect(tree.children.map((node) => node.type)).toEqual(['table', 'footnoteDefinition']);
  });
});
