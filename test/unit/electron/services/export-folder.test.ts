import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { isPlainFileName, suffixedName, writeExportFiles } from '../../../../electron/services/export-folder';
import type { NativeDialogs } from '../../../../electron/services/container';
import { openTempSift, tempFolder } from '../../../helpers/temp-library';

describe('writing exported files into a folder', () => {
  let folder: string;
  let cleanup: () => Promise<void>;
  beforeEach(async () => {
    ({ folder, cleanup } = await tempFolder('sift-export-folder-'));
  });
  afterEach(async () => cleanup());

  it.each([
    ['a.md', true],
    ['Smith 2020 – ünïcode.md', true],
    ['../a.md', false],
    ['a/b.md', false],
    ['a\\b.md', false],
    ['..', false],
    ['.', false],
    ['', false],
    ['a\0.md', false],
  ])('%j is a plain file name: %s', (name, plain) => {
    expect(isPlainFileName(name)).toBe(plain);
  });

  it.each([
    ['a.md', 2, 'a-2.md'],
    ['a.b.md', 3, 'a.b-3.md'],
    ['README', 2, 'README-2'],
  ])('%s with suffix %i is %s', (name, n, expected) => {
    expect(suffixedName(name, n)).toBe(expected);
  });

  it('writes every file and never overwrites one that is there', async () => {
    await writeFile(path.join(folder, 'a.md'), 'mine', 'utf8');
    await writeFile(path.join(folder, 'a-2.md'), 'mine too', 'utf8');
    const written = await writeExportFiles(folder, [
      { fileName: 'a.md', content: 'new a' },
      { fileName: 'b.md', content: 'new b' },
    ]);
    expect(written).toEqual(['a-3.md', 'b.md']);
    expect(await readFile(path.join(folder, 'a.md'), 'utf8')).toBe('mine');
    expect(await readFile(path.join(folder, 'a-2.md'), 'utf8')).toBe('mine too');
    expect(await readFile(path.join(folder, 'a-3.md'), 'utf8')).toBe('new a');
    expect((await readdir(folder)).sort()).toEqual(['a-2.md', 'a-3.md', 'a.md', 'b.md']);
  });

  it('does not write over a folder of the same name either', async () => {
    await mkdir(path.join(folder, 'x.md'));
    expect(await writeExportFiles(folder, [{ fileName: 'x.md', content: 'x' }])).toEqual(['x-2.md']);
  });

  it('refuses a name with a folder part before writing anything', async () => {
    await expect(writeExportFiles(folder, [{ fileName: 'ok.md', content: '' }, { fileName: '../escape.md', content: '' }])).rejects.toThrow(/plain file name/);
    expect(await readdir(folder)).toEqual([]);
  });

  it('export.saveFolder asks for a folder through NativeDialogs and writes there', async () => {
    let asked = 0;
    let answer: string | undefined = folder;
    const dialogs: NativeDialogs = {
      chooseLibraryFolder: () => Promise.resolve(undefined),
      saveTextFile: () => Promise.resolve(undefined),
      chooseExportFolder: () => {
        asked += 1;
        return Promise.resolve(answer);
      },
    };
    const { sift, cleanup: close } = await openTempSift({ dialogs });
    try {
      const files = [{ fileName: 'n.md', content: '# n\n' }];
      expect(await sift.dispatch('export.saveFolder', { files })).toEqual({ ok: true, value: { saved: true, folder, fileNames: ['n.md'] } });
      expect(await sift.dispatch('export.saveFolder', { files })).toEqual({ ok: true, value: { saved: true, folder, fileNames: ['n-2.md'] } });
      answer = undefined;
      expect(await sift.dispatch('export.saveFolder', { files })).toEqual({ ok: true, value: { saved: false } });
      expect(asked).toBe(3);
      expect(await sift.dispatch('export.saveFolder', { files: [{ fileName: '../n.md', content: '' }] })).toMatchObject({ ok: false });
      expect(asked).toBe(3);
    } finally {
      await close();
    }
  });
});
