import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { emptyLibrary, type Library } from '../../shared/model/library';
import { samplePapers } from '../helpers/sample-papers';
import { finishApp, chromiumPerFile, openApp, screenshotFolder, type BrowserModeApp } from './harness';
import { SiftPage } from './pages/sift-page';
import { TagsPanel } from './pages/tags-panel';
import { STARCRAFT, ROCKET as LUCY } from './pages/sample-titles';

const SIMPO = 'SimPO: Simple Preference Optimization with a Reference-Free Reward';
const PRECIPICE = 'Deep Reinforcement Learning at the Edge of the Statistical Precipice';

/** Tags on the sample papers, by title: a few overlapping topics, a nested `method/…` family, one pinned tag. */
const TAGGED: Record<string, string[]> = {
  'MaxMin-RLHF': ['rlhf', 'to-read'],
  'MA-RLHF': ['rlhf'],
  'Secrets of RLHF': ['rlhf', 'method/benchmark'],
  'A Minimaximalist Approach': ['rlhf', 'preference-learning'],
  'Preference Learning Algorithms Do Not Learn': ['preference-learning'],
  SimPO: ['preference-learning', 'to-read'],
  'Self-Play Preference Optimization': ['preference-learning'],
  'Cheating Automatic LLM Benchmarks': ['method/benchmark'],
  'Benchmarking Neural Network Training': ['method/benchmark', 'method/survey'],
  'Beyond the Imitation Game': ['method/survey'],
  'Deep Reinforcement Learning at the Edge': ['method', 'games'],
  'StarCraft II': ['games'],
  'Lucy-SKG': ['games'],
  PokerGPT: ['games', 'methods'],
};

function tagsLibrary(): Library {
  const papers = samplePapers().map((paper) => {
    const prefix = Object.keys(TAGGED).find((start) => paper.title.startsWith(start));
    return prefix ? { ...paper, tags: TAGGED[prefix] ?? [] } : paper;
  });
  return {
    ...emptyLibrary(),
    papers,
    tags: [
      { name: 'to-read', color: 'amber', pinned: 1 },
      { name: 'games', color: 'green' },
      { name: 'method', color: 'indigo' },
      { name: 'rlhf', color: 'red' },
      { name: 'preference-learning', color: 'blue' },
    ],
  };
}

describe('Tags and notes in Chromium (browser mode, fresh library per test)', () => {
  let browser: Browser;
  let app: BrowserModeApp;
  let sift: SiftPage;
  let tags: TagsPanel;

  chromiumPerFile((launched) => (browser = launched));
  beforeEach(async () => {
    app = await openApp(browser, { library: tagsLibrary() });
    sift = new SiftPage(app.page);
    tags = new TagsPanel(app.page);
    await sift.waitForList();
  });
  afterEach(async (context) => {
    expect(await finishApp(app, context)).toEqual([]);
  });

  const resultCount = async () => Number(/\d+/.exec((await app.page.getByTestId('result-count').textContent()) ?? '')?.[0]);
  const paperOnDisk = async (title: string) => (await app.readLibrary()).papers.find((paper) => paper.title === title);
  const detailTags = () => app.page.getByTestId('detail').getByTestId('tag-chip').evaluateAll((chips) => chips.map((chip) => chip.getAttribute('data-tag')));

  it('renames a tag onto another: the two merge, counts follow, the target keeps its color', async () => {
    expect(await tags.count('rlhf')).toBe(4);
    expect(await tags.count('preference-learning')).toBe(4);

    const input = await tags.startRename('rlhf', 'preference-learning');
    await expect.poll(() => app.page.getByTestId('tag-rename-hint').textContent()).toMatch(/“preference-learning” exists: Enter merges/);
    await input.press('Enter');

    // The toast first: it leaves after 4 s, which a busy machine can spend waiting for the counts.
    await expect.poll(() => app.page.getByTestId('toast').filter({ hasText: 'Merged “rlhf” into “preference-learning”' }).count()).toBe(1);
    await expect.poll(() => tags.count('rlhf')).toBeUndefined();
    // Seven papers: the one that had both tags counts once.
    await expect.poll(() => tags.count('preference-learning')).toBe(7);

    const library = await app.readLibrary();
    const both = library.papers.find((paper) => paper.title.startsWith('A Minimaximalist Approach'));
    expect(both?.tags).toEqual(['preference-learning']);
    expect(library.papers.filter((paper) => paper.tags.includes('preference-learning'))).toHaveLength(7);
    expect(library.papers.some((paper) => paper.tags.includes('rlhf'))).toBe(false);
    expect(library.tags.find((tag) => tag.name === 'preference-learning')?.color).toBe('blue');
    expect(library.tags.some((tag) => tag.name === 'rlhf')).toBe(false);

    // A plain rename can be undone from its toast.
    await tags.rename('games', 'play');
    await expect.poll(() => tags.count('play')).toBe(4);
    await app.page.getByTestId('toast').filter({ hasText: 'Renamed “games” to “play”' }).getByRole('button', { name: 'Undo' }).click();
    await expect.poll(() => tags.count('games')).toBe(4);
    expect(await tags.count('play')).toBeUndefined();
  });

  it('shows nested tags as a tree; filtering by a parent includes its children', async () => {
    expect(await tags.names()).toEqual(['games', 'method', 'method/benchmark', 'method/survey', 'methods', 'preference-learning', 'rlhf', 'to-read']);
    // Five papers under method: one tagged method itself, four through its children (one has both children).
    expect(await tags.count('method')).toBe(5);
    expect(await tags.item('method/survey').locator('.sidebar-label').textContent()).toBe('survey');

    await tags.filterBy('method');
    await expect.poll(resultCount).toBe(5);
    const titles = await sift.visibleTitles();
    expect(titles).toContain(PRECIPICE);
    expect(titles.some((title) => title.startsWith('Beyond the Imitation Game'))).toBe(true);
    expect(titles.some((title) => title.startsWith('PokerGPT'))).toBe(false);

    await tags.filterBy('method/survey');
    await expect.poll(resultCount).toBe(2);

    await tags.toggleCollapsed('method');
    expect(await tags.names()).toEqual(['games', 'method', 'methods', 'preference-learning', 'rlhf', 'to-read']);
    await tags.toggleCollapsed('method');
    expect(await tags.count('method/survey')).toBe(2);

    // Renaming the parent takes its children along, and the filter follows.
    await tags.filterBy('method');
    await tags.rename('method', 'approach');
    await expect.poll(() => tags.names()).toEqual(['approach', 'approach/benchmark', 'approach/survey', 'games', 'methods', 'preference-learning', 'rlhf', 'to-read']);
    await expect.poll(() => tags.item('approach').getAttribute('aria-pressed')).toBe('true');
    await expect.poll(resultCount).toBe(5);
    expect((await paperOnDisk(PRECIPICE))?.tags).toEqual(['approach', 'games']);
  });

  it('number keys toggle the pinned tags on the selection; pins and colors are set from the tag menu', async () => {
    expect(await tags.pinBadge('to-read')).toBe('1');
    await sift.search('starcraft');
    await sift.select(STARCRAFT);
    await expect.poll(() => app.page.getByTestId('detail-title').textContent()).toBe(STARCRAFT);

    await app.page.keyboard.press('1');
    await expect.poll(detailTags).toEqual(['games', 'to-read']);
    await expect.poll(() => tags.count('to-read')).toBe(3);
    await app.page.keyboard.press('1');
    await expect.poll(detailTags).toEqual(['games']);
    await expect.poll(() => tags.count('to-read')).toBe(2);
    await expect.poll(async () => (await paperOnDisk(STARCRAFT))?.tags).toEqual(['games']);

    // Two papers, one with the tag: on for both; again: off for both.
    await sift.search('');
    await sift.search('title:simpo OR title:starcraft');
    await expect.poll(() => sift.visibleTitles()).toHaveLength(2);
    await sift.select(STARCRAFT);
    await sift.select(SIMPO, ['ControlOrMeta']);
    await app.page.keyboard.press('1');
    await expect.poll(() => tags.count('to-read')).toBe(3);
    await expect.poll(async () => (await paperOnDisk(STARCRAFT))?.tags).toEqual(['games', 'to-read']);
    await app.page.keyboard.press('1');
    await expect.poll(() => tags.count('to-read')).toBe(1);
    await expect.poll(async () => (await paperOnDisk(SIMPO))?.tags).toEqual(['preference-learning']);

    // Pin "games" to 2 from its menu; pinning "rlhf" to 2 then moves "games" out.
    await tags.pin('games', 2);
    await expect.poll(() => tags.pinBadge('games')).toBe('2');
    await sift.select(SIMPO);
    await app.page.keyboard.press('2');
    await expect.poll(detailTags).toEqual(['preference-learning', 'games']);
    await tags.pin('rlhf', 2);
    await expect.poll(() => tags.pinBadge('rlhf')).toBe('2');
    expect(await tags.pinBadge('games')).toBeNull();

    // In the open menu a digit pins to that key.
    await tags.openMenu('preference-learning');
    await app.page.keyboard.press('5');
    await tags.menu.waitFor({ state: 'detached' });
    await expect.poll(() => tags.pinBadge('preference-learning')).toBe('5');

    // The palette lists the pinned keys by their tags' names.
    await app.page.keyboard.press('Control+k');
    await app.page.getByTestId('palette-input').fill('toggle tag');
    await expect
      .poll(() => app.page.getByTestId('palette-item').evaluateAll((items) => items.map((item) => item.querySelector('.palette-title')?.textContent)))
      .toEqual(['Toggle tag “to-read” (pinned to 1)', 'Toggle tag “rlhf” (pinned to 2)', 'Toggle tag “preference-learning” (pinned to 5)']);
    await app.page.keyboard.press('Escape');

    await tags.setColor('games', 'purple');
    await expect.poll(() => tags.item('games').locator('.tag-dot').evaluate((dot) => getComputedStyle(dot).backgroundColor)).toBe('rgb(142, 78, 198)');
    await expect.poll(async () => (await app.readLibrary()).tags.find((tag) => tag.name === 'games')).toEqual({ name: 'games', color: 'purple' });
    const library = await app.readLibrary();
    expect(library.tags.find((tag) => tag.name === 'rlhf')).toEqual({ name: 'rlhf', color: 'red', pinned: 2 });
  });

  it('deletes a tag with its nested tags, and Undo puts them back', async () => {
    await tags.filterBy('method/benchmark');
    await expect.poll(resultCount).toBe(3);
    await tags.delete('method');
    await expect.poll(() => tags.names()).toEqual(['games', 'methods', 'preference-learning', 'rlhf', 'to-read']);
    // The filter on a deleted tag goes with it.
    await expect.poll(resultCount).toBe(66);
    const toast = app.page.getByTestId('toast').filter({ hasText: 'Deleted “method” and 2 nested from 5 papers' });
    await toast.waitFor();
    expect((await app.readLibrary()).papers.some((paper) => paper.tags.some((tag) => tag.startsWith('method/') || tag === 'method'))).toBe(false);

    await toast.getByRole('button', { name: 'Undo' }).click();
    await expect.poll(() => tags.names()).toEqual(['games', 'method', 'method/benchmark', 'method/survey', 'methods', 'preference-learning', 'rlhf', 'to-read']);
    expect(await tags.count('method')).toBe(5);
    expect(await tags.count('method/benchmark')).toBe(3);
    const library = await app.readLibrary();
    expect(library.papers.find((paper) => paper.title.startsWith('Benchmarking Neural Network Training'))?.tags.sort()).toEqual(['method/benchmark', 'method/survey']);
    expect(library.tags.find((tag) => tag.name === 'method')?.color).toBe('indigo');
  });

  it('links a note to another paper with [[ and opens it from the preview', async () => {
    const before = app.page.url();
    await sift.search('starcraft');
    await sift.select(STARCRAFT);
    await app.page.getByTestId('add-note').click();
    const editor = app.page.getByTestId('note-editor').last();
    await editor.focus();
    await app.page.keyboard.type('Same benchmark family as [[reinforcement learning');
    const list = app.page.getByTestId('paper-link-completions');
    await list.waitFor();
    await expect.poll(() => list.getByTestId('paper-link-completions-head').textContent()).toBe('Papers matching “reinforcement learning”');
    await expect.poll(() => list.getByTestId('paper-link-choice').count()).toBe(8);
    // The paper being annotated is never offered.
    expect(await list.locator(`[data-testid="paper-link-choice"]`).evaluateAll((items) => items.map((item) => item.textContent))).not.toContainEqual(
      expect.stringContaining(STARCRAFT),
    );
    await app.page.keyboard.press('Escape');
    await list.waitFor({ state: 'detached' });
    // Esc closed only the list: the editor keeps focus and the text.
    expect(await sift.focusedTestId()).toBe('note-editor');
    await editor.fill('Same benchmark family as ');
    await editor.press('End');
    await app.page.keyboard.type('[[lucy');
    await expect.poll(() => list.getByTestId('paper-link-choice').first().locator('.paper-link-choice-title').textContent()).toBe(LUCY);
    await app.page.keyboard.press('Enter');
    await list.waitFor({ state: 'detached' });
    // Enter pressed before the search answered links the first paper of the answer, not of an older list.
    await app.page.keyboard.type(' and [[statistical precipice');
    await app.page.keyboard.press('Enter');
    await list.waitFor({ state: 'detached' });
    await app.page.keyboard.type('.');

    const papers = (await app.readLibrary()).papers;
    const idOf = (title: string) => papers.find((paper) => paper.title === title)?.id;
    const expected = `Same benchmark family as [${LUCY}](sift:paper/${idOf(LUCY)}) and [${PRECIPICE}](sift:paper/${idOf(PRECIPICE)}).`;
    await expect.poll(() => editor.inputValue()).toBe(expected);
    await expect.poll(() => app.page.getByTestId('save-status').last().textContent(), { timeout: 10_000 }).toMatch(/Saved/);
    await expect.poll(async () => (await paperOnDisk(STARCRAFT))?.notes.map((note) => note.body)).toEqual([expected]);
    await expect.poll(() => app.page.getByTestId('note-created').last().textContent()).toMatch(/^created /);

    const link = app.page.getByTestId('note-preview').last().getByTestId('paper-link').first();
    expect(await link.textContent()).toBe(LUCY);
    expect(await link.getAttribute('href')).toBeNull();
    await link.click();
    // The other paper opens in the detail pane (the search that hid it is cleared); the window never navigates.
    await expect.poll(() => app.page.getByTestId('detail-title').textContent()).toBe(LUCY);
    expect(app.page.url()).toBe(before);
    expect(await app.page.getByTestId('search-input').inputValue()).toBe('');
    expect(await sift.focusedTestId()).toBe('detail-title');
  });

  it('keeps raw HTML, script and javascript: links in a note inert', async () => {
    const before = app.page.url();
    await sift.search('starcraft');
    await sift.select(STARCRAFT);
    const hostile = [
      '<script>window.__pwned = "script"</script>',
      '<img src="x" onerror="window.__pwned = \'img\'">',
      '[click me](javascript:window.__pwned="link")',
      '[data](data:text/html,<script>alert(1)</script>)',
      '<a href="javascript:window.__pwned=\'a\'">raw anchor</a>',
    ].join('\n\n');
    await sift.addNote(hostile);
    const preview = app.page.getByTestId('note-preview').last();
    await expect.poll(() => preview.textContent()).toContain('<script>window.__pwned = "script"</script>');
    expect(await preview.locator('script, img, iframe, a[href^="javascript"], [onerror], [onclick]').count()).toBe(0);
    expect(await preview.locator('a').count()).toBe(0);
    await preview.locator('.unsafe-link').filter({ hasText: 'click me' }).click();
    await preview.getByText('raw anchor').click();
    expect(await app.page.evaluate(() => (window as { __pwned?: string }).__pwned)).toBeUndefined();
    expect(app.page.url()).toBe(before);
    const saved = (await paperOnDisk(STARCRAFT))?.notes[0]?.body;
    expect(saved).toBe(hostile);
  });

  it('takes the screenshots of the tag tree and of a note linking papers', async () => {
    await mkdir(screenshotFolder, { recursive: true });
    await tags.filterBy('method');
    await sift.select(PRECIPICE);
    await tags.openMenu('games');
    await app.page.screenshot({ path: path.join(screenshotFolder, 'tags-sidebar.png') });
    await app.page.keyboard.press('Escape');

    await tags.filterBy('games');
    await sift.select(STARCRAFT);
    await app.page.getByTestId('add-note').click();
    const editor = app.page.getByTestId('note-editor').last();
    await editor.focus();
    await app.page.keyboard.type('**Benchmark**: real-time strategy, partial observability.\n\nCompare with [[lucy');
    const firstChoice = () => app.page.getByTestId('paper-link-choice').first().locator('.paper-link-choice-title').textContent();
    await expect.poll(firstChoice).toBe(LUCY);
    await app.page.keyboard.press('Enter');
    await app.page.keyboard.type(' and [[precipice');
    await expect.poll(firstChoice).toBe(PRECIPICE);
    await app.page.keyboard.press('Enter');
    await app.page.keyboard.type(' for how to report results.\n\nAlso see [[self-play');
    await expect.poll(() => app.page.getByTestId('paper-link-completions-head').textContent()).toBe('Papers matching “self-play”');
    await expect.poll(() => app.page.getByTestId('save-status').last().textContent(), { timeout: 10_000 }).toBe('Saved');
    await sift.dismissToasts();
    await app.page.getByTestId('note-editor').last().scrollIntoViewIfNeeded();
    await app.page.screenshot({ path: path.join(screenshotFolder, 'notes-links.png') });
  });
});
