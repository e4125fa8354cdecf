import { useEffect, useMemo, useSyncExternalStore } from 'react';
import type { Paper } from '../../../shared/model/library';
import { queryWords } from '../../../shared/search/query-words';
import { searchClient } from './search-client';

export interface SearchResult {
  /** The query these ids answer; it trails the typed query while a search runs. */
  query: string;
  /** Paper ids, best match first. */
  ids: readonly string[];
}

export interface SearchState {
  /** Undefined when there is no query, or before the first answer. */
  result: SearchResult | undefined;
  /** A search for the current query is still running. */
  pending: boolean;
}

export function useSearchResult(papers: readonly Paper[], query: string): SearchState {
  // setPapers only does work when something searchable changed, so running it per papers array is cheap.
  const version = useMemo(() => {
    searchClient.setPapers(papers);
    return searchClient.version;
  }, [papers]);
  const hasQuery = queryWords(query).length > 0;

  useEffect(() => {
    if (hasQuery) searchClient.search(query);
  }, [query, version, hasQuery]);

  const latest = useSyncExternalStore(searchClient.subscribe, searchClient.getResult);
  if (!hasQuery) return { result: undefined, pending: false };
  return {
    result: latest ? { query: latest.query, ids: latest.ids } : undefined,
    pending: !latest || latest.query !== query || latest.version !== version,
  };
}
