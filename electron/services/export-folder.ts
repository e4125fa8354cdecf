import { open } from 'node:fs/promises';
import path from 'node:path';
import { safeFileStem } from '../../shared/export/safe-file-name';

export interface ExportFile {
  fileName: string;
  content: string;
}

/** The suffixes tried for a name that is taken: `a.md`, `a-2.md` … `a-1000.md`. */
const MAX_SUFFIX = 1000;

/**
 * Whether a name is one plain file name: no folder part, no `.`/`..`, no NUL. The exporters make
 * safe names already; this is the writer's own guard, so that a caller can never reach outside
 * the folder.
 */
export function isPlainFileName(name: string): boolean {
  return name.length > 0 && name.length <= 255 && !/[\\/\0]/.test(name) && name !== '.' && name !== '..' && path.basename(name) === name;
}

/** An extension kept as it is: a dot and up to ten letters or digits. */
const PLAIN_EXTENSION = /^\.[A-Za-z0-9]{1,10}$/;

/**
 * The name as every OS can create it, in the folder and nowhere else: the stem goes through
 * safeFileStem, as the notes bundle's names did already (no Windows device name such as `CON` or
 * `LPT9`, no `<>:"|?*#^[]`, control or bidi characters, no leading dot, no trailing dot or space,
 * at most 120 characters), and a plain extension is kept. Names the exporters made stay the same.
 */
export function portableFileName(name: string): string {
  // Cleaned whole first (characters, trailing dots and spaces), so that the extension found is the
  // one the result ends with, and a second pass changes nothing.
  const trimmed = safeFileStem(name, '');
  const dot = trimmed.lastIndexOf('.');
  const candidate = dot > 0 ? trimmed.slice(dot) : '';
  const extension = PLAIN_EXTENSION.test(candidate) ? candidate : '';
  const stem = safeFileStem(extension ? trimmed.slice(0, -extension.length) : trimmed, extension);
  return `${stem || 'untitled'}${extension}`;
}

/** `a.md` → `a-2.md`: the suffix goes before the extension. */
export function suffixedName(name: string, n: number): string {
  const extension = path.extname(name);
  const stem = extension && extension !== name ? name.slice(0, -extension.length) : name;
  return `${stem}-${n}${extension === name ? '' : extension}`;
}

/**
 * Writes the files into `folder`, never over a file that is there: each is created exclusively
 * (`wx`), and a name that exists already (or that an earlier file of this call took, case
 * insensitively, as macOS and Windows see it) gets `-2`, `-3`… before its extension. A name
 * Windows could not create, or would read as a device (`CON.md`), is made portable first
 * (portableFileName). Answers the names written, in order. A name with a folder part is refused
 * before anything is written.
 */
export async function writeExportFiles(folder: string, files: readonly ExportFile[]): Promise<string[]> {
  const bad = files.find((file) => !isPlainFileName(file.fileName));
  if (bad) throw new Error(`Not a plain file name: "${bad.fileName}"`);
  const taken = new Set<string>();
  const written: string[] = [];
  for (const file of files) {
    const fileName = portableFileName(file.fileName);
    for (let n = 1; ; n += 1) {
      if (n > MAX_SUFFIX) throw new Error(`Too many files named like "${fileName}" in ${folder}`);
      const name = n === 1 ? fileName : suffixedName(fileName, n);
      if (taken.has(name.normalize('NFC').toLowerCase())) continue;
      const handle = await open(path.join(folder, name), 'wx').catch((error: unknown) => {
        if ((error as NodeJS.ErrnoException).code === 'EEXIST') return undefined;
        throw error;
      });
      if (!handle) continue;
      try {
        await handle.writeFile(file.content, 'utf8');
      } finally {
        await handle.close();
      }
      taken.add(name.normalize('NFC').toLowerCase());
      written.push(name);
      break;
    }
  }
  return written;
}
