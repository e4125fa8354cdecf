import { compareHighlights } from '../model/highlights';
import type { Paper } from '../model/library';

/**
 * Makes text from a PDF safe on one Markdown line: runs of white space (line breaks included)
 * become one space, the characters that would start emphasis, strikethrough, code, a link or an HTML tag are
 * backslash-escaped, and GFM's autolinks are defused (`https\://`, `www\.`, `\@`: a renderer would
 * link them and put those escapes into the link), so a quote is shown as it was written and never
 * as markup.
 */
export function escapeMarkdownInline(text: string): string {
  return text
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/[\\`*_~[\]<>@]/g, '\\$&')
    .replace(/(?<=https?|ftp)(?=:\/\/)|(?<=www)(?=\.)/gi, '\\')
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
      // A final run of `#` (`C #`, `##`) would be read as the heading's closing sequence and dropped.
      const title = escapeMarkdownInline(paper.title).replace(/(^|\s)#(?=#*$)/, '$1\\#');
      return `## ${title || 'Untitled'}\n\n${lines.join('\n')}\n`;
    });
  return sections.join('\n');
}
