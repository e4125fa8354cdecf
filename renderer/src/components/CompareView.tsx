import { useEffect, useMemo, useRef } from 'react';
import { authorName } from '../../../shared/model/format-authors';
import type { Paper } from '../../../shared/model/library';
import { segmentByTerms, sharedTerms } from '../../../shared/text/shared-terms';
import type { Workspace } from '../state/use-workspace';
import { TagChip } from './TagChip';

interface Props {
  workspace: Workspace;
}

const rows = ['Title', 'Authors', 'Year', 'Venue', 'Tags', 'Abstract'] as const;
const LEGEND_TERMS = 12;

/**
 * 2–4 papers side by side. One CSS grid holds every field; each paper's column is a subgrid,
 * so a field lines up across papers however long the titles are.
 */
export function CompareView({ workspace }: Props) {
  const { ui, paperById, tagColors } = workspace;
  const papers = ui.compareIds.map((id) => paperById.get(id)).filter((paper): paper is Paper => paper !== undefined);
  const abstracts = papers.map((paper) => paper.abstract ?? '').filter((text) => text.trim() !== '');
  // Keyed on the texts, not on the papers' identities, which change with every reload.
  const abstractsKey = abstracts.join('\u0000');
  const terms = useMemo(() => sharedTerms(abstractsKey === '' ? [] : abstractsKey.split('\u0000')), [abstractsKey]);
  const closeButton = useRef<HTMLButtonElement>(null);
  useEffect(() => closeButton.current?.focus(), []);

  const termList = [...terms].sort();
  return (
    <section className="view compare-view" data-testid="compare-view" aria-labelledby="compare-title">
      <header className="view-header">
        <div>
          <h1 id="compare-title" className="view-title">
            Compare {papers.length} papers
          </h1>
          <p className="legend" data-testid="compare-legend">
            <mark className="shared-term legend-swatch">term</mark>
            {abstracts.length < 2 ? (
              <span>Shared terms are highlighted when at least two papers have an abstract.</span>
            ) : (
              <span>
                Highlighted words appear in all {abstracts.length} abstracts (stop words ignored):{' '}
                <strong data-testid="shared-term-count">
                  {terms.size} shared {terms.size === 1 ? 'term' : 'terms'}
                </strong>
                {termList.length > 0 && (
                  <span className="legend-terms">
                    {' '}
                    — {termList.slice(0, LEGEND_TERMS).join(', ')}
                    {termList.length > LEGEND_TERMS ? ', …' : ''}
                  </span>
                )}
              </span>
            )}
          </p>
        </div>
        <button ref={closeButton} type="button" className="button" data-testid="close-view" onClick={workspace.closeView}>
          Close <kbd>Esc</kbd>
        </button>
      </header>
      {papers.length < 2 ? (
        <p className="view-empty">The papers being compared are no longer in the library.</p>
      ) : (
        <div className="compare-scroll" tabIndex={-1}>
          <div
            className="compare-grid"
            style={{ gridTemplateColumns: `7.5rem repeat(${papers.length}, minmax(15rem, 1fr))`, gridTemplateRows: `repeat(${rows.length}, auto)` }}
          >
            <div className="compare-labels" aria-hidden="true">
              {rows.map((row) => (
                <div key={row} className="compare-label">
                  {row}
                </div>
              ))}
            </div>
            {papers.map((paper) => (
              <div key={paper.id} className="compare-column" data-testid="compare-column" data-paper-id={paper.id}>
                <h2 className="compare-cell compare-title">{paper.title || 'Untitled'}</h2>
                <div className="compare-cell compare-authors">{paper.authors.map(authorName).join(', ') || '—'}</div>
                <div className="compare-cell">{paper.year ?? '—'}</div>
                <div className="compare-cell">{paper.venue || '—'}</div>
                <div className="compare-cell compare-tags">
                  {paper.tags.length === 0 ? '—' : paper.tags.map((tag) => <TagChip key={tag} name={tag} color={tagColors.get(tag)} />)}
                </div>
                <div className="compare-cell compare-abstract">
                  {paper.abstract
                    ? segmentByTerms(paper.abstract, terms).map((segment, index) =>
                        segment.shared ? (
                          <mark key={index} className="shared-term" data-testid="shared-term">
                            {segment.text}
                          </mark>
                        ) : (
                          segment.text
                        ),
                      )
                    : <span className="muted">No abstract.</span>}
                </div>
              </div>
            ))}
          </div>
        </div>
      )}
    </section>
  );
}
