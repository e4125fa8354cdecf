import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixturesFolder } from '../../../helpers/temp-library';
import { checkLibraryVersion, migrateLibrary, migrationSteps } from '../../../../electron/services/storage/migrations';
import { SCHEMA_VERSION, emptyLibrary, librarySchema } from '../../../../shared/model/library';

describe('library format versions', () => {
  it('is at format 2, with one step from format 1, and a current file passes unchanged', () => {
    expect(SCHEMA_VERSION).toBe(2);
    expect(Object.keys(migrationSteps)).toEqual(['1']);
    const library = emptyLibrary();
    expect(migrateLibrary(library)).toBe(library);
  });

  it('opens a real library written by the format-1 Sift (the sample library as shipped then) with every paper as it was', async () => {
    const file = path.join(fixturesFolder, 'library', 'format-1-sample-library.json');
    const v1 = JSON.parse(await readFile(file, 'utf8')) as { schemaVersion: number; papers: unknown[] };
    expect(v1.schemaVersion).toBe(1);
    const migrated = librarySchema.parse(migrateLibrary(v1));
    expect(migrated.schemaVersion).toBe(2);
    expect(migrated.papers).toEqual(v1.papers);
  });

  it('runs the steps in order, each from its version to the next, without changing its input', () => {
    const steps = {
      1: (document: Record<string, unknown>) => ({ ...document, renamed: document.old, old: undefined }),
      2: (document: Record<string, unknown>) => ({ ...document, added: [] }),
    };
    const v1 = { schemaVersion: 1, old: 'kept' };
    expect(migrateLibrary(v1, steps, 3)).toEqual({ schemaVersion: 3, renamed: 'kept', old: undefined, added: [] });
    expect(v1).toEqual({ schemaVersion: 1, old: 'kept' });
  });

  it('says which step is missing instead of guessing', () => {
    expect(() => migrateLibrary({ schemaVersion: 1 }, {}, 2)).toThrow('No migration from library format 1');
  });

  it.each([
    [{ ...emptyLibrary(), schemaVersion: 3 }, 'This library was written by a newer Sift (format 3; this version reads format 2). Update Sift to open it.'],
    [{ papers: [] }, 'The file has no valid schemaVersion (found nothing)'],
    [{ schemaVersion: '1' }, 'The file has no valid schemaVersion (found "1")'],
    [{ schemaVersion: 0 }, 'The file has no valid schemaVersion (found 0)'],
    [[], 'The file does not hold a library object'],
    [null, 'The file does not hold a library object'],
    [emptyLibrary(), undefined],
  ])('checkLibraryVersion(%j) → %s', (raw, message) => {
    expect(checkLibraryVersion(raw)).toBe(message);
  });
});
