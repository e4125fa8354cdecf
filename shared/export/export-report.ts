/**
 * What a bibliographic export could not carry, paper by paper: nothing is dropped without a line
 * here. Only bibliographic data counts; Sift's own data (tags, notes, read status, rating,
 * screening, highlights, review-table fields, attachments) is not part of these formats.
 */

import { SAFE_CITATION_KEY } from './citation-keys';

/** One field of one paper that the format has no place for, or could only write differently. */
export interface DroppedField {
  /** The paper's field (`type`, `authors`, `arxivId`…) or `extra.<name>` for an imported field Sift keeps as it was. */
  field: string;
  /** Why, as a phrase: "RIS has no tag for it". */
  reason: string;
}

export interface ExportReportEntry {
  paperId: string;
  /** The paper's citation key in this export. */
  key: string;
  title: string;
  dropped: DroppedField[];
}

/** An export's text and the papers that lost something in it (only those). */
export interface BibliographyExport {
  text: string;
  report: ExportReportEntry[];
}

/**
 * Collects what one paper loses; `entry()` is undefined when it lost nothing. A citation key that
 * had to change (another paper has it, or it has characters a key cannot hold) is noted first:
 * `\cite{…}`s written with the old key no longer find the paper.
 */
export class PaperReport {
  private readonly dropped: DroppedField[] = [];

  constructor(
    private readonly paper: { id: string; title: string; citationKey?: string | undefined },
    private readonly key: string,
  ) {
    const own = paper.citationKey;
    if (own === undefined || own === key) return;
    const why = SAFE_CITATION_KEY.test(own) ? 'another paper in this export has the same key' : 'a key holds only letters, digits and _:.+/*!?@-';
    this.drop('citationKey', `written as ${key}: ${why}`);
  }

  drop(field: string, reason: string): void {
    if (!this.dropped.some((known) => known.field === field)) this.dropped.push({ field, reason });
  }

  entry(): ExportReportEntry | undefined {
    return this.dropped.length === 0 ? undefined : { paperId: this.paper.id, key: this.key, title: this.paper.title, dropped: this.dropped };
  }
}

/** "3 fields of 2 papers could not be carried in RIS:" and one line per paper, for the CLI and the UI. */
export function describeReport(report: readonly ExportReportEntry[], formatName: string): string {
  const fields = report.reduce((sum, entry) => sum + entry.dropped.length, 0);
  if (fields === 0) return '';
  const lines = report.map((entry) => `  ${entry.key}: ${entry.dropped.map((dropped) => `${dropped.field} (${dropped.reason})`).join('; ')}`);
  const papers = report.length === 1 ? '1 paper' : `${report.length} papers`;
  return `${fields === 1 ? '1 field' : `${fields} fields`} of ${papers} could not be carried in ${formatName}:\n${lines.join('\n')}\n`;
}
