import type { ReactNode } from 'react';
import type { PaperSummary, SearchHit } from '../../../shared/api/contract';
import { authorName } from '../../../shared/model/format-authors';
import type { Paper } from '../../../shared/model/library';
import { segmentByTerms } from '../../../shared/text/shared-terms';
import { fieldRanges, type TextRange } from '../search/hit-ranges';
import { summaryAuthors } from '../util/summary-authors';
import { HighlightedText } from './HighlightedText';
import { TagChip } from './TagChip';

interface Props {
  summary: PaperSummary;
  /** Undefined until the whole paper has been fetched. */
  whole: Paper | undefined;
  /** The paper's hit in the current search, if it is in the results. */
  hit: SearchHit | undefined;
  terms: ReadonlySet<string>;
  tagColors: ReadonlyMap<string, string>;
}

/**
 * The abstract with two kinds of marks: words all compared abstracts share, and the search's
 * matches. A shared word the search also matched carries both classes.
 */
function markedAbstract(text: string, terms: ReadonlySet<string>, matches: readonly TextRange[]): ReactNode[] {
  const nodes: ReactNode[] = [];
  let offset = 0;
  for (const segment of segmentByTerms(text, terms)) {
    const start = offset;
    const end = start + segment.text.length;
    offset = end;
    // Cut the segment where a match begins or ends inside it.
    const cuts = new Set([start, end]);
    for (const [from, to] of matches) {
      if (from > start && from < end) cuts.add(from);
      if (to > start && to < end) cuts.add(to);
    }
    const points = [...cuts].sort((a, b) => a - b);
    for (let index = 0; index < points.length - 1; index += 1) {
      const from = points[index] as number;
      const to = points[index + 1] as number;
      const piece = text.slice(from, to);
      const matched = matches.some(([matchStart, matchEnd]) => matchStart <= from && to <= matchEnd);
      if (!segment.shared && !matched) nodes.push(piece);
      else {
        const className = [segment.shared ? 'shared-term' : '', matched ? 'match' : ''].filter(Boolean).join(' ');
        nodes.push(
          <mark key={from} className={className} data-testid={segment.shared ? 'shared-term' : 'search-match'}>
            {piece}
          </mark>,
        );
      }
    }
  }
  return nodes;
}

/** One paper's column of the compare grid (a subgrid, so its fields line up with the others'). */
export function CompareColumn({ summary, whole, hit, terms, tagColors }: Props) {
  const authors = whole ? whole.authors.map(authorName).join(', ') : summaryAuthors(summary);
  let abstract;
  if (!whole) {
    abstract = <span className="muted">Loading…</span>;
  } else if (!whole.abstract) {
    abstract = <span className="muted">No abstract.</span>;
  } else {
    abstract = markedAbstract(whole.abstract, terms, fieldRanges(hit, 'abstract'));
  }
  return (
    <div className="compare-column" data-testid="compare-column" data-paper-id={summary.id}>
      <h2 className="compare-cell compare-title">
        <HighlightedText text={summary.title || 'Untitled'} ranges={summary.title ? fieldRanges(hit, 'title') : []} />
      </h2>
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
