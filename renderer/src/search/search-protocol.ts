import type { Paper } from '../../../shared/model/library';

/** The fields PaperSearch looks at; the rest of a paper never crosses to the worker. */
export type SearchablePaper = Pick<Paper, 'id' | 'title' | 'authors' | 'tags' | 'venue' | 'abstract'>;

export type SearchRequest =
  | { type: 'papers'; papers: SearchablePaper[] }
  | { type: 'search'; id: number; query: string };

export interface SearchResponse {
  id: number;
  /** Paper ids, best match first. */
  ids: string[];
}

export function searchable(paper: Paper): SearchablePaper {
  const { id, title, authors, tags, venue, abstract } = paper;
  return { id, title, authors, tags, venue, abstract };
}
