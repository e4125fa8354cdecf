import { useEffect, useRef, type Dispatch } from 'react';
import { rememberView, restoreViewAction, serializeRememberedView } from './layout-memory';
import { layoutStorage } from './layout-storage';
import type { UiAction, UiState } from './ui-state';

/**
 * Reopens the view that was open in this library (see `RememberedView`) once its papers are there, and remembers
 * the view as it changes. Call after the effect that resets the workspace for another library.
 */
export function useRememberedView(
  libraryPath: string | undefined,
  hasPapers: boolean,
  ui: UiState,
  dispatch: Dispatch<UiAction>,
  exists: (paperId: string) => boolean,
): void {
  const restoredFor = useRef<string | undefined>(undefined);
  useEffect(() => {
    if (!libraryPath || !hasPapers || restoredFor.current === libraryPath) return;
    restoredFor.current = libraryPath;
    const action = restoreViewAction(layoutStorage.view(libraryPath), exists);
    if (action) dispatch(action);
    // Only when the library's papers arrive: `exists` changes with every edit after that.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [libraryPath, hasPapers, dispatch]);

  // Compared as text: the remembered view is a new object on every render.
  const view = serializeRememberedView(rememberView(ui));
  useEffect(() => {
    // Not before the restore: the list shown while the library loads must not overwrite what was open.
    if (!libraryPath || restoredFor.current !== libraryPath) return;
    layoutStorage.setView(libraryPath, view);
  }, [libraryPath, view]);
}
