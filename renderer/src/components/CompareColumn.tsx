import type { PaperSummary } from '../../../shared/api/contract';
import { authorName } from '../../../shared/model/format-authors';
import type { Paper } from '../../../shared/model/library';
import { segmentByTerms } from '../../../shared/text/shared-terms';
import { summaryAuthors } from '../util/summary-authors';
import { TagChip } from './TagChip';

interface Props {
  summary: PaperSummary;
  /** Undefined until the whole paper has been fetched. */
  whole: Paper | undefined;
  terms: ReadonlySet<string>;
  tagColors: ReadonlyMap<string, string>;
}

/** One paper's column of the compare grid (a subgrid, so its fields line up with the others'). */
export function CompareColumn({ summary, whole, terms, tagColors }: Props) {
  const authors = whole ? whole.authors.map(authorName).join(', ') : summaryAuthors(summary);
  let abstract;
  if (!whole) {
    abstract = <span className="muted">Loading…</span>;
  } else if (!whole.abstract) {
    abstract = <span className="muted">No abstract.</span>;
  } else {
    abstract = segmentByTerms(whole.abstract, terms).map((segment, index) =>
      segment.shared ? (
        <mark key={index} className="shared-term" data-testid="shared-term">
          {segment.text}
        </mark>
      ) : (
        segment.text
      ),
    );
  }
  return (
    <div className="compare-column" data-testid="compare-column" data-paper-id={summary.id}>
      <h2 className="compare-cell compare-title">{summary.title || 'Untitled'}</h2>
      <div className="compare-cell compare-authors">{authors || '—'}</div>
      <div className="compare-cell">{summary.year ?? '—'}</div>
      <div className="compare-cell">{summary.venue || '—'}</div>
      <div className="compare-cell compare-tags">
        {summary.tags.length === 0 ? '—' : summary.tags.map((tag) => <TagChip key={tag} name={tag} color={tagColors.get(tag)} />)}
      </div>
      <div className="compare-cell compare-abstract">{abstract}</div>
    </div>
  );
}
