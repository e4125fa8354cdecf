import type { Paper } from '../model/library';
import { formatAuthors } from '../model/format-authors';

/** The built-in columns of the review table, in their default order. */
export const reviewColumnIds = ['title', 'authors', 'year', 'venue', 'tags', 'status', 'decision', 'doi'] as const;
export type ReviewColumnId = (typeof reviewColumnIds)[number];

export const defaultReviewColumns: ReviewColumnId[] = ['title', 'authors', 'year', 'venue', 'tags', 'status'];

export interface ReviewColumn {
  id: ReviewColumnId;
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
