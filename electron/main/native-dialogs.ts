import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { BrowserWindow, Dialog, OpenDialogOptions, SaveDialogOptions } from 'electron';
import type { NativeDialogs } from '../services/container';

/** The part of Electron's `dialog` that Sift uses (a fake in tests). */
export type DialogApi = Pick<Dialog, 'showOpenDialog' | 'showSaveDialog'>;

/** What the save dialog offers for an export, by the suggested name's extension. */
const saveFilters: Record<string, { name: string; extensions: string[] }> = {
  '.md': { name: 'Markdown', extensions: ['md'] },
  '.csv': { name: 'CSV', extensions: ['csv'] },
  '.bib': { name: 'BibTeX / BibLaTeX', extensions: ['bib'] },
  '.ris': { name: 'RIS', extensions: ['ris'] },
  '.json': { name: 'CSL-JSON', extensions: ['json'] },
};

/** Electron's open and save dialogs, attached to the main window when there is one. */
export function nativeDialogs(dialog: DialogApi, getWindow: () => BrowserWindow | undefined): NativeDialogs {
  const showOpen = (options: OpenDialogOptions) => {
    const window = getWindow();
    return window ? dialog.showOpenDialog(window, options) : dialog.showOpenDialog(options);
  };
  const showSave = (options: SaveDialogOptions) => {
    const window = getWindow();
    return window ? dialog.showSaveDialog(window, options) : dialog.showSaveDialog(options);
  };
  return {
    async chooseLibraryFolder() {
      const result = await showOpen({ title: 'Open Library', properties: ['openDirectory', 'createDirectory'] });
      return result.canceled ? undefined : result.filePaths[0];
    },
    async saveTextFile(suggestedName, content) {
      const filter = saveFilters[path.extname(suggestedName).toLowerCase()];
      const result = await showSave({ defaultPath: suggestedName, filters: filter ? [filter] : [] });
      if (result.canceled || !result.filePath) return undefined;
      await writeFile(result.filePath, content, 'utf8');
      return result.filePath;
    },
    async chooseExportFolder() {
      const result = await showOpen({ title: 'Export Into Folder', buttonLabel: 'Export Here', properties: ['openDirectory', 'createDirectory'] });
      return result.canceled ? undefined : result.filePaths[0];
    },
  };
}
