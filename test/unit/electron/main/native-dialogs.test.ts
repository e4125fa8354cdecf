import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { BrowserWindow } from 'electron';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { nativeDialogs, type DialogApi } from '../../../../electron/main/native-dialogs';
import { tempFolder } from '../../../helpers/temp-library';

/** A fake of Electron's dialog that records what it was asked and answers what the test says. */
function fakeDialog(answer: { canceled: boolean; filePaths?: string[]; filePath?: string }) {
  const calls: Array<{ kind: 'open' | 'save'; window: boolean; options: Record<string, unknown> }> = [];
  const record = (kind: 'open' | 'save') => (...args: unknown[]) => {
    const options = (args.length === 2 ? args[1] : args[0]) as Record<string, unknown>;
    calls.push({ kind, window: args.length === 2, options });
    return Promise.resolve({ canceled: answer.canceled, filePaths: answer.filePaths ?? [], filePath: answer.filePath ?? '' });
  };
  const dialog = { showOpenDialog: record('open'), showSaveDialog: record('save') } as unknown as DialogApi;
  return { dialog, calls };
}

const window = {} as BrowserWindow;

describe('native dialogs (against a fake of Electron dialog)', () => {
  let folder: string;
  let cleanup: () => Promise<void>;
  beforeEach(async () => {
    ({ folder, cleanup } = await tempFolder('sift-dialogs-'));
  });
  afterEach(async () => cleanup());

  it('asks for an export folder (one that can be created), attached to the window', async () => {
    const { dialog, calls } = fakeDialog({ canceled: false, filePaths: [folder] });
    expect(await nativeDialogs(dialog, () => window).chooseExportFolder()).toBe(folder);
    expect(calls).toEqual([{ kind: 'open', window: true, options: expect.objectContaining({ properties: ['openDirectory', 'createDirectory'] }) }]);
  });

  it('answers undefined when the folder dialog is cancelled', async () => {
    const { dialog, calls } = fakeDialog({ canceled: true });
    expect(await nativeDialogs(dialog, () => undefined).chooseExportFolder()).toBeUndefined();
    expect(calls[0]?.window).toBe(false);
  });

  it.each([
    ['table.csv', 'csv'],
    ['refs.bib', 'bib'],
    ['refs.ris', 'ris'],
    ['refs.json', 'json'],
    ['review-table.md', 'md'],
  ])('offers the file type of %s in the save dialog and writes the file', async (name, extension) => {
    const target = path.join(folder, name);
    const { dialog, calls } = fakeDialog({ canceled: false, filePath: target });
    expect(await nativeDialogs(dialog, () => window).saveTextFile(name, 'text')).toBe(target);
    expect(calls[0]?.options).toMatchObject({ defaultPath: name, filters: [{ extensions: [extension] }] });
    expect(await readFile(target, 'utf8')).toBe('text');
  });

  it('writes nothing when the save dialog is cancelled', async () => {
    const { dialog } = fakeDialog({ canceled: true });
    expect(await nativeDialogs(dialog, () => window).saveTextFile('a.md', 'x')).toBeUndefined();
  });
});
