import { describe, expect, it } from 'vitest';
import { checkLibraryVersion, migrateLibrary, migrationSteps } from '../../../../electron/services/storage/migrations';
import { SCHEMA_VERSION, emptyLibrary } from '../../../../shared/model/library';

describe('library format versions', () => {
  it('format 1 is the first format: there is no step yet, and a current file passes unchanged', () => {
    expect(SCHEMA_VERSION).toBe(1);
    expect(Object.keys(migrationSteps)).toEqual([]);
    const library = emptyLibrary();
    expect(migrateLibrary(library)).toBe(library);
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
    [{ ...emptyLibrary(), schemaVersion: 2 }, 'This library was written by a newer Sift (format 2; this version reads format 1). Update Sift to open it.'],
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
