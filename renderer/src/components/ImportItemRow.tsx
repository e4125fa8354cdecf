import { memo, useId, type Ref } from 'react';
import type { ImportPreviewItem } from '../../../shared/api/contract';
import { formatAuthors } from '../../../shared/model/format-authors';
import { batchIndex, itemNumber, plural, type ImportAction } from '../state/import-choices';
import { DuplicateBadge } from './DuplicateBadge';
import { ImportWarningList } from './ImportWarningList';
import { paperTypeLabels } from './paper-type-labels';

interface Props {
  ref: Ref<HTMLDivElement>;
  /** Position in the list as shown (the virtualizer's index), not the item's index in the import. */
  row: number;
  start: number;
  item: ImportPreviewItem;
  action: ImportAction;
  /** The item comes from a PDF, which is attached to the paper it becomes or merges into. */
  isPdf: boolean;
  expanded: boolean;
  highlighted: boolean;
  onAction: (item: ImportPreviewItem, action: ImportAction) => void;
  onToggleWarnings: (index: number) => void;
  onShowItem: (index: number) => void;
}

const actionTitles: Record<ImportAction, string> = { import: 'Import', skip: 'Skip', merge: 'Merge' };

function mergeLabel(item: ImportPreviewItem, isPdf: boolean): string {
  const duplicate = item.duplicate;
  const earlier = duplicate ? batchIndex(duplicate) : undefined;
  if (earlier !== undefined) return `${isPdf ? 'Attach to' : 'Merge into'} item ${itemNumber(earlier)}`;
  return isPdf ? 'Attach to existing paper' : 'Merge into existing';
}

/** One parsed record of an import: what it is, where it came from, what is wrong with it, and what to do with it. */
export const ImportItemRow = memo(function ImportItemRow({
  ref,
  row,
  start,
  item,
  action,
  isPdf,
  expanded,
  highlighted,
  onAction,
  onToggleWarnings,
  onShowItem,
}: Props) {
  const warningsId = useId();
  const { paper } = item;
  const meta = [formatAuthors(paper.authors, 3), paper.year?.toString(), paper.venue].filter(Boolean).join(' · ') || paperTypeLabels[paper.type];
  const where = item.line !== undefined ? `${item.file}:${item.line}` : item.file;
  const changed = action !== item.action;
  const title = paper.title.trim() || 'Untitled';

  return (
    <div
      ref={ref}
      data-row={row}
      data-index={item.index}
      data-testid="import-item"
      data-action={action}
      className={`import-item action-${action}${highlighted ? ' highlighted' : ''}`}
      style={{ transform: `translateY(${start}px)` }}
      role="listitem"
    >
      <span className="import-item-number" aria-hidden="true">
        {itemNumber(item.index)}
      </span>
      <div className="import-item-body">
        <div className={`import-item-title${paper.title.trim() ? '' : ' untitled'}`} data-testid="import-item-title">
          {title}
        </div>
        <div className="import-item-meta">{meta}</div>
        <div className="import-item-facts">
          <span className="import-item-source" title={where}>
            {where}
          </span>
          {isPdf && <span className="import-chip">PDF attached</span>}
          {item.warnings.length > 0 && (
            <button
              type="button"
              className="import-warning-toggle"
              aria-expanded={expanded}
              aria-controls={warningsId}
              data-testid="import-item-warnings"
              onClick={() => onToggleWarnings(item.index)}
            >
              <span aria-hidden="true">⚠</span> {plural(item.warnings.length, 'warning')} <span aria-hidden="true">{expanded ? '▾' : '▸'}</span>
            </button>
          )}
          {item.duplicate && <DuplicateBadge duplicate={item.duplicate} onShowItem={onShowItem} />}
        </div>
        {expanded && item.warnings.length > 0 && (
          <div id={warningsId}>
            <ImportWarningList warnings={item.warnings} file={item.file} />
          </div>
        )}
      </div>
      <div className="import-item-action">
        <select
          className={`import-select${changed ? ' changed' : ''}`}
          data-testid="import-action"
          aria-label={`What to do with item ${itemNumber(item.index)}, “${title}”`}
          title={changed ? `Changed; the default was ${actionTitles[item.action]}` : undefined}
          value={action}
          onChange={(event) => {
            const next = event.target.value;
            if (next === 'import' || next === 'skip' || next === 'merge') onAction(item, next);
          }}
        >
          <option value="import">{item.duplicate ? 'Import as new' : 'Import'}</option>
          <option value="skip">Skip</option>
          {item.duplicate && <option value="merge">{mergeLabel(item, isPdf)}</option>}
        </select>
        {changed && <span className="import-item-changed">changed</span>}
      </div>
    </div>
  );
});
