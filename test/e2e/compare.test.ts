import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { marked, type Tokens } from 'marked';
import { describe, expect, it } from 'vitest';
import { freshAppPerTest, artifactsFolder, screenshotFolder, type BrowserModeApp } from './harness';
import { STARCRAFT, ROCKET, PLASTICITY } from './pages/sample-titles';
import { SiftPage } from './pages/sift-page';

const NOTE = '**All three** train deep RL agents; only StarCraft II is a *benchmark*.';

describe('Compare (browser mode, fresh library per test)', () => {
  let app: BrowserModeApp;
  let sift: SiftPage;

  freshAppPerTest((opened) => {
    app = opened;
    sift = new SiftPage(opened.page);
  });

  async function compare(titles: readonly string[]) {
    await sift.search('reinforcement learning');
    await sift.select(titles[0]!);
    for (const title of titles.slice(1)) await sift.select(title, ['ControlOrMeta']);
    await app.page.getByTestId('compare-button').click();
    const view = app.page.getByTestId('compare-view');
    await view.waitFor();
    return view;
  }

  it('compares three papers: shared and unique words, similarity, aligned sentences, a note that survives a reload, Markdown', async () => {
    const { page } = app;
    await sift.openSampleLibrary();
    const { column: method } = await app.callApi('columns.save', { name: 'Method', kind: 'text' });
    const view = await compare([STARCRAFT, PLASTICITY, ROCKET]);
    const columns = view.getByTestId('compare-column');
    expect(await columns.count()).toBe(3);
    const ids = await columns.evaluateAll((nodes) => nodes.map((node) => node.getAttribute('data-paper-id') ?? ''));

    // A review-table column is a row of its own once a compared paper has a value in it.
    expect(await view.locator(`[data-row="column-${method.id}"]`).count()).toBe(0);
    await app.callApi('cells.set', { paperId: ids[0]!, columnId: method.id, value: 'benchmark + baselines' });
    await expect.poll(() => view.locator(`[data-row="column-${method.id}"]`).allTextContents()).toEqual(['benchmark + baselines', '—', '—']);

    // Shared words in one highlight, words of one paper only in another.
    await view.getByTestId('shared-term-count').waitFor();
    const shared = view.locator('mark[data-testid="shared-term"]');
    const unique = view.locator('mark[data-testid="unique-term"]');
    expect((await shared.allTextContents()).map((word) => word.toLowerCase())).toEqual(expect.arrayContaining(['reinforcement', 'learning']));
    expect(await unique.count()).toBeGreaterThan(10);
    expect(await shared.first().getAttribute('class')).toContain('shared-term');
    expect(await unique.first().getAttribute('class')).toContain('unique-term');
    expect((await view.getByTestId('shared-term').allTextContents()).map((word) => word.toLowerCase())).not.toContain('the');

    // The similarity of each pair, as the main side's library-weighted model computes it.
    const analysis = await app.callApi('compare.analyze', { paperIds: ids });
    const cells = await view.getByTestId('similarity-value').allTextContents();
    expect(cells).toHaveLength(6);
    expect(cells[0]).toBe(analysis.similarity[0]![1]!.toFixed(2));
    expect(Number(cells[0])).toBeGreaterThan(0);

    // A click on the first paper's second sentence marks its best match in each other column, with the score.
    await columns.nth(0).getByTestId('abstract-sentence').nth(1).click();
    for (const [index, match] of analysis.papers[0]!.sentences[1]!.matches.entries()) {
      const column = columns.nth(index + 1);
      expect(match.sentence).not.toBeNull();
      await expect.poll(() => column.locator('.sentence-aligned').count()).toBe(1);
      expect(await column.getByTestId('abstract-sentence').nth(match.sentence!).getAttribute('class')).toContain('sentence-aligned');
      expect(await column.getByTestId('align-score').textContent()).toBe(match.score.toFixed(2));
    }

    // The comparison note saves as you type.
    await view.getByTestId('comparison-note').fill(NOTE);
    await expect.poll(() => view.getByTestId('comparison-note-state').getAttribute('data-state'), { timeout: 10_000 }).toBe('saved');
    await expect.poll(async () => (await app.callApi('comparisons.get', { paperIds: ids })).comparison?.note).toBe(NOTE);

    // Sentence by sentence: a row per sentence of the first paper, its best match beside it.
    await view.getByTestId('align-sentences').check();
    const firstRow = view.locator('[data-row="sentence-0"]');
    expect(await firstRow.count()).toBe(3);
    const bestOfFirst = analysis.papers[0]!.sentences[0]!.matches[0]!;
    const second = analysis.papers[1]!;
    const abstract = (await app.callApi('papers.get', { ids: [ids[1]!] })).papers[0]!.abstract!;
    const sentence = second.sentences[bestOfFirst.sentence!]!;
    // The sentence's words, without the score badge it may carry while another sentence is active.
    const shown = await firstRow
      .nth(1)
      .getByTestId('abstract-sentence')
      .evaluate((node) => [...node.childNodes].filter((child) => !(child instanceof HTMLElement && child.classList.contains('align-score'))).map((child) => child.textContent).join(''));
    expect(shown).toBe(abstract.slice(sentence.start, sentence.end));
    // For the README: sentence rows, the clicked sentence's row marked across the columns.
    await page.mouse.move(0, 0);
    await view.locator('.compare-scroll').evaluate((node) => node.scrollTo(0, 0));
    await sift.dismissToasts();
    await page.screenshot({ path: path.join(screenshotFolder, 'compare.png') });

    // After a reload the comparison is open again, with its note; closed, the same set (picked in
    // another order) has its note too.
    await page.reload();
    const reopened = page.getByTestId('compare-view');
    await reopened.waitFor();
    expect(await reopened.getByTestId('compare-column').count()).toBe(3);
    await expect.poll(() => reopened.getByTestId('comparison-note').inputValue()).toBe(NOTE);
    await reopened.getByTestId('close-view').click();
    await reopened.waitFor({ state: 'detached' });
    await sift.waitForList();
    const again = await compare([ROCKET, STARCRAFT, PLASTICITY]);
    await expect.poll(() => again.getByTestId('comparison-note').inputValue()).toBe(NOTE);
    expect((await app.readLibrary()).comparisons?.map((comparison) => comparison.note)).toEqual([NOTE]);

    // Copy: a GFM table with the papers as columns and a row per field, then the note.
    await again.getByTestId('copy-comparison').click();
    await expect.poll(() => page.evaluate(() => navigator.clipboard.readText())).toMatch(/^# Comparison of 3 papers/);
    const markdown = await page.evaluate(() => navigator.clipboard.readText());
    const tables = marked.lexer(markdown, { gfm: true }).filter((token): token is Tokens.Table => token.type === 'table');
    expect(tables).toHaveLength(2);
    const [table, similarity] = tables as [Tokens.Table, Tokens.Table];
    expect(table.header.map((cell) => cell.text)).toEqual(['Field', 'Paper 1', 'Paper 2', 'Paper 3']);
    expect(table.rows.map((row) => row[0]?.text)).toEqual(['Title', 'Authors', 'Year', 'Venue', 'Tags', 'Decision', 'Method', 'Abstract', 'Notes']);
    expect(table.rows[0]!.slice(1).map((cell) => cell.text)).toEqual([ROCKET, STARCRAFT, PLASTICITY]);
    expect(table.rows[6]!.slice(1).map((cell) => cell.text)).toEqual(['—', 'benchmark + baselines', '—']);
    expect(similarity.rows).toHaveLength(3);
    expect(markdown.trimEnd().endsWith(NOTE)).toBe(true);
    // The palette's export gives the same file (a download in browser mode).
    const download = page.waitForEvent('download');
    await sift.runCommand('Export comparison as Markdown');
    expect(await readFile((await (await download).path()) ?? '', 'utf8')).toBe(markdown);
    await page.keyboard.press('Escape');
    await again.waitFor({ state: 'detached' });
  });

  it('lists the papers most related to the selected one, and opens one', async () => {
    const { page } = app;
    await sift.openSampleLibrary();
    await sift.search('starcraft');
    await sift.select(STARCRAFT);
    const section = page.getByTestId('related-section');
    const related = section.getByTestId('related-paper');
    await expect.poll(() => related.count()).toBe(10);
    const scores = (await section.getByTestId('related-score').allTextContents()).map(Number);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
    expect(scores[0]).toBeGreaterThan(0);
    const id = (await app.page.getByTestId('paper-row').first().getAttribute('data-paper-id')) ?? '';
    const expected = await app.callApi('papers.related', { paperId: id, limit: 10 });
    expect(await related.evaluateAll((nodes) => nodes.map((node) => node.getAttribute('data-paper-id')))).toEqual(expected.related.map((entry) => entry.id));
    await section.scrollIntoViewIfNeeded();
    await page.screenshot({ path: path.join(artifactsFolder, 'related-papers.png') });
    const firstTitle = (await related.first().locator('.related-title').textContent()) ?? '';
    await related.first().click();
    await expect.poll(() => page.getByTestId('detail-title').textContent()).toBe(firstTitle);
  });
});
