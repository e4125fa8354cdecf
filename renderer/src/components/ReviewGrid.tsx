import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import type { PaperCells, PaperSummary } from '../../../shared/api/contract';
import type { ReviewColumnId } from '../../../shared/export/review-columns';
import type { Column } from '../../../shared/model/library';
import { builtInText, valueText, type CellValue, type GridColumn, type ReviewLayout } from '../review/review-layout';
import { EvidencePicker } from './EvidencePicker';
import { ReviewCellEditor, type Move } from './ReviewCellEditor';
import { ReviewColumnMenu, type ColumnAction } from './ReviewColumnMenu';
import { TagChip } from './TagChip';

interface Props {
  rows: readonly PaperSummary[];
  columns: readonly GridColumn[];
  layout: ReviewLayout;
  cellsOf: (paperId: string) => PaperCells | undefined;
  tagColors: ReadonlyMap<string, string>;
  readOnly: boolean;
  onSetCell: (paperId: string, column: Column, value: CellValue) => void;
  onSetEvidence: (paperId: string, column: Column, annotationId: string | null) => void;
  onFilter: (columnId: string, text: string) => void;
  onColumnAction: (column: GridColumn, action: ColumnAction) => void;
  onRename: (column: GridColumn, name: string) => void;
  onOpenPaper: (paperId: string) => void;
}

interface Cursor {
  row: number;
  col: number;
}

/**
 * The review table as a spreadsheet: arrow keys (and Home/End) move the cursor, Enter or F2 edits
 * a custom cell (typing starts an edit too), Space toggles a yes/no cell, Delete clears one, E cites
 * a highlight as its evidence. Built-in columns are read-only.
 */
export function ReviewGrid({ rows, columns, layout, cellsOf, tagColors, readOnly, onSetCell, onSetEvidence, onFilter, onColumnAction, onRename, onOpenPaper }: Props) {
  const [cursor, setCursor] = useState<Cursor>({ row: 0, col: 0 });
  const [editing, setEditing] = useState<{ initial?: string } | null>(null);
  const [picking, setPicking] = useState(false);
  const [menuFor, setMenuFor] = useState<string>();
  const grid = useRef<HTMLTableElement>(null);

  const row = Math.min(cursor.row, rows.length - 1);
  const col = Math.min(cursor.col, columns.length - 1);
  const paper = rows[row];
  const column = columns[col];
  const custom = column && 'custom' in column ? column.custom : undefined;
  const valueOf = (paperId: string, columnId: string): CellValue | undefined => cellsOf(paperId)?.fields[columnId];

  useEffect(() => {
    if (!editing && !picking) grid.current?.querySelector<HTMLElement>('td.cursor')?.scrollIntoView({ block: 'nearest', inline: 'nearest' });
  }, [row, col, editing, picking]);

  const focusGrid = () => grid.current?.focus();
  const moveBy = (rowStep: number, colStep: number) =>
    setCursor({ row: Math.max(0, Math.min(rows.length - 1, row + rowStep)), col: Math.max(0, Math.min(columns.length - 1, col + colStep)) });

  const commit = (value: CellValue, move: Move) => {
    if (paper && custom) onSetCell(paper.id, custom, value);
    setEditing(null);
    if (move === 'down') moveBy(1, 0);
    else if (move === 'right') moveBy(0, 1);
    else if (move === 'left') moveBy(0, -1);
    focusGrid();
  };

  const onKeyDown = (event: KeyboardEvent<HTMLTableElement>) => {
    if (event.target !== grid.current || editing || picking || !paper || !column) return;
    if (event.metaKey || event.ctrlKey || event.altKey) return;
    const handled = () => {
      event.preventDefault();
      event.stopPropagation();
    };
    switch (event.key) {
      case 'ArrowDown':
        handled();
        return moveBy(1, 0);
      case 'ArrowUp':
        handled();
        return moveBy(-1, 0);
      case 'ArrowRight':
        handled();
        return moveBy(0, 1);
      case 'ArrowLeft':
        handled();
        return moveBy(0, -1);
      case 'Tab':
        handled();
        return moveBy(0, event.shiftKey ? -1 : 1);
      case 'Home':
        handled();
        return setCursor({ row, col: 0 });
      case 'End':
        handled();
        return setCursor({ row, col: columns.length - 1 });
    }
    if (!custom || readOnly) {
      if (event.key === 'Enter' && !custom) {
        handled();
        onOpenPaper(paper.id);
      }
      return;
    }
    if (custom.kind === 'boolean' && (event.key === ' ' || event.key === 'Enter' || event.key === 'F2')) {
      handled();
      onSetCell(paper.id, custom, valueOf(paper.id, custom.id) !== true);
      return;
    }
    if (event.key === 'Enter' || event.key === 'F2') {
      handled();
      setEditing({});
    } else if (event.key === 'Delete' || event.key === 'Backspace') {
      handled();
      onSetCell(paper.id, custom, null);
    } else if (event.key === 'e' || event.key === 'E') {
      handled();
      setPicking(true);
    } else if (event.key.length === 1 && event.key !== ' ') {
      handled();
      setEditing({ initial: event.key });
    }
  };

  return (
    <table
      ref={grid}
      className="review-table review-grid"
      data-testid="review-table"
      role="grid"
      aria-label="Review table"
      aria-rowcount={rows.length}
      tabIndex={0}
      onKeyDown={onKeyDown}
    >
      <thead>
        <tr>
          {columns.map((entry) => {
            const sorted = layout.sort?.columnId === entry.id ? layout.sort.direction : undefined;
            return (
              <th
                key={entry.id}
                scope="col"
                className={`col-${'builtIn' in entry ? entry.builtIn : 'custom'}`}
                aria-sort={sorted === 'asc' ? 'ascending' : sorted === 'desc' ? 'descending' : undefined}
                data-column-id={entry.id}
              >
                <span className="th-label">
                  {entry.label}
                  {sorted && <span aria-hidden="true">{sorted === 'asc' ? ' ↑' : ' ↓'}</span>}
                </span>
                <button
                  type="button"
                  className="th-menu-button"
                  aria-label={`${entry.label} column menu`}
                  data-testid="column-menu-button"
                  // Keeps focus in an open menu, so that this button toggles it instead of its blur closing it first.
                  onMouseDown={(event) => event.preventDefault()}
                  onClick={() => setMenuFor(menuFor === entry.id ? undefined : entry.id)}
                >
                  ▾
                </button>
                {menuFor === entry.id && (
                  <ReviewColumnMenu
                    column={entry}
                    onAction={(action) => onColumnAction(entry, action)}
                    onRename={(name) => onRename(entry, name)}
                    onClose={() => setMenuFor(undefined)}
                  />
                )}
              </th>
            );
          })}
        </tr>
        <tr className="filter-row">
          {columns.map((entry) => (
            <th key={entry.id} scope="col">
              {'custom' in entry && (entry.custom.kind === 'select' || entry.custom.kind === 'boolean') ? (
                <select
                  aria-label={`Filter ${entry.label}`}
                  data-testid="column-filter"
                  value={layout.filters[entry.id] ?? ''}
                  onChange={(event) => onFilter(entry.id, event.target.value)}
                >
                  <option value="">All</option>
                  {(entry.custom.kind === 'boolean' ? ['yes', 'no'] : (entry.custom.options ?? [])).map((option) => (
                    <option key={option} value={option}>
                      {option}
                    </option>
                  ))}
                </select>
              ) : (
                <input
                  aria-label={`Filter ${entry.label}`}
                  data-testid="column-filter"
                  placeholder="Filter…"
                  value={layout.filters[entry.id] ?? ''}
                  onChange={(event) => onFilter(entry.id, event.target.value)}
                />
              )}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((item, rowIndex) => (
          <tr key={item.id} data-paper-id={item.id}>
            {columns.map((entry, colIndex) => {
              const here = rowIndex === row && colIndex === col;
              const cells = cellsOf(item.id);
              const className = `col-${'builtIn' in entry ? entry.builtIn : `custom kind-${entry.custom.kind}`}${here ? ' cursor' : ''}`;
              return (
                <td
                  key={entry.id}
                  className={className}
                  data-column-id={entry.id}
                  aria-selected={here}
                  onMouseDown={() => setCursor({ row: rowIndex, col: colIndex })}
                  onDoubleClick={() => {
                    if ('builtIn' in entry) onOpenPaper(item.id);
                    else if (!readOnly && entry.custom.kind !== 'boolean') setEditing({});
                  }}
                >
                  {'builtIn' in entry ? (
                    <BuiltInCell paper={item} column={entry.builtIn} tagColors={tagColors} />
                  ) : here && editing ? (
                    <ReviewCellEditor column={entry.custom} value={cells?.fields[entry.id]} initial={editing.initial} onCommit={commit} onCancel={() => (setEditing(null), focusGrid())} />
                  ) : (
                    <CustomCell value={cells?.fields[entry.id]} evidence={cells?.evidence.find((cited) => cited.columnId === entry.id)} />
                  )}
                  {here && picking && 'custom' in entry && (
                    <EvidencePicker
                      highlights={cells?.highlights ?? []}
                      current={cells?.evidence.find((cited) => cited.columnId === entry.id)?.annotationId}
                      onPick={(annotationId) => {
                        onSetEvidence(item.id, entry.custom, annotationId);
                        setPicking(false);
                        focusGrid();
                      }}
                      onClose={() => {
                        setPicking(false);
                        focusGrid();
                      }}
                    />
                  )}
                </td>
              );
            })}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function BuiltInCell({ paper, column, tagColors }: { paper: PaperSummary; column: ReviewColumnId; tagColors: ReadonlyMap<string, string> }) {
  if (column === 'tags') {
    return (
      <span className="cell-tags">
        {paper.tags.map((tag) => (
          <TagChip key={tag} name={tag} color={tagColors.get(tag)} />
        ))}
      </span>
    );
  }
  if (column === 'status') {
    return (
      <span className="cell-status">
        <span className={`status-dot status-${paper.status}`} aria-hidden="true" />
        {paper.status}
      </span>
    );
  }
  return <>{builtInText(paper, column) || <span className="empty-cell" aria-label="empty">—</span>}</>;
}

function CustomCell({ value, evidence }: { value: CellValue | undefined; evidence: PaperCells['evidence'][number] | undefined }) {
  const text = valueText(value);
  return (
    <>
      {typeof value === 'boolean' ? <span className={`cell-bool ${value ? 'yes' : 'no'}`}>{text}</span> : text || <span className="empty-cell" aria-label="empty">—</span>}
      {evidence && (
        <span className="evidence-marker" data-testid="evidence-marker" title={`“${evidence.quote}” (p. ${evidence.page})`}>
          p.{evidence.page}
        </span>
      )}
    </>
  );
}
