import type { NativeDialogs } from '../services/container';
import { LIBRARY_FILE } from './open-requests';

/**
 * The services open another library only through `library.chooseAndOpen`, which asks the dialogs
 * for a folder. To open a folder the user already chose elsewhere (Open Recent, New Library, a
 * folder given to a second instance), main.ts hands that folder to the next question instead of
 * showing the dialog, so a library is opened, announced and recorded the same way every time.
 */
export interface FolderOpener {
  dialogs: NativeDialogs;
  /** The next `chooseLibraryFolder` answers `folder` without asking. */
  answerNextWith(folder: string): void;
}

export function folderOpener(dialogs: NativeDialogs): FolderOpener {
  let next: string | undefined;
  return {
    dialogs: {
      ...dialogs,
      chooseLibraryFolder: () => {
        const folder = next;
        next = undefined;
        return folder !== undefined ? Promise.resolve(folder) : dialogs.chooseLibraryFolder();
      },
    },
    answerNextWith(folder) {
      next = folder;
    },
  };
}

/** Files a new library may start beside: the ones operating systems put in any folder they show. */
const IGNORABLE = new Set(['.DS_Store', 'desktop.ini', 'Thumbs.db', '.directory']);

/**
 * Why a folder chosen for File › New Library… cannot be used (undefined if it can): a new library
 * starts in an empty folder; one that already holds a library is simply opened.
 */
export function newLibraryProblem(entries: readonly string[]): string | undefined {
  if (entries.includes(LIBRARY_FILE)) return undefined;
  const others = entries.filter((entry) => !IGNORABLE.has(entry));
  return others.length === 0 ? undefined : `This folder is not empty (${others.length} ${others.length === 1 ? 'item' : 'items'}). Choose or create an empty folder for a new library.`;
}
