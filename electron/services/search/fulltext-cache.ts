import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { FulltextMatch } from '../../../shared/api/contract';
import type { EnginePaper, FulltextSource } from '../../../shared/search/engine/search-engine';

/** Characters of context on each side of a match in a snippet. */
const SNIPPET_CONTEXT = 80;
const SPACES = /[ \t\r\n\v\u00a0]+/g;

interface PdfText {
  /** White space collapsed to single spaces; pages separated by form feeds, as in fulltext/<sha>.txt. */
  text: string;
  lower: string;
  /** Offsets in `text` where each page starts. */
  pageStarts: number[];
}

/**
 * The extracted text of the library's PDFs (fulltext/<sha256>.txt, written at import), read into
 * memory the first time a query looks inside PDFs and kept, so the engine can search it
 * synchronously. Only files for attachments not yet read are loaded on later calls.
 */
export class FulltextCache implements FulltextSource {
  private readonly texts = new Map<string, PdfText | null>();

  constructor(private readonly libraryFolder: string) {}

  /** Reads the text of every attachment of these papers that is not in memory yet. */
  async load(papers: Iterable<EnginePaper>): Promise<void> {
    const missing = new Set<string>();
    for (const paper of papers) for (const attachment of paper.attachments) if (!this.texts.has(attachment.sha256)) missing.add(attachment.sha256);
    const shas = [...missing];
    // A few files at a time: enough to keep the disk busy without holding many open at once.
    for (let start = 0; start < shas.length; start += 16) {
      await Promise.all(
        shas.slice(start, start + 16).map(async (sha) => {
          try {
            this.texts.set(sha, prepare(await readFile(path.join(this.libraryFolder, 'fulltext', `${sha}.txt`), 'utf8')));
          } catch {
            // No text layer, or not extracted yet: nothing to search in this file.
            this.texts.set(sha, null);
          }
        }),
      );
    }
  }

  /** Forgets a file's text (after it was extracted again). */
  forget(sha256: string): void {
    this.texts.delete(sha256);
  }

  find(paper: EnginePaper, needle: string): FulltextMatch | undefined {
    const wanted = needle.toLowerCase();
    if (wanted.length === 0) return undefined;
    for (const attachment of paper.attachments) {
      const pdf = this.texts.get(attachment.sha256);
      if (!pdf) continue;
      const at = pdf.lower.indexOf(wanted);
      if (at < 0) continue;
      return { attachmentId: attachment.id, ...snippetAt(pdf, at, wanted.length) };
    }
    return undefined;
  }
}

function prepare(raw: string): PdfText {
  const pages = raw.split('\f').map((page) => page.replace(SPACES, ' ').trim());
  const pageStarts: number[] = [];
  let offset = 0;
  for (const page of pages) {
    pageStarts.push(offset);
    offset += page.length + 1;
  }
  const text = pages.join('\f');
  const lower = text.toLowerCase();
  // Lower-casing can change the length of a few characters (İ); offsets must agree, so search the text as it is then.
  return { text, lower: lower.length === text.length ? lower : text, pageStarts };
}

function snippetAt(pdf: PdfText, at: number, length: number): Omit<FulltextMatch, 'attachmentId'> {
  let page = 1;
  while (page < pdf.pageStarts.length && (pdf.pageStarts[page] as number) <= at) page += 1;
  const pageStart = pdf.pageStarts[page - 1] as number;
  const pageEnd = page < pdf.pageStarts.length ? (pdf.pageStarts[page] as number) - 1 : pdf.text.length;
  let start = Math.max(pageStart, at - SNIPPET_CONTEXT);
  let end = Math.min(pageEnd, at + length + SNIPPET_CONTEXT);
  // Whole words at the edges.
  while (start > pageStart && start < at && pdf.text[start - 1] !== ' ') start += 1;
  while (end < pageEnd && end > at + length && pdf.text[end] !== ' ') end -= 1;
  const prefix = start > pageStart ? '…' : '';
  const suffix = end < pageEnd ? '…' : '';
  const snippet = `${prefix}${pdf.text.slice(start, end).trim()}${suffix}`;
  const leading = pdf.text.slice(start, end).length - pdf.text.slice(start, end).trimStart().length;
  const matchStart = prefix.length + at - start - leading;
  return { page, snippet, ranges: [[matchStart, matchStart + length]] };
}
