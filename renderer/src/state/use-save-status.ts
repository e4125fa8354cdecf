import { useSyncExternalStore } from 'react';
import { saveStatus, type SaveStatus } from './save-status-store';

export function useSaveStatus(): SaveStatus {
  return useSyncExternalStore(saveStatus.subscribe, saveStatus.getSnapshot);
}
