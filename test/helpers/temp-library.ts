import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { openSift, type Sift, type SiftOptions } from '../../electron/services/container';

export const repoRoot = fileURLToPath(new URL('../..', import.meta.url));
export const resourcesFolder = path.join(repoRoot, 'resources');
export const fixturesFolder = path.join(repoRoot, 'test', 'fixtures');

/** A fresh folder under the OS temp dir; remove it with the returned cleanup. */
export async function tempFolder(prefix = 'sift-test-'): Promise<{ folder: string; cleanup: () => Promise<void> }> {
  const folder = await mkdtemp(path.join(os.tmpdir(), prefix));
  return { folder, cleanup: () => rm(folder, { recursive: true, force: true }) };
}

/** Sift's real services on a fresh temp library, with the sample papers loaded when asked. */
export async function openTempSift(options: { withSample?: boolean } & Partial<SiftOptions> = {}): Promise<{
  sift: Sift;
  folder: string;
  cleanup: () => Promise<void>;
}> {
  const { folder, cleanup } = await tempFolder();
  const sift = await openSift({ libraryFolder: folder, resourcesFolder, ...options });
  if (options.withSample) {
    const result = await sift.dispatch('library.openSample', {});
    if (!result.ok) throw new Error(result.error.message);
  }
  return {
    sift,
    folder,
    cleanup: async () => {
      await sift.close();
      await cleanup();
    },
  };
}

/**
 * Sift's services on an existing library folder with a fixed clock and counting ids (`id-1`, `id-2`…),
 * no background compaction or file watching, so that what a test reads back is what it did.
 */
export async function openPinnedSift(folder: string, at: string): Promise<Sift> {
  let ids = 0;
  return openSift({
    libraryFolder: folder,
    resourcesFolder,
    now: () => new Date(at),
    newId: () => `id-${++ids}`,
    storage: { compactWhenIdleMs: 600_000, watchExternalChanges: false },
  });
}
