import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { apiEvents } from '../../../../shared/api/contract';
import { MAX_OPENED_FILES, MAX_OPENED_FILE_BYTES, documentArguments, libraryArgument, openRequests, readOpenedFiles, type PathKind } from '../../../../electron/main/open-requests';

const root = path.resolve('/home/ana');
const at = (...parts: string[]) => path.join(root, ...parts);

/** A file system as a table of paths. */
const probe = {
  kind(target: string): PathKind {
    const table: Record<string, PathKind> = {
      [at('refs.bib')]: 'file',
      [at('Refs.BIB')]: 'file',
      [at('export.ris')]: 'file',
      [at('items.json')]: 'file',
      [at('paper.pdf')]: 'file',
      [at('notes.docx')]: 'file',
      [at('review')]: 'folder',
      [at('review', 'library.json')]: 'file',
      [at('thesis')]: 'folder',
      [at('thesis', 'library.json')]: 'file',
      [at('photos')]: 'folder',
    };
    return table[target] ?? 'missing';
  },
};

describe('documentArguments', () => {
  it.each<[string, string[], boolean, string[]]>([
    ['packaged: the paths after the executable', ['/opt/Sift/sift', 'refs.bib', 'paper.pdf'], true, ['refs.bib', 'paper.pdf']],
    ['not packaged: after the app folder too', ['electron', '.', 'refs.bib'], false, ['refs.bib']],
    ['switches left out, Chromium’s included', ['sift', '--no-sandbox', '--enable-features=X', 'refs.bib'], true, ['refs.bib']],
    ['--library and its value left out', ['sift', '--library', '/libs/a', 'refs.bib'], true, ['refs.bib']],
    ['after --, paths only', ['sift', '--', 'refs.bib'], true, ['refs.bib']],
    ['nothing given', ['sift'], true, []],
  ])('%s', (_case, argv, isPackaged, expected) => {
    expect(documentArguments(argv, isPackaged)).toEqual(expected);
  });
});

describe('libraryArgument', () => {
  it.each<[string[], string | undefined]>([
    [['--library', '/libs/a'], '/libs/a'],
    [['--library=/libs/b'], '/libs/b'],
    [['--library='], undefined],
    [['refs.bib'], undefined],
    [['--library'], undefined],
  ])('%j → %s', (argv, expected) => {
    expect(libraryArgument(argv)).toBe(expected);
  });
});

describe('openRequests', () => {
  it.each<[string, string[], ReturnType<typeof openRequests>]>([
    ['a BibTeX file is imported', ['refs.bib'], [{ kind: 'import', files: [at('refs.bib')] }]],
    ['extensions in any case', ['Refs.BIB'], [{ kind: 'import', files: [at('Refs.BIB')] }]],
    [
      'RIS, CSL-JSON and PDF files are imported together, once each',
      ['export.ris', 'items.json', 'paper.pdf', 'export.ris'],
      [{ kind: 'import', files: [at('export.ris'), at('items.json'), at('paper.pdf')] }],
    ],
    ['a library folder is opened', ['review'], [{ kind: 'open-library', folder: at('review') }]],
    ['a library.json opens its folder', [at('review', 'library.json')], [{ kind: 'open-library', folder: at('review') }]],
    ['of two libraries, the last one given', ['review', 'thesis'], [{ kind: 'open-library', folder: at('thesis') }]],
    [
      'a library and files: open it, then import into it',
      ['refs.bib', 'review'],
      [
        { kind: 'open-library', folder: at('review') },
        { kind: 'import', files: [at('refs.bib')] },
      ],
    ],
    ['a folder that is no library, a missing file and a file of another kind: nothing', ['photos', 'gone.bib', 'notes.docx'], []],
    ['absolute paths as given', [at('refs.bib')], [{ kind: 'import', files: [at('refs.bib')] }]],
  ])('%s', (_case, paths, expected) => {
    expect(openRequests(paths, root, probe)).toEqual(expected);
  });

  it('resolves relative paths against the second instance’s working folder', () => {
    expect(openRequests([path.join('..', 'refs.bib')], at('review'), probe)).toEqual([{ kind: 'import', files: [at('refs.bib')] }]);
  });
});

describe('readOpenedFiles', () => {
  const files: Record<string, { size: number; bytes?: string }> = {
    '/in/refs.bib': { size: 22, bytes: '@article{a, title={A}}' },
    '/in/huge.pdf': { size: MAX_OPENED_FILE_BYTES + 1 },
  };
  const reader = {
    size: (file: string) => (files[file] ? Promise.resolve(files[file].size) : Promise.reject(new Error('ENOENT: no such file'))),
    read: (file: string) => Promise.resolve(new TextEncoder().encode(files[file]?.bytes ?? '')),
  };

  it('reads files as name and base64, and says why others were left out', async () => {
    expect(await readOpenedFiles(['/in/refs.bib', '/in/huge.pdf', '/in/gone.ris'], reader)).toEqual({
      files: [{ name: 'refs.bib', data: Buffer.from('@article{a, title={A}}').toString('base64') }],
      problems: ['huge.pdf: larger than 200 MB', 'gone.ris: ENOENT: no such file'],
    });
  });

  it('carries at most MAX_OPENED_FILES in one event', async () => {
    const many = Array.from({ length: MAX_OPENED_FILES + 2 }, () => '/in/refs.bib');
    const result = await readOpenedFiles(many, reader);
    expect(result.files).toHaveLength(MAX_OPENED_FILES);
    expect(result.problems).toHaveLength(2);
  });

  it('gives what it reads in the shape the app.openFiles event accepts', async () => {
    const { files: opened } = await readOpenedFiles(['/in/refs.bib'], reader);
    expect(apiEvents['app.openFiles'].safeParse({ files: opened }).success).toBe(true);
  });
});
