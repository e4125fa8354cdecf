import { watch, type FSWatcher } from 'node:fs';
import { mkdir, readdir, stat, unlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { Low } from 'lowdb';
import { emptyLibrary, librarySchema, paperSchema, type Library, type Paper } from '../../shared/model/library';
import { ApiFailure } from './api-failure';
import { DurableJsonFile, LibraryLoadError } from './durable-json-file';
import { checkLibraryVersion, migrateLibrary } from './storage/migrations';
import { Backups, type BackupInfo } from './storage/backups';
import { fsyncFolder, isTempFileOf, replaceFileDurably } from './storage/fs-durable';
import { JournalWriter, listJournals, readJournal, type JournalFile } from './storage/journal';
import { LibraryLock, LibraryLockedError } from './storage/library-lock';
import { writeSnapshot } from './storage/snapshot';
import { applyEntry, emptyChangeSet, LibraryTransaction, mergeChangeSets, replaceInPlace, type ChangeSet } from './storage/transaction';
import { apiCallContext, applyState, LibraryHistory, stepOf, type HistoryStep, type HistorySide } from './storage/history';
import { historyLabel } from './history-labels';

export const LIBRARY_FILE = 'library.json';

/** A changed library.json is read once it has looked the same for this long. */
const STABLE_AFTER_MS = 250;

/** `readOnly` on a ready library says why it cannot be changed (a read-only folder). */
export type LibraryState = { kind: 'ready'; readOnly?: string } | { kind: 'failed'; message: string; detail?: string; locked?: boolean };

/** Things the store tells its owner about, for the UI. */
export type StoreEvent =
  | { kind: 'save-state'; state: 'saved' | 'failed'; pending: number; message?: string }
  | { kind: 'external-change'; conflicts: number; conflictFile?: string }
  | { kind: 'external-change-unreadable'; message: string }
  | { kind: 'validation-failed'; message: string; detail?: string };

export interface LibraryStoreOptions {
  /** Who holds the lock, shown to a second Sift that tries to open the library. */
  app?: string;
  /** Read-only opens take no lock and never write (the CLI's list and export). */
  readOnly?: boolean;
  now?: () => Date;
  /** Write a new snapshot once the journal is this large… */
  compactAfterBytes?: number;
  /** …or once no edit has come for this long. */
  compactWhenIdleMs?: number;
  /** At most one backup per this interval (one is always made when the library is closed). */
  backupEveryMs?: number;
  /** Watch library.json for changes made by other programs (sync clients, git). */
  watchExternalChanges?: boolean;
  /** How often a failed save is retried. */
  retryAfterMs?: number;
  /**
   * Check the papers against the schema after the library is shown, in small slices, instead of
   * before: at 50,000 papers validation is about a third of the opening time. Snapshots wait for
   * it, and a failure turns the library read-only (failed) as a failed load would.
   */
  validateInBackground?: boolean;
  onEvent?: (event: StoreEvent) => void;
}

interface PendingWrite {
  text: string;
  resolve: () => void;
  reject: (error: Error) => void;
}

interface SnapshotMeta {
  paperCount: number;
  lastChange?: string;
  /** library.json as we last wrote or read it, to tell our own writes from someone else's. */
  identity?: string;
  /** Each paper's updatedAt in that snapshot, to find papers another program changed. */
  updatedAt: Map<string, string>;
}

function lastChangeOf(papers: readonly Paper[]): string | undefined {
  let newest: string | undefined;
  for (const paper of papers) if (!newest || paper.updatedAt > newest) newest = paper.updatedAt;
  return newest;
}

function snapshotMetaOf(papers: readonly Paper[], identity: string | undefined): SnapshotMeta {
  const lastChange = lastChangeOf(papers);
  return {
    paperCount: papers.length,
    ...(lastChange ? { lastChange } : {}),
    ...(identity ? { identity } : {}),
    updatedAt: new Map(papers.map((paper) => [paper.id, paper.updatedAt])),
  };
}

async function fileIdentity(file: string): Promise<string | undefined> {
  const stats = await stat(file).catch(() => undefined);
  return stats ? `${stats.ino}:${stats.size}:${stats.mtimeMs}` : undefined;
}

function saveError(error: unknown): ApiFailure {
  const code = (error as NodeJS.ErrnoException).code;
  const reason =
    code === 'ENOSPC'
      ? 'the disk is full'
      : code === 'EACCES' || code === 'EPERM'
        ? 'Sift may not write to the library folder'
        : code === 'EROFS'
          ? 'the library folder is read-only'
          : (error as Error).message;
  return new ApiFailure('not-saved', `Not saved yet: ${reason}. Sift keeps the change and retries; nothing is lost while it stays open.`);
}

/**
 * The open library. lowdb holds the document and reads library.json through a validating adapter;
 * every change is a transaction whose entry is appended to a journal and fsync'd before the call
 * resolves (group commit: entries arriving during a write share the next fsync), so an edit costs
 * what it changed, not the size of the library. The journal is folded into a new library.json in
 * the background (snapshot), which is when backups are made. See README › Where your data lives.
 */
export class LibraryStore {
  private byId = new Map<string, Paper>();
  private journal: JournalWriter | undefined;
  private seq = 0;
  private queue: PendingWrite[] = [];
  private flushing: Promise<void> | undefined;
  private io: Promise<unknown> = Promise.resolve();
  private compacting: Promise<void> | undefined;
  private retryTimer: NodeJS.Timeout | undefined;
  private idleTimer: NodeJS.Timeout | undefined;
  private pollTimer: NodeJS.Timeout | undefined;
  private watcher: FSWatcher | undefined;
  private lastBackupAt = 0;
  private snapshot: SnapshotMeta = { paperCount: 0, updatedAt: new Map() };
  /** Changes not yet in library.json (since the last snapshot's rotation). */
  private unsnapshotted: ChangeSet = emptyChangeSet();
  private externalProblem: string | undefined;
  /** Settles when every paper loaded from library.json has been checked against the schema. */
  private validation: Promise<void> = Promise.resolve();
  private unvalidatedPapers: unknown[] | undefined;
  private closed = false;
  private changes = 0;
  private readonly history = new LibraryHistory();
  readonly backups: Backups;

  private constructor(
    readonly folder: string,
    private readonly db: Low<Library>,
    private readonly adapter: DurableJsonFile<Library>,
    public state: LibraryState,
    private readonly options: LibraryStoreOptions,
    private readonly lock: LibraryLock | undefined,
  ) {
    this.backups = new Backups(folder);
  }

  static async open(folder: string, options: LibraryStoreOptions = {}): Promise<LibraryStore> {
    const absolute = path.resolve(folder);
    const adapter = new DurableJsonFile<Library>(path.join(absolute, LIBRARY_FILE), {
      schema: librarySchema,
      checkVersion: checkLibraryVersion,
      migrate: migrateLibrary,
    });
    const db = new Low<Library>(adapter, emptyLibrary());
    const fail = (state: LibraryState) => new LibraryStore(absolute, db, adapter, state, options, undefined);
    let lock: LibraryLock | undefined;
    let readOnlyReason: string | undefined;
    if (!options.readOnly) {
      try {
        await mkdir(absolute, { recursive: true });
        lock = await LibraryLock.acquire(absolute, { app: options.app ?? 'Sift' });
      } catch (error) {
        if (error instanceof LibraryLockedError) return fail({ kind: 'failed', message: error.message, locked: true });
        const code = (error as NodeJS.ErrnoException).code;
        if (code !== 'EROFS' && code !== 'EACCES' && code !== 'EPERM') throw error;
        // A library on a read-only volume or in a folder we may not write can still be read.
        readOnlyReason = `The library folder is read-only (${code}), so Sift shows it but cannot save changes.`;
      }
    }
    const openOptions = readOnlyReason ? { ...options, readOnly: true } : options;
    const store = new LibraryStore(absolute, db, adapter, readOnlyReason ? { kind: 'ready', readOnly: readOnlyReason } : { kind: 'ready' }, openOptions, lock);
    try {
      await store.load();
      if (store.unvalidatedPapers) store.validation = store.validatePapersInSlices(store.unvalidatedPapers);
      store.unvalidatedPapers = undefined;
    } catch (error) {
      await lock?.release();
      if (error instanceof LibraryLoadError) {
        return fail({ kind: 'failed', message: error.message, ...(error.detail ? { detail: error.detail } : {}) });
      }
      throw error;
    }
    return store;
  }

  private now(): Date {
    return this.options.now?.() ?? new Date();
  }

  private emit(event: StoreEvent): void {
    this.options.onEvent?.(event);
  }

  get filePath(): string {
    return path.join(this.folder, LIBRARY_FILE);
  }

  private readonly paperListeners = new Set<(change: ChangeSet | undefined) => void>();

  /**
   * Calls `listener` right after papers change in memory: with the ids changed and removed, or
   * with undefined when the whole library was replaced (another program's changes merged in).
   */
  onPapersChanged(listener: (change: ChangeSet | undefined) => void): () => void {
    this.paperListeners.add(listener);
    return () => this.paperListeners.delete(listener);
  }

  private papersChanged(change: ChangeSet | undefined): void {
    for (const listener of this.paperListeners) listener(change);
  }

  /** Goes up whenever the library in memory changes, so that what is derived from it can be cached. */
  get version(): number {
    return this.changes;
  }

  /** The current library. Read-only: change it through `transact`. */
  get data(): Readonly<Library> {
    return this.db.data;
  }

  getPaper(id: string): Paper | undefined {
    return this.byId.get(id);
  }

  /** Settles once every loaded paper has been checked (at once unless `validateInBackground`). */
  whenValidated(): Promise<void> {
    return this.validation;
  }

  /** Edits acknowledged in memory but not yet durable (a failed save waiting for its retry). */
  get pendingWrites(): number {
    return this.queue.length;
  }

  private async load(): Promise<void> {
    const journals = await listJournals(this.folder);
    const raw = await this.adapter.readUnvalidated();
    let existing: Library | null = null;
    if (raw !== null && this.options.validateInBackground && typeof raw === 'object' && Array.isArray((raw as { papers?: unknown }).papers)) {
      const papers = (raw as { papers: unknown[] }).papers;
      existing = { ...this.adapter.validate({ ...(raw as object), papers: [] }), papers: papers as Paper[] };
      this.unvalidatedPapers = papers;
    } else if (raw !== null) {
      existing = this.adapter.validate(raw);
    }
    if (existing === null) {
      const backups = await this.backups.list();
      if (journals.length > 0 || backups.length > 0) {
        throw new LibraryLoadError(
          `${LIBRARY_FILE} is missing, but this folder holds ${journals.length} journal file(s) and ${backups.length} backup(s)`,
          'Restore a backup (File › Restore from Backup…) or open another library.',
        );
      }
    }
    this.db.data = existing ?? emptyLibrary();
    this.byId = new Map(this.db.data.papers.map((paper) => [paper.id, paper]));
    if (!this.options.readOnly) await this.removeOrphanTempFiles();
    const identity = await fileIdentity(this.filePath);
    this.snapshot = snapshotMetaOf(this.db.data.papers, identity);

    let replayed = 0;
    for (const journal of journals) {
      const { entries, damage } = await readJournal(journal.path);
      if (damage) throw new LibraryLoadError('The library journal is damaged', `${damage}. Restore a backup or open another library.`);
      for (const entry of entries) {
        applyEntry(this.db.data, this.byId, entry);
        this.seq = Math.max(this.seq, entry.seq + 1);
        mergeChangeSets(this.unsnapshotted, {
          paperIds: new Set(entry.papers?.map((paper) => paper.id)),
          removedIds: new Set(entry.removed),
          collections: new Set((['tags', 'columns', 'savedSearches', 'screeningCriteria', 'comparisons', 'reviewTables', 'settings'] as const).filter((key) => entry[key] !== undefined)),
        });
      }
      replayed += entries.length;
    }
    if (this.options.readOnly) return;

    if (existing === null) await this.writeSnapshotNow([]);
    const generation = (journals.at(-1)?.generation ?? 0) + 1;
    this.journal = await JournalWriter.create(this.folder, generation);
    if (replayed > 0 || journals.length > 0) this.scheduleCompaction(0);
    this.watchForExternalChanges();
  }

  private async validatePapersInSlices(papers: unknown[]): Promise<void> {
    const SLICE = 500;
    for (let start = 0; start < papers.length; start += SLICE) {
      await new Promise((resolve) => setImmediate(resolve));
      for (let index = start; index < Math.min(start + SLICE, papers.length); index += 1) {
        const paper = papers[index] as Paper;
        const parsed = paperSchema.safeParse(paper);
        if (!parsed.success) {
          const error = this.adapter.schemaError(parsed.error.issues, ['papers', index]);
          this.state = { kind: 'failed', message: error.message, ...(error.detail ? { detail: error.detail } : {}) };
          this.emit({ kind: 'validation-failed', message: error.message, ...(error.detail ? { detail: error.detail } : {}) });
          return;
        }
        // zod's output is the normalized paper (trimmed tag names…); keep the object, take its fields.
        replaceInPlace(paper, parsed.data);
      }
      this.changes += 1;
    }
  }

  private async removeOrphanTempFiles(): Promise<void> {
    // We hold the lock, so any temp file here was left by a process that died mid-write.
    for (const name of await readdir(this.folder)) {
      if (isTempFileOf(name, LIBRARY_FILE)) await unlink(path.join(this.folder, name)).catch(() => undefined);
    }
  }

  private assertWritable(): void {
    if (this.state.kind === 'failed') {
      throw new ApiFailure('library-failed', `The library could not be loaded, so it is read-only: ${this.state.message}`);
    }
    if (this.options.readOnly || this.closed) {
      const reason = this.state.kind === 'ready' && this.state.readOnly ? `: ${this.state.readOnly}` : '';
      throw new ApiFailure('unavailable', `This library is open read-only${reason}`);
    }
  }

  /**
   * Runs `change` against the library and resolves with its result once the change is durable.
   * A change that throws is rolled back and nothing is written.
   */
  async transact<R>(change: (tx: LibraryTransaction) => R, options: { recordHistory?: boolean } = {}): Promise<R> {
    this.assertWritable();
    const tx = new LibraryTransaction(this.db.data, this.byId);
    let result: R;
    try {
      result = change(tx);
    } catch (error) {
      tx.rollback();
      throw error;
    }
    const entry = tx.entry(this.seq, this.now().toISOString());
    if (!entry) return result;
    // A change made by an API call (any view's) can be undone; Undo and Redo themselves are not steps.
    const call = apiCallContext.getStore();
    if (call && options.recordHistory !== false) this.history.record({ label: historyLabel(call.method), callId: call.callId, ...stepOf(tx, this.db.data, this.byId) });
    this.changes += 1;
    this.seq += 1;
    const changed = tx.changes();
    mergeChangeSets(this.unsnapshotted, changed);
    if (changed.paperIds.size + changed.removedIds.size > 0) this.papersChanged(changed);
    const text = `${JSON.stringify(entry)}\n`;
    await new Promise<void>((resolve, reject) => {
      this.queue.push({ text, resolve, reject });
      this.kickFlush();
    });
    return result;
  }

  /** What Undo and Redo would do now. */
  historyState(): { undo?: string; redo?: string } {
    return this.history.state();
  }

  /**
   * Takes back the last undoable change (papers and collections as they were before it), in one
   * write; undefined when there is none. A change that cannot be applied leaves the step in place.
   */
  async undo(): Promise<HistoryStep | undefined> {
    this.assertWritable();
    const step = this.history.takeUndo();
    if (!step) return undefined;
    await this.applyHistoryStep(step.before, () => this.history.putBackUndo(step));
    this.history.undoneStep(step);
    return step;
  }

  /** Makes the last undone change again; undefined when there is none. */
  async redo(): Promise<HistoryStep | undefined> {
    this.assertWritable();
    const step = this.history.takeRedo();
    if (!step) return undefined;
    await this.applyHistoryStep(step.after, () => this.history.putBackRedo(step));
    this.history.redoneStep(step);
    return step;
  }

  private async applyHistoryStep(state: HistorySide, putBack: () => void): Promise<void> {
    let applied = false;
    try {
      await this.transact((tx) => {
        applyState(tx, state, this.now().toISOString());
        applied = true;
      }, { recordHistory: false });
    } catch (error) {
      // Not applied (rolled back): the step stays where it was. Applied but not yet durable: the
      // store keeps it in memory, retries the write and says so, so the step has moved.
      if (applied) return;
      putBack();
      throw error;
    }
  }

  /** Resolves when everything changed so far is durable (or rejects with why it is not). */
  async flush(): Promise<void> {
    if (this.queue.length === 0 && !this.flushing) return;
    await new Promise<void>((resolve, reject) => {
      this.queue.push({ text: '', resolve, reject });
      this.kickFlush();
    });
  }

  private kickFlush(): void {
    if (this.flushing || this.retryTimer) return;
    this.flushing = this.flushLoop().finally(() => {
      this.flushing = undefined;
    });
  }

  /** Serializes journal appends with journal rotation. */
  private serialIo<T>(work: () => Promise<T>): Promise<T> {
    const run = this.io.then(work, work);
    this.io = run.catch(() => undefined);
    return run;
  }

  private async flushLoop(): Promise<void> {
    while (this.queue.length > 0) {
      const batch = this.queue.slice();
      const text = batch.map((pending) => pending.text).join('');
      try {
        await this.serialIo(async () => {
          if (!this.journal) throw new Error('No journal is open');
          if (this.journal.isBroken) await this.rotateJournal();
          if (text.length > 0) await this.journal.append(text);
        });
      } catch (error) {
        const failure = saveError(error);
        for (const pending of batch) pending.reject(failure);
        // Keep the text for the retry; its callers have already been told it is not saved yet.
        for (const pending of batch) {
          pending.resolve = () => undefined;
          pending.reject = () => undefined;
        }
        this.emit({ kind: 'save-state', state: 'failed', pending: this.queue.length, message: failure.message });
        this.retryTimer = setTimeout(() => {
          this.retryTimer = undefined;
          this.kickFlush();
        }, this.options.retryAfterMs ?? 2_000);
        this.retryTimer.unref();
        return;
      }
      this.queue.splice(0, batch.length);
      for (const pending of batch) pending.resolve();
      this.emit({ kind: 'save-state', state: 'saved', pending: this.queue.length });
    }
    const journalBytes = this.journal?.bytes ?? 0;
    if (journalBytes >= (this.options.compactAfterBytes ?? 8 * 1024 * 1024)) this.scheduleCompaction(0);
    else this.scheduleCompaction(this.options.compactWhenIdleMs ?? 3_000);
  }

  /** Starts a new journal file for the edits that follow; the old one stays until a snapshot holds it. */
  private async rotateJournal(): Promise<JournalFile | undefined> {
    const old = this.journal;
    this.journal = await JournalWriter.create(this.folder, (old?.file.generation ?? 0) + 1);
    await old?.close().catch(() => undefined);
    return old?.file;
  }

  private scheduleCompaction(delayMs: number): void {
    if (this.closed || this.options.readOnly) return;
    clearTimeout(this.idleTimer);
    this.idleTimer = setTimeout(() => void this.compact().catch(() => undefined), delayMs);
    this.idleTimer.unref();
  }

  /**
   * Folds the journals into a new library.json. The journal is rotated first and the papers are
   * captured; edits made while the snapshot is written go to the new journal and, because entries
   * hold whole states, replaying them over this snapshot is correct whether or not it caught them.
   */
  compact(options: { backup?: boolean } = {}): Promise<void> {
    if (this.compacting) return this.compacting;
    if (this.state.kind === 'failed' || this.options.readOnly || !this.journal) return Promise.resolve();
    if (this.externalProblem) return Promise.reject(new ApiFailure('unavailable', this.externalProblem));
    const run = async () => {
      await this.validation;
      if (this.state.kind === 'failed') return;
      const hasJournal = this.journal && (this.journal.bytes > 0 || (await listJournals(this.folder)).length > 1);
      if (!hasJournal) return;
      const rotated = await this.serialIo(() => this.rotateJournal());
      const carried = this.unsnapshotted;
      this.unsnapshotted = emptyChangeSet();
      const papers = [...this.db.data.papers];
      try {
        await this.writeSnapshotNow(papers, options.backup);
      } catch (error) {
        mergeChangeSets(carried, this.unsnapshotted);
        this.unsnapshotted = carried;
        throw error;
      }
      for (const journal of await listJournals(this.folder)) {
        if (rotated && journal.generation <= rotated.generation) await unlink(journal.path).catch(() => undefined);
      }
      await fsyncFolder(this.folder);
    };
    this.compacting = run().finally(() => {
      this.compacting = undefined;
    });
    return this.compacting;
  }

  private async writeSnapshotNow(papers: readonly Paper[], forceBackup = false): Promise<void> {
    const { papers: _papers, ...frame } = this.db.data;
    const previous = this.snapshot;
    const now = this.now();
    const backupDue = forceBackup || now.getTime() - this.lastBackupAt >= (this.options.backupEveryMs ?? 10 * 60_000);
    let backedUp: BackupInfo | undefined;
    await replaceFileDurably(
      this.filePath,
      (handle) => writeSnapshot(handle, { frame, papers }),
      async () => {
        if (!backupDue || previous.identity === undefined) return;
        const bytes = (await stat(this.filePath).catch(() => undefined))?.size ?? 0;
        backedUp = await this.backups.create(
          this.filePath,
          { paperCount: previous.paperCount, ...(previous.lastChange ? { lastChange: previous.lastChange } : {}), bytes },
          now,
        );
      },
    );
    this.snapshot = snapshotMetaOf(papers, await fileIdentity(this.filePath));
    if (backedUp) {
      this.lastBackupAt = now.getTime();
      await this.backups.prune(now).catch(() => undefined);
    }
  }

  private watchForExternalChanges(): void {
    if (this.options.watchExternalChanges === false) return;
    const check = () => void this.checkExternalChange().catch(() => undefined);
    try {
      this.watcher = watch(this.folder, (_event, name) => {
        if (name === LIBRARY_FILE) check();
      });
      this.watcher.unref();
    } catch {
      // Some file systems cannot be watched; the poll below still notices changes.
    }
    // fs.watch misses changes on network and some synced folders, so a cheap stat poll backs it up.
    this.pollTimer = setInterval(check, 2_000);
    this.pollTimer.unref();
  }

  private checking = false;

  /**
   * library.json changed and we did not write it: another program (a sync client, git) did. Its
   * content becomes the base; the edits this Sift made since its last snapshot are applied on top
   * (ours win for papers both changed, and their version of those is saved beside the backups).
   * An unreadable new file is never overwritten: snapshots stop until it is readable again.
   */
  async checkExternalChange(): Promise<boolean> {
    if (this.checking || this.compacting || this.closed || this.state.kind === 'failed') return false;
    this.checking = true;
    try {
      let identity = await fileIdentity(this.filePath);
      if (identity === this.snapshot.identity || this.compacting) return false;
      // Another program may still be writing (a plain write truncates first): read only once the
      // file has stopped changing, so a half-written file is not mistaken for a broken one.
      for (let waited = 0; waited < 3_000; waited += STABLE_AFTER_MS) {
        await new Promise((resolve) => setTimeout(resolve, STABLE_AFTER_MS));
        const now = await fileIdentity(this.filePath);
        if (now === identity) break;
        identity = now;
      }
      if (identity === this.snapshot.identity || this.compacting || this.closed) return false;
      let external: Library | null;
      try {
        external = await this.adapter.read();
      } catch (error) {
        const message = `${LIBRARY_FILE} was changed by another program and cannot be read (${(error as Error).message}). Sift keeps your edits in its journal and will not overwrite the file.`;
        if (this.externalProblem !== message) this.emit({ kind: 'external-change-unreadable', message });
        this.externalProblem = message;
        return false;
      }
      if (!external || (await fileIdentity(this.filePath)) !== identity) return false;
      this.externalProblem = undefined;
      const conflicts: Paper[] = [];
      const merged = external;
      const mergedById = new Map(merged.papers.map((paper) => [paper.id, paper]));
      for (const id of this.unsnapshotted.paperIds) {
        const ours = this.byId.get(id);
        const theirs = mergedById.get(id);
        if (!ours) continue;
        if (theirs && theirs.updatedAt !== this.snapshot.updatedAt.get(id) && theirs.updatedAt !== ours.updatedAt) conflicts.push(structuredClone(theirs));
        applyEntry(merged, mergedById, { seq: 0, at: '', papers: [structuredClone(ours)] });
      }
      if (this.unsnapshotted.removedIds.size > 0) applyEntry(merged, mergedById, { seq: 0, at: '', removed: [...this.unsnapshotted.removedIds] });
      for (const key of this.unsnapshotted.collections) Object.assign(merged, { [key]: structuredClone(this.db.data[key]) });
      let conflictFile: string | undefined;
      if (conflicts.length > 0) {
        await mkdir(this.backups.folder, { recursive: true });
        conflictFile = path.join(this.backups.folder, `conflict-${this.now().toISOString().replace(/[:.]/g, '-')}.json`);
        await writeFile(conflictFile, `${JSON.stringify({ theirs: conflicts }, null, 2)}\n`);
      }
      this.db.data = merged;
      this.byId = mergedById;
      this.changes += 1;
      this.papersChanged(undefined);
      this.snapshot = snapshotMetaOf(external.papers, identity);
      this.emit({ kind: 'external-change', conflicts: conflicts.length, ...(conflictFile ? { conflictFile } : {}) });
      if (this.unsnapshotted.paperIds.size + this.unsnapshotted.removedIds.size + this.unsnapshotted.collections.size > 0) {
        this.scheduleCompaction(0);
      }
      return true;
    } finally {
      this.checking = false;
    }
  }

  /** Makes everything durable, folds the journal into library.json with a backup, and releases the lock. */
  async close(): Promise<void> {
    if (this.closed) return;
    clearTimeout(this.idleTimer);
    clearInterval(this.pollTimer);
    this.watcher?.close();
    if (this.state.kind === 'ready' && !this.options.readOnly) {
      await this.flush().catch(() => undefined);
      await (this.compacting ?? Promise.resolve()).catch(() => undefined);
      if (this.queue.length === 0 && !this.externalProblem) await this.compact({ backup: true }).catch(() => undefined);
    }
    this.closed = true;
    clearTimeout(this.retryTimer);
    const journal = this.journal;
    if (journal) {
      await journal.close().catch(() => undefined);
      if (journal.bytes === 0 && this.queue.length === 0) await unlink(journal.file.path).catch(() => undefined);
    }
    await this.lock?.release();
  }
}
