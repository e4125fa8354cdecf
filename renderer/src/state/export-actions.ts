import type { BibliographyExportOutput, ExportFile, MethodInput } from '../../../shared/api/contract';
import { bibliographyFileExtension, bibliographyFormatName, type BibliographyFormat } from '../../../shared/export/bibliography-formats';
import { ApiCallError, call } from '../api/client';
import { downloadText } from '../util/download';

/** What the Export dialog can write. */
export const exportKinds = ['markdown', 'csv', 'bibtex', 'biblatex', 'ris', 'csl-json', 'notes'] as const;
export type ExportKind = (typeof exportKinds)[number];

export const exportKindLabels: Record<ExportKind, string> = {
  markdown: 'Markdown table',
  csv: 'CSV',
  bibtex: 'BibTeX',
  biblatex: 'BibLaTeX',
  ris: 'RIS',
  'csl-json': 'CSL-JSON',
  notes: 'Notes bundle (one Markdown file per paper)',
};

export interface ExportChoices {
  kind: ExportKind;
  /** Markdown: titles linked to DOI, else arXiv, else URL. */
  linkTitles: boolean;
  /** Markdown: evidence quotes as footnotes. */
  footnotes: boolean;
  /** CSV: a UTF-8 byte order mark, for Excel. */
  bom: boolean;
}

/** Built-in column ids and custom columns as `column:<id>`; the default columns when absent. */
export type ExportColumns = MethodInput<'export.table'>['columns'];

/** An export made and held until it is copied or saved. */
export type PreparedExport =
  | { kind: 'text'; fileName: string; mimeType: string; text: string; count: number; report: BibliographyExportOutput['report']; formatName: string }
  | { kind: 'files'; files: ExportFile[]; count: number };

function isBibliography(kind: ExportKind): kind is BibliographyFormat {
  return kind === 'bibtex' || kind === 'biblatex' || kind === 'ris' || kind === 'csl-json';
}

const bibliographyMimeTypes: Record<BibliographyFormat, string> = {
  bibtex: 'application/x-bibtex;charset=utf-8',
  biblatex: 'application/x-bibtex;charset=utf-8',
  ris: 'application/x-research-info-systems;charset=utf-8',
  'csl-json': 'application/vnd.citationstyles.csl+json;charset=utf-8',
};

/** Makes the export from the main side: nothing is written yet. */
export async function prepareExport(paperIds: readonly string[], choices: ExportChoices, columns?: ExportColumns): Promise<PreparedExport> {
  const ids = [...paperIds];
  if (choices.kind === 'notes') {
    const { files } = await call('export.notes', { paperIds: ids });
    return { kind: 'files', files, count: files.length };
  }
  if (isBibliography(choices.kind)) {
    const { text, report, count } = await call('export.bibliography', { paperIds: ids, format: choices.kind });
    const suffix = choices.kind === 'biblatex' ? '-biblatex' : '';
    return {
      kind: 'text',
      fileName: `references${suffix}.${bibliographyFileExtension(choices.kind)}`,
      mimeType: bibliographyMimeTypes[choices.kind],
      text,
      count,
      report,
      formatName: bibliographyFormatName(choices.kind),
    };
  }
  const csv = choices.kind === 'csv';
  const options = csv ? { bom: choices.bom } : { linkTitles: choices.linkTitles, footnotes: choices.footnotes };
  const { text, rows } = await call('export.table', { paperIds: ids, format: choices.kind, options, ...(columns ? { columns } : {}) });
  return {
    kind: 'text',
    fileName: csv ? 'review-table.csv' : 'review-table.md',
    mimeType: csv ? 'text/csv;charset=utf-8' : 'text/markdown;charset=utf-8',
    text,
    count: rows,
    report: [],
    formatName: csv ? 'CSV' : 'Markdown',
  };
}

/** What saving did, for a message. */
export type SaveOutcome = { saved: false } | { saved: true; where: string; downloaded: boolean; files: number };

/**
 * Saves a prepared export: the desktop's save (or folder) dialog, or in browser mode, which has
 * no dialogs, downloads (one per file for a notes bundle: the browser may ask once to allow them).
 */
export async function savePrepared(prepared: PreparedExport): Promise<SaveOutcome> {
  try {
    if (prepared.kind === 'text') {
      const result = await call('export.save', { suggestedName: prepared.fileName, content: prepared.text });
      return result.saved ? { saved: true, where: result.path ?? prepared.fileName, downloaded: false, files: 1 } : { saved: false };
    }
    const result = await call('export.saveFolder', { files: prepared.files });
    return result.saved ? { saved: true, where: result.folder ?? '', downloaded: false, files: result.fileNames?.length ?? 0 } : { saved: false };
  } catch (error) {
    if (!(error instanceof ApiCallError && error.code === 'unavailable')) throw error;
  }
  if (prepared.kind === 'text') {
    downloadText(prepared.fileName, prepared.text, prepared.mimeType);
    return { saved: true, where: prepared.fileName, downloaded: true, files: 1 };
  }
  for (const file of prepared.files) downloadText(file.fileName, file.content);
  return { saved: true, where: 'your downloads', downloaded: true, files: prepared.files.length };
}

/** "3 fields of 2 papers could not be carried in RIS", or '' when nothing was lost. */
export function reportSummary(prepared: PreparedExport): string {
  if (prepared.kind !== 'text' || prepared.report.length === 0) return '';
  const fields = prepared.report.reduce((sum, entry) => sum + entry.dropped.length, 0);
  const papers = prepared.report.length;
  return `${fields} ${fields === 1 ? 'field' : 'fields'} of ${papers} ${papers === 1 ? 'paper' : 'papers'} could not be carried in ${prepared.formatName}`;
}
