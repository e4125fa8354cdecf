import type { PaperSummary } from '../../../shared/api/contract';
import { useRelatedPapers } from '../compare/use-related-papers';
import { summaryAuthors } from '../util/summary-authors';

interface Props {
  paperId: string;
  /** Changes when the library or this paper does, so the list is asked for again. */
  libraryKey: string;
  summaryOf: (id: string) => PaperSummary | undefined;
  onOpenPaper: (id: string) => void;
}

/** "Related in your library": the papers most similar to this one by TF-IDF over title and abstract. */
export function RelatedSection({ paperId, libraryKey, summaryOf, onOpenPaper }: Props) {
  const related = useRelatedPapers(paperId, libraryKey);
  const shown = (related ?? []).flatMap((entry) => {
    const summary = summaryOf(entry.id);
    return summary ? [{ ...entry, summary }] : [];
  });
  return (
    <section className="detail-section" aria-labelledby="related-heading" data-testid="related-section">
      <h2 id="related-heading" className="section-title">
        Related in your library
      </h2>
      {related === undefined ? (
        <p className="muted loading-text">Loading…</p>
      ) : shown.length === 0 ? (
        <p className="muted">No paper in the library shares words with this one.</p>
      ) : (
        <ol className="related-list">
          {shown.map(({ id, score, summary }) => (
            <li key={id}>
              <button type="button" className="related-paper" data-testid="related-paper" data-paper-id={id} onClick={() => onOpenPaper(id)}>
                <span className="related-title">{summary.title || 'Untitled'}</span>
                <span className="related-meta muted">
                  {[summaryAuthors(summary), summary.year].filter((part) => part !== undefined && part !== '').join(' · ')}
                </span>
              </button>
              <span className="related-score" data-testid="related-score" title="TF-IDF cosine similarity of title and abstract">
                {score.toFixed(2)}
              </span>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
