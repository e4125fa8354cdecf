import type { Column, Paper } from '../model/library';
import { formatAuthors } from '../model/format-authors';

/** The built-in columns of the review table, in their default order. */
export const reviewColumnIds = ['title', 'authors', 'year', 'venue', 'tags', 'status', 'decision', 'doi'] as const;
export type ReviewColumnId = (typeof reviewColumnIds)[number];

export const defaultReviewColumns: ReviewColumnId[] = ['title', 'authors', 'year', 'venue', 'tags', 'status'];

export interface ReviewColumn<Id extends string = ReviewColumnId> {
  id: Id;
  label: string;
  /** The cell as plain text; exporters escape it for their format. */
  value: (paper: Paper) => string;
}

export const reviewColumns: Record<ReviewColumnId, ReviewColumn> = {
  title: { id: 'title', label: 'Title', value: (p) => p.title },
  authors: { id: 'authors', label: 'Authors', value: (p) => formatAuthors(p.authors) },
  year: { id: 'year', label: 'Year', value: (p) => (p.year === undefined ? '' : String(p.year)) },
  venue: { id: 'venue', label: 'Venue', value: (p) => p.venue ?? '' },
  tags: { id: 'tags', label: 'Tags', value: (p) => p.tags.join(', ') },
  status: { id: 'status', label: 'Status', value: (p) => p.status },
  decision: { id: 'decision', label: 'Decision', value: (p) => p.screening.decision },
  doi: { id: 'doi', label: 'DOI', value: (p) => p.doi ?? '' },
};

/** How an export names a custom column of the library: `column:<id>`, so that it never clashes with a built-in id. */
export const CUSTOM_COLUMN_PREFIX = 'column:';
export type CustomColumnKey = `column:${string}`;

export function customColumnKey(columnId: string): CustomColumnKey {
  return `${CUSTOM_COLUMN_PREFIX}${columnId}`;
}

/** A cell value of a custom column as plain text: yes/no for booleans, empty for no value. */
export function cellValueText(value: string | number | boolean | null | undefined): string {
  if (value === undefined || value === null) return '';
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  return String(value);
}

/** The review-table column of one of the library's custom columns (its cells are `paper.fields[column.id]`). */
export function customReviewColumn(column: Column): ReviewColumn<CustomColumnKey> {
  return { id: customColumnKey(column.id), label: column.name, value: (paper) => cellValueText(paper.fields[column.id]) };
}

/**
 * The column definitions for a list of column keys (built-in ids or `column:<id>`), in that order,
 * with the library's custom columns; throws for a key that names no column.
 */
export function reviewColumnDefinitions(keys: readonly string[], columns: readonly Column[]): ReviewColumn<string>[] {
  const custom = new Map(columns.map((column) => [customColumnKey(column.id), column]));
  return keys.map((key) => {
    if ((reviewColumnIds as readonly string[]).includes(key)) return reviewColumns[key as ReviewColumnId];
    const column = custom.get(key as CustomColumnKey);
    if (!column) throw new Error(`No review-table column "${key}"`);
    return customReviewColumn(column);
  });
}
