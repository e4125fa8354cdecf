import { randomBytes } from 'node:crypto';
import { constants } from 'node:fs';
import { chmod, open, rename, stat, unlink, type FileHandle } from 'node:fs/promises';
import path from 'node:path';

/** Makes a rename or a new file's name durable: fsync the folder that holds it. */
export async function fsyncFolder(folder: string): Promise<void> {
  // Windows cannot open a folder for fsync; NTFS journals the rename itself.
  if (process.platform === 'win32') return;
  const handle = await open(folder, constants.O_RDONLY);
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/** The name of a temp file beside `filePath`; `isTempFileOf` recognises leftovers after a crash. */
export function tempFileFor(filePath: string): string {
  return path.join(path.dirname(filePath), `.${path.basename(filePath)}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`);
}

export function isTempFileOf(name: string, baseName: string): boolean {
  return name.startsWith(`.${baseName}.`) && name.endsWith('.tmp');
}

/**
 * Writes a file atomically and durably: temp file in the same folder → write → fsync → rename over
 * the target → fsync the folder. Until the rename the previous file is intact; after it the new one
 * is complete. The previous file's permissions are kept. `write` may write in many steps (and
 * yield between them) so that large files do not block the event loop.
 */
export async function replaceFileDurably(
  filePath: string,
  write: (handle: FileHandle) => Promise<void>,
  beforeRename?: () => Promise<void>,
): Promise<void> {
  const folder = path.dirname(filePath);
  const tempPath = tempFileFor(filePath);
  const previousMode = await stat(filePath).then(
    (stats) => stats.mode & 0o7777,
    () => undefined,
  );
  const handle = await open(tempPath, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL, previousMode ?? 0o644);
  try {
    await write(handle);
    await handle.sync();
  } catch (error) {
    await handle.close().catch(() => undefined);
    await unlink(tempPath).catch(() => undefined);
    throw error;
  }
  await handle.close();
  try {
    // Replacing the file must not widen or narrow who may read it.
    if (previousMode !== undefined) await chmod(tempPath, previousMode);
    await beforeRename?.();
    await rename(tempPath, filePath);
  } catch (error) {
    await unlink(tempPath).catch(() => undefined);
    throw error;
  }
  await fsyncFolder(folder);
}

/** Writes text or bytes in a single durable replacement. */
export function writeFileDurably(filePath: string, content: string | Uint8Array): Promise<void> {
  return replaceFileDurably(filePath, async (handle) => {
    await handle.writeFile(content);
  });
}
