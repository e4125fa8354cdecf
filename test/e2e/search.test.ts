import { createHash } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { emptyLibrary, newPaper, type Library, type Paper } from '../../shared/model/library';
import { samplePapers } from '../helpers/sample-papers';
import { finishApp, chromiumPerFile, openApp, screenshotFolder, type BrowserModeApp } from './harness';
import { SearchPanel } from './pages/search-panel';
import { SiftPage } from './pages/sift-page';
import { STARCRAFT } from './pages/sample-titles';

const MA_RLHF = 'MA-RLHF: Reinforcement Learning from Human Feedback with Macro Actions';
const ATTENTION = 'Attention Is All You Need';
const PPO = 'Proximal Policy Optimization Algorithms';
const ALPHAGO = 'Mastering the game of Go with deep neural networks and tree search';
const SCALING = 'Scaling Laws for Neural Language Models';

const PDF_BYTES = 'not really a PDF: only its extracted text is searched';
const PDF_SHA = createHash('sha256').update(PDF_BYTES).digest('hex');
/** What import would have extracted from the PDF: pages separated by form feeds. */
const PDF_TEXT = [
  'Scaling Laws for Neural Language Models\nJared Kaplan, Sam McCandlish',
  'We study empirical scaling laws for language model performance.\nThe critical batch size follows a power law in the loss.',
  'References',
].join('\f');

/**
 * The 66 sample papers (given years 2018–2024, which the sample lacks) and four hand-made papers
 * with authors, venues, tags, and for one a PDF whose text is in fulltext/.
 */
function searchLibrary(): Library {
  const now = '2025-01-01T00:00:00.000Z';
  const made = (fields: Pick<Paper, 'id' | 'title'> & Partial<Paper>) => newPaper(fields, now);
  return {
    ...emptyLibrary(),
    papers: [
      ...samplePapers().map((paper, index) => ({ ...paper, year: 2018 + (index % 7) })),
      made({
        id: 'attention',
        title: ATTENTION,
        authors: [
          { family: 'Vaswani', given: 'Ashish' },
          { family: 'Shazeer', given: 'Noam' },
          { family: 'Parmar', given: 'Niki' },
        ],
        year: 2017,
        venue: 'Advances in Neural Information Processing Systems',
        tags: ['transformers', 'to-read'],
        abstract:
          'The dominant sequence transduction models are based on complex recurrent or convolutional neural networks. We propose a new simple network architecture, the Transformer, based solely on attention mechanisms.',
        addedAt: '2025-01-02T00:00:00.000Z',
      }),
      made({
        id: 'ppo',
        title: PPO,
        authors: [
          { family: 'Schulman', given: 'John' },
          { family: 'Wolski', given: 'Filip' },
        ],
        year: 2017,
        venue: 'arXiv',
        tags: ['rl'],
        abstract: 'We propose a new family of policy gradient methods for reinforcement learning.',
        addedAt: '2025-01-03T00:00:00.000Z',
      }),
      made({
        id: 'alphago',
        title: ALPHAGO,
        authors: [
          { family: 'Silver', given: 'David' },
          { family: 'Huang', given: 'Aja' },
        ],
        year: 2016,
        venue: 'Nature',
        tags: ['rl', 'games'],
        abstract: 'The game of Go has long been viewed as the most challenging of classic games for artificial intelligence.',
        addedAt: '2025-01-04T00:00:00.000Z',
      }),
      made({
        id: 'scaling',
        title: SCALING,
        authors: [{ family: 'Kaplan', given: 'Jared' }],
        year: 2020,
        venue: 'arXiv',
        abstract: 'We study empirical scaling laws for language model performance on the cross-entropy loss.',
        attachments: [{ id: 'scaling-pdf', file: `${PDF_SHA}.pdf`, sha256: PDF_SHA, pages: 3, bytes: PDF_BYTES.length }],
        addedAt: '2025-01-05T00:00:00.000Z',
      }),
    ],
  };
}

async function writePdf(folder: string): Promise<void> {
  await mkdir(path.join(folder, 'attachments'), { recursive: true });
  await mkdir(path.join(folder, 'fulltext'), { recursive: true });
  await writeFile(path.join(folder, 'attachments', `${PDF_SHA}.pdf`), PDF_BYTES);
  await writeFile(path.join(folder, 'fulltext', `${PDF_SHA}.txt`), PDF_TEXT);
}

describe('Search in Chromium (browser mode, fresh library per test)', () => {
  let browser: Browser;
  let app: BrowserModeApp;
  let sift: SiftPage;
  let search: SearchPanel;

  chromiumPerFile((launched) => (browser = launched));
  beforeEach(async () => {
    app = await openApp(browser, { library: searchLibrary(), prepareFolder: writePdf });
    sift = new SiftPage(app.page);
    search = new SearchPanel(app.page);
    await sift.waitForList();
  });
  afterEach(async (context) => {
    expect(await finishApp(app, context)).toEqual([]);
  });

  const count = () => app.page.getByTestId('result-count').textContent();

  it('puts the intended paper first for a query with typos and highlights its words from the answer’s ranges', async () => {
    await search.fill('reinforcment lerning starcarft');
    await expect.poll(() => sift.visibleTitles()).toEqual([STARCRAFT]);
    expect(await sift.row(STARCRAFT).getByTestId('row-title').locator('mark').allTextContents()).toEqual(['StarCraft', 'Reinforcement', 'Learning']);

    await search.fill('reinforcment lerning');
    await search.settled();
    expect((await sift.visibleTitles()).length).toBeGreaterThan(10);
    await sift.select(STARCRAFT);
    const detail = app.page.getByTestId('detail');
    await expect.poll(() => detail.getByTestId('detail-title').locator('mark').allTextContents()).toEqual(['Reinforcement', 'Learning']);
    // The abstract arrives with the whole paper, after the title the list already had.
    const abstractMarks = async () => new Set((await detail.getByTestId('detail-abstract').locator('mark').allTextContents()).map((word) => word.toLowerCase()));
    await expect.poll(abstractMarks).toEqual(new Set(['reinforcement', 'learning']));

    // Authors and venue are highlighted too, in the row and in the detail pane.
    await search.fill('vaswani neural information');
    await expect.poll(() => sift.visibleTitles()).toEqual([ATTENTION]);
    expect(await sift.row(ATTENTION).getByTestId('row-meta').locator('mark').allTextContents()).toEqual(['Vaswani', 'Neural', 'Information']);
    await sift.select(ATTENTION);
    await expect.poll(() => detail.getByTestId('detail-authors').locator('mark').allTextContents()).toEqual(['Vaswani']);
    await expect.poll(() => detail.getByTestId('detail-venue').locator('mark').allTextContents()).toEqual(['Neural', 'Information']);
    await expect.poll(() => detail.getByTestId('detail-abstract').locator('mark').allTextContents()).toEqual(['neural']);

    await search.fill('reinforcment lerning');
    await search.settled();
    await sift.select(STARCRAFT);
    await sift.dismissToasts();
    await app.page.screenshot({ path: path.join(screenshotFolder, 'search-results.png') });
  });

  it('narrows the list with field queries, combines them with the sidebar, and sorts', async () => {
    await search.fill('year:2017');
    await expect.poll(() => sift.visibleTitles()).toEqual([PPO, ATTENTION]);
    expect(await count()).toMatch(/^2 of 70/);

    await search.fill('tag:rl');
    await expect.poll(() => sift.visibleTitles()).toEqual([ALPHAGO, PPO]);
    await search.sortBy('year-asc');
    await expect.poll(() => sift.visibleTitles()).toEqual([ALPHAGO, PPO]);
    await search.sortBy('year-desc');
    await expect.poll(() => sift.visibleTitles()).toEqual([PPO, ALPHAGO]);
    await search.sortBy('title');
    await expect.poll(() => sift.visibleTitles()).toEqual([ALPHAGO, PPO]);

    // With no query, the sort orders the whole library: 2024's papers first, 2016's last.
    await search.fill('');
    await search.sortBy('year-asc');
    await expect.poll(async () => (await sift.visibleTitles())[0]).toBe(ALPHAGO);
    await search.sortBy('relevance');

    // A sidebar filter narrows the search without touching the typed text.
    await search.fill('deep');
    await search.settled();
    expect((await sift.visibleTitles()).length).toBeGreaterThan(1);
    await app.page.locator('[data-testid="sidebar-tag"][data-tag="games"]').click();
    await expect.poll(() => sift.visibleTitles()).toEqual([ALPHAGO]);
    expect(await search.input.inputValue()).toBe('deep');
  });

  it('suggests field names, tags and values, with keyboard and ARIA combobox semantics', async () => {
    await search.type('ti');
    await expect.poll(() => search.completionLabels()).toEqual(['title:']);
    expect(await search.input.getAttribute('role')).toBe('combobox');
    expect(await search.input.getAttribute('aria-expanded')).toBe('true');
    const listbox = app.page.getByRole('listbox', { name: 'Suggestions' });
    expect(await listbox.getAttribute('id')).toBe(await search.input.getAttribute('aria-controls'));
    expect(await search.input.getAttribute('aria-activedescendant')).toBe(await search.completions.first().getAttribute('id'));
    await app.page.keyboard.press('Tab');
    expect(await search.input.inputValue()).toBe('title:');
    await expect.poll(() => search.completions.count()).toBe(0);

    await app.page.keyboard.type('attention tag:');
    await expect.poll(() => search.completionLabels()).toEqual(['games', 'rl', 'to-read', 'transformers']);
    await sift.dismissToasts();
    await app.page.screenshot({ path: path.join(screenshotFolder, 'search-autocomplete.png') });
    await app.page.keyboard.type('t');
    await expect.poll(() => search.completionLabels()).toEqual(['to-read', 'transformers']);
    await app.page.keyboard.press('ArrowDown');
    await app.page.keyboard.press('Enter');
    expect(await search.input.inputValue()).toBe('title:attention tag:transformers ');
    await expect.poll(() => sift.visibleTitles()).toEqual([ATTENTION]);

    await app.page.keyboard.type('venue:adv');
    await expect.poll(() => search.completionLabels()).toEqual(['Advances in Neural Information Processing Systems']);
    await app.page.keyboard.press('Enter');
    expect(await search.input.inputValue()).toBe('title:attention tag:transformers venue:"Advances in Neural Information Processing Systems" ');
    await expect.poll(() => sift.visibleTitles()).toEqual([ATTENTION]);

    await app.page.keyboard.type('status:re');
    await expect.poll(() => search.completionLabels()).toEqual(['reading', 'read', 'unread']);
    await app.page.keyboard.press('Escape');
    await expect.poll(() => search.input.getAttribute('aria-expanded')).toBe('false');
    // Esc closed the suggestions only; the box still has the focus.
    expect(await sift.focusedTestId()).toBe('search-input');
    await app.page.keyboard.press('Control+Space');
    await expect.poll(() => search.completionLabels()).toEqual(['reading', 'read', 'unread']);
    await app.page.keyboard.press('Escape');
    await app.page.keyboard.press('Escape');
    await expect.poll(() => sift.focusedTestId()).toBe('paper-list');
  });

  it('opens the syntax help from ?, and an example goes into the box', async () => {
    await app.page.getByTestId('syntax-help-button').click();
    const help = app.page.getByTestId('syntax-help');
    await help.waitFor();
    expect(await help.getByRole('row').count()).toBeGreaterThanOrEqual(10);
    expect(await help.textContent()).toContain('year:2020..2024');
    await sift.dismissToasts();
    await app.page.screenshot({ path: path.join(screenshotFolder, 'search-syntax-help.png') });
    await help.getByTestId('syntax-example').filter({ hasText: 'year:2020..2024' }).click();
    await help.waitFor({ state: 'detached' });
    expect(await search.input.inputValue()).toBe('year:2020..2024');
    expect(await sift.focusedTestId()).toBe('search-input');
    await search.settled();
    expect(await count()).toMatch(/^\d+ of 70/);

    await app.page.getByTestId('syntax-help-button').click();
    await help.waitFor();
    await app.page.keyboard.press('Escape');
    await help.waitFor({ state: 'detached' });
  });

  it('shows what the query got wrong under the box and marks it in the box', async () => {
    await search.fill('policy year:>=20x');
    await expect.poll(() => search.hints.count()).toBe(1);
    expect(await search.hints.first().textContent()).toContain('is not a year');
    expect(await app.page.getByTestId('search-hint-mark').textContent()).toBe('>=20x');
    expect(await search.input.getAttribute('aria-invalid')).toBe('true');
    await search.fill('policy year:>=2017');
    await expect.poll(() => search.hints.count()).toBe(0);
    expect(await app.page.getByTestId('search-hint-mark').count()).toBe(0);
  });

  it('saves a search in the sidebar with a live count, runs it, renames and deletes it', async () => {
    await search.fill('tag:rl');
    await search.settled();
    await search.save('RL papers');
    await expect.poll(() => search.savedCount('RL papers')).toBe(2);
    expect((await app.readLibrary()).savedSearches).toEqual([expect.objectContaining({ name: 'RL papers', query: 'tag:rl' })]);

    // Tagging a paper changes the count.
    await search.fill('attention');
    await sift.select(ATTENTION);
    await sift.addTag('rl');
    await expect.poll(() => search.savedCount('RL papers')).toBe(3);

    // Clicking it runs it.
    await app.page.keyboard.press('Escape');
    await expect.poll(() => sift.focusedTestId()).toBe('paper-list');
    await app.page.keyboard.press('x');
    await expect.poll(() => search.input.inputValue()).toBe('');
    await search.savedSearch('RL papers').getByTestId('saved-search').click();
    expect(await search.input.inputValue()).toBe('tag:rl');
    await expect.poll(async () => (await sift.visibleTitles()).sort()).toEqual([ALPHAGO, ATTENTION, PPO].sort());
    expect(await search.savedSearch('RL papers').getByTestId('saved-search').getAttribute('aria-pressed')).toBe('true');

    // The palette saves too.
    await search.fill('year:2017');
    await sift.runCommand('Save search…');
    await app.page.getByTestId('saved-search-dialog').waitFor();
    await app.page.getByTestId('saved-search-name').fill('2017');
    await app.page.keyboard.press('Enter');
    await expect.poll(() => search.savedCount('2017')).toBe(2);
    await sift.dismissToasts();
    await app.page.screenshot({ path: path.join(screenshotFolder, 'search-saved.png') });

    // Rename, then delete.
    await search.savedSearch('RL papers').hover();
    await search.savedSearch('RL papers').getByTestId('saved-search-edit').click();
    await app.page.getByTestId('saved-search-name').fill('Reinforcement learning');
    await app.page.getByTestId('saved-search-submit').click();
    await expect.poll(() => search.savedSearches.allTextContents()).toEqual(['Reinforcement learning3', '20172']);
    await search.savedSearch('Reinforcement learning').hover();
    await search.savedSearch('Reinforcement learning').getByTestId('saved-search-delete').click();
    await expect.poll(() => search.savedSearches.count()).toBe(1);
    await expect.poll(async () => (await app.readLibrary()).savedSearches.map((saved) => saved.name)).toEqual(['2017']);
  });

  it('ends with the results of the whole query when it is typed as fast as the keyboard goes', async () => {
    const query = 'reinforcement learning from human feedback macro actions';
    await search.type(query);
    expect(await search.input.inputValue()).toBe(query);
    await search.settled();
    const expected = await app.callApi('search.query', { query, limit: 0, allIds: true });
    await expect.poll(() => sift.visibleTitles()).toEqual([MA_RLHF]);
    expect(expected.total).toBe(1);
    expect(await count()).toMatch(/^1 of 70/);
    expect(await sift.row(MA_RLHF).getByTestId('row-title').locator('mark').count()).toBeGreaterThanOrEqual(6);
  });

  it('searches inside PDFs: the page and a snippet with the match under the title', async () => {
    await search.fill('critical batch');
    await search.settled();
    expect(await sift.visibleTitles()).not.toContain(SCALING);
    await app.page.getByTestId('fulltext-toggle').check();
    await expect.poll(() => sift.visibleTitles()).toContain(SCALING);
    const row = sift.row(SCALING);
    expect(await row.getByTestId('fulltext-page').textContent()).toBe('p. 2');
    expect(await row.getByTestId('fulltext-snippet').textContent()).toContain('The critical batch size follows a power law');
    // The words were found together in the PDF, so the whole phrase is marked.
    expect(await row.getByTestId('fulltext-snippet').locator('mark').allTextContents()).toEqual(['critical batch']);
    await sift.select(SCALING);
    await sift.dismissToasts();
    await app.page.screenshot({ path: path.join(screenshotFolder, 'search-fulltext.png') });
  });
});
