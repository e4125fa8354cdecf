import { createHash } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterEach, describe, expect, it } from 'vitest';
import { emptyLibrary, newPaper, type Library } from '../../shared/model/library';
import { finishApp, chromiumPerFile, openApp, screenshotFolder, type BrowserModeApp } from './harness';
import { PdfReaderPage } from './pages/pdf-reader';
import { SiftPage } from './pages/sift-page';
import { STARCRAFT, ROCKET, PLASTICITY } from './pages/sample-titles';

const TRACEMONKEY = fileURLToPath(new URL('../fixtures/pdf/tracemonkey.pdf', import.meta.url));
const TRACEMONKEY_TITLE = 'Trace-based Just-in-Time Type Specialization for Dynamic Languages';

/** The dark theme's --bg (#15171b) and the light one's (#f5f4f0), as computed styles report them. */
const DARK_BG = 'rgb(21, 23, 27)';
const LIGHT_BG = 'rgb(245, 244, 240)';

const theme = (page: Page) => page.evaluate(() => document.documentElement.dataset.theme);
const bodyBackground = (page: Page) => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
const shot = (page: Page, name: string) => page.screenshot({ path: path.join(screenshotFolder, name) });

/** What the focused element draws to show it has focus (its outline, or for a few a focus-colored box shadow). */
function focusIndicator(page: Page) {
  return page.evaluate(() => {
    const element = document.activeElement;
    if (!(element instanceof HTMLElement) || element === document.body) return undefined;
    // A list box or grid with a cursor (its active row or cell) draws the ring on the cursor.
    const active = element.getAttribute('aria-activedescendant');
    const cursor = (active && document.getElementById(active)) || element.querySelector(':scope[role="grid"] .cursor');
    const style = getComputedStyle(cursor ?? element);
    const label = element.dataset.testid ?? element.getAttribute('aria-label') ?? `${element.tagName.toLowerCase()}.${element.className}`;
    return {
      label,
      outline: style.outlineStyle !== 'none' && Number.parseFloat(style.outlineWidth) >= 2,
      shadow: style.boxShadow !== 'none',
    };
  });
}

/** The TraceMonkey paper with its PDF, stored as an import stores one (`attachments/<sha256>.pdf`). */
async function libraryWithPdf(folder: string): Promise<void> {
  const bytes = await readFile(TRACEMONKEY);
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  await mkdir(path.join(folder, 'attachments'), { recursive: true });
  await writeFile(path.join(folder, 'attachments', `${sha256}.pdf`), bytes);
  const library: Library = {
    ...emptyLibrary(),
    papers: [
      newPaper(
        {
          id: 'tracemonkey',
          type: 'inproceedings',
          title: TRACEMONKEY_TITLE,
          year: 2009,
          venue: 'PLDI',
          authors: [{ family: 'Gal', given: 'Andreas' }],
          attachments: [{ id: sha256, file: `${sha256}.pdf`, sha256, pages: 14, bytes: bytes.length }],
        },
        '2026-02-02T09:00:00.000Z',
      ),
    ],
  };
  await writeFile(path.join(folder, 'library.json'), JSON.stringify(library, null, 2));
}

describe('Appearance and layout memory in Chromium (browser mode)', () => {
  let browser: Browser;
  let app: BrowserModeApp | undefined;

  chromiumPerFile((launched) => (browser = launched));
  afterEach(async (context) => {
    if (!app) return;
    const errors = await finishApp(app, context);
    app = undefined;
    expect(errors).toEqual([]);
  });

  it('follows the system theme, switches to dark from the palette, and keeps it after a reload', async () => {
    app = await openApp(browser);
    const { page } = app;
    const sift = new SiftPage(page);
    await sift.openSampleLibrary();

    // System (the default) follows the operating system's preference live.
    await page.emulateMedia({ colorScheme: 'light' });
    await expect.poll(() => theme(page)).toBe('light');
    expect(await bodyBackground(page)).toBe(LIGHT_BG);
    await page.emulateMedia({ colorScheme: 'dark' });
    await expect.poll(() => theme(page)).toBe('dark');
    expect(await bodyBackground(page)).toBe(DARK_BG);
    await page.emulateMedia({ colorScheme: 'light' });
    await expect.poll(() => theme(page)).toBe('light');

    // Dark from the palette: it no longer follows the system, and it is remembered.
    await sift.runCommand('Theme: Dark');
    await expect.poll(() => theme(page)).toBe('dark');
    await expect.poll(() => bodyBackground(page)).toBe(DARK_BG);
    await page.emulateMedia({ colorScheme: 'light' });
    expect(await theme(page)).toBe('dark');
    await page.reload();
    await sift.waitForList();
    expect(await theme(page)).toBe('dark');
    expect(await bodyBackground(page)).toBe(DARK_BG);

    // The palette names the current choice; Light, then System again.
    await page.keyboard.press('Control+k');
    await page.getByTestId('palette-input').fill('theme');
    await expect.poll(() => page.getByTestId('palette-item').allTextContents()).toEqual(
      expect.arrayContaining([expect.stringContaining('Theme: Dark (current)'), expect.stringContaining('Theme: Light')]),
    );
    // Fuzzy, word by word in any order, with the shortcut shown.
    const titles = () => page.getByTestId('palette-item').locator('.palette-title').allTextContents();
    await page.getByTestId('palette-input').fill('dark thme');
    await expect.poll(async () => (await titles())[0]).toBe('Theme: Dark (current)');
    await page.getByTestId('palette-input').fill('markdown copy');
    await expect.poll(titles).toContain('Copy review table as Markdown');
    expect(await page.getByTestId('palette-item').filter({ hasText: 'Copy review table as Markdown' }).locator('kbd').allTextContents()).toEqual(['M']);
    await page.keyboard.press('Escape');
    await sift.runCommand('Theme: Light');
    await expect.poll(() => bodyBackground(page)).toBe(LIGHT_BG);
    await sift.runCommand('Theme: System');
    await page.emulateMedia({ colorScheme: 'dark' });
    await expect.poll(() => theme(page)).toBe('dark');
  });

  it('takes the dark screenshots of the main window, compare, review table and screening', async () => {
    app = await openApp(browser, { initScripts: [() => localStorage.setItem('sift.theme', 'dark')] });
    const { page } = app;
    const sift = new SiftPage(page);
    await sift.openSampleLibrary();
    expect(await theme(page)).toBe('dark');

    await sift.search('reinforcement');
    await sift.select(STARCRAFT);
    await expect.poll(() => page.getByTestId('detail-title').textContent()).toBe(STARCRAFT);
    await sift.addTag('games');
    await sift.dismissToasts();
    await shot(page, 'dark-main-window.png');

    await sift.select(ROCKET, ['ControlOrMeta']);
    await sift.select(PLASTICITY, ['ControlOrMeta']);
    await page.getByTestId('paper-list').focus();
    await page.keyboard.press('c');
    await page.locator('.compare-view').waitFor();
    await sift.dismissToasts();
    await shot(page, 'dark-compare.png');
    await page.keyboard.press('Escape');

    await page.keyboard.press('t');
    await page.getByTestId('review-view').waitFor();
    await shot(page, 'dark-review-table.png');
    await page.keyboard.press('Escape');
    await page.getByTestId('review-view').waitFor({ state: 'detached' });

    await page.getByTestId('paper-list').focus();
    await page.keyboard.press('Shift+S');
    await page.getByTestId('screening-abstract').locator('p').first().waitFor();
    await shot(page, 'dark-screening.png');
  });

  it('draws the PDF reader in the dark theme', async () => {
    app = await openApp(browser, { prepareFolder: libraryWithPdf, initScripts: [() => localStorage.setItem('sift.theme', 'dark')] });
    const { page } = app;
    const sift = new SiftPage(page);
    await sift.waitForList();
    await sift.select(TRACEMONKEY_TITLE);
    await page.getByTestId('detail').getByTestId('open-pdf').click();
    await new PdfReaderPage(page).waitOpen(14);
    await shot(page, 'dark-reader.png');
  });

  it('remembers pane widths set with the keyboard, and the open review table, across a reload', async () => {
    app = await openApp(browser);
    const { page } = app;
    const sift = new SiftPage(page);
    await sift.openSampleLibrary();
    const sidebarWidth = () => page.locator('.sidebar').evaluate((element) => element.getBoundingClientRect().width);
    const listWidth = () => page.locator('.list-pane').evaluate((element) => element.getBoundingClientRect().width);
    const sidebarHandle = page.getByRole('separator', { name: 'Resize the sidebar' });
    const listHandle = page.getByRole('separator', { name: 'Resize the paper list' });
    expect(await sidebarHandle.getAttribute('aria-valuenow')).toBe('244');
    expect(await sidebarWidth()).toBe(244);
    expect(await listWidth()).toBe(420);

    await sidebarHandle.focus();
    for (let press = 0; press < 3; press += 1) await page.keyboard.press('ArrowRight');
    await expect.poll(sidebarWidth).toBe(292);
    expect(await sidebarHandle.getAttribute('aria-valuenow')).toBe('292');
    await listHandle.focus();
    await page.keyboard.press('Shift+ArrowLeft');
    await expect.poll(listWidth).toBe(356);
    // Home on the handle is its own (narrowest), not the list's "first paper".
    await page.keyboard.press('Home');
    await expect.poll(listWidth).toBe(280);
    await page.keyboard.press('PageUp');
    await expect.poll(listWidth).toBe(344);

    // A drag moves it too.
    const box = await sidebarHandle.boundingBox();
    if (!box) throw new Error('the sidebar handle is not drawn');
    await page.mouse.move(box.x + box.width / 2, box.y + 200);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width / 2 - 40, box.y + 200, { steps: 4 });
    await page.mouse.up();
    await expect.poll(sidebarWidth).toBe(252);

    await page.keyboard.press('Escape');
    await page.getByTestId('paper-list').focus();
    await page.keyboard.press('t');
    await page.getByTestId('review-view').waitFor();
    await page.reload();
    await page.getByTestId('review-view').waitFor();
    expect(await sidebarWidth()).toBe(252);
    expect(await listWidth()).toBe(344);
    expect(await page.getByRole('separator', { name: 'Resize the paper list', includeHidden: true }).getAttribute('aria-valuenow')).toBe('344');

    // Closed, it stays closed.
    await page.keyboard.press('Escape');
    await page.getByTestId('review-view').waitFor({ state: 'detached' });
    await page.reload();
    await sift.waitForList();
    await page.waitForTimeout(300);
    expect(await page.getByTestId('review-view').count()).toBe(0);
  });

  it('shows a focus ring on every stop when tabbing through the main window, in both themes', async () => {
    app = await openApp(browser);
    const { page } = app;
    const sift = new SiftPage(page);
    await sift.openSampleLibrary();
    await sift.search('starcraft');
    await sift.select(STARCRAFT);
    await page.locator('body').click({ position: { x: 1, y: 1 } });
    for (const choice of ['Light', 'Dark'] as const) {
      await sift.runCommand(`Theme: ${choice}`);
      await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
      const missing: string[] = [];
      const seen: string[] = [];
      for (let press = 0; press < 40; press += 1) {
        await page.keyboard.press('Tab');
        const indicator = await focusIndicator(page);
        if (!indicator) continue;
        seen.push(indicator.label);
        if (!indicator.outline && !indicator.shadow) missing.push(indicator.label);
      }
      expect(seen.length).toBeGreaterThan(20);
      expect(seen).toContain('sidebar-separator');
      expect(missing).toEqual([]);
    }
  });

  it('shows a focus ring on every stop in the compare, review and screening views', async () => {
    app = await openApp(browser, { initScripts: [() => localStorage.setItem('sift.theme', 'dark')] });
    const { page } = app;
    const sift = new SiftPage(page);
    await sift.openSampleLibrary();
    await sift.search('reinforcement');
    await sift.select(STARCRAFT);
    await sift.select(ROCKET, ['ControlOrMeta']);
    const views: Array<[string, string]> = [
      ['c', 'compare-view'],
      ['t', 'review-view'],
      ['Shift+S', 'screening-main'],
    ];
    for (const [key, testId] of views) {
      await page.getByTestId('paper-list').focus();
      await page.keyboard.press(key);
      await page.getByTestId(testId).waitFor();
      const missing: string[] = [];
      let stops = 0;
      for (let press = 0; press < 30; press += 1) {
        await page.keyboard.press('Tab');
        const indicator = await focusIndicator(page);
        if (!indicator) continue;
        stops += 1;
        if (!indicator.outline && !indicator.shadow) missing.push(indicator.label);
      }
      expect(stops, testId).toBeGreaterThan(5);
      expect(missing, testId).toEqual([]);
      await page.getByRole('button', { name: /^Close/ }).first().click();
      await page.getByTestId(testId).waitFor({ state: 'detached' });
    }
  });
});
