/**
 * Links between papers in notes: `[Title](sift:paper/<id>)`, plain Markdown that any editor shows
 * as a link and Sift opens in the app. They never become an href: the preview draws a button.
 */
const PAPER_LINK = /^sift:paper\/([^\s/?#]+)$/;

export function paperLinkHref(id: string): string {
  return `sift:paper/${encodeURIComponent(id)}`;
}

/** The paper id of a `sift:paper/<id>` link, or undefined for anything else. */
export function paperIdFromHref(href: string | null | undefined): string | undefined {
  const match = href ? PAPER_LINK.exec(href.trim()) : null;
  if (!match?.[1]) return undefined;
  try {
    return decodeURIComponent(match[1]);
  } catch {
    return undefined;
  }
}

/** A title as Markdown link text: characters Markdown would read as syntax are escaped, line breaks become spaces. */
export function escapeLinkText(text: string): string {
  return text.replace(/\s+/g, ' ').trim().replace(/[\\[\]*_`<>]/g, '\\$&');
}

/** The Markdown inserted for a link to a paper. */
export function paperLinkMarkdown(title: string, id: string): string {
  return `[${escapeLinkText(title || 'Untitled')}](${paperLinkHref(id)})`;
}

/** An open `[[` before the caret: where it starts and what was typed after it (one line, at most 80 characters). */
export interface PaperLinkQuery {
  start: number;
  text: string;
}

const OPEN_LINK = /\[\[([^[\]\n]{0,80})$/;

/** The `[[…` being typed at `caret`, if the caret is inside one. */
export function paperLinkQueryAt(text: string, caret: number): PaperLinkQuery | undefined {
  const match = OPEN_LINK.exec(text.slice(0, caret));
  if (!match || match[1] === undefined) return undefined;
  return { start: match.index, text: match[1] };
}

/** The note's text with `[[…` (from `query.start` to the caret) replaced by a link, and where the caret goes. */
export function insertPaperLink(text: string, query: PaperLinkQuery, caret: number, link: string): { text: string; caret: number } {
  // An editor that closed the brackets itself (`[[|]]`) leaves them after the caret: they go too.
  const end = text.startsWith(']]', caret) ? caret + 2 : caret;
  const before = text.slice(0, query.start);
  return { text: `${before}${link}${text.slice(end)}`, caret: before.length + link.length };
}
