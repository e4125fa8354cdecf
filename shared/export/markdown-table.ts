import { markdownTable } from 'markdown-table';
import type { Paper } from '../model/library';
import { defaultReviewColumns, reviewColumns, type ReviewColumnId } from './review-columns';

/**
 * Makes one cell safe inside a GFM table row. markdown-table lays out the table but does not
 * escape cell content, so a `|` would split the cell, a newline would end the row and raw HTML
 * would render: pipes are backslash-escaped, line breaks become `<br>`, and `<`/`>`/`&` become
 * entities so that no tag from an imported title can reach a Markdown renderer.
 */
export function escapeMarkdownCell(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/\\/g, '\\\\')
    .replace(/\|/g, '\\|')
    .replace(/\r\n|\r|\n/g, '<br>')
    .replace(/[\t\f\v\u00a0]+/g, ' ')
    .trim();
}

/** The papers, in the given order, as a GitHub-flavoured Markdown table with a header row. */
export function reviewTableMarkdown(papers: readonly Paper[], columnIds: readonly ReviewColumnId[] = defaultReviewColumns): string {
  const columns = columnIds.map((id) => reviewColumns[id]);
  const header = columns.map((column) => column.label);
  const rows = papers.map((paper) => columns.map((column) => escapeMarkdownCell(column.value(paper))));
  return `${markdownTable([header, ...rows], { alignDelimiters: false })}\n`;
}
