import { randomUUID } from 'node:crypto';
import path from 'node:path';
import type { EventName, EventPayload } from '../../shared/api/contract';
import { ApiFailure } from './api-failure';
import { createDispatch, type Dispatch } from './dispatch';
import type { Handlers } from './handlers';
import { LibraryService } from './library-service';
import { LibraryStore } from './library-store';

/** Native dialogs exist only in Electron; browser mode and the CLI pass none. */
export interface NativeDialogs {
  chooseLibraryFolder(): Promise<string | undefined>;
  /** Asks where to save and writes the file there; resolves to the chosen path, or undefined if cancelled. */
  saveTextFile(suggestedName: string, content: string): Promise<string | undefined>;
}

export type EventListener = <E extends EventName>(event: E, payload: EventPayload<E>) => void;

export interface SiftOptions {
  libraryFolder: string;
  resourcesFolder: string;
  dialogs?: NativeDialogs;
  now?: () => Date;
  newId?: () => string;
  log?: (message: string, error: unknown) => void;
}

export interface Sift {
  dispatch: Dispatch;
  handlers: Handlers;
  /** Subscribes to the contract's events; returns the unsubscribe function. */
  subscribe(listener: EventListener): () => void;
  readonly store: LibraryStore;
  readonly service: LibraryService;
  close(): Promise<void>;
}

/**
 * Builds Sift's services in dependency order (store → service → handlers → dispatch) for one
 * process. Electron, browser mode and the CLI each call this once; none holds logic of its own.
 */
export async function openSift(options: SiftOptions): Promise<Sift> {
  const listeners = new Set<EventListener>();
  const emit: EventListener = (event, payload) => {
    for (const listener of listeners) listener(event, payload);
  };
  const now = options.now ?? (() => new Date());
  const newId = options.newId ?? (() => randomUUID());
  const sampleLibraryPath = path.join(options.resourcesFolder, 'sample-library.json');

  const openLibrary = async (folder: string) => {
    const store = await LibraryStore.open(folder);
    const service = new LibraryService({
      store,
      sampleLibraryPath,
      now,
      newId,
      onChanged: (reason, paperIds) => emit('library.changed', paperIds ? { reason, paperIds } : { reason }),
    });
    return { store, service };
  };
  let current = await openLibrary(options.libraryFolder);
  const canChoose = options.dialogs !== undefined;

  const handlers: Handlers = {
    'library.info': () => current.service.info(canChoose),
    'library.openSample': () => current.service.openSample(),
    'library.chooseAndOpen': async () => {
      if (!options.dialogs) {
        throw new ApiFailure('unavailable', 'Choosing a library needs the desktop app; in browser mode start with --library DIR');
      }
      const folder = await options.dialogs.chooseLibraryFolder();
      if (!folder) return { opened: false, info: current.service.info(canChoose) };
      const next = await openLibrary(folder);
      await current.store.close();
      current = next;
      emit('library.changed', { reason: 'library-opened' });
      return { opened: true, info: current.service.info(canChoose) };
    },
    'papers.list': () => current.service.list(),
    'papers.update': ({ id, changes }) => current.service.updatePaper(id, changes),
    'tags.add': ({ paperIds, tag }) => current.service.setTag(paperIds, tag, true),
    'tags.remove': ({ paperIds, tag }) => current.service.setTag(paperIds, tag, false),
    'notes.add': ({ paperId, body }) => current.service.addNote(paperId, body),
    'notes.update': ({ paperId, noteId, body }) => current.service.updateNote(paperId, noteId, body),
    'notes.delete': ({ paperId, noteId }) => current.service.deleteNote(paperId, noteId),
    'export.markdown': ({ paperIds, columns }) => current.service.exportMarkdown(paperIds, columns),
    'export.save': async ({ suggestedName, content }) => {
      if (!options.dialogs) throw new ApiFailure('unavailable', 'Saving with a dialog needs the desktop app');
      const saved = await options.dialogs.saveTextFile(suggestedName, content);
      return saved ? { saved: true, path: saved } : { saved: false };
    },
  };

  return {
    dispatch: createDispatch(handlers, options.log),
    handlers,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    get store() {
      return current.store;
    },
    get service() {
      return current.service;
    },
    close: () => current.store.close(),
  };
}
