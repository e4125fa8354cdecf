import { existsSync } from 'node:fs';
import { mkdir, readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { displayFileName } from '../../../../shared/import/display-file-name';
import { openSift, type NativeDialogs, type Sift } from '../../../../electron/services/container';
import { portableFileName } from '../../../../electron/services/export-folder';
import { call } from '../../../helpers/dispatch';
import { fixturesFolder, resourcesFolder, tempFolder } from '../../../helpers/temp-library';

// Issue 8 (file access) and checklist I8: whatever names a caller gives, the main side writes only
// inside the library folder (PDFs by content hash) or the export folder the user chose, and the
// names it shows or creates are plain, portable file names.

/** Names a hostile or careless caller could give an imported file. */
const hostileNames = [
  '../../evil.pdf',
  '../attachments/../../evil.pdf',
  '/etc/passwd.pdf',
  '/tmp/evil.pdf',
  'C:\\Windows\\evil.pdf',
  'C:evil.pdf',
  '\\\\server\\share\\x.pdf',
  '\\\\?\\C:\\evil.pdf',
  'a\u0000b.pdf',
  'CON.pdf',
  'nul',
  'COM1.pdf',
  'LPT9.txt.pdf',
  'name.',
  'name ',
  '\u202Egnp.pdf',
  'evil\u202Efdp.exe',
  `${'n'.repeat(300)}.pdf`,
  '..',
  '.',
  'attachments',
  'library.json',
  'a\r\nb.pdf',
];

/** A Windows device name, judged as Windows does: the part before the first dot, trailing spaces and dots ignored. */
const DEVICE = /^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³]|conin\$|conout\$)$/i;
function isDeviceName(name: string): boolean {
  return DEVICE.test((name.split('.')[0] ?? '').replace(/[ .]+$/, ''));
}

/** One file name that every OS creates as itself, in the folder it is joined to. */
function expectPortable(name: string): void {
  expect(name.length).toBeGreaterThan(0);
  expect(['.', '..']).not.toContain(name);
  // eslint-disable-next-line no-control-regex -- control characters are what it looks for
  expect(name).not.toMatch(/[/\\\0<>:"|?*\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/);
  expect(isDeviceName(name), name).toBe(false);
  expect(name).not.toMatch(/[ .]$/);
  expect(Buffer.byteLength(name, 'utf8')).toBeLessThanOrEqual(255);
  expect(path.basename(name)).toBe(name);
}

/** Every file under a folder, relative to it. */
async function allFiles(folder: string): Promise<string[]> {
  const entries = await readdir(folder, { recursive: true, withFileTypes: true });
  return entries.filter((entry) => !entry.isDirectory()).map((entry) => path.relative(folder, path.join(entry.parentPath, entry.name))).sort();
}

describe('the main side writes only inside the library and the chosen export folder', () => {
  let parent: string;
  let library: string;
  let exportFolder: string;
  let cleanup: () => Promise<void>;
  let sift: Sift;
  let pdf: Buffer;
  let sha256: string;
  const escapeCandidates: string[] = [];
  const existedBefore = new Map<string, boolean>();

  beforeAll(async () => {
    ({ folder: parent, cleanup } = await tempFolder('sift-containment-'));
    library = path.join(parent, 'library');
    exportFolder = path.join(parent, 'export');
    await mkdir(exportFolder);
    const dialogs: NativeDialogs = {
      chooseLibraryFolder: () => Promise.resolve(undefined),
      saveTextFile: () => Promise.resolve(undefined),
      chooseExportFolder: () => Promise.resolve(exportFolder),
    };
    sift = await openSift({ libraryFolder: library, resourcesFolder, dialogs, storage: { compactWhenIdleMs: 600_000, watchExternalChanges: false } });
    pdf = await readFile(path.join(fixturesFolder, 'pdf', 'c02-22.pdf'));
    for (const name of hostileNames) {
      for (const base of [library, path.join(library, 'attachments'), path.join(library, 'fulltext'), exportFolder, process.cwd()]) {
        const candidate = path.resolve(base, name.replace(/\0/g, ''));
        // Inside the parent folder, allFiles sees every file; these are the places outside it.
        if (candidate.startsWith(parent + path.sep) || candidate === parent) continue;
        escapeCandidates.push(candidate);
        existedBefore.set(candidate, existsSync(candidate));
      }
    }
  });
  let closed = false;
  afterAll(async () => {
    if (!closed) await sift.close();
    await cleanup();
  });

  it('imports PDFs under hostile names: each stored once by its hash inside the library, shown under a clean name', async () => {
    const files = hostileNames.map((name) => ({ name, data: pdf.toString('base64') }));
    const preview = await call(sift, 'import.preview', { importId: 'import-hostile-names', files });
    expect(preview.files.map((file) => file.name)).toEqual(hostileNames.map(displayFileName));
    for (const file of preview.files) {
      expect(file.name).not.toMatch(/[/\\\0\r\n\u202e]/);
      expect(Array.from(file.name).length).toBeLessThanOrEqual(255);
    }
    expect(preview.files.map((file) => file.name).slice(0, 8)).toEqual(['evil.pdf', 'evil.pdf', 'passwd.pdf', 'evil.pdf', 'evil.pdf', 'C:evil.pdf', 'x.pdf', 'evil.pdf']);
    expect(displayFileName('\u202Egnp.pdf')).toBe('gnp.pdf');
    expect(displayFileName('..')).toBe('..');
    const decisions = preview.items.map((item) => ({ index: item.index, action: 'import' as const }));
    const result = await call(sift, 'import.commit', { importId: 'import-hostile-names', decisions });
    expect(result.added).toBe(hostileNames.length);

    const papers = (await call(sift, 'papers.get', { ids: result.paperIds })).papers;
    sha256 = papers[0]?.attachments[0]?.sha256 ?? '';
    expect(sha256).toMatch(/^[0-9a-f]{64}$/);
    for (const paper of papers) {
      expect(paper.attachments).toEqual([expect.objectContaining({ id: sha256, file: `${sha256}.pdf` })]);
      expect(paper.source?.fileName).not.toMatch(/[/\\\0\r\n\u202e]/);
    }
    expect(await allFiles(path.join(library, 'attachments'))).toEqual([`${sha256}.pdf`]);
    // The PDF's text, when it has a text layer, is kept under the same hash.
    if (existsSync(path.join(library, 'fulltext'))) expect(await allFiles(path.join(library, 'fulltext'))).toEqual([`${sha256}.txt`]);
    // Nothing anywhere in the parent folder but the library's own files (and the empty export folder).
    for (const file of await allFiles(parent)) expect(file.startsWith(`library${path.sep}`), file).toBe(true);
    for (const candidate of escapeCandidates) expect(existsSync(candidate), candidate).toBe(existedBefore.get(candidate));
  });

  it('attachments.read finds a PDF by its id only; ids that look like paths are refused', async () => {
    const [paper] = (await call(sift, 'papers.list', {})).papers;
    const paperId = paper?.id ?? '';
    const read = await call(sift, 'attachments.read', { paperId, attachmentId: sha256 });
    expect(read).toMatchObject({ sha256, bytes: pdf.length });
    for (const attachmentId of [
      '../x',
      '../library.json',
      '../../library.json',
      `${sha256}.pdf`,
      `../attachments/${sha256}.pdf`,
      `${sha256}/../../library.json`,
      '/etc/passwd',
      'C:\\Windows\\win.ini',
      '\\\\server\\share',
      `${sha256}\0`,
      'CON',
      '__proto__',
      'constructor',
    ]) {
      const result = await sift.dispatch('attachments.read', { paperId, attachmentId });
      expect(result, attachmentId).toMatchObject({ ok: false, error: { code: 'not-found' } });
    }
    expect(await sift.dispatch('attachments.read', { paperId: '../library', attachmentId: sha256 })).toMatchObject({ ok: false, error: { code: 'not-found' } });
  });

  it('export.saveFolder refuses names with a folder part and writes nothing', async () => {
    for (const fileName of hostileNames.filter((name) => /[/\\\0]/.test(name) || name === '.' || name === '..')) {
      const result = await sift.dispatch('export.saveFolder', { files: [{ fileName: 'fine.md', content: 'x' }, { fileName, content: 'x' }] });
      expect(result, fileName).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    }
    expect(await allFiles(exportFolder)).toEqual([]);
  });

  it('export.saveFolder writes every other name inside the chosen folder, renaming device names and what Windows cannot create', async () => {
    const names = [
      ...hostileNames.filter((name) => !/[/\\\0]/.test(name) && name !== '.' && name !== '..').filter((name) => Buffer.byteLength(name) <= 255),
      `${'n'.repeat(250)}.md`,
      'con.md',
      'Aux',
      'prn.txt',
      'CONIN$',
      'COM¹.md',
      'LPT1 .md',
      'a:b.md',
      'a|b?.md',
      '<x>.md',
      '.hidden',
      '...',
      ' ',
      'ok.md',
      'Smith 2020 – ünïcode.md',
    ];
    const files = names.map((fileName, index) => ({ fileName, content: `file ${index}` }));
    const saved = await call(sift, 'export.saveFolder', { files });
    const result = { ...saved, fileNames: saved.fileNames ?? [] };
    expect(result.saved).toBe(true);
    expect(result.folder).toBe(exportFolder);
    expect(result.fileNames).toHaveLength(names.length);
    for (const name of result.fileNames) expectPortable(name);
    expect(Object.fromEntries(names.map((name, index) => [name, result.fileNames[index]]))).toMatchObject({
      'CON.pdf': 'CON_.pdf',
      nul: 'nul_',
      'COM1.pdf': 'COM1_.pdf',
      'LPT9.txt.pdf': 'LPT9_.txt.pdf',
      'name.': 'name',
      'name ': 'name-2',
      '\u202Egnp.pdf': 'gnp.pdf',
      'con.md': 'con_.md',
      Aux: 'Aux_',
      'CONIN$': 'CONIN$_',
      'COM¹.md': 'COM¹_.md',
      'LPT1 .md': 'LPT1_.md',
      'a:b.md': 'a-b.md',
      '.hidden': 'hidden',
      '...': 'untitled',
      ' ': 'untitled-2',
      'ok.md': 'ok.md',
      'Smith 2020 – ünïcode.md': 'Smith 2020 – ünïcode.md',
    });
    // Exactly the answered names, directly in the chosen folder, each with its own content.
    expect(await allFiles(exportFolder)).toEqual([...result.fileNames].sort());
    for (const [index, name] of result.fileNames.entries()) expect(await readFile(path.join(exportFolder, name), 'utf8')).toBe(`file ${index}`);
    for (const file of await allFiles(parent)) expect(file.startsWith(`library${path.sep}`) || file.startsWith(`export${path.sep}`), file).toBe(true);
  });

  it('backups.restore takes backup ids, never paths', async () => {
    const papersBefore = (await call(sift, 'papers.list', {})).total;
    for (const id of ['../library.json', '../../etc/passwd', '/etc/passwd', 'library.json', '..', '.', 'C:\\Windows\\win.ini', 'backup\u0000.json', 'library-2026-01-01T00-00-00-000Z.json/../../library.json']) {
      expect(await sift.dispatch('backups.restore', { id }), id).toMatchObject({ ok: false, error: { code: 'not-found' } });
    }
    expect((await call(sift, 'papers.list', {})).total).toBe(papersBefore);
    // (A refused restore still closes and reopens the library first, which backs it up: inside it.)
    for (const file of await allFiles(parent)) expect(file.startsWith(`library${path.sep}`) || file.startsWith(`export${path.sep}`), file).toBe(true);
  });

  it('after closing (journal folded, search index and backups written), still nothing outside the library and the export folder', async () => {
    await call(sift, 'search.query', { query: 'the' });
    await sift.close();
    closed = true;
    const files = await allFiles(parent);
    expect(files.some((file) => file.startsWith(`library${path.sep}`))).toBe(true);
    for (const file of files) expect(file.startsWith(`library${path.sep}`) || file.startsWith(`export${path.sep}`), file).toBe(true);
    for (const candidate of escapeCandidates) expect(existsSync(candidate), candidate).toBe(existedBefore.get(candidate));
  });

  it('portableFileName: any name becomes one portable segment, and a portable name stays itself (10,000 runs, fixed seed)', () => {
    const hostilePart = fc.constantFrom('..', '.', '/', '\\', '\0', ':', 'CON', 'nul', 'COM1', 'LPT9', 'CONIN$', '\u202E', '\u2066', ' ', '.', '\r\n', '\u0085', '\u00a0', '😀', '漢字', 'é', 'e\u0301', '#', '[', '?', '*', '.pdf', '.md');
    const name = fc.oneof(
      fc.string({ unit: 'binary', maxLength: 300 }),
      fc.array(fc.oneof(hostilePart, fc.string({ maxLength: 8 })), { maxLength: 40 }).map((parts) => parts.join('')),
      fc.tuple(fc.constantFrom('CON', 'prn', 'Aux', 'NUL', 'com3', 'LPT²', 'conout$'), fc.constantFrom('', '.', ' ', '.md', ' .txt.md', '..pdf', '   ')).map(([device, rest]) => device + rest),
      fc.string({ unit: 'grapheme', minLength: 100, maxLength: 400 }),
    );
    fc.assert(
      fc.property(name, (raw) => {
        const portable = portableFileName(raw);
        expectPortable(portable);
        expect(portableFileName(portable)).toBe(portable);
      }),
      { numRuns: 10_000, seed: 82_026 },
    );
  });

  it('displayFileName: any name becomes a short label without folders, control or bidi characters (10,000 runs, fixed seed)', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: 'binary', maxLength: 1000 }), fc.array(fc.constantFrom('../', '\\', 'C:', '\0', '\u202E', 'a', '.pdf', ' ', '\n'), { maxLength: 50 }).map((parts) => parts.join(''))), (raw) => {
        const shown = displayFileName(raw);
        expect(shown.length).toBeGreaterThan(0);
        // eslint-disable-next-line no-control-regex -- control characters are what it looks for
        expect(shown).not.toMatch(/[/\\\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/);
        expect(Array.from(shown).length).toBeLessThanOrEqual(255);
        expect(shown).toBe(shown.trim());
      }),
      { numRuns: 10_000, seed: 82_026 },
    );
  });
});
