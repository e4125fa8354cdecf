import { compareHighlights } from '../model/highlights';
import type { Paper } from '../model/library';

/**
 * Makes text from a PDF safe on one Markdown line: runs of white space (line breaks included)
 * become one space, and the characters that would start emphasis, code, a link or an HTML tag are
 * backslash-escaped, so a quote is shown as it was written and never as markup.
 */
export function escapeMarkdownInline(text: string): string {
  return text
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/[\\`*_[\]<>]/g, '\\$&')
    .replace(/&(?=#?\w+;)/g, '\\&');
}

/**
 * A paper's highlights as Markdown, under its title, in reading order:
 *
 * ```
 * ## Title
 *
 * - "quote" (p. 3) — comment
 * ```
 *
 * Papers without highlights are left out; several papers are separated by a blank line.
 */
export function highlightsMarkdown(papers: readonly Pick<Paper, 'title' | 'annotations'>[]): string {
  const sections = papers
    .filter((paper) => paper.annotations.length > 0)
    .map((paper) => {
      const lines = [...paper.annotations].sort(compareHighlights).map((highlight) => {
        const comment = highlight.comment?.trim() ? ` — ${escapeMarkdownInline(highlight.comment)}` : '';
        return `- "${escapeMarkdownInline(highlight.quote)}" (p. ${highlight.page})${comment}`;
      });
      return `## ${escapeMarkdownInline(paper.title) || 'Untitled'}\n\n${lines.join('\n')}\n`;
    });
  return sections.join('\n');
}
