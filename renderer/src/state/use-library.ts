import { useSyncExternalStore } from 'react';
import { libraryStore, type LibrarySnapshot } from './library-store';

export function useLibrary(): LibrarySnapshot {
  return useSyncExternalStore(libraryStore.subscribe, libraryStore.getSnapshot);
}
