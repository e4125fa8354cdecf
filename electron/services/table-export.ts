import type { NoteFile, NoteFilesOptions } from '../../shared/export/notes-bundle';
import { paperNoteFiles } from '../../shared/export/notes-bundle';
import { reviewTableCsv } from '../../shared/export/csv';
import { evidenceQuotes } from '../../shared/export/evidence-quotes';
import { reviewTableMarkdown } from '../../shared/export/markdown-table';
import { CUSTOM_COLUMN_PREFIX, reviewColumnIds, type CustomColumnKey, type ReviewColumnId } from '../../shared/export/review-columns';
import type { Paper } from '../../shared/model/library';
import { ApiFailure } from './api-failure';
import type { LibraryStore } from './library-store';

export type TableExportFormat = 'markdown' | 'csv';

export interface TableExportOptions {
  /** Markdown: titles linked to DOI, else arXiv, else an http(s) URL. */
  linkTitles?: boolean;
  /** Markdown: evidence quotes as GFM footnotes. */
  footnotes?: boolean;
  /** CSV: start with a UTF-8 byte order mark (for Excel on Windows). */
  bom?: boolean;
}

/** The papers, in the order given; an unknown id is an error, never a silently shorter export. */
function papersOf(store: Pick<LibraryStore, 'getPaper'>, paperIds: readonly string[]): Paper[] {
  return paperIds.map((id) => {
    const paper = store.getPaper(id);
    if (!paper) throw new ApiFailure('not-found', `No paper with id "${id}" in this library`);
    return paper;
  });
}

/**
 * `export.table`: the review table of these papers (in that order) as GFM Markdown or CSV. Reads
 * only. Footnotes quote the highlight each cell names as its evidence.
 */
export function tableExport(
  store: Pick<LibraryStore, 'getPaper' | 'data'>,
  paperIds: readonly string[],
  format: TableExportFormat,
  columnKeys: readonly string[] | undefined,
  options: TableExportOptions = {},
): { text: string; rows: number } {
  const papers = papersOf(store, paperIds);
  const text =
    format === 'csv'
      ? reviewTableCsv(papers, columnKeys === undefined ? undefined : libraryColumns(store, columnKeys), { bom: options.bom ?? false, columns: store.data.columns })
      : reviewTableMarkdown(papers, columnKeys === undefined ? undefined : libraryColumns(store, columnKeys), {
          columns: store.data.columns,
          ...(options.linkTitles ? { linkTitles: true } : {}),
          ...(options.footnotes ? { footnotes: true, evidence: evidenceQuotes(papers) } : {}),
        });
  return { text, rows: papers.length };
}

function isBuiltIn(key: string): key is ReviewColumnId {
  return (reviewColumnIds as readonly string[]).includes(key);
}

/** The keys as built-in ids or custom columns of this library; a key that names neither is an error. */
function libraryColumns(store: Pick<LibraryStore, 'data'>, keys: readonly string[]): (ReviewColumnId | CustomColumnKey)[] {
  const custom = new Set(store.data.columns.map((column) => `${CUSTOM_COLUMN_PREFIX}${column.id}`));
  const unknown = keys.find((key) => !isBuiltIn(key) && !custom.has(key));
  if (unknown !== undefined) throw new ApiFailure('not-found', `No column "${unknown}" in this library`);
  return keys as (ReviewColumnId | CustomColumnKey)[];
}

/** `export.notes`: one Markdown note per paper (each paper once, in the order given). Reads only. */
export function notesExport(store: Pick<LibraryStore, 'getPaper'>, paperIds: readonly string[], naming?: NoteFilesOptions['naming']): { files: NoteFile[] } {
  return { files: paperNoteFiles(papersOf(store, [...new Set(paperIds)]), naming ? { naming } : {}) };
}
