import { useState, type KeyboardEvent } from 'react';
import type { Column } from '../../../shared/model/library';
import type { CellValue } from '../review/review-layout';

/** Where the cursor goes after an edit is committed. */
export type Move = 'down' | 'right' | 'left' | 'stay';

interface Props {
  column: Column;
  /** The cell's value when editing began. */
  value: CellValue | undefined;
  /** What typing a character on the cell started the edit with (it replaces the value). */
  initial?: string;
  onCommit: (value: CellValue, move: Move) => void;
  onCancel: () => void;
}

function moveOf(event: KeyboardEvent): Move | undefined {
  if (event.key === 'Enter') return 'down';
  if (event.key === 'Tab') return event.shiftKey ? 'left' : 'right';
  return undefined;
}

/**
 * Edits one cell like a spreadsheet: Enter commits and moves down, Tab / Shift+Tab commit and move
 * right / left, Esc cancels. A select column lists its options, filtered by what is typed.
 */
export function ReviewCellEditor({ column, value, initial, onCommit, onCancel }: Props) {
  const [draft, setDraft] = useState(initial ?? (value === undefined || value === null ? '' : String(value)));
  const options = column.options ?? [];
  const matching = column.kind === 'select' ? options.filter((option) => option.toLowerCase().includes(draft.trim().toLowerCase())) : [];
  const [highlight, setHighlight] = useState(0);
  const [error, setError] = useState<string>();
  /** ↑/↓ picked an option from the list since the last keystroke. */
  const [navigated, setNavigated] = useState(false);

  const parsed = (): CellValue | undefined => {
    const text = draft.trim();
    if (column.kind === 'number') {
      if (text === '') return null;
      const number = Number(text.replace(',', '.'));
      if (!Number.isFinite(number)) {
        setError('Type a number');
        return undefined;
      }
      return number;
    }
    if (column.kind === 'select') {
      if (text === '') return navigated ? (options[highlight] ?? null) : null;
      // What is typed picks the highlighted match; the whole list when nothing narrows it.
      const list = matching.length > 0 ? matching : [];
      const exact = options.find((option) => option.toLowerCase() === text.toLowerCase());
      const picked = exact ?? list[Math.min(highlight, list.length - 1)];
      if (picked === undefined) {
        setError(`Not an option of “${column.name}”`);
        return undefined;
      }
      return picked;
    }
    return draft === '' ? null : draft;
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    event.stopPropagation();
    if (event.key === 'Escape') {
      event.preventDefault();
      onCancel();
      return;
    }
    if (column.kind === 'select' && (event.key === 'ArrowDown' || event.key === 'ArrowUp')) {
      event.preventDefault();
      const list = matching.length > 0 ? matching : options;
      setHighlight((at) => (event.key === 'ArrowDown' ? Math.min(list.length - 1, at + 1) : Math.max(0, at - 1)));
      setNavigated(true);
      return;
    }
    const move = moveOf(event);
    if (!move) return;
    event.preventDefault();
    const next = parsed();
    if (next !== undefined) onCommit(next, move);
  };

  const shown = column.kind === 'select' ? (draft.trim() === '' && initial === undefined ? options : matching) : [];
  return (
    <div className="cell-editor">
      <input
        autoFocus
        className="cell-input"
        data-testid="cell-input"
        aria-label={`${column.name} value`}
        inputMode={column.kind === 'number' ? 'decimal' : undefined}
        value={draft}
        onChange={(event) => {
          setDraft(event.target.value);
          setHighlight(0);
          setNavigated(false);
          setError(undefined);
        }}
        onKeyDown={onKeyDown}
        onBlur={() => onCancel()}
      />
      {column.kind === 'select' && (
        <ul className="cell-options" role="listbox" aria-label={`Options of ${column.name}`} data-testid="cell-options">
          {shown.map((option, index) => (
            <li
              key={option}
              role="option"
              aria-selected={index === highlight}
              className={index === highlight ? 'active' : undefined}
              onMouseDown={(event) => {
                event.preventDefault();
                onCommit(option, 'stay');
              }}
            >
              {option}
            </li>
          ))}
          {shown.length === 0 && <li className="muted">No option matches</li>}
        </ul>
      )}
      {error && (
        <span className="cell-error" role="alert">
          {error}
        </span>
      )}
    </div>
  );
}
