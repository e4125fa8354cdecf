import type { Paper } from '../model/library';

/** The fields the search looks at; the rest of a paper never needs to reach a search index. */
export type SearchablePaper = Pick<Paper, 'id' | 'title' | 'authors' | 'tags' | 'venue' | 'abstract'> & { notes?: ReadonlyArray<Pick<Paper['notes'][number], 'body'>> };
