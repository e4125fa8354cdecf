import type { Paper } from '../model/library';

/** A problem with one part of an import; it never stops the other records. */
export interface ImportWarning {
  /** 1-based line in the source text, where known. */
  line?: number;
  /** The record it concerns (a citation key, a title), where known. */
  entry?: string;
  message: string;
}

/** The bibliographic part of a paper, as an importer makes it; the library adds id, status, times… */
export type PaperDraft = Pick<Paper, 'type' | 'title' | 'authors' | 'keywords' | 'extra'> &
  Partial<Pick<Paper, 'year' | 'venue' | 'abstract' | 'doi' | 'arxivId' | 'url' | 'citationKey'>>;

export interface ImportedRecord {
  paper: PaperDraft;
  /** 1-based line where the record starts in the source, where known. */
  line?: number;
  warnings: ImportWarning[];
}

export type ImportFormat = 'bibtex' | 'ris' | 'csl-json' | 'paste' | 'pdf';

export interface ImportResult {
  format: ImportFormat;
  records: ImportedRecord[];
  /** Problems not tied to one record (unreadable text between records, a bad @string…). */
  warnings: ImportWarning[];
}
