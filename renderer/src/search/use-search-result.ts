import { useEffect, useSyncExternalStore } from 'react';
import { queryWords } from '../../../shared/search/query-words';
import { searchClient, type SearchClientState } from './search-client';

/** What the hook sees while there is no query: nothing the index does matters, so nothing re-renders. */
const idle: SearchClientState = { version: 0, ready: false, result: undefined };
const getIdle = () => idle;

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

export function useSearchResult(query: string): SearchState {
  const hasQuery = queryWords(query).length > 0;
  const state = useSyncExternalStore(searchClient.subscribe, hasQuery ? searchClient.getState : getIdle);
  const { version, result: latest } = state;

  // A new version (the library changed) runs the query again over the new content.
  useEffect(() => {
    if (hasQuery) searchClient.search(query);
  }, [query, version, hasQuery]);

  if (!hasQuery) return { result: undefined, pending: false };
  return {
    result: latest ? { query: latest.query, ids: latest.ids } : undefined,
    pending: !latest || latest.query !== query || latest.version !== version,
  };
}
