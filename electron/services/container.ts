import { stat } from 'node:fs/promises';
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import type { EventName, EventPayload } from '../../shared/api/contract';
import type { LibraryStoreOptions as StoreOptions } from './library-store';
import { ApiFailure } from './api-failure';
import { createDispatch, type Dispatch } from './dispatch';
import type { Handlers } from './handlers';
import { LibraryService } from './library-service';
import { LibraryStore, type StoreEvent } from './library-store';
import { ScreeningService } from './screening-service';
import { ReviewTableService } from './review-table-service';
import { restoreBackup } from './restore-backup';
import { TagService } from './tag-service';
import { ImportService } from './import/import-service';
import { inProcessParsers } from './import/in-process-parsers';
import { defaultImportTimeLimits, workerParsers, type ImportTimeLimits } from './import/worker-parsers';
import { WorkerPool } from './workers/worker-pool';
import { SearchService } from './search/search-service';
import { searchIndexFile } from './search/search-index-file';
import { AnnotationService } from './annotation-service';
import { readAttachment } from './read-attachment';
import { bibliographyExport } from './bibliography-export';
import { notesExport, tableExport } from './table-export';
import { writeExportFiles } from './export-folder';
import { RelatedService } from './related/related-service';
import { ComparisonService } from './related/comparison-service';
import { dashboardStats } from './dashboard-stats';
import type { HistoryStep } from './storage/history';

/** Native dialogs exist only in Electron; browser mode and the CLI pass none. */
export interface NativeDialogs {
  chooseLibraryFolder(): Promise<string | undefined>;
  /** Asks where to save and writes the file there; resolves to the chosen path, or undefined if cancelled. */
  saveTextFile(suggestedName: string, content: string): Promise<string | undefined>;
  /** Asks for a folder to export files into; resolves to it, or undefined if cancelled. */
  chooseExportFolder(): Promise<string | undefined>;
}

export type EventListener = <E extends EventName>(event: E, payload: EventPayload<E>) => void;

export interface SiftOptions {
  libraryFolder: string;
  resourcesFolder: string;
  /** Who holds the library's lock: shown to a second Sift that tries to open it. */
  app?: string;
  /** Opens without the lock and never writes (the CLI's list and export). */
  readOnly?: boolean;
  /**
   * The task worker's entry (electron/dist/task-worker.mjs, or its .ts source in tests): imports
   * then parse in worker threads with time and memory limits. Without it they parse on this thread.
   */
  taskWorkerEntry?: string;
  /** Per-file limits of imports in the task worker (tests make them small); defaults suit real files. */
  importLimits?: Partial<ImportTimeLimits> & { maxMemoryMb?: number };
  /** Storage tuning, for tests and benchmarks. */
  storage?: Pick<StoreOptions, 'compactAfterBytes' | 'compactWhenIdleMs' | 'backupEveryMs' | 'watchExternalChanges' | 'retryAfterMs' | 'validateInBackground'>;
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
  readonly search: SearchService;
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

  const onStoreEvent = (event: StoreEvent) => {
    if (event.kind === 'save-state') {
      emit('library.saveState', { state: event.state, pending: event.pending, ...(event.message ? { message: event.message } : {}) });
    } else if (event.kind === 'external-change') {
      emit('library.changed', { reason: 'external-change' });
      emit('library.notice', {
        level: event.conflicts > 0 ? 'warning' : 'info',
        message:
          event.conflicts > 0
            ? `library.json was changed by another program. Its changes are merged; ${event.conflicts} paper(s) changed on both sides keep your version, and theirs is saved in ${event.conflictFile ?? 'backups/'}.`
            : 'library.json was changed by another program; its changes are merged in.',
      });
    } else if (event.kind === 'validation-failed') {
      emit('library.changed', { reason: 'library-failed' });
      emit('library.notice', { level: 'warning', message: `${event.message}${event.detail ? `: ${event.detail}` : ''}` });
    } else {
      emit('library.notice', { level: 'warning', message: event.message });
    }
  };

  const openLibrary = async (folder: string) => {
    const store = await LibraryStore.open(folder, {
      app: options.app ?? 'Sift',
      now,
      onEvent: onStoreEvent,
      ...(options.readOnly ? { readOnly: true } : {}),
      ...options.storage,
    });
    const service = new LibraryService({
      store,
      sampleLibraryPath,
      now,
      newId,
      onChanged: (reason, paperIds) => emit('library.changed', paperIds ? { reason, paperIds } : { reason }),
    });
    const search = new SearchService({
      store,
      newId,
      ...(store.state.kind === 'ready' ? { indexFile: searchIndexFile(store.folder, { readOnly: options.readOnly === true || store.state.readOnly !== undefined }) } : {}),
      onChanged: (reason) => emit('library.changed', { reason }),
    });
    const tags = new TagService({ store, now, onChanged: (reason, paperIds) => emit('library.changed', { reason, paperIds }) });
    const related = new RelatedService({ store });
    return { store, service, search, tags, related };
  };
  const closeLibrary = async (library: { store: LibraryStore; search: SearchService; related: RelatedService }) => {
    await library.related.close();
    await library.search.close();
    await library.store.close();
  };
  let current = await openLibrary(options.libraryFolder);
  const canChoose = options.dialogs !== undefined;
  const { maxMemoryMb = 768, ...timeLimits } = options.importLimits ?? {};
  const workers = options.taskWorkerEntry ? new WorkerPool({ entry: options.taskWorkerEntry, size: 2, maxHeapMb: maxMemoryMb, maxMemoryMb }) : undefined;
  const reviewTables = new ReviewTableService({
    store: () => current.store,
    now,
    newId,
    onChanged: (reason, paperIds) => emit('library.changed', paperIds ? { reason, paperIds } : { reason }),
  });
  const screening = new ScreeningService({
    store: () => current.store,
    now,
    newId,
    onChanged: (reason, paperIds) => emit('library.changed', paperIds ? { reason, paperIds } : { reason }),
  });
  const comparisons = new ComparisonService({
    store: () => current.store,
    now,
    newId,
    onChanged: (reason, paperIds) => emit('library.changed', paperIds ? { reason, paperIds } : { reason }),
  });
  const imports = new ImportService({
    store: () => current.store,
    parsers: workers ? workerParsers(workers, { ...defaultImportTimeLimits, ...timeLimits }) : inProcessParsers,
    now,
    newId,
    onProgress: (progress) => emit('import.progress', progress),
    onChanged: (reason, paperIds) => emit('library.changed', paperIds ? { reason, paperIds } : { reason }),
  });
  const annotations = new AnnotationService({
    store: () => current.store,
    now,
    newId,
    onChanged: (reason, paperIds) => emit('library.changed', paperIds ? { reason, paperIds } : { reason }),
  });

  /** After an undo or redo: every view reloads what it shows (saved searches have their own reason). */
  const historyAnswer = (step: HistoryStep | undefined, reason: 'undo' | 'redo') => {
    if (step) {
      emit('library.changed', { reason });
      if (step.before.collections.has('savedSearches')) emit('library.changed', { reason: 'saved-searches' });
    }
    return { done: step !== undefined, ...(step ? { label: step.label } : {}), ...current.store.historyState() };
  };

  const handlers: Handlers = {
    'library.info': async () => {
      // A library another Sift had open may be free now: asking again is how "Try again" works.
      const { state, folder } = current.store;
      if (state.kind === 'failed' && state.locked) {
        const reopened = await openLibrary(folder);
        if (reopened.store.state.kind !== 'failed' || !reopened.store.state.locked) {
          await current.related.close();
          await current.search.close();
          current = reopened;
        } else {
          await reopened.related.close();
          await reopened.search.close();
        }
      }
      return current.service.info(canChoose);
    },
    'library.openSample': () => current.service.openSample(),
    'library.chooseAndOpen': async () => {
      if (!options.dialogs) {
        throw new ApiFailure('unavailable', 'Choosing a library needs the desktop app; in browser mode start with --library DIR');
      }
      const folder = await options.dialogs.chooseLibraryFolder();
      if (!folder) return { opened: false, info: current.service.info(canChoose) };
      const next = await openLibrary(folder);
      await closeLibrary(current);
      current = next;
      emit('library.changed', { reason: 'library-opened' });
      return { opened: true, info: current.service.info(canChoose) };
    },
    'backups.list': async () => ({ backups: await current.store.backups.list() }),
    'backups.restore': async ({ id }) => {
      const { store } = current;
      if (store.state.kind === 'failed' && store.state.locked) throw new ApiFailure('unavailable', store.state.message);
      if (options.readOnly) throw new ApiFailure('unavailable', 'This library is open read-only');
      // Closing folds the journal (and may write a backup), so an unknown id is refused before it.
      const source = store.backups.pathOf(id);
      if (!source || !(await stat(source).catch(() => undefined))) throw new ApiFailure('not-found', `No backup "${id}" in this library`);
      await closeLibrary(current);
      let restoredPapers: number;
      try {
        restoredPapers = (await restoreBackup(store.folder, id, store, now())).papers.length;
      } finally {
        current = await openLibrary(store.folder);
      }
      emit('library.changed', { reason: 'backup-restored' });
      return { info: current.service.info(canChoose), restoredPapers };
    },
    'papers.list': ({ ids, page }) => current.service.list(ids, page),
    'papers.get': ({ ids }) => current.service.get(ids),
    'papers.updateMany': ({ paperIds, changes }) => current.service.updateMany(paperIds, changes),
    'papers.update': ({ id, changes }) => current.service.updatePaper(id, changes),
    'tags.add': ({ paperIds, tag }) => current.service.setTag(paperIds, tag, true),
    'tags.remove': ({ paperIds, tag }) => current.service.setTag(paperIds, tag, false),
    'tags.rename': ({ from, to }) => current.tags.rename(from, to),
    'tags.setColor': ({ name, color }) => current.tags.setColor(name, color),
    'tags.pin': ({ name, slot }) => current.tags.pin(name, slot),
    'tags.delete': ({ name }) => current.tags.delete(name),
    'tags.restore': ({ tags }) => current.tags.restore(tags),
    'notes.add': ({ paperId, body }) => current.service.addNote(paperId, body),
    'notes.update': ({ paperId, noteId, body }) => current.service.updateNote(paperId, noteId, body),
    'notes.delete': ({ paperId, noteId }) => current.service.deleteNote(paperId, noteId),
    'import.preview': ({ importId, files, text, format }) =>
      imports.preview(importId, {
        files: files.map((file) => ({ name: file.name, bytes: new Uint8Array(Buffer.from(file.data, 'base64')) })),
        ...(text !== undefined ? { text } : {}),
        ...(format !== undefined ? { format } : {}),
      }),
    'import.commit': ({ importId, decisions, tags }) => imports.commit(importId, decisions, tags ?? []),
    'import.cancel': ({ importId }) => ({ cancelled: imports.cancel(importId) }),
    'annotations.add': ({ paperId, ...highlight }) => annotations.add(paperId, highlight),
    'annotations.update': ({ paperId, annotationId, ...changes }) => annotations.update(paperId, annotationId, changes),
    'annotations.delete': ({ paperId, annotationId }) => annotations.delete(paperId, annotationId),
    'attachments.read': ({ paperId, attachmentId }) => readAttachment(current.store, paperId, attachmentId),
    'export.markdown': ({ paperIds, columns }) => current.service.exportMarkdown(paperIds, columns),
    'export.bibliography': ({ paperIds, format }) => bibliographyExport(current.store, paperIds, format),
    'export.table': ({ paperIds, format, columns, options: tableOptions }) => tableExport(current.store, paperIds, format, columns, tableOptions),
    'export.notes': ({ paperIds, naming }) => notesExport(current.store, paperIds, naming),
    'search.query': (input) => current.search.query(input),
    'searches.list': async () => ({ searches: await current.search.savedSearches() }),
    'searches.save': (input) => current.search.saveSearch(input),
    'searches.delete': async ({ id }) => ({ deleted: await current.search.deleteSearch(id) }),
    'columns.list': () => reviewTables.columns(),
    'columns.save': (input) => reviewTables.saveColumn(input),
    'columns.delete': ({ id }) => reviewTables.deleteColumn(id),
    'cells.get': ({ paperIds }) => reviewTables.cells(paperIds),
    'cells.set': ({ paperId, columnId, value }) => reviewTables.setCell(paperId, columnId, value),
    'cells.setEvidence': ({ paperId, columnId, annotationId }) => reviewTables.setEvidence(paperId, columnId, annotationId),
    'tables.list': () => reviewTables.tables(),
    'tables.save': (input) => reviewTables.saveTable(input),
    'tables.delete': ({ id }) => reviewTables.deleteTable(id),
    'screening.decide': ({ paperIds, decision, reasonId }) => screening.decide(paperIds, decision, reasonId),
    'screening.restore': ({ states }) => screening.restore(states),
    'screening.criteria.get': () => screening.criteria(),
    'screening.criteria.set': (criteria) => screening.setCriteria(criteria),
    'screening.stats': ({ paperIds }) => screening.stats(paperIds),
    'history.state': () => current.store.historyState(),
    'history.undo': async () => historyAnswer(await current.store.undo(), 'undo'),
    'history.redo': async () => historyAnswer(await current.store.redo(), 'redo'),
    'dashboard.stats': ({ paperIds, top }) => dashboardStats(current.store, screening, paperIds, top),
    'papers.related': ({ paperId, limit }) => current.related.related(paperId, limit),
    'compare.analyze': ({ paperIds }) => current.related.analyze(paperIds),
    'comparisons.get': ({ paperIds }) => comparisons.get(paperIds),
    'comparisons.save': (input) => comparisons.save(input),
    'export.save': async ({ suggestedName, content }) => {
      if (!options.dialogs) throw new ApiFailure('unavailable', 'Saving with a dialog needs the desktop app');
      const saved = await options.dialogs.saveTextFile(suggestedName, content);
      return saved ? { saved: true, path: saved } : { saved: false };
    },
    'export.saveFolder': async ({ files }) => {
      if (!options.dialogs) throw new ApiFailure('unavailable', 'Saving into a folder needs the desktop app');
      const folder = await options.dialogs.chooseExportFolder();
      if (!folder) return { saved: false };
      return { saved: true, folder, fileNames: await writeExportFiles(folder, files) };
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
    get search() {
      return current.search;
    },
    async close() {
      await workers?.close();
      await closeLibrary(current);
    },
  };
}
