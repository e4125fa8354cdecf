import { useEffect, useRef } from 'react';
import type { PaperSummary } from '../../../shared/api/contract';
import { defaultReviewColumns, reviewColumns, type ReviewColumnId } from '../../../shared/export/review-columns';
import type { Workspace } from '../state/use-workspace';
import { summaryAuthors } from '../util/summary-authors';
import { TagChip } from './TagChip';

interface Props {
  workspace: Workspace;
}

/**
 * Rows drawn in the table. The table is a preview: drawing 50,000 rows would freeze the window,
 * and Copy and Export take every row from the main side anyway.
 */
const MAX_TABLE_ROWS = 1000;

/** A cell as text, from the summary (the same text the exported table has: see shared/export/review-columns.ts). */
function cellText(paper: PaperSummary, column: ReviewColumnId): string {
  switch (column) {
    case 'title':
      return paper.title;
    case 'authors':
      return summaryAuthors(paper);
    case 'year':
      return paper.year === undefined ? '' : String(paper.year);
    case 'venue':
      return paper.venue ?? '';
    case 'tags':
      return paper.tags.join(', ');
    case 'status':
      return paper.status;
    case 'decision':
      return paper.decision;
    case 'doi':
      return paper.doi ?? '';
  }
}

/** The current list (search and filters applied, in display order) as a table, ready to copy or export. */
export function ReviewView({ workspace }: Props) {
  const { visible, papers, ui, tagColors } = workspace;
  const rows = visible.length > MAX_TABLE_ROWS ? visible.slice(0, MAX_TABLE_ROWS) : visible;
  const copyButton = useRef<HTMLButtonElement>(null);
  useEffect(() => copyButton.current?.focus(), []);

  const scope = [
    ui.query.trim() ? `matching “${ui.query.trim()}”` : undefined,
    ui.filter.status ? `status ${ui.filter.status}` : undefined,
    ui.filter.tag !== undefined ? `tagged #${ui.filter.tag}` : undefined,
  ].filter(Boolean);

  return (
    <section className="view review-view" data-testid="review-view" aria-labelledby="review-title">
      <header className="view-header">
        <div>
          <h1 id="review-title" className="view-title">
            Review table
          </h1>
          <p className="muted" data-testid="review-scope">
            {visible.length} of {papers.length} papers{scope.length > 0 ? `, ${scope.join(', ')}` : ''} · in list order
          </p>
        </div>
        <div className="button-row">
          <button
            ref={copyButton}
            type="button"
            className="button primary"
            data-testid="copy-markdown"
            disabled={visible.length === 0}
            onClick={workspace.copyReview}
            title="Copy as a Markdown table (M)"
          >
            Copy as Markdown
          </button>
          <button
            type="button"
            className="button"
            data-testid="export-markdown"
            disabled={visible.length === 0}
            onClick={workspace.exportReview}
            title="Save as a Markdown file (Shift+M)"
          >
            Export Markdown…
          </button>
          <button type="button" className="button" data-testid="close-view" onClick={workspace.closeView}>
            Close <kbd>Esc</kbd>
          </button>
        </div>
      </header>
      <div className="table-scroll">
        <table className="review-table" data-testid="review-table">
          <thead>
            <tr>
              {defaultReviewColumns.map((id) => (
                <th key={id} scope="col" className={`col-${id}`}>
                  {reviewColumns[id].label}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((paper) => (
              <tr
                key={paper.id}
                data-paper-id={paper.id}
                onDoubleClick={() => {
                  workspace.clickPaper(paper.id, 'single');
                  workspace.closeView();
                }}
              >
                {defaultReviewColumns.map((id) => (
                  <td key={id} className={`col-${id}`}>
                    {id === 'tags' ? (
                      <span className="cell-tags">
                        {paper.tags.map((tag) => (
                          <TagChip key={tag} name={tag} color={tagColors.get(tag)} />
                        ))}
                      </span>
                    ) : id === 'status' ? (
                      <span className="cell-status">
                        <span className={`status-dot status-${paper.status}`} aria-hidden="true" />
                        {cellText(paper, 'status')}
                      </span>
                    ) : (
                      cellText(paper, id) || <span className="empty-cell" aria-label="empty">—</span>
                    )}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
        {visible.length === 0 && <p className="view-empty">No papers in the current list.</p>}
        {rows.length < visible.length && (
          <p className="view-empty" data-testid="review-truncated">
            Showing the first {rows.length.toLocaleString()} of {visible.length.toLocaleString()} rows. Copy and Export include all of
            them.
          </p>
        )}
      </div>
    </section>
  );
}
