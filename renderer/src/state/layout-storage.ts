import { parsePaneWidths, parseRememberedView, type PaneWidths, type RememberedView } from './layout-memory';

/**
 * Pane widths and the open view are per-machine UI state, not library data: they live in the renderer's
 * localStorage (persistent in Electron's app:// origin and in browser mode), never in library.json. Widths are
 * one setting for the machine; the open view is kept per library folder.
 */
const PANES_KEY = 'sift.panes';
const viewKey = (libraryPath: string) => `sift.view:${libraryPath}`;

function read(key: string): string | null {
  try {
    return localStorage.getItem(key);
  } catch {
    return null;
  }
}

function write(key: string, value: string): void {
  try {
    localStorage.setItem(key, value);
  } catch {
    // Storage unavailable or full: the layout is simply not remembered.
  }
}

export const layoutStorage = {
  paneWidths: (): PaneWidths => parsePaneWidths(read(PANES_KEY)),
  setPaneWidths: (widths: PaneWidths): void => write(PANES_KEY, JSON.stringify(widths)),
  view: (libraryPath: string): RememberedView | undefined => parseRememberedView(read(viewKey(libraryPath))),
  /** Stores a view already in its stored form (`serializeRememberedView`). */
  setView: (libraryPath: string, stored: string): void => write(viewKey(libraryPath), stored),
};
