import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { emptyLibrary, type Library, type Paper, type ReadStatus } from '../../shared/model/library';
import { samplePapers } from '../helpers/sample-papers';
import { chromiumPerFile, finishApp, openApp, screenshotFolder, type BrowserModeApp } from './harness';
import { SiftPage } from './pages/sift-page';

/** How many of the 66 sample papers get each year; the last 4 get none. */
const papersPerYear: ReadonlyArray<[number, number]> = [
  [2017, 2],
  [2018, 3],
  [2019, 5],
  [2020, 7],
  [2021, 9],
  [2022, 12],
  [2023, 14],
  [2024, 10],
];
const venues = ['NeurIPS', 'ICML', 'ICLR', 'ACL', 'neurips ', 'EMNLP', 'NeurIPS', 'ICLR', 'Nature Machine Intelligence', 'TMLR', 'AAAI'];
const tagSets = [['alignment', 'method/rlhf'], ['method/dpo'], ['evaluation'], ['alignment', 'method/rlhf', 'to read'], ['survey'], ['agents'], ['alignment']];
const statuses: ReadStatus[] = ['read', 'unread', 'reading', 'unread', 'read', 'unread'];

/**
 * The sample papers (titles and abstracts only) given years, venues, tags and reading status in a
 * fixed pattern, so that every chart has something to show.
 */
function dashboardLibrary(): Library {
  const years = papersPerYear.flatMap(([year, count]) => Array.from({ length: count }, () => year));
  const papers: Paper[] = samplePapers().map((paper, index) => {
    const year = years[index];
    return {
      ...paper,
      ...(year !== undefined ? { year } : {}),
      ...(index % 9 !== 8 ? { venue: venues[index % venues.length] } : {}),
      tags: tagSets[index % tagSets.length] ?? [],
      status: statuses[index % statuses.length] ?? 'unread',
    };
  });
  return { ...emptyLibrary(), papers };
}

describe('The library dashboard in Chromium (browser mode, fresh library per test)', () => {
  let browser: Browser;
  let app: BrowserModeApp;
  let sift: SiftPage;

  chromiumPerFile((launched) => (browser = launched));
  beforeEach(async () => {
    app = await openApp(browser, { library: dashboardLibrary() });
    sift = new SiftPage(app.page);
    await sift.waitForList();
  });
  afterEach(async (context) => {
    expect(await finishApp(app, context)).toEqual([]);
  });

  it('charts the library, screening included; a year bar filters the list; charts save as SVG and PNG', async () => {
    const { page } = app;
    const { criteria } = await app.callApi('screening.criteria.set', {
      reasons: [{ label: 'Off topic' }, { label: 'Evaluation only' }],
      includeKeywords: [],
      excludeKeywords: [],
    });
    const ids = (await app.readLibrary()).papers.map((paper) => paper.id);
    const pick = (indexes: number[]) => indexes.map((index) => ids[index] ?? '');
    await app.callApi('screening.decide', { paperIds: pick([0, 3, 5, 6, 9, 12]), decision: 'include' });
    await app.callApi('screening.decide', { paperIds: pick([7, 10, 20]), decision: 'maybe' });
    await app.callApi('screening.decide', { paperIds: pick([1, 4, 8]), decision: 'exclude', reasonId: criteria.reasons[0]?.id ?? '' });
    await app.callApi('screening.decide', { paperIds: pick([2]), decision: 'exclude', reasonId: criteria.reasons[1]?.id ?? '' });

    // Ctrl+Shift+D from the list opens it; Esc closes it; the toolbar button opens it again.
    await page.getByTestId('paper-list').focus().catch(() => undefined);
    await page.keyboard.press('Control+Shift+D');
    const view = page.getByTestId('dashboard-view');
    await view.waitFor();
    await page.keyboard.press('Escape');
    await view.waitFor({ state: 'detached' });
    await page.getByTestId('dashboard-button').click();
    await view.waitFor();

    // The year bars are the library's years, with their counts; the papers without a year are told apart.
    const yearBars = view.getByTestId('year-bar');
    await expect.poll(() => yearBars.count()).toBe(papersPerYear.length);
    const bars = await yearBars.evaluateAll((rects) => rects.map((rect) => [Number(rect.getAttribute('data-label')), Number(rect.getAttribute('data-count'))]));
    expect(bars).toEqual(papersPerYear);
    const library = await app.readLibrary();
    for (const [year, count] of bars) expect(library.papers.filter((paper) => paper.year === year)).toHaveLength(count ?? -1);
    expect(await view.getByTestId('dashboard-papers-per-year').textContent()).toContain('4 papers without a year');

    // Top tags: a parent counts the papers of its nested tags; venues are grouped without case or spaces.
    const labelled = (testId: string) => view.getByTestId(testId).evaluateAll((rects) => rects.map((rect) => `${rect.getAttribute('data-label')}=${rect.getAttribute('data-count')}`));
    expect((await labelled('tag-bar')).slice(0, 3)).toEqual(['method=29', 'alignment=28', 'method/rlhf=19']);
    expect((await labelled('venue-bar'))[0]).toBe('NeurIPS=15');
    expect(await view.getByTestId('status-legend').allTextContents()).toEqual(['Unread3350%', 'Reading1117%', 'Read2233%']);

    // Screening: the PRISMA flow and the exclusions by reason.
    expect(await view.getByTestId('flow-identified').textContent()).toBe('66');
    expect(await view.getByTestId('flow-screened').textContent()).toBe('13');
    expect(await view.getByTestId('flow-include').textContent()).toBe('6');
    expect(await view.getByTestId('flow-maybe').textContent()).toBe('3');
    expect(await view.getByTestId('flow-exclude').textContent()).toBe('4');
    expect(await labelled('reason-bar')).toEqual(['E1 Off topic=3', 'E2 Evaluation only=1']);

    await sift.dismissToasts();
    await page.mouse.move(0, 0);
    await page.screenshot({ path: path.join(screenshotFolder, 'dashboard.png') });

    // Export SVG: a standalone drawing with the bars, colours inlined (browser mode downloads it).
    const yearCard = view.getByTestId('dashboard-papers-per-year');
    const svgDownload = page.waitForEvent('download');
    await yearCard.getByTestId('export-svg').click();
    const svgFile = await svgDownload;
    expect(svgFile.suggestedFilename()).toBe('papers-per-year.svg');
    const svgText = await readFile((await svgFile.path()) ?? '', 'utf8');
    const parsed = await page.evaluate((text) => {
      const document = new DOMParser().parseFromString(text, 'image/svg+xml');
      const bars = [...document.querySelectorAll('[data-testid="year-bar"]')];
      return {
        error: document.querySelector('parsererror')?.textContent ?? null,
        root: document.documentElement.localName,
        title: document.querySelector('title')?.textContent,
        bars: bars.map((bar) => bar.getAttribute('data-count')),
        fills: [...new Set(bars.map((bar) => bar.getAttribute('fill')))],
        styled: document.querySelectorAll('[style]').length,
      };
    }, svgText);
    expect(parsed).toMatchObject({ error: null, root: 'svg', title: 'Papers per year', bars: papersPerYear.map(([, count]) => String(count)), styled: 0 });
    expect(parsed.fills).toHaveLength(1);
    expect(parsed.fills[0]).toMatch(/^rgb/);

    // Export PNG: a real PNG of a fair size.
    const pngDownload = page.waitForEvent('download');
    await yearCard.getByTestId('export-png').click();
    const pngFile = await pngDownload;
    expect(pngFile.suggestedFilename()).toBe('papers-per-year.png');
    const png = await readFile((await pngFile.path()) ?? '');
    expect([...png.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    expect(png.length).toBeGreaterThan(5_000);
    // Its width and height (IHDR) are twice the chart's, for sharp slides.
    const box = await yearCard.locator('.recharts-wrapper > svg').boundingBox();
    expect(png.readUInt32BE(16)).toBe(Math.round((box?.width ?? 0) * 2));

    // A click on the 2023 bar lists 2023's papers and closes the dashboard.
    await view.locator('[data-testid="year-bar"][data-label="2023"]').click();
    await view.waitFor({ state: 'detached' });
    expect(await page.getByTestId('search-input').inputValue()).toBe('year:2023');
    await expect.poll(() => page.getByTestId('result-count').textContent()).toBe('14 of 66 papers');
    const titles2023 = new Set(library.papers.filter((paper) => paper.year === 2023).map((paper) => paper.title));
    for (const title of await sift.visibleTitles()) expect(titles2023.has(title)).toBe(true);
  });

  it('shows a library of bare titles (no years, tags or venues) as deliberate empty cards, not broken charts', async () => {
    await finishApp(app, { task: { name: 'bare titles', result: { state: 'pass' } } });
    app = await openApp(browser, { library: { ...emptyLibrary(), papers: samplePapers() } });
    sift = new SiftPage(app.page);
    await sift.waitForList();
    await app.page.getByTestId('dashboard-button').click();
    const view = app.page.getByTestId('dashboard-view');
    await expect.poll(() => view.getByTestId('dashboard-summary').textContent()).toContain('66 papers');
    const empty = (id: string) => view.getByTestId(`dashboard-${id}`).locator('.dashboard-empty').textContent();
    expect(await empty('papers-per-year')).toBe('None of the 66 papers has a year yet.');
    expect(await empty('top-tags')).toContain('No tags yet');
    expect(await empty('top-venues')).toBe('No paper has a venue yet.');
    expect(await empty('exclusion-reasons')).toContain('No paper is excluded yet');
    // Only the charts with something to show offer exports: reading status and import sources.
    expect(await view.getByTestId('export-svg').count()).toBe(2);
    expect(await view.getByTestId('year-bar').count()).toBe(0);
    expect(await view.getByTestId('flow-identified').textContent()).toBe('66');
  });
});
