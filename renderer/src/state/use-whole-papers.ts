import { useEffect, useSyncExternalStore } from 'react';
import type { PaperSummary } from '../../../shared/api/contract';
import type { Paper } from '../../../shared/model/library';
import { paperCache, type WantedPaper } from './paper-cache';

/**
 * The whole papers behind these summaries, fetched while they are on screen and again when a
 * summary says a paper changed. A paper not loaded yet is missing from the map.
 */
export function useWholePapers(summaries: readonly PaperSummary[]): ReadonlyMap<string, Paper> {
  // A string key: the effect runs again only when an id or an updatedAt changes, not on every new array.
  const key = JSON.stringify(summaries.map((summary): WantedPaper => ({ id: summary.id, updatedAt: summary.updatedAt })));
  useEffect(() => paperCache.show(JSON.parse(key) as WantedPaper[]), [key]);
  return useSyncExternalStore(paperCache.subscribe, paperCache.getSnapshot);
}
