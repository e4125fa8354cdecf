import { detectTextFormat, looksLikePdf } from '../../../shared/import/detect-format';

/** A file to import and the name to show and send for it (its path inside a dropped folder). */
export interface PickedFile {
  file: File;
  name: string;
}

export interface DroppedFiles {
  files: PickedFile[];
  /** Files inside dropped folders that were left out: not a bibliography, a list or a PDF. */
  skipped: number;
}

/** What a folder may hold that Sift reads; other files are kept only when their content says so. */
const IMPORT_EXTENSIONS = new Set(['bib', 'bibtex', 'ris', 'txt', 'json', 'csljson', 'pdf']);
/** The contract takes at most this many files in one import. */
export const MAX_IMPORT_FILES = 10_000;
/** The longest file name the contract takes. */
const MAX_NAME = 1000;
/** As much of a file as format detection looks at. */
const SNIFF_BYTES = 64 * 1024;

function extension(name: string): string {
  return /\.([^./]+)$/.exec(name)?.[1]?.toLowerCase() ?? '';
}

/** Whether a file of unknown kind is something the import can read: a PDF, or text in a known format. */
async function looksImportable(file: File): Promise<boolean> {
  const head = new Uint8Array(await file.slice(0, SNIFF_BYTES).arrayBuffer());
  if (looksLikePdf(head)) return true;
  return detectTextFormat(new TextDecoder('utf-8').decode(head), file.name) !== 'paste';
}

function fileOf(entry: FileSystemFileEntry): Promise<File> {
  return new Promise((resolve, reject) => entry.file(resolve, reject));
}

/** Every entry of a folder: readEntries answers in batches (100 in Chromium) until it answers none. */
async function childrenOf(directory: FileSystemDirectoryEntry): Promise<FileSystemEntry[]> {
  const reader = directory.createReader();
  const all: FileSystemEntry[] = [];
  for (;;) {
    const batch = await new Promise<FileSystemEntry[]>((resolve, reject) => reader.readEntries(resolve, reject));
    if (batch.length === 0) return all;
    all.push(...batch);
  }
}

function shownName(entry: FileSystemEntry): string {
  return entry.fullPath.replace(/^\/+/, '').slice(-MAX_NAME) || entry.name;
}

/**
 * The files of a drop. Files dropped as such are all kept (the user chose them; the main side
 * reports any it cannot read); folders are walked, leaving out hidden files and files that are
 * neither named nor shaped like something Sift imports.
 *
 * Must be called during the drop event: a DataTransfer's items are emptied once it returns.
 */
export function collectDroppedFiles(data: DataTransfer): Promise<DroppedFiles> {
  const entries: FileSystemEntry[] = [];
  const loose: File[] = [];
  for (const item of Array.from(data.items)) {
    if (item.kind !== 'file') continue;
    const entry = item.webkitGetAsEntry();
    if (entry) entries.push(entry);
    else {
      // A DataTransfer made by a script (or a browser without entries) still has its files.
      const file = item.getAsFile();
      if (file) loose.push(file);
    }
  }
  if (entries.length === 0 && loose.length === 0) loose.push(...Array.from(data.files));
  return walk(entries, loose);
}

async function walk(entries: readonly FileSystemEntry[], loose: readonly File[]): Promise<DroppedFiles> {
  const files: PickedFile[] = loose.map((file) => ({ file, name: file.name }));
  let skipped = 0;
  const keep = (picked: PickedFile) => {
    if (files.length < MAX_IMPORT_FILES) files.push(picked);
    else skipped += 1;
  };
  const visit = async (entry: FileSystemEntry, inFolder: boolean): Promise<void> => {
    // Hidden files and folders (.DS_Store, .git) are the system's or a tool's, never a bibliography.
    if (inFolder && entry.name.startsWith('.')) {
      if (entry.isFile) skipped += 1;
      return;
    }
    if (entry.isDirectory) {
      const children = await childrenOf(entry as FileSystemDirectoryEntry).catch(() => []);
      for (const child of children) await visit(child, true);
      return;
    }
    if (!entry.isFile) return;
    try {
      const file = await fileOf(entry as FileSystemFileEntry);
      if (!inFolder || IMPORT_EXTENSIONS.has(extension(file.name)) || (await looksImportable(file))) keep({ file, name: shownName(entry) });
      else skipped += 1;
    } catch {
      // Unreadable (no permission, removed meanwhile): left out like any other file Sift cannot use.
      skipped += 1;
    }
  };
  for (const entry of entries) await visit(entry, false);
  return { files, skipped };
}

/** The files of a folder chosen with `<input webkitdirectory>`, kept or left out as a dropped folder's are. */
export async function collectFolderFiles(chosen: readonly File[]): Promise<DroppedFiles> {
  const files: PickedFile[] = [];
  let skipped = 0;
  for (const file of chosen) {
    const name = (file.webkitRelativePath || file.name).slice(-MAX_NAME);
    const hidden = name.split('/').some((part) => part.startsWith('.'));
    let importable = false;
    try {
      importable = !hidden && (IMPORT_EXTENSIONS.has(extension(file.name)) || (await looksImportable(file)));
    } catch {
      // Unreadable: left out.
    }
    if (importable && files.length < MAX_IMPORT_FILES) files.push({ file, name });
    else skipped += 1;
  }
  return { files, skipped };
}
