import { describe, expect, it } from 'vitest';
import { freshAppPerTest, type BrowserModeApp } from './harness';
import { ScreeningView } from './pages/screening-view';
import { SiftPage } from './pages/sift-page';

const TAG = 'undo-me';

describe('Undo and redo of library changes in Chromium (browser mode)', () => {
  let app: BrowserModeApp;
  let sift: SiftPage;
  let screening: ScreeningView;

  freshAppPerTest((opened) => {
    app = opened;
    sift = new SiftPage(opened.page);
    screening = new ScreeningView(opened.page);
  });

  const paperOnDisk = async (id: string) => (await app.readLibrary()).papers.find((paper) => paper.id === id);
  const detailTags = () => app.page.getByTestId('detail').getByTestId('tag-chip').evaluateAll((chips) => chips.map((chip) => chip.getAttribute('data-tag')));
  const toastWith = (text: RegExp) => app.page.getByTestId('toast').filter({ hasText: text });
  const focusedIsField = () =>
    app.page.evaluate(() => {
      const active = document.activeElement;
      return active instanceof HTMLInputElement || active instanceof HTMLTextAreaElement || (active instanceof HTMLElement && active.isContentEditable);
    });

  it('Ctrl+Z undoes a tag, a status, a screening decision and a cell in reverse order across views; Ctrl+Shift+Z redoes; in a field it undoes only the typing', async () => {
    const { page } = app;
    const keys = page.keyboard;
    await sift.openSampleLibrary();
    // Made through the API: one step of the history too, before the ones this test undoes.
    const { column } = await app.callApi('columns.save', { name: 'Method', kind: 'text' });

    // 1. A tag, from the detail pane's tag input.
    const first = sift.rows.first();
    const paperId = (await first.getAttribute('data-paper-id')) ?? '';
    await first.click();
    await sift.addTag(TAG);
    await expect.poll(() => sift.tagCount(TAG)).toBe(1);

    // 2. A status, with its key on the list.
    await first.click();
    expect(await focusedIsField()).toBe(false);
    await keys.press('r');
    await expect.poll(() => sift.statusCount('read')).toBe(1);

    // 3. A screening decision, in the screening view.
    await screening.openWithKeyboard();
    const screenedId = await screening.paperId();
    await screening.decide('i');
    await expect.poll(async () => (await screening.counts()).include).toBe(1);
    await keys.press('Escape');
    await screening.view.waitFor({ state: 'detached' });

    // 4. A cell of the review table, typed into its editor.
    await keys.press('t');
    const grid = page.getByTestId('review-table');
    await grid.locator('th[data-column-id]', { hasText: 'Method' }).waitFor();
    await grid.focus();
    await keys.press('End');
    await keys.type('PPO');
    await keys.press('Enter');
    const cellsOnDisk = async () =>
      (await app.readLibrary()).papers.filter((paper) => paper.fields[column.id] !== undefined && paper.fields[column.id] !== null).map((paper) => paper.fields[column.id]);
    await expect.poll(cellsOnDisk).toEqual(['PPO']);
    await expect.poll(() => grid.locator('tbody td', { hasText: /^PPO$/ }).count()).toBe(1);

    const before = await app.readLibrary();
    expect(before.papers.find((paper) => paper.id === paperId)?.tags).toEqual([TAG]);
    expect(before.papers.find((paper) => paper.id === paperId)?.status).toBe('read');
    expect(before.papers.find((paper) => paper.id === screenedId)?.screening.decision).toBe('include');

    // Undo 4, in the review table (the grid has the focus, not the cell editor): the cell empties.
    expect(await focusedIsField()).toBe(false);
    await keys.press('Control+z');
    await expect.poll(() => toastWith(/Undone: /).count()).toBeGreaterThan(0);
    await expect.poll(cellsOnDisk).toEqual([]);
    await expect.poll(() => grid.locator('tbody td', { hasText: /^PPO$/ }).count()).toBe(0);

    // Undo 3, in the screening view: the decision is gone from the counts and from the file.
    await keys.press('Escape');
    await grid.waitFor({ state: 'detached' });
    await screening.openWithKeyboard();
    expect(await focusedIsField()).toBe(false);
    await keys.press('Control+z');
    await expect.poll(async () => (await screening.counts()).include).toBe(0);
    await expect.poll(async () => (await paperOnDisk(screenedId))?.screening.decision).toBe('undecided');
    await keys.press('Escape');
    await screening.view.waitFor({ state: 'detached' });

    // Undo 2 and 1, on the list: the status, then the tag.
    await first.click();
    expect(await focusedIsField()).toBe(false);
    await keys.press('Control+z');
    await expect.poll(() => sift.statusCount('read')).toBe(0);
    await expect.poll(async () => (await paperOnDisk(paperId))?.status).toBe('unread');
    expect((await paperOnDisk(paperId))?.tags).toEqual([TAG]);

    await keys.press('Control+z');
    await expect.poll(() => sift.tagCount(TAG)).toBeUndefined();
    await expect.poll(detailTags).toEqual([]);
    await expect.poll(async () => (await paperOnDisk(paperId))?.tags).toEqual([]);
    // The column made before the four changes is still there: one key, one step.
    expect((await app.readLibrary()).columns.map((kept) => kept.id)).toEqual([column.id]);

    // Redo: the tag comes back, and only the tag.
    await keys.press('Control+Shift+Z');
    await expect.poll(() => toastWith(/Redone: /).count()).toBeGreaterThan(0);
    await expect.poll(() => sift.tagCount(TAG)).toBe(1);
    await expect.poll(detailTags).toEqual([TAG]);
    await expect.poll(async () => (await paperOnDisk(paperId))?.tags).toEqual([TAG]);
    expect((await paperOnDisk(paperId))?.status).toBe('unread');
    const history = await app.callApi('history.state', {});
    expect(history.undo).toBeDefined();
    expect(history.redo).toBeDefined();

    // The palette names what Undo and Redo would do.
    await keys.press('Control+k');
    await page.getByTestId('palette-input').fill('undo');
    await expect.poll(() => page.getByTestId('palette-item').locator('.palette-title').allTextContents()).toContain(`Undo ${history.undo ?? ''}`);
    await keys.press('Escape');
    await page.getByTestId('palette').waitFor({ state: 'detached' });

    // In the search box Ctrl+Z is the field's own: the typing goes, the library stays.
    const search = page.getByTestId('search-input');
    await search.click();
    // One edit (as a paste is): typed keys may be one undo step or several, as the browser groups them.
    await keys.insertText('zzz');
    await expect.poll(() => search.inputValue()).toBe('zzz');
    await keys.press('Control+z');
    await expect.poll(() => search.inputValue()).toBe('');
    await expect.poll(() => sift.tagCount(TAG)).toBe(1);
    expect((await paperOnDisk(paperId))?.tags).toEqual([TAG]);
    expect(await app.callApi('history.state', {})).toEqual(history);
  });

  it('a note added and written in the detail pane: Ctrl+Z on the list takes back the text, then the note, in the pane and in the file', async () => {
    const { page } = app;
    await sift.openSampleLibrary();
    const first = sift.rows.first();
    const paperId = (await first.getAttribute('data-paper-id')) ?? '';
    const notesOnDisk = async () => (await paperOnDisk(paperId))?.notes.map((note) => note.body);
    const notesShown = () => page.getByTestId('detail').getByTestId('note-editor').evaluateAll((editors) => editors.map((editor) => (editor as HTMLTextAreaElement).value));
    await first.click();
    await sift.addNote('Worth a second read');
    await expect.poll(notesOnDisk).toEqual(['Worth a second read']);

    // Adding the note and writing it were two calls: two steps.
    await first.click();
    expect(await focusedIsField()).toBe(false);
    await page.keyboard.press('Control+z');
    await expect.poll(notesOnDisk).toEqual(['']);
    await expect.poll(notesShown).toEqual(['']);
    await page.keyboard.press('Control+z');
    await expect.poll(notesOnDisk).toEqual([]);
    await expect.poll(() => page.getByTestId('detail').getByTestId('note').count()).toBe(0);
  });
});
