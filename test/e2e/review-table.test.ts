import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixturesFolder } from '../helpers/temp-library';
import { freshAppPerTest, screenshotFolder, type BrowserModeApp } from './harness';
import { STARCRAFT, ROCKET, PLASTICITY } from './pages/sample-titles';
import { SiftPage } from './pages/sift-page';
import { parseTable } from '../helpers/gfm-table';

const TAG = 'extraction';

describe('Review table in Chromium (browser mode, fresh library per test)', () => {
  let app: BrowserModeApp;
  let sift: SiftPage;

  freshAppPerTest((opened) => {
    app = opened;
    sift = new SiftPage(opened.page);
  });

  it('builds a table over a tag with two custom columns, filled by keyboard, exported as Markdown, kept after a reload', async () => {
    const { page } = app;
    await sift.openSampleLibrary();
    const library = await app.readLibrary();
    const idOf = (title: string) => library.papers.find((paper) => paper.title === title)?.id ?? '';
    await app.callApi('tags.add', { paperIds: [STARCRAFT, ROCKET, PLASTICITY].map(idOf), tag: TAG });
    await expect.poll(() => sift.tagCount(TAG)).toBe(3);

    await page.getByTestId('review-button').click();
    const view = page.getByTestId('review-view');
    await view.waitFor();
    await page.getByTestId('review-source').selectOption('tag');
    await page.getByTestId('review-source-tag').selectOption(TAG);
    const grid = page.getByTestId('review-table');
    await expect.poll(() => grid.locator('tbody tr').count()).toBe(3);

    // Two custom columns: text "Method", single-select "Dataset".
    await page.getByTestId('add-column').click();
    await page.getByTestId('column-name').fill('Method');
    await page.getByTestId('column-name').press('Enter');
    await grid.locator('th[data-column-id]', { hasText: 'Method' }).waitFor();
    await page.getByTestId('add-column').click();
    await page.getByTestId('column-name').fill('Dataset');
    await page.getByTestId('column-kind').selectOption('select');
    await page.getByTestId('column-options').fill('ImageNet, COCO, Atari');
    await page.getByTestId('column-options').press('Enter');
    await grid.locator('th[data-column-id]', { hasText: 'Dataset' }).waitFor();
    const headers = await grid.locator('thead tr').first().locator('th .th-label').allTextContents();
    expect(headers).toEqual(['Title', 'Authors', 'Year', 'Venue', 'Tags', 'Status', 'Method', 'Dataset']);

    const titles = await grid.locator('tbody tr td.col-title').allTextContents();
    expect([...titles].sort()).toEqual([PLASTICITY, ROCKET, STARCRAFT].sort());

    // Keyboard only from here: End, ← to Method; typing starts an edit; Tab / Enter commit and move.
    await grid.focus();
    const keys = page.keyboard;
    await keys.press('End');
    await keys.press('ArrowLeft');
    await keys.type('PPO');
    await keys.press('Tab'); // → Dataset, row 1
    await keys.type('ata');
    await keys.press('Enter'); // "Atari" (the option matching what was typed); ↓ row 2
    await keys.press('Shift+Tab'); // ← Method, row 2
    await keys.press('Enter');
    await keys.type('Self-play | league');
    await keys.press('Enter'); // ↓ row 3
    await keys.type('junk');
    await keys.press('Escape'); // cancelled: the cell stays empty and the view stays open
    await keys.press('F2');
    await keys.type('DQN');
    await keys.press('Tab'); // → Dataset, row 3
    await keys.press('Enter');
    await keys.press('ArrowDown'); // ImageNet → COCO
    await keys.press('Enter');
    await expect(view.isVisible()).resolves.toBe(true);

    const expected = [
      { method: 'PPO', dataset: 'Atari' },
      { method: 'Self-play | league', dataset: '' },
      { method: 'DQN', dataset: 'COCO' },
    ];
    const byTitle = new Map(titles.map((title, index) => [title, expected[index]]));
    const columns = (await app.callApi('columns.list', {})).columns;
    const [method, dataset] = columns;
    await expect
      .poll(async () => (await app.callApi('cells.get', { paperIds: titles.map(idOf) })).rows.map((row) => [row.fields[method?.id ?? ''] ?? '', row.fields[dataset?.id ?? ''] ?? '']))
      .toEqual(expected.map((row) => [row.method, row.dataset]));

    // Copy as Markdown: a GFM table with the visible columns in order and the cells as typed.
    await page.getByTestId('copy-markdown').click();
    await expect.poll(() => page.evaluate(() => navigator.clipboard.readText())).toMatch(/^\| Title \|.*\| Method \| Dataset \|/);
    const markdown = await page.evaluate(() => navigator.clipboard.readText());
    const table = parseTable(markdown);
    expect(table.header.map((cell) => cell.text)).toEqual(headers);
    expect(table.rows).toHaveLength(3);
    for (const row of table.rows) {
      const want = byTitle.get(row[0]?.text ?? '');
      expect(want, row[0]?.text).toBeDefined();
      expect(row[4]?.text).toBe(TAG);
      expect(row[6]?.text).toBe(want?.method);
      expect(row[7]?.text).toBe(want?.dataset);
    }

    // Export Markdown… downloads the same file in browser mode.
    const download = page.waitForEvent('download');
    await page.getByTestId('export-markdown').click();
    expect(await readFile(await (await download).path(), 'utf8')).toBe(markdown);

    // Sort by Method (header menu) and save the layout as a preset.
    await grid.locator('th[data-column-id]', { hasText: 'Method' }).getByTestId('column-menu-button').click();
    await page.getByTestId('column-sort-asc').click();
    await expect.poll(() => grid.locator('tbody tr td.col-custom:not(.kind-select)').allTextContents()).toEqual(['DQN', 'PPO', 'Self-play | league']);
    await page.getByTestId('save-preset').click();
    await page.getByTestId('preset-name').fill('Extraction');
    await page.getByTestId('preset-name').press('Enter');
    await expect.poll(async () => (await app.callApi('tables.list', {})).tables.map((saved) => saved.name)).toEqual(['Extraction']);
    await sift.dismissToasts();
    await grid.focus();
    await page.screenshot({ path: path.join(screenshotFolder, 'review-table.png') });

    // After a reload: the preset brings back the tag, the sort and the cells.
    await page.reload();
    await sift.waitForList();
    await page.getByTestId('review-button').click();
    await view.waitFor();
    await page.getByTestId('review-preset').selectOption({ label: 'Extraction' });
    await expect.poll(() => grid.locator('tbody tr td.col-title').allTextContents()).toEqual(
      [...titles].sort((a, b) => (byTitle.get(a)?.method ?? '').localeCompare(byTitle.get(b)?.method ?? '')),
    );
    await expect.poll(() => grid.locator('tbody tr td.kind-select').allTextContents()).toEqual(['COCO', 'Atari', '—']);

    // Rename a custom column and hide a built-in one from their header menus; the copy follows.
    await grid.locator('th[data-column-id]', { hasText: 'Dataset' }).getByTestId('column-menu-button').click();
    await page.getByTestId('column-rename').click();
    await page.getByTestId('column-rename-input').fill('Data set');
    await page.getByTestId('column-rename-input').press('Enter');
    await grid.locator('th[data-column-id]', { hasText: 'Data set' }).waitFor();
    await grid.locator('th[data-column-id]', { hasText: 'Authors' }).getByTestId('column-menu-button').click();
    await page.getByTestId('column-hide').click();
    await expect.poll(() => grid.locator('thead tr').first().locator('th .th-label').allTextContents()).toEqual(['Title', 'Year', 'Venue', 'Tags', 'Status', 'Method ↑', 'Data set']);
    await page.getByTestId('copy-markdown').click();
    await expect.poll(() => page.evaluate(() => navigator.clipboard.readText())).toMatch(/^\| Title \| Year \|.*\| Method \| Data set \|/);
    expect(parseTable(await page.evaluate(() => navigator.clipboard.readText())).rows.map((row) => row[5]?.text)).toEqual(['DQN', 'PPO', 'Self-play | league']);

    const saved = await app.readLibrary();
    expect(saved.columns.map((column) => [column.name, column.kind, column.options])).toEqual([
      ['Method', 'text', undefined],
      ['Data set', 'select', ['ImageNet', 'COCO', 'Atari']],
    ]);
  });

  it('cites a PDF highlight as a cell’s evidence from the keyboard', async () => {
    const { page } = app;
    const pdf = (await readFile(path.join(fixturesFolder, 'pdf', 'tracemonkey.pdf'))).toString('base64');
    await app.callApi('import.preview', { importId: 'review-pdf', files: [{ name: 'tracemonkey.pdf', data: pdf }] });
    const [paperId = ''] = (await app.callApi('import.commit', { importId: 'review-pdf', decisions: [], tags: [TAG] })).paperIds;
    const [paper] = (await app.callApi('papers.get', { ids: [paperId] })).papers;
    const attachmentId = paper?.attachments[0]?.id ?? '';
    const { annotation } = await app.callApi('annotations.add', {
      paperId,
      attachmentId,
      page: 2,
      rects: [[72, 100, 200, 12]],
      quote: 'trace trees',
      color: 'yellow',
    });
    const { column } = await app.callApi('columns.save', { name: 'Method', kind: 'text' });
    await sift.waitForList();

    await page.getByTestId('review-button').click();
    await page.getByTestId('review-view').waitFor();
    await page.getByTestId('review-source').selectOption('tag');
    await page.getByTestId('review-source-tag').selectOption(TAG);
    const grid = page.getByTestId('review-table');
    await expect.poll(() => grid.locator('tbody tr').count()).toBe(1);
    await grid.focus();
    await page.keyboard.press('End');
    await page.keyboard.type('Tracing JIT');
    await page.keyboard.press('Enter');
    await page.keyboard.press('e');
    const picker = page.getByTestId('evidence-picker');
    await picker.waitFor({ timeout: 10_000 });
    expect(await picker.getByRole('option').allTextContents()).toEqual(['p. 2 trace trees', 'No evidence']);
    await page.keyboard.press('Enter');
    await grid.getByTestId('evidence-marker').waitFor({ timeout: 10_000 });
    expect(await grid.getByTestId('evidence-marker').textContent()).toBe('p.2');
    const { rows } = await app.callApi('cells.get', { paperIds: [paperId] });
    expect(rows[0]?.fields).toEqual({ [column.id]: 'Tracing JIT' });
    expect(rows[0]?.evidence).toEqual([{ columnId: column.id, annotationId: annotation.id, page: 2, quote: 'trace trees' }]);
  });
});
