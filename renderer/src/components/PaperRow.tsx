import { memo, type MouseEvent, type Ref } from 'react';
import type { PaperSummary, SearchHit } from '../../../shared/api/contract';
import { authorName } from '../../../shared/model/format-authors';
import { fieldRanges, joinRanged, rangedNames, type RangedText } from '../search/hit-ranges';
import type { ClickMode } from '../state/use-workspace';
import { FulltextSnippet } from './FulltextSnippet';
import { HighlightedText } from './HighlightedText';
import { paperTypeLabels } from './paper-type-labels';
import { TagChip } from './TagChip';

interface Props {
  ref: Ref<HTMLDivElement>;
  index: number;
  start: number;
  domId: string;
  paper: PaperSummary;
  /** The paper's search hit, with what matched where; undefined without a search (or before its ranges arrive). */
  hit: SearchHit | undefined;
  selected: boolean;
  isCursor: boolean;
  tagColors: ReadonlyMap<string, string>;
  onClickRow: (paperId: string, mode: ClickMode) => void;
  onOpen: () => void;
}

const MAX_ROW_TAGS = 4;
const ROW_AUTHORS = 2;

function clickMode(event: MouseEvent): ClickMode {
  if (event.shiftKey) return 'range';
  if (event.metaKey || event.ctrlKey) return 'toggle';
  return 'single';
}

/** "First Author, Second Author et al. · 2023 · Venue", with the search's matches in authors and venue. */
function metaLine(paper: PaperSummary, hit: SearchHit | undefined): RangedText {
  const names = paper.authors.map(authorName);
  const shown = Math.min(ROW_AUTHORS, names.length);
  const parts: RangedText[] = [];
  if (shown > 0) parts.push(rangedNames(names, hit, shown, paper.authorCount > shown ? ' et al.' : ''));
  if (paper.year !== undefined) parts.push({ text: String(paper.year), ranges: [] });
  if (paper.venue) parts.push({ text: paper.venue, ranges: fieldRanges(hit, 'venue') });
  return parts.length > 0 ? joinRanged(parts, ' · ') : { text: paperTypeLabels[paper.type], ranges: [] };
}

export const PaperRow = memo(function PaperRow({
  ref,
  index,
  start,
  domId,
  paper,
  hit,
  selected,
  isCursor,
  tagColors,
  onClickRow,
  onOpen,
}: Props) {
  const meta = metaLine(paper, hit);
  const extraTags = paper.tags.length - MAX_ROW_TAGS;
  return (
    <div
      ref={ref}
      id={domId}
      role="option"
      aria-selected={selected}
      data-index={index}
      data-testid="paper-row"
      data-paper-id={paper.id}
      className={`paper-row${selected ? ' selected' : ''}${isCursor ? ' cursor' : ''}`}
      style={{ transform: `translateY(${start}px)` }}
      onClick={(event) => onClickRow(paper.id, clickMode(event))}
      onDoubleClick={onOpen}
    >
      <span className={`status-dot status-${paper.status}`} title={paper.status} aria-label={paper.status} />
      <div className="paper-row-body">
        <div className="paper-row-title" data-testid="row-title">
          <HighlightedText text={paper.title || 'Untitled'} ranges={paper.title ? fieldRanges(hit, 'title') : []} />
        </div>
        {hit?.fulltext && <FulltextSnippet match={hit.fulltext} lead={24} />}
        {meta.text && (
          <div className="paper-row-meta" data-testid="row-meta">
            <HighlightedText text={meta.text} ranges={meta.ranges} />
          </div>
        )}
        {(paper.tags.length > 0 || paper.noteCount > 0) && (
          <div className="paper-row-tags">
            {paper.tags.slice(0, MAX_ROW_TAGS).map((tag, position) => (
              <TagChip key={tag} name={tag} color={tagColors.get(tag)} matched={fieldRanges(hit, 'tags', position).length > 0} />
            ))}
            {extraTags > 0 && <span className="more-tags">+{extraTags}</span>}
            {paper.noteCount > 0 && (
              <span className="note-count" title={`${paper.noteCount} ${paper.noteCount === 1 ? 'note' : 'notes'}`}>
                ✎ {paper.noteCount}
              </span>
            )}
          </div>
        )}
      </div>
    </div>
  );
});
