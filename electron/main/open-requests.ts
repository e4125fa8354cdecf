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
