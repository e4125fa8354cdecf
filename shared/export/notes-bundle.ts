/**
 * A per-paper Markdown notes bundle: one `.md` file per paper that Obsidian, Zettlr (and any other
 * Markdown editor) open as they are. Each file is YAML front matter, then `# Title`, `## Abstract`,
 * `## Notes` and `## Highlights`; a section with nothing in it is left out.
 *
 * Front matter is written by the `yaml` library, never by hand: it quotes whatever would otherwise
 * read as something else (`title: "No"`, `"1706.03762"`, a leading `-`, `[`, `{`, `*`, `&`, `!`,
 * `%`, `@`, backtick, `: ` and ` #`), and in YAML 1.1 compatibility mode, so that a YAML 1.1 reader
 * does not see `No`/`on`/`y` as booleans either. Tags are a YAML list without `#` (what Obsidian's
 * `tags` property and Zettlr's `tags` read); links stay plain Markdown.
 */

import { stringify } from 'yaml';
import { compareHighlights } from '../model/highlights';
import { authorName } from '../model/format-authors';
import type { Annotation, Note, Paper } from '../model/library';
import { citationKeys } from './citation-keys';
import { escapeMarkdownLine } from './escape-markdown-line';
import { safeFileStem, uniqueFileName } from './safe-file-name';

export interface NoteFile {
  /** A bare file name (no folder), safe on Windows, macOS and Linux, unique in the bundle (case-insensitively), ending in `.md`. */
  fileName: string;
  /** The Markdown text, LF line ends, ending in one newline. */
  content: string;
}

export interface NoteFilesOptions {
  /**
   * What a file is named after. `citation-key` (the default): the key the bibliography export
   * gives the paper, so Zettlr finds the note from a citation and a literature-note plugin from its
   * `citekey`; the title is an alias for Obsidian's link suggestions. `title`: the paper's title
   * (its citation key when the title leaves nothing usable).
   */
  naming?: 'citation-key' | 'title';
}

/** The front matter of a paper's note, as it is written (absent values are left out). */
export interface NoteFrontMatter {
  title: string;
  authors: string[];
  year?: number;
  venue?: string;
  doi?: string;
  arxiv?: string;
  url?: string;
  tags: string[];
  status: string;
  decision: string;
  reason?: string;
  citekey: string;
  aliases: string[];
}

/** One Markdown file per paper, in the papers' order. */
export function paperNoteFiles(papers: readonly Paper[], options: NoteFilesOptions = {}): NoteFile[] {
  const keys = citationKeys(papers);
  const taken = new Set<string>();
  const fileNames = new Map<string, string>();
  for (const paper of papers) {
    const key = keys.get(paper.id) ?? paper.id;
    const stem = options.naming === 'title' ? safeFileStem(paper.title) || safeFileStem(key) : safeFileStem(key) || safeFileStem(paper.title);
    fileNames.set(paper.id, uniqueFileName(stem || 'paper', taken));
  }
  return papers.map((paper) => ({
    fileName: fileNames.get(paper.id) ?? '',
    content: paperNote(paper, noteFrontMatter(paper, keys.get(paper.id) ?? paper.id), fileNames),
  }));
}

/** What the front matter of a paper's note says; empty optional values are left out. */
export function noteFrontMatter(paper: Paper, citekey: string): NoteFrontMatter {
  const optional = { venue: paper.venue, doi: paper.doi, arxiv: paper.arxivId, url: paper.url };
  const reason = paper.screening.reason;
  return {
    title: paper.title,
    authors: paper.authors.map(authorName),
    ...(paper.year === undefined ? {} : { year: paper.year }),
    ...Object.fromEntries(Object.entries(optional).filter(([, value]) => value?.trim())),
    tags: paper.tags.map(obsidianTag).filter(Boolean),
    status: paper.status,
    decision: paper.screening.decision,
    ...(reason?.trim() ? { reason } : {}),
    citekey,
    aliases: paper.title.trim() ? [paper.title] : [],
  };
}

/**
 * A tag as Obsidian and Zettlr read it in front matter: no `#`, no white space (Obsidian ends a tag
 * at a space, so `to read` becomes `to-read`). Nesting with `/` is kept; both apps show it as a tree.
 */
export function obsidianTag(tag: string): string {
  return tag.trim().replace(/^#+/, '').replace(/\s+/g, '-');
}

function paperNote(paper: Paper, matter: NoteFrontMatter, fileNames: ReadonlyMap<string, string>): string {
  // A multi-line value is one double-quoted line with JSON's escapes: a block scalar (`|+`) at the
  // end would lose its last newline to a reader that ends front matter at `\n---`, and yaml's
  // folded double quotes turn a line that starts with a space into `\\ ` (a backslash) when read.
  const yaml = stringify(matter, { lineWidth: 0, compat: 'yaml-1.1', blockQuote: false, doubleQuotedAsJSON: true });
  // A trailing ` #` would be read as the heading's closing sequence and dropped.
  const title = escapeMarkdownLine(paper.title).replace(/\s#+$/, (end) => end.replace(/#/g, '\\#'));
  const sections = [`# ${title || 'Untitled'}`];
  if (paper.abstract?.trim()) sections.push(`## Abstract\n\n${escapeMarkdownText(paper.abstract)}`);
  const notes = paper.notes.filter((note) => note.body.trim());
  if (notes.length > 0) sections.push(`## Notes\n\n${notes.map((note) => noteSection(note, fileNames)).join('\n\n')}`);
  if (paper.annotations.length > 0) sections.push(`## Highlights\n\n${[...paper.annotations].sort(compareHighlights).map(highlightBlock).join('\n\n')}`);
  return `---\n${yaml}---\n\n${sections.join('\n\n')}\n`;
}

/** A note under its date (`### 2026-02-04`, `(edited 2026-02-07)` when changed on a later day); its Markdown is the user's own and is kept. */
function noteSection(note: Note, fileNames: ReadonlyMap<string, string>): string {
  const created = note.createdAt.slice(0, 10);
  const updated = note.updatedAt.slice(0, 10);
  const heading = updated > created ? `### ${created} (edited ${updated})` : `### ${created}`;
  return `${heading}\n\n${relinkPapers(note.body.trim(), fileNames)}`;
}

/**
 * Sift's links between papers (`[Title](sift:paper/<id>)`) point at the other paper's note when it
 * is in the bundle: a plain relative Markdown link, which Obsidian and Zettlr follow. A link to a
 * paper outside the bundle is left as it is.
 */
function relinkPapers(body: string, fileNames: ReadonlyMap<string, string>): string {
  return body.replace(/\]\(sift:paper\/([^\s/?#)]+)\)/g, (link, encoded: string) => {
    let id: string;
    try {
      id = decodeURIComponent(encoded);
    } catch {
      return link;
    }
    const fileName = fileNames.get(id);
    // Parentheses too: an unbalanced one would end the link.
    return fileName === undefined ? link : `](${encodeURI(fileName).replace(/[()]/g, (char) => `%${char.charCodeAt(0).toString(16).toUpperCase()}`)})`;
  });
}

/** `> quote (p. 3)`, then the comment and the highlight's tags as paragraphs of their own. */
function highlightBlock(highlight: Annotation): string {
  const parts = [`> ${escapeMarkdownLine(highlight.quote) || '…'} (p. ${highlight.page})`];
  if (highlight.comment?.trim()) parts.push(escapeMarkdownLine(highlight.comment));
  if (highlight.tags?.length) parts.push(`Tags: ${highlight.tags.map(escapeMarkdownLine).join(', ')}`);
  return parts.join('\n\n');
}

/**
 * Imported plain text (an abstract) shown as written: paragraphs kept, each one line, and each
 * escaped as `escapeMarkdownLine` does.
 */
function escapeMarkdownText(text: string): string {
  return text
    .split(/\n\s*\n/)
    .map(escapeMarkdownLine)
    .filter(Boolean)
    .join('\n\n');
}
