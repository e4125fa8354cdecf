import { markdownTable } from 'markdown-table';
import type { Column, Paper } from '../model/library';
import { escapeMarkdownLine } from './escape-markdown-line';
import { defaultReviewColumns, reviewColumnDefinitions, type CustomColumnKey, type ReviewColumnId } from './review-columns';

/**
 * Makes one cell safe inside a GFM table row, as plain text. markdown-table lays out the table but
 * does not escape cell content, so a `|` would split the cell, a newline would end the row, raw
 * HTML would render and `[x](javascript:…)` would be a link:
 *
 * - `<`, `>` and `&` become entities, so no tag from an imported title reaches a Markdown renderer;
 * - pipes and the characters that start inline markup (backslash, backtick, `*`, `_`, `[`, `]`,
 *   `~`) are backslash-escaped; an `_` inside a word (`xyz_123`) cannot start emphasis and stays;
 * - GFM's autolinks are defused (`https\://`, `www\.`, `\@`): a renderer would link them (`mailto:`
 *   included) and put the escapes above into the link;
 * - line breaks (U+2028/U+2029 too, which some parsers end a line at) become `<br>`.
 */
export function escapeMarkdownCell(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/[\\`*[\]~|@]|(?<![\p{L}\p{N}])_|_(?![\p{L}\p{N}])/gu, '\\$&')
    .replace(/(?<=https?|ftp)(?=:\/\/)|(?<=www)(?=\.)/gi, '\\')
    .replace(/\r\n|[\r\n\u2028\u2029]/g, '<br>')
    .replace(/[\t\f\v\u00a0]+/g, ' ')
    .trim();
}

/** A quote that backs one cell of the review table: a highlight's text and its page. */
export interface EvidenceQuote {
  quote: string;
  page?: number;
}

/** Evidence quotes by paper id, then by column id. */
export type EvidenceByPaper = Readonly<Record<string, Readonly<Record<string, EvidenceQuote>>>>;

export interface MarkdownTableOptions {
  /** Link each title to its DOI (https://doi.org/…), else its arXiv page, else its http(s) URL. */
  linkTitles?: boolean;
  /**
   * Put a GFM footnote mark (`[^1]`) in every cell that has evidence, and the quotes (with pages)
   * as footnotes below the table. Needs `evidence`.
   */
  footnotes?: boolean;
  evidence?: EvidenceByPaper;
  /** The library's custom columns, for the `column:<id>` keys among the column ids. */
  columns?: readonly Column[];
}

/**
 * The papers, in the given order, as a GitHub-flavoured Markdown table with a header row. With no
 * options the output is exactly what it always was (the golden files pin it).
 */
export function reviewTableMarkdown(
  papers: readonly Paper[],
  columnIds: readonly (ReviewColumnId | CustomColumnKey)[] = defaultReviewColumns,
  options: MarkdownTableOptions = {},
): string {
  const columns = reviewColumnDefinitions(columnIds, options.columns ?? []);
  // A custom column's name is the user's text too.
  const header = columns.map((column) => escapeMarkdownCell(column.label));
  const notes: string[] = [];
  const rows = papers.map((paper) =>
    columns.map((column) => {
      let cell = escapeMarkdownCell(column.value(paper));
      if (column.id === 'title' && options.linkTitles) cell = linkedTitle(paper, cell);
      const evidence = options.footnotes ? options.evidence?.[paper.id]?.[column.id] : undefined;
      if (evidence && evidence.quote.trim()) {
        notes.push(footnoteText(evidence));
        cell = `${cell}[^${notes.length}]`;
      }
      return cell;
    }),
  );
  const table = `${markdownTable([header, ...rows], { alignDelimiters: false })}\n`;
  if (notes.length === 0) return table;
  return `${table}\n${notes.map((note, index) => `[^${index + 1}]: ${note}\n`).join('')}`;
}

/**
 * Where a paper's title links to: its DOI, else its arXiv page, else its own URL when that is
 * http(s). Any other scheme (`javascript:`, `data:`, `file:`) gives no link at all.
 */
export function titleLinkTarget(paper: Pick<Paper, 'doi' | 'arxivId' | 'url'>): string | undefined {
  const doi = paper.doi?.trim().replace(/^(?:https?:\/\/(?:dx\.)?doi\.org\/|doi:)/i, '');
  if (doi && /^10\.\S/.test(doi) && wellFormed(doi)) return `https://doi.org/${encodePath(doi)}`;
  const arxiv = paper.arxivId?.trim().replace(/^arxiv:/i, '');
  if (arxiv && /^[\w.\-/]+$/.test(arxiv)) return `https://arxiv.org/abs/${encodePath(arxiv)}`;
  const url = paper.url?.trim();
  // eslint-disable-next-line no-control-regex -- control characters are what it refuses
  if (url && /^https?:\/\/[^\s/?#]+/i.test(url) && !/[\u0000-\u0020\u007f-\u009f]/.test(url) && wellFormed(url)) return encodeDestination(url);
  return undefined;
}

/** False for text with a lone UTF-16 surrogate, which no URL can encode (`encodeURIComponent` throws). */
function wellFormed(text: string): boolean {
  return !/\p{Cs}/u.test(text);
}

/** `[title](target)`, or the title as it was when there is no safe target. */
function linkedTitle(paper: Paper, escapedTitle: string): string {
  const target = titleLinkTarget(paper);
  if (!target || !escapedTitle) return escapedTitle;
  // Parentheses too: marked reads `[\[x\](y)](target)` as text and a bare URL, not as a link.
  return `[${escapedTitle.replace(/[()]/g, '\\$&')}](${target})`;
}

/** A DOI or arXiv id as a URL path: everything but `/` and unreserved characters percent-encoded. */
function encodePath(id: string): string {
  return encodeURIComponent(id)
    .replace(/%2F/gi, '/')
    .replace(/[!'()*]/g, (char) => `%${char.charCodeAt(0).toString(16).toUpperCase()}`);
}

/**
 * A URL as a Markdown link destination inside a table cell: characters that would end the
 * destination, the link or the cell (space, `<`, `>`, `(`, `)`, `|`, `\`, `"`, backtick) and
 * anything outside ASCII are percent-encoded, and an `&` that would start an entity (`&copy;`) is written as
 * `&amp;`, so that no query string turns into another character.
 */
function encodeDestination(url: string): string {
  return url
    // By code point (`u`): the halves of an emoji's surrogate pair cannot be encoded apart.
    .replace(/[^A-Za-z0-9\-._~:/?#[\]@!$&'*+,;=%]/gu, (char) => encodeURIComponent(char))
    .replace(/[()'*!]/g, (char) => `%${char.charCodeAt(0).toString(16).toUpperCase()}`)
    .replace(/&(?=#?\w+;)/g, '&amp;');
}

/** A footnote's text: the quote on one line, in typographic quotes, then its page. */
function footnoteText(evidence: EvidenceQuote): string {
  const quote = escapeMarkdownLine(evidence.quote.replace(/\s+/g, ' ').trim());
  return evidence.page === undefined ? `“${quote}”` : `“${quote}” (p. ${evidence.page})`;
}
