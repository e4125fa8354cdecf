import { useEffect, useMemo, useRef } from 'react';
import type { PaperSummary } from '../../../shared/api/contract';
import { sharedTerms } from '../../../shared/text/shared-terms';
import { searchStore } from '../search/search-store';
import { useWholePapers } from '../state/use-whole-papers';
import type { Workspace } from '../state/use-workspace';
import { CompareColumn } from './CompareColumn';

interface Props {
  workspace: Workspace;
}

const rows = ['Title', 'Authors', 'Year', 'Venue', 'Tags', 'Abstract'] as const;
const LEGEND_TERMS = 12;

/**
 * 2–4 papers side by side. One CSS grid holds every field; each paper's column is a subgrid,
 * so a field lines up across papers however long the titles are. Titles, tags and the first
 * authors come from the summaries; abstracts and full author lists from the whole papers.
 */
export function CompareView({ workspace }: Props) {
  const { ui, summaryOf, tagColors, hitOf } = workspace;
  const papers = ui.compareIds.map(summaryOf).filter((paper): paper is PaperSummary => paper !== undefined);
  const whole = useWholePapers(papers);
  const loaded = papers.every((paper) => whole.has(paper.id));
  // Shared terms wait for every abstract: counting them over some would highlight the wrong words.
  const abstracts = loaded ? papers.map((paper) => whole.get(paper.id)?.abstract ?? '').filter((text) => text.trim() !== '') : [];
  // Keyed on the texts, not on the papers' identities, which change with every reload.
  const abstractsKey = abstracts.join('\u0000');
  const terms = useMemo(() => sharedTerms(abstractsKey === '' ? [] : abstractsKey.split('\u0000')), [abstractsKey]);
  const closeButton = useRef<HTMLButtonElement>(null);
  useEffect(() => closeButton.current?.focus(), []);
  // Compared papers the search found show its matches too, even those past the first page of hits.
  const answer = workspace.search.answer;
  const compareKey = ui.compareIds.join('\u0000');
  useEffect(() => {
    if (!answer) return;
    for (const id of compareKey.split('\u0000')) searchStore.ensureHitOf(id);
  }, [answer, compareKey]);

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
            {!loaded ? (
              <span>Loading the abstracts…</span>
            ) : abstracts.length < 2 ? (
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
              <CompareColumn
                key={paper.id}
                summary={paper}
                whole={whole.get(paper.id)}
                hit={hitOf(paper.id)}
                terms={terms}
                tagColors={tagColors}
              />
            ))}
          </div>
        </div>
      )}
    </section>
  );
}
