import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { librarySchema } from '../../shared/model/library';
import { describe, expect, it } from 'vitest';
import { freshAppPerTest, screenshotFolder, type BrowserModeApp } from './harness';
import { STARCRAFT, ROCKET, PLASTICITY } from './pages/sample-titles';
import { SiftPage } from './pages/sift-page';
import { parseTable } from '../helpers/gfm-table';


describe('Sift in Chromium (browser mode, fresh library per test)', () => {
  let app: BrowserModeApp;
  let sift: SiftPage;

  freshAppPerTest((opened) => {
    app = opened;
    sift = new SiftPage(opened.page);
  });

  it('offers the sample library on first run and opens it', async () => {
    await app.page.getByTestId('open-sample').waitFor();
    await app.page.screenshot({ path: path.join(screenshotFolder, 'welcome.png') });
    await sift.openSampleLibrary();
    await expect.poll(() => app.page.getByTestId('result-count').textContent()).toMatch(/66/);
    expect((await app.readLibrary()).papers).toHaveLength(66);
  });

  it('finds papers through typos and highlights the matches', async () => {
    await sift.openSampleLibrary();
    await sift.search('reinforcment lerning');
    await expect.poll(() => sift.visibleTitles()).toContain(STARCRAFT);
    const titles = await sift.visibleTitles();
    expect(titles.every((title) => title.length > 0)).toBe(true);
    const marks = await sift.row(STARCRAFT).locator('mark').allTextContents();
    expect(marks).toEqual(['Reinforcement', 'Learning']);
    await sift.search('starcarft');
    await expect.poll(() => sift.visibleTitles()).toEqual([STARCRAFT]);
  });

  it('tags a paper, writes a note, and both are in library.json after a reload', async () => {
    await sift.openSampleLibrary();
    await sift.search('starcraft');
    await sift.select(STARCRAFT);
    await expect.poll(() => app.page.getByTestId('detail-title').textContent()).toBe(STARCRAFT);
    await sift.addTag('games');
    await app.page.getByTestId('tag-chip').filter({ hasText: 'games' }).waitFor();
    await sift.addNote('Benchmark **environment**; compare with [Lucy-SKG](https://arxiv.org/abs/2305.15836).');
    await expect.poll(() => app.page.getByTestId('note-preview').last().locator('strong').textContent()).toBe('environment');

    await app.page.reload();
    await sift.waitForList();
    await sift.search('starcraft');
    await sift.select(STARCRAFT);
    await app.page.getByTestId('tag-chip').filter({ hasText: 'games' }).waitFor();
    expect(await app.page.getByTestId('note-editor').last().inputValue()).toBe(
      'Benchmark **environment**; compare with [Lucy-SKG](https://arxiv.org/abs/2305.15836).',
    );
    await sift.page.getByTestId('sidebar-tag').filter({ hasText: 'games' }).waitFor();

    const library = await app.readLibrary();
    const paper = library.papers.find((candidate) => candidate.title === STARCRAFT);
    expect(paper?.tags).toEqual(['games']);
    expect(paper?.notes.map((note) => note.body)).toEqual(['Benchmark **environment**; compare with [Lucy-SKG](https://arxiv.org/abs/2305.15836).']);
    // Edits are durable in the journal at once; within seconds of the last edit they are folded into library.json itself.
    await expect
      .poll(async () => {
        const file = librarySchema.parse(JSON.parse(await readFile(path.join(app.libraryFolder, 'library.json'), 'utf8')));
        return file.papers.find((candidate) => candidate.title === STARCRAFT)?.tags;
      }, { timeout: 15_000, interval: 250 })
      .toEqual(['games']);
  });

  it('tags a multi-selection and filters by the tag in the sidebar', async () => {
    await sift.openSampleLibrary();
    await sift.search('reinforcement learning');
    await sift.select(STARCRAFT);
    await sift.select(ROCKET, ['ControlOrMeta']);
    await expect.poll(() => app.page.getByTestId('detail').textContent()).toMatch(/2 papers selected/);
    await sift.addTag('rl-games');
    await app.page.keyboard.press('Escape');
    await sift.search('');
    await app.page.getByTestId('sidebar-tag').filter({ hasText: 'rl-games' }).click();
    await expect.poll(async () => (await sift.visibleTitles()).sort()).toEqual([ROCKET, STARCRAFT].sort());
    const library = await app.readLibrary();
    expect(library.papers.filter((paper) => paper.tags.includes('rl-games')).map((paper) => paper.title).sort()).toEqual([ROCKET, STARCRAFT].sort());
  });

  it('compares two papers side by side with shared words highlighted', async () => {
    await sift.openSampleLibrary();
    await sift.search('reinforcement learning');
    await sift.select(STARCRAFT);
    await sift.select(PLASTICITY, ['ControlOrMeta']);
    await app.page.getByTestId('compare-button').click();
    const view = app.page.getByTestId('compare-view');
    await view.waitFor();
    expect(await view.getByTestId('compare-column').count()).toBe(2);
    // The analysis arrives from the main side after the columns are drawn.
    await view.getByTestId('shared-term').first().waitFor();
    const shared = (await view.getByTestId('shared-term').allTextContents()).map((word) => word.toLowerCase());
    expect(shared).toContain('reinforcement');
    expect(shared).toContain('learning');
    expect(shared).not.toContain('the');
    await app.page.keyboard.press('Escape');
    await view.waitFor({ state: 'detached' });
  });

  it('copies the review table as a valid GFM Markdown table', async () => {
    await sift.openSampleLibrary();
    await sift.search('starcraft');
    await sift.select(STARCRAFT);
    await sift.addTag('games | benchmarks');
    await sift.search('reinforcement learning');
    await app.page.getByTestId('review-button').click();
    await app.page.getByTestId('review-table').waitFor();
    await app.page.getByTestId('copy-markdown').click();
    await expect.poll(() => app.page.evaluate(() => navigator.clipboard.readText())).toMatch(/^\| Title \|/);
    const markdown = await app.page.evaluate(() => navigator.clipboard.readText());
    const table = parseTable(markdown);
    expect(table.header.map((cell) => cell.text)).toEqual(['Title', 'Authors', 'Year', 'Venue', 'Tags', 'Status']);
    const htmlRows = await app.page.getByTestId('review-table').locator('tbody tr').count();
    expect(table.rows).toHaveLength(htmlRows);
    const starcraftRow = table.rows.find((row) => row[0]?.text === STARCRAFT);
    expect(starcraftRow?.[4]?.text).toBe('games | benchmarks');
    expect(starcraftRow).toHaveLength(6);

    const download = app.page.waitForEvent('download');
    await app.page.getByTestId('export-markdown').click();
    const file = await (await download).path();
    expect(await readFile(file, 'utf8')).toBe(markdown);
  });

  it('is keyboard-driven: / searches, arrows move, Enter opens, Ctrl+K lists every action', async () => {
    await sift.openSampleLibrary();
    await app.page.keyboard.press('/');
    await expect.poll(() => sift.focusedTestId()).toBe('search-input');
    await app.page.keyboard.type('reinforcement learning');
    // Wait for the search of the whole query, not of a prefix typed so far, before moving through the list.
    const { total } = await app.callApi('search.query', { query: 'reinforcement learning', limit: 0 });
    expect(total).toBeGreaterThan(10);
    await expect.poll(() => app.page.getByTestId('result-count').textContent()).toMatch(new RegExp(`^${total} of 66`));
    await app.page.keyboard.press('Escape');
    await app.page.getByTestId('paper-list').focus();
    const titles = await sift.visibleTitles();
    await app.page.keyboard.press('Home');
    await expect.poll(() => sift.rows.and(app.page.locator('[aria-selected="true"]')).getByTestId('row-title').textContent()).toBe(titles[0]);
    await app.page.keyboard.press('ArrowDown');
    await expect.poll(() => sift.rows.and(app.page.locator('[aria-selected="true"]')).getByTestId('row-title').textContent()).toBe(titles[1]);
    await app.page.keyboard.press('Enter');
    await expect.poll(() => app.page.getByTestId('detail-title').textContent()).toBe(titles[1]);

    await app.page.keyboard.press('Control+k');
    const palette = app.page.getByTestId('palette');
    await palette.waitFor();
    const actions = await palette.getByTestId('palette-item').allTextContents();
    expect(actions.length).toBeGreaterThanOrEqual(10);
    await app.page.getByTestId('palette-input').fill('review');
    await app.page.keyboard.press('Enter');
    await app.page.getByTestId('review-view').waitFor();
  });

  it('takes the main-window screenshot for the README', async () => {
    await sift.openSampleLibrary();
    await sift.search('starcraft');
    await sift.select(STARCRAFT);
    await sift.addTag('games');
    await sift.addTag('benchmarks');
    await sift.addNote('A classic **benchmark** for multi-agent RL.');
    await sift.search('reinforcment lerning');
    await sift.select(STARCRAFT);
    await sift.dismissToasts();
    await app.page.getByTestId('detail-title').evaluate((title) => title.scrollIntoView({ block: 'end' }));
    await app.page.screenshot({ path: path.join(screenshotFolder, 'main-window.png') });
  });
});
