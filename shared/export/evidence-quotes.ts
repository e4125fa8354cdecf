import type { Paper } from '../model/library';
import type { EvidenceByPaper, EvidenceQuote } from './markdown-table';
import { customColumnKey, reviewColumnIds } from './review-columns';

/**
 * The review table's evidence as quotes for footnotes: for each paper, each cell that names one of
 * the paper's highlights as its evidence (`paper.evidence`, column id → highlight id) gets that
 * highlight's quote and page, under the cell's column key (`column:<id>` for a custom column). A
 * highlight that no longer exists gives no quote.
 */
export function evidenceQuotes(papers: readonly Paper[]): EvidenceByPaper {
  const byPaper: Record<string, Record<string, EvidenceQuote>> = {};
  for (const paper of papers) {
    const cells: Record<string, EvidenceQuote> = {};
    for (const [columnId, annotationId] of Object.entries(paper.evidence ?? {})) {
      const highlight = paper.annotations.find((annotation) => annotation.id === annotationId);
      if (!highlight) continue;
      const key = (reviewColumnIds as readonly string[]).includes(columnId) ? columnId : customColumnKey(columnId);
      cells[key] = { quote: highlight.quote, page: highlight.page };
    }
    if (Object.keys(cells).length > 0) byPaper[paper.id] = cells;
  }
  return byPaper;
}
