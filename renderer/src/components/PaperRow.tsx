import { memo, type MouseEvent, type Ref } from 'react';
import type { PaperSummary } from '../../../shared/api/contract';
import type { ClickMode } from '../state/use-workspace';
import { summaryAuthors } from '../util/summary-authors';
import { paperTypeLabels } from './paper-type-labels';
import { HighlightedText } from './HighlightedText';
import { TagChip } from './TagChip';

interface Props {
  ref: Ref<HTMLDivElement>;
  index: number;
  start: number;
  domId: string;
  paper: PaperSummary;
  query: string;
  selected: boolean;
  isCursor: boolean;
  tagColors: ReadonlyMap<string, string>;
  onClickRow: (paperId: string, mode: ClickMode) => void;
  onOpen: () => void;
}

const MAX_ROW_TAGS = 4;

function clickMode(event: MouseEvent): ClickMode {
  if (event.shiftKey) return 'range';
  if (event.metaKey || event.ctrlKey) return 'toggle';
  return 'single';
}

export const PaperRow = memo(function PaperRow({
  ref,
  index,
  start,
  domId,
  paper,
  query,
  selected,
  isCursor,
  tagColors,
  onClickRow,
  onOpen,
}: Props) {
  const meta = [summaryAuthors(paper, 2), paper.year?.toString(), paper.venue].filter(Boolean).join(' · ') || paperTypeLabels[paper.type];
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
          <HighlightedText text={paper.title || 'Untitled'} query={query} />
        </div>
        {meta && (
          <div className="paper-row-meta">
            <HighlightedText text={meta} query={query} />
          </div>
        )}
        {(paper.tags.length > 0 || paper.noteCount > 0) && (
          <div className="paper-row-tags">
            {paper.tags.slice(0, MAX_ROW_TAGS).map((tag) => (
              <TagChip key={tag} name={tag} color={tagColors.get(tag)} />
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
