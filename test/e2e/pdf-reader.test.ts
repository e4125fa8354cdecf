import { createHash } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser } from 'playwright-core';
import { afterEach, describe, expect, it } from 'vitest';
import { emptyLibrary, newPaper, type Library } from '../../shared/model/library';
import { finishApp, chromiumPerFile, openApp, screenshotFolder, type BrowserModeApp } from './harness';
import { PdfReaderPage } from './pages/pdf-reader';
import { SiftPage } from './pages/sift-page';

const TRACEMONKEY = fileURLToPath(new URL('../fixtures/pdf/tracemonkey.pdf', import.meta.url));
const TITLE = 'Trace-based Just-in-Time Type Specialization for Dynamic Languages';
const NOW = '2026-02-02T09:00:00.000Z';
const FIRST_LINE = 'Nested loops can be difficult to optimize for tracing VMs. In';
const SECOND_LINE = 'We solve the nested loop problem by recording';

/**
 * A library with the TraceMonkey paper and its PDF, laid out as import-service.ts stores an
 * imported PDF (`attachments/<sha256>.pdf`), plus a paper without one.
 */
async function libraryWithTracemonkey(folder: string): Promise<void> {
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
          title: TITLE,
          year: 2009,
          venue: 'PLDI',
          authors: [{ family: 'Gal', given: 'Andreas' }, { family: 'Eich', given: 'Brendan' }],
          abstract: 'Dynamic languages such as JavaScript are more difficult to compile than statically typed ones.',
          attachments: [{ id: sha256, file: `${sha256}.pdf`, sha256, pages: 14, bytes: bytes.length }],
        },
        NOW,
      ),
      newPaper({ id: 'other', title: 'A paper without a PDF', year: 2020 }, '2026-01-01T00:00:00.000Z'),
    ],
  };
  await writeFile(path.join(folder, 'library.json'), JSON.stringify(library, null, 2));
}

describe('PDF reader in Chromium (browser mode)', () => {
  let browser: Browser;
  let app: BrowserModeApp | undefined;

  chromiumPerFile((launched) => (browser = launched));
  afterEach(async (context) => {
    if (!app) return;
    const errors = await finishApp(app, context);
    app = undefined;
    // No uncaught error, console error or CSP violation (pdf.js's worker and fonts included).
    expect(errors).toEqual([]);
  });

  it('opens a PDF, navigates, finds, highlights a selection, and finds the highlight again after a reload', async () => {
    app = await openApp(browser, { prepareFolder: libraryWithTracemonkey });
    const { page } = app;
    const sift = new SiftPage(page);
    const reader = new PdfReaderPage(page);
    await sift.waitForList();
    await sift.select(TITLE);

    // Opened from the detail pane, by attachment id.
    await page.getByTestId('detail').getByTestId('open-pdf').click();
    await reader.waitOpen(14);
    expect(await reader.currentPage()).toBe(1);
    expect(await page.getByTestId('pdf-page').count()).toBeLessThan(6); // virtualized: only pages near the window

    // Page navigation: the page field, then Page Down and Page Up.
    await reader.goToPage(5);
    await reader.root.getByTestId('pdf-scroll').focus();
    await page.keyboard.press('PageDown');
    await expect.poll(() => reader.currentPage()).toBe(6);
    await page.keyboard.press('PageUp');
    await expect.poll(() => reader.currentPage()).toBe(5);

    // Zoom in and out with the keys, then fit width again.
    const fitted = await reader.zoom();
    await page.keyboard.press('+');
    await expect.poll(() => reader.zoom()).not.toBe(fitted);
    await page.keyboard.press('-');
    await page.keyboard.press('-');
    await reader.root.getByTestId('pdf-fit-width').click();
    await expect.poll(() => reader.zoom()).toBe(fitted);
    expect(await reader.currentPage()).toBe(5);

    // Find in document: matches counted from the current page on, the current one marked, Enter steps.
    await reader.find('trace tree');
    await expect.poll(() => reader.findStatus(), { timeout: 20_000 }).toMatch(/^\d+ of \d+$/);
    const [first, total] = (await reader.findStatus())!.split(' of ').map(Number) as [number, number];
    expect(total).toBeGreaterThan(20);
    expect(first).toBeGreaterThan(1);
    await reader.root.getByTestId('pdf-find-current').first().waitFor({ state: 'visible' });
    expect(await reader.currentPage()).toBeGreaterThanOrEqual(5);
    await page.keyboard.press('Enter');
    await expect.poll(() => reader.findStatus()).toBe(`${first + 1} of ${total}`);
    await page.keyboard.press('Shift+Enter');
    await page.keyboard.press('Shift+Enter');
    await expect.poll(() => reader.findStatus()).toBe(`${first - 1} of ${total}`);
    await page.keyboard.press('Escape');
    await reader.root.getByTestId('pdf-find-bar').waitFor({ state: 'detached' });
    expect(await reader.root.isVisible()).toBe(true);

    // Select a line on the text layer and highlight it in green with a comment and a tag.
    await reader.goToPage(2);
    await reader.selectWithMouse(reader.textSpan(2, FIRST_LINE));
    await reader.popover.getByTestId('highlight-comment').fill('why nesting matters');
    await reader.popover.getByTestId('highlight-tags').fill('method, tracing');
    await reader.popover.getByTestId('highlight-color-green').click();
    await reader.popover.waitFor({ state: 'detached' });
    await expect.poll(() => reader.highlights(2).count()).toBe(1);
    await expect.poll(() => reader.sideList.count()).toBe(1);
    expect(await reader.sideList.first().getByTestId('highlight-quote').textContent()).toBe(FIRST_LINE);

    // Stored in the library: page, rectangles in page units, quote, color, comment, tags.
    await expect.poll(async () => (await app!.readLibrary()).papers.find((paper) => paper.id === 'tracemonkey')?.annotations.length).toBe(1);
    const [stored] = (await app.readLibrary()).papers.find((paper) => paper.id === 'tracemonkey')!.annotations;
    expect(stored).toMatchObject({ page: 2, quote: FIRST_LINE, color: 'green', comment: 'why nesting matters', tags: ['method', 'tracing'] });
    expect(stored!.rects).toHaveLength(1);
    const [x, y, w, h] = stored!.rects[0]!;
    // The line sits in the left column of a US Letter page (612 × 792 units), whatever the zoom was.
    expect(x).toBeGreaterThan(40);
    expect(x + w).toBeLessThan(320);
    expect(y).toBeGreaterThan(60);
    expect(y + h).toBeLessThan(792);
    expect(h).toBeGreaterThan(5);
    expect(h).toBeLessThan(20);

    // A second selection, with its popover open, for the screenshot.
    await reader.selectWithMouse(reader.textSpan(2, SECOND_LINE));
    await page.screenshot({ path: path.join(screenshotFolder, 'pdf-reader.png') });
    await reader.popover.getByTestId('highlight-color-yellow').click();
    await expect.poll(() => reader.highlights(2).count()).toBe(2);

    // The highlight overlay follows the zoom: at 200% it is twice as wide as at 100%.
    const overlayWidth = () => reader.highlights(2).first().locator('.pdf-highlight-rect').first().evaluate((element) => element.getBoundingClientRect().width);
    await reader.zoomTo(100);
    const atHundred = await overlayWidth();
    expect(atHundred).toBeCloseTo(w, 0);
    await reader.zoomTo(200);
    await expect.poll(overlayWidth).toBeCloseTo(atHundred * 2, 0);

    // Reload: the reader comes back with this PDF, and the highlights come back from the library,
    // in the reader and (back in the library) in the detail pane.
    await page.reload();
    await page.getByTestId('pdf-reader').waitFor();
    await expect.poll(() => reader.highlights(2).count()).toBe(2);
    await page.getByTestId('close-view').click();
    await page.getByTestId('pdf-reader').waitFor({ state: 'detached' });
    await sift.waitForList();
    await sift.select(TITLE);
    const detailItems = page.getByTestId('detail').getByTestId('highlight-item');
    await expect.poll(() => detailItems.count()).toBe(2);
    expect(await detailItems.first().getByTestId('highlight-quote').textContent()).toBe(FIRST_LINE);
    expect(await detailItems.first().getByTestId('highlight-page').textContent()).toBe('p. 2');
    expect(await detailItems.first().getByTestId('highlight-item-comment').textContent()).toBe('why nesting matters');
    await sift.dismissToasts();
    await page.getByTestId('detail').screenshot({ path: path.join(screenshotFolder, 'highlights.png') });

    // Clicking a highlight opens the reader at its page and marks it.
    await detailItems.first().getByTestId('highlight-open').click();
    await reader.waitOpen(14);
    await expect.poll(() => reader.currentPage()).toBe(2);
    await expect.poll(() => reader.highlights(2).count()).toBe(2);
    const active = reader.root.locator('.pdf-highlight.active');
    await expect.poll(() => active.getAttribute('data-annotation-id')).toBe(stored!.id);
    // …scrolled into the window.
    const shown = (await active.locator('.pdf-highlight-rect').first().boundingBox())!;
    const window = (await reader.root.getByTestId('pdf-scroll').boundingBox())!;
    expect(shown.y).toBeGreaterThan(window.y);
    expect(shown.y + shown.height).toBeLessThan(window.y + window.height);

    // Copy highlights as Markdown, from the command palette.
    await sift.runCommand('Copy highlights as Markdown');
    await expect
      .poll(() => page.evaluate(() => navigator.clipboard.readText()))
      .toBe(`## ${TITLE}\n\n- "${FIRST_LINE}" (p. 2) — why nesting matters\n- "${SECOND_LINE}" (p. 2)\n`);

    // Esc closes the reader.
    await reader.root.getByTestId('pdf-scroll').focus();
    await page.keyboard.press('Escape');
    await reader.root.waitFor({ state: 'detached' });
  });

  it('edits a highlight\'s color and comment, and deletes it with undo', async () => {
    app = await openApp(browser, { prepareFolder: libraryWithTracemonkey });
    const { page } = app;
    const sift = new SiftPage(page);
    const reader = new PdfReaderPage(page);
    await sift.waitForList();
    await sift.select(TITLE);
    await page.getByTestId('detail').getByTestId('open-pdf').click();
    await reader.waitOpen(14);
    await reader.goToPage(2);
    await reader.selectWithMouse(reader.textSpan(2, FIRST_LINE));
    await reader.popover.getByTestId('highlight-color-blue').click();
    await expect.poll(() => reader.highlights(2).count()).toBe(1);

    // Clicking the highlight on the page opens it for editing.
    const rect = reader.highlights(2).first().locator('.pdf-highlight-rect').first();
    const box = (await rect.boundingBox())!;
    await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
    await reader.popover.waitFor({ state: 'visible' });
    await reader.popover.getByTestId('highlight-color-pink').click();
    await reader.popover.getByTestId('highlight-comment').fill('revisit');
    await reader.popover.getByTestId('highlight-save').click();
    await expect.poll(async () => (await app!.readLibrary()).papers[0]?.annotations[0]).toMatchObject({ color: 'pink', comment: 'revisit' });
    await expect.poll(() => reader.highlights(2).first().getAttribute('class')).toContain('pdf-color-pink');

    // Delete from the side list, then undo from the toast.
    await reader.sideList.first().getByTestId('highlight-edit').click();
    await reader.sideList.first().getByTestId('highlight-delete').click();
    await expect.poll(() => reader.highlights(2).count()).toBe(0);
    await expect.poll(async () => (await app!.readLibrary()).papers[0]?.annotations.length).toBe(0);
    await page.getByTestId('toast').getByRole('button', { name: 'Undo' }).click();
    await expect.poll(() => reader.highlights(2).count()).toBe(1);
    await expect.poll(async () => (await app!.readLibrary()).papers[0]?.annotations[0]).toMatchObject({ page: 2, quote: FIRST_LINE, color: 'pink', comment: 'revisit' });
  });

  it('says clearly when the PDF file is missing from the library folder', async () => {
    app = await openApp(browser, {
      prepareFolder: async (folder) => {
        await libraryWithTracemonkey(folder);
        const { rm, readdir } = await import('node:fs/promises');
        for (const name of await readdir(path.join(folder, 'attachments'))) await rm(path.join(folder, 'attachments', name));
      },
    });
    const sift = new SiftPage(app.page);
    await sift.waitForList();
    await sift.select(TITLE);
    await app.page.getByTestId('detail').getByTestId('open-pdf').click();
    const error = app.page.getByTestId('pdf-error');
    await error.waitFor();
    expect(await error.textContent()).toMatch(/^The PDF is missing from the library folder \(attachments\/[0-9a-f]{64}\.pdf\)/);
  });

  it('ships the data pdf.js reads (character maps, standard fonts, the JPEG 2000 decoder) with the app', async () => {
    app = await openApp(browser, { prepareFolder: libraryWithTracemonkey });
    for (const file of ['pdfjs/cmaps/UniJIS-UCS2-H.bcmap', 'pdfjs/standard_fonts/FoxitSerif.pfb', 'pdfjs/wasm/openjpeg_nowasm_fallback.js']) {
      const response = await fetch(new URL(file, app.url));
      expect(response.status, file).toBe(200);
      expect((await response.arrayBuffer()).byteLength, file).toBeGreaterThan(100);
    }
  });
});
