import path from 'node:path';

// What a path handed to Sift by the operating system means: a file given on the command line (the
// file associations in electron-builder.yml), in a second instance's argv, or in macOS's open-file.

export type OpenRequest = { kind: 'open-library'; folder: string } | { kind: 'import'; files: string[] };

/** What is at a path: the caller looks (fs.statSync in main.ts, a table in tests). */
export type PathKind = 'file' | 'folder' | 'missing';
export interface PathProbe {
  kind(target: string): PathKind;
}

/** Files the import reads (as renderer/src/util/dropped-files.ts lists them). */
const IMPORT_EXTENSIONS = new Set(['.bib', '.bibtex', '.ris', '.json', '.csljson', '.txt', '.pdf']);
export const LIBRARY_FILE = 'library.json';

/**
 * The paths in an argv that are documents to open: after the executable (and, when not packaged,
 * the app folder Electron was given), leaving out switches and the value of `--library`, which the
 * caller reads itself. Chromium adds switches of its own to a second instance's argv; they all
 * start with `-`.
 */
export function documentArguments(argv: readonly string[], isPackaged: boolean): string[] {
  const args = argv.slice(isPackaged ? 1 : 2);
  const documents: string[] = [];
  for (let index = 0; index < args.length; index += 1) {
    const arg = args[index] ?? '';
    if (arg === '--library') index += 1;
    else if (arg === '--') continue;
    else if (!arg.startsWith('-')) documents.push(arg);
  }
  return documents;
}

/** The `--library` value in an argv (`--library DIR` or `--library=DIR`), if any. */
export function libraryArgument(argv: readonly string[]): string | undefined {
  for (let index = 0; index < argv.length; index += 1) {
    const arg = argv[index] ?? '';
    if (arg === '--library') return argv[index + 1];
    if (arg.startsWith('--library=')) return arg.slice('--library='.length) || undefined;
  }
  return undefined;
}

/**
 * What the given paths ask for, resolved against `cwd` (a second instance's working folder): a
 * library folder, or a library.json, opens that library (the last one given wins); files the
 * import reads are imported together. Anything else (a missing path, a folder that is no library,
 * a file of another kind) is left out.
 */
export function openRequests(paths: readonly string[], cwd: string, probe: PathProbe): OpenRequest[] {
  let library: string | undefined;
  const files: string[] = [];
  for (const given of paths) {
    const target = path.resolve(cwd, given);
    const kind = probe.kind(target);
    if (kind === 'folder') {
      if (probe.kind(path.join(target, LIBRARY_FILE)) === 'file') library = target;
    } else if (kind === 'file') {
      if (path.basename(target).toLowerCase() === LIBRARY_FILE) library = path.dirname(target);
      else if (IMPORT_EXTENSIONS.has(path.extname(target).toLowerCase()) && !files.includes(target)) files.push(target);
    }
  }
  const requests: OpenRequest[] = [];
  if (library) requests.push({ kind: 'open-library', folder: library });
  if (files.length > 0) requests.push({ kind: 'import', files });
  return requests;
}

/** The largest file the app reads for the renderer's import dialog (as large as a big PDF gets). */
export const MAX_OPENED_FILE_BYTES = 200 * 1024 * 1024;
/** As many files as one `app.openFiles` event carries. */
export const MAX_OPENED_FILES = 100;

export interface OpenedFileReader {
  size(file: string): Promise<number>;
  read(file: string): Promise<Uint8Array>;
}

/**
 * The files of an import request as the `app.openFiles` event carries them (name and base64 bytes,
 * as the renderer sends dropped files to import.preview), and why any were left out.
 */
export async function readOpenedFiles(
  files: readonly string[],
  reader: OpenedFileReader,
): Promise<{ files: Array<{ name: string; data: string }>; problems: string[] }> {
  const read: Array<{ name: string; data: string }> = [];
  const problems: string[] = [];
  for (const file of files) {
    const name = path.basename(file);
    if (read.length === MAX_OPENED_FILES) {
      problems.push(`${name}: more than ${MAX_OPENED_FILES} files at once; import the rest from File › Import…`);
      continue;
    }
    try {
      if ((await reader.size(file)) > MAX_OPENED_FILE_BYTES) {
        problems.push(`${name}: larger than ${MAX_OPENED_FILE_BYTES / 1024 / 1024} MB`);
        continue;
      }
      read.push({ name: name.slice(-1000), data: Buffer.from(await reader.read(file)).toString('base64') });
    } catch (error) {
      problems.push(`${name}: ${(error as Error).message}`);
    }
  }
  return { files: read, problems };
}
