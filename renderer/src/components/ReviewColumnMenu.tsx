import { useEffect, useRef, useState } from 'react';
import type { GridColumn } from '../review/review-layout';

export type ColumnAction = 'sort-asc' | 'sort-desc' | 'move-left' | 'move-right' | 'hide' | 'delete';

interface Props {
  column: GridColumn;
  onAction: (action: ColumnAction) => void;
  onRename: (name: string) => void;
  onClose: () => void;
}

/** A column header's menu: sort, move, hide; rename and delete for a custom column. */
export function ReviewColumnMenu({ column, onAction, onRename, onClose }: Props) {
  const [renaming, setRenaming] = useState(false);
  const [name, setName] = useState(column.label);
  const custom = 'custom' in column;
  const menu = useRef<HTMLDivElement>(null);
  // Opened, the menu takes focus (↹ walks its items); it closes when focus leaves it.
  useEffect(() => menu.current?.querySelector('button')?.focus(), []);
  const item = (action: ColumnAction, label: string) => (
    <button
      type="button"
      role="menuitem"
      className="menu-item"
      data-testid={`column-${action}`}
      onClick={() => {
        onAction(action);
        onClose();
      }}
    >
      {label}
    </button>
  );
  return (
    <div
      className="column-menu"
      role="menu"
      aria-label={`${column.label} column`}
      data-testid="column-menu"
      ref={menu}
      onBlur={() => {
        // Checked a frame later: Rename swaps its button for a field, and focus passes through the body.
        window.requestAnimationFrame(() => {
          if (menu.current && !menu.current.contains(document.activeElement)) onClose();
        });
      }}
      onKeyDown={(event) => {
        event.stopPropagation();
        if (event.key === 'Escape') {
          event.preventDefault();
          onClose();
        }
      }}
    >
      {item('sort-asc', 'Sort ascending')}
      {item('sort-desc', 'Sort descending')}
      {item('move-left', 'Move left')}
      {item('move-right', 'Move right')}
      {item('hide', 'Hide column')}
      {custom &&
        (renaming ? (
          <form
            className="column-rename"
            onSubmit={(event) => {
              event.preventDefault();
              if (name.trim()) onRename(name.trim());
              onClose();
            }}
          >
            <input autoFocus aria-label="Column name" data-testid="column-rename-input" value={name} onChange={(event) => setName(event.target.value)} />
          </form>
        ) : (
          <button type="button" role="menuitem" className="menu-item" data-testid="column-rename" onClick={() => setRenaming(true)}>
            Rename…
          </button>
        ))}
      {custom && item('delete', 'Delete column…')}
    </div>
  );
}
