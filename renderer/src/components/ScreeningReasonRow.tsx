import { useState } from 'react';
import type { ScreeningReason } from '../../../shared/model/library';

interface Props {
  reason: ScreeningReason;
  number: number;
  count: number;
  disabled: boolean;
  onRename: (label: string) => void;
  onMove: (delta: -1 | 1) => void;
  onDelete: () => void;
}

/** One exclusion reason: its key (E1…E9), its label to edit in place, and buttons to reorder or delete it. */
export function ScreeningReasonRow({ reason, number, count, disabled, onRename, onMove, onDelete }: Props) {
  const [draft, setDraft] = useState(reason.label);
  const commit = () => {
    const label = draft.trim();
    if (label === '' || label === reason.label) setDraft(reason.label);
    else onRename(label);
  };
  return (
    <li className="reason-row" data-testid="reason-row" data-reason-id={reason.id}>
      <span className="reason-number" title={`Press E then ${number}`}>
        E{number}
      </span>
      <input
        className="text-input small reason-label"
        data-testid="reason-label"
        value={draft}
        maxLength={200}
        disabled={disabled}
        aria-label={`Exclusion reason ${number}`}
        onChange={(event) => setDraft(event.target.value)}
        onBlur={commit}
        onKeyDown={(event) => {
          if (event.key === 'Enter') {
            event.preventDefault();
            commit();
          }
        }}
      />
      <span className="reason-row-buttons">
        <button type="button" className="icon-button" disabled={disabled || number === 1} onClick={() => onMove(-1)} aria-label={`Move E${number} up`} title="Move up">
          ↑
        </button>
        <button type="button" className="icon-button" disabled={disabled || number === count} onClick={() => onMove(1)} aria-label={`Move E${number} down`} title="Move down">
          ↓
        </button>
        <button type="button" className="icon-button" disabled={disabled} onClick={onDelete} aria-label={`Delete E${number}`} title="Delete (decisions keep its label)">
          ×
        </button>
      </span>
    </li>
  );
}
