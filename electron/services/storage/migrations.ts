import { SCHEMA_VERSION } from '../../../shared/model/library';

/**
 * Library format migrations. Each step is a pure function from the document of one version to the
 * next, kept forever so that any older library opens. A step `n` turns a version-n document into
 * version n+1 and comes with a test that migrates a real file written by the version-n Sift.
 */
export const migrationSteps: Record<number, (document: Record<string, unknown>) => Record<string, unknown>> = {
  /**
   * Format 2 only adds optional fields (tags' `pinned`, highlights' `tags`, screening's `reasonId`,
   * papers' `evidence`, the library's `screeningCriteria`, `reviewTables` and `comparisons`): a format-1 library is already a valid format-2 one. The
   * number still goes up so that a format-1 Sift refuses a library that may hold them with "update
   * Sift" instead of a validation error that would point the user at an older backup.
   */
  1: (document) => document,
};

/** Refuses a library written by a newer Sift instead of "repairing" data it does not understand. */
export function checkLibraryVersion(raw: unknown): string | undefined {
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) return 'The file does not hold a library object';
  const version = (raw as { schemaVersion?: unknown }).schemaVersion;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
    return `The file has no valid schemaVersion (found ${JSON.stringify(version) ?? 'nothing'})`;
  }
  if (version > SCHEMA_VERSION) {
    return `This library was written by a newer Sift (format ${version}; this version reads format ${SCHEMA_VERSION}). Update Sift to open it.`;
  }
  return undefined;
}

/** Brings an older document up to the current format, one step at a time. */
export function migrateLibrary(raw: unknown, steps: typeof migrationSteps = migrationSteps, target: number = SCHEMA_VERSION): unknown {
  let document = raw as Record<string, unknown>;
  let version = document.schemaVersion as number;
  while (version < target) {
    const step = steps[version];
    if (!step) throw new Error(`No migration from library format ${version}`);
    document = { ...step(document), schemaVersion: version + 1 };
    version += 1;
  }
  return document;
}
