import type { Paper } from '../model/library';

/** The fields the search looks at; the rest of a paper never needs to reach a search index. */
export type SearchablePaper = Pick<Paper, 'id' | 'title' | 'authors' | 'tags' | 'venue' | 'abstract'>;

export function searchable(paper: SearchablePaper): SearchablePaper {
  const { id, title, authors, tags, venue, abstract } = paper;
  return { id, title, authors, tags, ...(venue !== undefined ? { venue } : {}), ...(abstract !== undefined ? { abstract } : {}) };
}
