import { rename, stat } from 'node:fs/promises';
import path from 'node:path';
import { librarySchema, type Library } from '../../shared/model/library';
import { ApiFailure } from './api-failure';
import { DurableJsonFile, LibraryLoadError } from './durable-json-file';
import { LIBRARY_FILE, type LibraryStore } from './library-store';
import { stableStringify } from './stable-stringify';
import { Backups } from './storage/backups';
import { fsyncFolder, writeFileDurably } from './storage/fs-durable';
import { listJournals } from './storage/journal';
import { checkLibraryVersion, migrateLibrary } from './storage/migrations';

/**
 * Replaces a library with one of its backups. The store must be closed by the caller first (a
 * ready store then has folded its journal into library.json). Nothing is thrown away: a library
 * that loaded is backed up before it is replaced, and a library that failed to load is kept beside
 * it as `library.json.damaged-<time>` together with its journals.
 */
export async function restoreBackup(folder: string, id: string, closedStore: LibraryStore, now: Date): Promise<Library> {
  const backups = new Backups(folder);
  const source = backups.pathOf(id);
  if (!source || !(await stat(source).catch(() => undefined))) throw new ApiFailure('not-found', `No backup "${id}" in this library`);
  let restored: Library | null;
  try {
    restored = await new DurableJsonFile<Library>(source, { schema: librarySchema, checkVersion: checkLibraryVersion, migrate: migrateLibrary }).read();
  } catch (error) {
    if (error instanceof LibraryLoadError) throw new ApiFailure('invalid-input', `That backup cannot be restored: ${error.message}`);
    throw error;
  }
  if (!restored) throw new ApiFailure('not-found', `No backup "${id}" in this library`);

  const libraryFile = path.join(folder, LIBRARY_FILE);
  const stamp = now.toISOString().replace(/[:.]/g, '-');
  const current = await stat(libraryFile).catch(() => undefined);
  if (closedStore.state.kind === 'ready') {
    if (current) {
      const papers = closedStore.data.papers;
      const lastChange = papers.reduce<string | undefined>((newest, paper) => (!newest || paper.updatedAt > newest ? paper.updatedAt : newest), undefined);
      await backups.create(libraryFile, { paperCount: papers.length, ...(lastChange ? { lastChange } : {}), bytes: current.size }, now);
    }
  } else {
    if (current) await rename(libraryFile, `${libraryFile}.damaged-${stamp}`);
  }
  // Journals left now belong to the state being replaced (a ready store has none left after closing).
  for (const journal of await listJournals(folder)) await rename(journal.path, `${journal.path}.damaged-${stamp}`);
  await fsyncFolder(folder);
  await writeFileDurably(libraryFile, stableStringify(restored));
  return restored;
}
