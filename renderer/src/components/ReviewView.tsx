import { useEffect, useRef } from 'react';
import { defaultReviewColumns, reviewColumns } from '../../../shared/export/review-columns';
import type { Workspace } from '../state/use-workspace';
import { TagChip } from './TagChip';

interface Props {
  workspace: Workspace;
}

/** The current list (search and filters applied, in display order) as a table, ready to copy or export. */
export function ReviewView({ workspace }: Props) {
  const { visible, papers, ui, tagColors } = workspace;
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
            {visible.map((paper) => (
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
                        {reviewColumns.status.value(paper)}
                      </span>
                    ) : (
                      reviewColumns[id].value(paper) || <span className="empty-cell" aria-label="empty">—</span>
                    )}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
        {visible.length === 0 && <p className="view-empty">No papers in the current list.</p>}
      </div>
    </section>
  );
}
