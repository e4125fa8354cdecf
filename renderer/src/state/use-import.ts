import { useSyncExternalStore } from 'react';
import { importStore, type ImportState } from './import-store';

export function useImport(): ImportState {
  return useSyncExternalStore(importStore.subscribe, importStore.getSnapshot);
}
