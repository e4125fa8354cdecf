import type { PaperSummary } from '../../../shared/api/contract';
import { customColumnKey, defaultReviewColumns, reviewColumnIds, reviewColumns, type ReviewColumnId } from '../../../shared/export/review-columns';
import type { Column, ReviewTable } from '../../../shared/model/library';
import { summaryAuthors } from '../util/summary-authors';

export type CellValue = string | number | boolean | null;
export type RowSource = ReviewTable['source'];
export type LayoutColumn = ReviewTable['columns'][number];
export type SortOrder = NonNullable<ReviewTable['sort']>;

/** What the review table shows: where rows come from, columns in order (some hidden), sort and filters. */
export interface ReviewLayout {
  source: RowSource;
  columns: LayoutColumn[];
  sort?: SortOrder;
  /** Column id → filter text: "contains" for text, "equals" for a select or yes/no column. */
  filters: Record<string, string>;
}

/** A column as the grid draws it: a built-in one (read-only) or a custom one of the library. */
export type GridColumn = { id: string; label: string } & ({ builtIn: ReviewColumnId } | { custom: Column });

export function isBuiltIn(id: string): id is ReviewColumnId {
  return (reviewColumnIds as readonly string[]).includes(id);
}

/** The current list, the built-in default columns, then every custom column. */
export function defaultLayout(columns: readonly Column[]): ReviewLayout {
  return {
    source: { kind: 'query', value: '' },
    columns: [...defaultReviewColumns.map((id) => ({ id })), ...columns.map((column) => ({ id: column.id }))],
    filters: {},
  };
}

/** The layout with columns added since it was made appended, and deleted ones dropped. */
export function reconcile(layout: ReviewLayout, columns: readonly Column[]): ReviewLayout {
  const known = new Set(columns.map((column) => column.id));
  const kept = layout.columns.filter((column) => isBuiltIn(column.id) || known.has(column.id));
  const present = new Set(kept.map((column) => column.id));
  const added = columns.filter((column) => !present.has(column.id)).map((column) => ({ id: column.id }));
  if (added.length === 0 && kept.length === layout.columns.length) return layout;
  return { ...layout, columns: [...kept, ...added] };
}

export function gridColumns(layout: ReviewLayout, columns: readonly Column[]): GridColumn[] {
  const byId = new Map(columns.map((column) => [column.id, column]));
  return layout.columns.flatMap((entry): GridColumn[] => {
    if (entry.hidden) return [];
    if (isBuiltIn(entry.id)) return [{ id: entry.id, label: reviewColumns[entry.id].label, builtIn: entry.id }];
    const custom = byId.get(entry.id);
    return custom ? [{ id: entry.id, label: custom.name, custom }] : [];
  });
}

/** The export key of a grid column: its built-in id, or `column:<id>`. */
export function exportKey(column: GridColumn): ReviewColumnId | `column:${string}` {
  return 'builtIn' in column ? column.builtIn : customColumnKey(column.custom.id);
}

/** A built-in cell as text, from the summary (the same text the exported table has). */
export function builtInText(paper: PaperSummary, column: ReviewColumnId): string {
  switch (column) {
    case 'title':
      return paper.title;
    case 'authors':
      return summaryAuthors(paper);
    case 'year':
      return paper.year === undefined ? '' : String(paper.year);
    case 'venue':
      return paper.venue ?? '';
    case 'tags':
      return paper.tags.join(', ');
    case 'status':
      return paper.status;
    case 'decision':
      return paper.decision;
    case 'doi':
      return paper.doi ?? '';
  }
}

export function valueText(value: CellValue | undefined): string {
  if (value === undefined || value === null) return '';
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  return String(value);
}

export type FieldsOf = (paperId: string) => Readonly<Record<string, CellValue>> | undefined;

function sortValue(paper: PaperSummary, column: GridColumn, fieldsOf: FieldsOf): string | number | undefined {
  if ('builtIn' in column) {
    if (column.builtIn === 'year') return paper.year;
    const text = builtInText(paper, column.builtIn);
    return text === '' ? undefined : text;
  }
  const value = fieldsOf(paper.id)?.[column.custom.id];
  if (value === undefined || value === null || value === '') return undefined;
  if (typeof value === 'boolean') return value ? 1 : 0;
  return value;
}

/** The rows that pass every filter, sorted (empty cells last either way); the source order otherwise. */
export function arrangeRows(rows: readonly PaperSummary[], columns: readonly GridColumn[], layout: ReviewLayout, fieldsOf: FieldsOf): PaperSummary[] {
  const filters = columns.flatMap((column) => {
    const wanted = layout.filters[column.id]?.trim().toLowerCase();
    if (!wanted) return [];
    const equals = 'custom' in column && (column.custom.kind === 'select' || column.custom.kind === 'boolean');
    return [{ column, wanted, equals }];
  });
  let arranged = rows.filter((paper) =>
    filters.every(({ column, wanted, equals }) => {
      const text = ('builtIn' in column ? builtInText(paper, column.builtIn) : valueText(fieldsOf(paper.id)?.[column.custom.id])).toLowerCase();
      return equals ? text === wanted : text.includes(wanted);
    }),
  );
  const sort = layout.sort;
  const sortColumn = sort && columns.find((column) => column.id === sort.columnId);
  if (sort && sortColumn) {
    const direction = sort.direction === 'asc' ? 1 : -1;
    arranged = arranged
      .map((paper, index) => ({ paper, index, key: sortValue(paper, sortColumn, fieldsOf) }))
      .sort((a, b) => {
        if (a.key === undefined || b.key === undefined) return a.key === b.key ? a.index - b.index : a.key === undefined ? 1 : -1;
        const order = typeof a.key === 'number' && typeof b.key === 'number' ? a.key - b.key : String(a.key).localeCompare(String(b.key), undefined, { numeric: true });
        return order * direction || a.index - b.index;
      })
      .map(({ paper }) => paper);
  }
  return arranged;
}

/** Moves a column one place left or right among all columns (hidden ones included). */
export function moveColumn(layout: ReviewLayout, id: string, step: -1 | 1): ReviewLayout {
  const columns = [...layout.columns];
  const from = columns.findIndex((column) => column.id === id);
  let to = from + step;
  // Step over hidden columns, so that the move is visible.
  while (to >= 0 && to < columns.length && columns[to]?.hidden) to += step;
  if (from < 0 || to < 0 || to >= columns.length) return layout;
  const [moved] = columns.splice(from, 1);
  if (moved) columns.splice(to, 0, moved);
  return { ...layout, columns };
}

export function setHidden(layout: ReviewLayout, id: string, hidden: boolean): ReviewLayout {
  return {
    ...layout,
    columns: layout.columns.map((column) => {
      if (column.id !== id) return column;
      const { hidden: _was, ...rest } = column;
      return hidden ? { ...rest, hidden: true } : rest;
    }),
  };
}

/** The layout as a preset stores it (filters are not saved: they are a moment's view). */
export function presetOf(layout: ReviewLayout, name: string, id?: string): Omit<ReviewTable, 'id'> & { id?: string } {
  return { ...(id ? { id } : {}), name, source: layout.source, columns: layout.columns, ...(layout.sort ? { sort: layout.sort } : {}) };
}

export function layoutOf(table: ReviewTable): ReviewLayout {
  return { source: table.source, columns: table.columns, ...(table.sort ? { sort: table.sort } : {}), filters: {} };
}
