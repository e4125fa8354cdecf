import { describe, expect, it } from 'vitest';
import { folderOpener, newLibraryProblem } from '../../../../electron/main/library-opener';

describe('folderOpener', () => {
  it('answers the next folder question with the folder given, once, then asks the user again', async () => {
    let asked = 0;
    const opener = folderOpener({
      chooseLibraryFolder: () => {
        asked += 1;
        return Promise.resolve('/chosen/in/dialog');
      },
      saveTextFile: () => Promise.resolve(undefined),
      chooseExportFolder: () => Promise.resolve(undefined),
    });
    opener.answerNextWith('/recent/review');
    expect(await opener.dialogs.chooseLibraryFolder()).toBe('/recent/review');
    expect(asked).toBe(0);
    expect(await opener.dialogs.chooseLibraryFolder()).toBe('/chosen/in/dialog');
    expect(asked).toBe(1);
  });
});

describe('newLibraryProblem', () => {
  it.each<[string[], string | undefined]>([
    [[], undefined],
    [['.DS_Store', 'desktop.ini'], undefined],
    [['library.json', 'attachments'], undefined],
    [['thesis.docx'], 'This folder is not empty (1 item). Choose or create an empty folder for a new library.'],
    [['a', 'b', '.DS_Store'], 'This folder is not empty (2 items). Choose or create an empty folder for a new library.'],
  ])('%j → %s', (entries, expected) => {
    expect(newLibraryProblem(entries)).toBe(expected);
  });
});
