import { readFile, readdir } from 'node:fs/promises';
import path from 'node:path';

/**
 * Every file under a library folder with its content, except the lock (whose heartbeat is not
 * data): two equal results mean nothing on disk changed.
 */
export async function folderContents(folder: string): Promise<Record<string, string>> {
  const contents: Record<string, string> = {};
  const entries = await readdir(folder, { recursive: true, withFileTypes: true });
  for (const entry of entries) {
    if (!entry.isFile() || entry.name === 'library.lock') continue;
    const file = path.join(entry.parentPath, entry.name);
    contents[path.relative(folder, file)] = await readFile(file, 'utf8');
  }
  return contents;
}
