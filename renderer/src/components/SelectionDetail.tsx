import { useMemo } from 'react';
import type { PaperSummary } from '../../../shared/api/contract';
import { readStatuses, type ReadStatus } from '../../../shared/model/library';
import { libraryStore } from '../state/library-store';
import type { Workspace } from '../state/use-workspace';
import { emptySelection } from '../state/selection';
import { summaryAuthors } from '../util/summary-authors';
import { TagEditor, type EditedTag } from './TagEditor';

interface Props {
  papers: readonly PaperSummary[];
  workspace: Workspace;
}

const MAX_LISTED = 8;
const statusLabels: Record<ReadStatus, string> = { unread: 'Unread', reading: 'Reading', read: 'Read' };

/** Several papers selected: what they are, and what can be done to all of them at once. */
export function SelectionDetail({ papers, workspace }: Props) {
  const { refs, tags: allTags, tagColors, dispatch, readOnly } = workspace;
  const canCompare = papers.length >= 2 && papers.length <= 4;

  // A selection can be the whole library: count once per change, not on every render.
  const { ids, tags, statuses } = useMemo(() => {
    const counts = new Map<string, number>();
    for (const paper of papers) for (const tag of paper.tags) counts.set(tag, (counts.get(tag) ?? 0) + 1);
    const edited: EditedTag[] = [...counts]
      .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
      .map(([name, count]) => ({ name, count }));
    return { ids: papers.map((paper) => paper.id), tags: edited, statuses: new Set(papers.map((paper) => paper.status)) };
  }, [papers]);

  return (
    <div className="detail-scroll">
      <article className="detail-article" aria-labelledby="selection-title">
        <p className="eyebrow">Selection</p>
        <h1 id="selection-title" className="detail-title" data-testid="selection-count" tabIndex={-1}>
          {papers.length} papers selected
        </h1>
        <ol className="selection-list">
          {papers.slice(0, MAX_LISTED).map((paper) => (
            <li key={paper.id}>
              <span className="selection-title">{paper.title || 'Untitled'}</span>
              <span className="selection-meta">{[summaryAuthors(paper, 1), paper.year].filter(Boolean).join(' · ')}</span>
            </li>
          ))}
          {papers.length > MAX_LISTED && <li className="muted">and {papers.length - MAX_LISTED} more</li>}
        </ol>
        <div className="button-row">
          <button
            type="button"
            className="button primary"
            data-testid="selection-compare"
            disabled={!canCompare}
            onClick={workspace.compareSelected}
            title={canCompare ? 'Compare side by side (C)' : 'Compare works with 2–4 papers'}
          >
            Compare {canCompare ? `${papers.length} papers` : ''}
          </button>
          <button type="button" className="button" onClick={() => dispatch({ type: 'setSelection', selection: emptySelection })}>
            Clear selection
          </button>
        </div>
        {!canCompare && <p className="muted small">Compare works with 2–4 papers.</p>}

        <section className="detail-section" aria-labelledby="bulk-status-heading">
          <h2 id="bulk-status-heading" className="section-title">
            Read status
          </h2>
          <div className="segmented" role="group" aria-label="Mark all selected papers as">
            {readStatuses.map((status) => {
              const all = statuses.size === 1 && statuses.has(status);
              return (
                <button
                  key={status}
                  type="button"
                  className={`segment${all ? ' active' : ''}`}
                  aria-pressed={all}
                  data-testid="bulk-status"
                  data-status={status}
                  disabled={readOnly !== undefined}
                  title={readOnly}
                  onClick={() => void libraryStore.setStatus(ids, status)}
                >
                  <span className={`status-dot status-${status}`} aria-hidden="true" />
                  {statusLabels[status]}
                </button>
              );
            })}
          </div>
        </section>

        <section className="detail-section" aria-labelledby="bulk-tags-heading">
          <h2 id="bulk-tags-heading" className="section-title">
            Tags on the selection
          </h2>
          {!readOnly && <p className="muted small">Adding a tag adds it to all {papers.length} papers; × removes it from all of them.</p>}
          <TagEditor
            tags={tags}
            of={papers.length}
            allTags={allTags}
            tagColors={tagColors}
            inputRef={refs.tagInput}
            readOnly={readOnly}
            placeholder={`Add a tag to all ${papers.length} papers…`}
            onAdd={(tag) => libraryStore.addTag(ids, tag)}
            onRemove={(tag) => void libraryStore.removeTag(ids, tag)}
            onEscape={workspace.focusList}
          />
        </section>
      </article>
    </div>
  );
}
