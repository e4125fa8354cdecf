import { useSyncExternalStore } from 'react';
import { savedSearchesStore, type SavedSearchesState } from './saved-searches-store';

export function useSavedSearches(): SavedSearchesState {
  return useSyncExternalStore(savedSearchesStore.subscribe, savedSearchesStore.getState);
}
