import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { Low } from 'lowdb';
import { SCHEMA_VERSION, emptyLibrary, librarySchema, type Library } from '../../shared/model/library';
import { ApiFailure } from './api-failure';
import { DurableJsonFile, LibraryLoadError } from './durable-json-file';

export const LIBRARY_FILE = 'library.json';

function checkVersion(raw: unknown): string | undefined {
  if (raw === null || typeof raw !== 'object' || !('schemaVersion' in raw)) return undefined;
  const version = (raw as { schemaVersion: unknown }).schemaVersion;
  if (typeof version === 'number' && version > SCHEMA_VERSION) {
    return `This library was written by a newer Sift (format ${version}; this version reads format ${SCHEMA_VERSION}). Update Sift to open it.`;
  }
  return undefined;
}

export type LibraryState =
  | { kind: 'ready' }
  | { kind: 'failed'; message: string; detail?: string };

/**
 * The open library: lowdb over a durable, validating JSON adapter. Every change goes through
 * `mutate`, which applies it in memory and resolves once it is on disk. Changes that arrive while
 * a write is running are coalesced into the next write, in order; none is dropped.
 * A library that failed to load is read-only: nothing is ever written over a file we could not read.
 */
export class LibraryStore {
  private writing: Promise<void> = Promise.resolve();
  private queuedWrite: Promise<void> | undefined;

  private constructor(
    readonly folder: string,
    private readonly db: Low<Library>,
    readonly state: LibraryState,
  ) {}

  static async open(folder: string): Promise<LibraryStore> {
    const absolute = path.resolve(folder);
    await mkdir(absolute, { recursive: true });
    const adapter = new DurableJsonFile<Library>(path.join(absolute, LIBRARY_FILE), { schema: librarySchema, checkVersion });
    const db = new Low<Library>(adapter, emptyLibrary());
    let state: LibraryState = { kind: 'ready' };
    let isNew = false;
    try {
      const existing = await adapter.read();
      isNew = existing === null;
      db.data = existing ?? emptyLibrary();
    } catch (error) {
      if (!(error instanceof LibraryLoadError)) throw error;
      state = { kind: 'failed', message: error.message, ...(error.detail ? { detail: error.detail } : {}) };
    }
    const store = new LibraryStore(absolute, db, state);
    if (isNew) await store.flush();
    return store;
  }

  get filePath(): string {
    return path.join(this.folder, LIBRARY_FILE);
  }

  /** The current library. Read-only by convention: change it through `mutate`. */
  get data(): Readonly<Library> {
    return this.db.data;
  }

  /** Applies `change` in memory and resolves with its result once the library is durably on disk. */
  async mutate<R>(change: (library: Library) => R): Promise<R> {
    if (this.state.kind === 'failed') {
      throw new ApiFailure('library-failed', `The library could not be loaded, so it is read-only: ${this.state.message}`);
    }
    const result = change(this.db.data);
    await this.flush();
    return result;
  }

  /** Schedules a write that includes every change made so far; resolves when it is durable. */
  flush(): Promise<void> {
    // A write that has not started yet will serialize the latest data, so it covers this change too.
    const write = this.queuedWrite ?? this.scheduleWrite();
    return write.catch((error: unknown) => {
      throw new ApiFailure('internal', `Could not save the library: ${(error as Error).message}`);
    });
  }

  private scheduleWrite(): Promise<void> {
    const write = this.writing
      .catch(() => undefined)
      .then(() => {
        this.queuedWrite = undefined;
        return this.db.write();
      });
    this.queuedWrite = write;
    this.writing = write;
    return write;
  }

  async close(): Promise<void> {
    await this.writing.catch(() => undefined);
  }
}
