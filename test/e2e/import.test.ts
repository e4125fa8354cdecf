import { createHash } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser } from 'playwright-core';
import { afterEach, describe, expect, it } from 'vitest';
import { emptyLibrary, newPaper, type Library, type Paper } from '../../shared/model/library';
import { arxivListingPage } from '../helpers/arxiv-listing';
import { samplePapers } from '../helpers/sample-papers';
import { finishApp, chromiumPerFile, openApp, screenshotFolder, type BrowserModeApp, type OpenAppOptions } from './harness';
import { ImportDialogPage } from './pages/import-dialog';
import { SiftPage } from './pages/sift-page';

const fixtures = fileURLToPath(new URL('../fixtures/', import.meta.url));
const fixture = (name: string) => path.join(fixtures, name);

const LENS = 'ris/lens-export-100.ris';
const D2L = 'bibtex/d2l.bib';
const ZOTERO = 'csl-json/zotero-better-csl-26-items.json';
const TRACEMONKEY = 'pdf/tracemonkey.pdf';
const PROTECTED = 'pdf/issue6010_1.pdf';
const FIVE_FILES = [LENS, D2L, ZOTERO, TRACEMONKEY, PROTECTED];
const TRACEMONKEY_TITLE = 'Trace-based Just-in-Time Type Specialization for Dynamic Languages';

/** Item indexes in the preview of FIVE_FILES, in that order (the RIS file's 100, d2l's 488, Zotero's 26, then the PDF). */
const FUZZY_DUPLICATE = 158; // "16×16 words", a similar title to item 157's "16 x 16 words": imported unless the user says otherwise.
const EXACT_DUPLICATE = 437; // The same title and year as item 399: skipped by default.
const WITH_WARNING = 99; // A RIS record whose author had the given name "null".
const PDF_ITEM = 614;


async function base64Files(names: readonly string[]): Promise<Array<{ name: string; data: string }>> {
  return Promise.all(names.map(async (name) => ({ name: path.basename(name), data: (await readFile(fixture(name))).toString('base64') })));
}

function sha256(bytes: Buffer): string {
  return createHash('sha256').update(bytes).digest('hex');
}

describe('Import in Chromium (browser mode, fresh library per test)', () => {
  let browser: Browser;
  let app: BrowserModeApp | undefined;

  async function start(options: OpenAppOptions = {}): Promise<{ app: BrowserModeApp; sift: SiftPage; dialog: ImportDialogPage }> {
    app = await openApp(browser, options);
    return { app, sift: new SiftPage(app.page), dialog: new ImportDialogPage(app.page) };
  }

  chromiumPerFile((launched) => (browser = launched));
  afterEach(async (context) => {
    if (!app) return;
    const errors = await finishApp(app, context);
    app = undefined;
    // (e) No test leaves an uncaught error, a console error or a CSP violation behind.
    expect(errors).toEqual([]);
  });

  it('(a) imports RIS, BibTeX, CSL-JSON and PDFs from the welcome screen with tags and a changed decision', async () => {
    const { app, sift, dialog } = await start();
    const page = app.page;
    await page.getByTestId('welcome-import').click();
    await dialog.waitOpen();
    expect(await sift.focusedTestId()).toBe('import-choose-files');
    await dialog.chooseFiles(FIVE_FILES.map(fixture));
    expect(await dialog.root.getByTestId('import-chosen-files').locator('li').count()).toBe(5);
    await dialog.setTags('source:test');
    // Enter in the tags field neither previews nor imports.
    await dialog.root.getByTestId('import-tags').press('Enter');
    expect(await dialog.root.getAttribute('data-phase')).toBe('choose');

    const took = await dialog.preview();
    console.log(`Import preview of 5 files (615 items, 2 PDFs): shown ${took} ms after the click`);
    expect(await dialog.counts()).toBe('615 papers · 13 duplicates · 1 warning');
    expect(await sift.focusedTestId()).toBe('import-counts');

    const files = await dialog.files();
    expect(files.map((file) => file.name)).toEqual(FIVE_FILES.map((name) => path.basename(name)));
    expect(files.map((file) => file.text.replace(/^[✓!]/, ''))).toEqual([
      expect.stringMatching(/lens-export-100\.risRIS · 100 records$/),
      expect.stringMatching(/d2l\.bibBibTeX · 488 records$/),
      expect.stringMatching(/CSL-JSON · 26 records$/),
      expect.stringMatching(/tracemonkey\.pdfPDF · 1 record$/),
      expect.stringMatching(/^issue6010_1\.pdfPDFNeeds a password to open$/),
    ]);
    expect(files[4]?.error).toBe('Needs a password to open');

    const pdfItem = await dialog.scrollTo(PDF_ITEM);
    expect(await pdfItem.getByTestId('import-item-title').textContent()).toBe(TRACEMONKEY_TITLE);
    expect(await pdfItem.textContent()).toContain('PDF attached');

    // The duplicates filter lists the 13; the exact one is skipped, the similar title imported.
    await dialog.filter('duplicates');
    expect(await dialog.root.locator('[data-testid="import-filter"][data-filter="duplicates"]').textContent()).toBe('Duplicates 13');
    await expect.poll(async () => Math.min(...(await dialog.drawnActions()).keys())).toBe(WITH_WARNING);
    const actions = await dialog.drawnActions();
    expect(actions.get(EXACT_DUPLICATE)).toBe('skip');
    expect(actions.get(FUZZY_DUPLICATE)).toBe('import');
    expect(await dialog.item(EXACT_DUPLICATE).getByTestId('import-duplicate').textContent()).toBe('Same as item 400 in this import');
    expect(await dialog.item(FUZZY_DUPLICATE).getByTestId('import-duplicate').textContent()).toBe('Similar title (0.98) to item 158 in this import');
    expect(await dialog.root.getByTestId('import-commit').textContent()).toBe('Import 603 papers');
    await dialog.setAction(EXACT_DUPLICATE, 'import');
    expect(await dialog.root.getByTestId('import-tally').textContent()).toBe('604 to import · 0 to merge · 11 to skip');
    expect(await dialog.root.getByTestId('import-commit').textContent()).toBe('Import 604 papers');

    const decisions: unknown[] = [];
    page.on('request', (request) => {
      if (request.url().endsWith('/api/import.commit')) decisions.push(request.postDataJSON());
    });
    expect(await dialog.commit()).toBe('Imported 604, merged 0, skipped 11');
    // Only the changed decision travels; the rest take their default on the main side.
    expect(decisions).toEqual([{ importId: expect.any(String), decisions: [{ index: EXACT_DUPLICATE, action: 'import' }], tags: ['source:test'] }]);

    await sift.waitForList();
    await expect.poll(() => page.getByTestId('result-count').textContent()).toBe('604 of 604 papers');
    const library = await app.readLibrary();
    expect(library.papers).toHaveLength(604);
    expect(library.papers.filter((paper) => paper.tags.includes('source:test'))).toHaveLength(604);
    const traced = library.papers.filter((paper) => paper.title === TRACEMONKEY_TITLE);
    expect(traced).toHaveLength(1);
    const [attachment] = traced[0]?.attachments ?? [];
    // The bytes arrived whole: the page's chunked base64 of a 1 MB file decodes to the same file.
    expect(attachment?.sha256).toBe(sha256(await readFile(fixture(TRACEMONKEY))));
    expect((await stat(path.join(app.libraryFolder, 'attachments', attachment?.file ?? 'missing'))).size).toBe(attachment?.bytes);
    expect(await sift.tagCount('source:test')).toBe(604);
  });

  it('(b) shows the same files imported again as duplicates, skipped (a PDF attached) by default', async () => {
    const { app, sift, dialog } = await start();
    const page = app.page;
    // The first import goes through the API, as a second client would make it.
    const first = await app.callApi('import.preview', { importId: 'first-import', files: await base64Files(FIVE_FILES) });
    expect(first.counts.items).toBe(615);
    expect(await app.callApi('import.commit', { importId: 'first-import', decisions: [] })).toMatchObject({ added: 603, merged: 0, skipped: 12 });
    await sift.waitForList();
    const before = await app.readLibrary();

    await page.keyboard.press('Control+i');
    await dialog.waitOpen();
    await dialog.chooseFiles(FIVE_FILES.map(fixture));
    await dialog.preview();
    expect(await dialog.counts()).toBe('615 papers · 615 duplicates · 1 warning');
    expect(await dialog.root.getByTestId('import-tally').textContent()).toBe('0 to import · 1 to merge · 614 to skip');
    const firstRows = await dialog.drawnActions();
    expect([...firstRows.values()].every((action) => action === 'skip')).toBe(true);
    expect(await dialog.item(0).getByTestId('import-duplicate').textContent()).toMatch(/^Duplicate by DOI of “The Value of Radiologic Interventions/);
    const pdfItem = await dialog.scrollTo(PDF_ITEM);
    expect(await pdfItem.getByTestId('import-action').inputValue()).toBe('merge');
    expect(await pdfItem.getByTestId('import-action').locator('option:checked').textContent()).toBe('Attach to existing paper');

    expect(await dialog.root.getByTestId('import-commit').textContent()).toBe('Merge 1 paper');
    expect(await dialog.commit()).toBe('Imported 0, merged 1, skipped 614');
    const after = await app.readLibrary();
    expect(after.papers).toHaveLength(before.papers.length);
    expect(after.papers.find((paper) => paper.title === TRACEMONKEY_TITLE)?.attachments).toHaveLength(1);
  });

  it('(c) previews and imports an arXiv listing pasted after Ctrl+Shift+V', async () => {
    const { app, sift, dialog } = await start({ library: { ...emptyLibrary(), papers: samplePapers() } });
    const page = app.page;
    await sift.waitForList();
    await page.keyboard.press('Control+Shift+V');
    await dialog.waitOpen();
    // The paste tab, with its text area ready for Ctrl+V.
    expect(await sift.focusedTestId()).toBe('import-text');
    await page.keyboard.insertText(arxivListingPage);
    await dialog.preview();
    expect(await dialog.counts()).toBe('2 papers · 0 duplicates · 0 warnings');
    expect(await dialog.files()).toEqual([{ name: 'Pasted text', text: '✓Pasted textPasted list · 2 records', error: null }]);
    expect(await dialog.items.getByTestId('import-item-title').allTextContents()).toEqual(['Sprocket Tuning for Large Widgets', 'A Second Listed Paper']);
    expect(await dialog.item(0).textContent()).toContain('Ada Lovelace, Alan Turing, Grace Hopper');
    expect(await dialog.commit()).toBe('Imported 2, merged 0, skipped 0');
    await expect.poll(() => page.getByTestId('result-count').textContent()).toBe('68 of 68 papers');
    const imported = (await app.readLibrary()).papers.filter((paper) => paper.arxivId?.startsWith('2403.0876'));
    expect(imported.map((paper) => [paper.title, paper.arxivId])).toEqual(
      expect.arrayContaining([
        ['Sprocket Tuning for Large Widgets', '2403.08763v2'],
        ['A Second Listed Paper', '2403.08764'],
      ]),
    );
  });

  it('(d) leaves the library exactly as it was when the import is cancelled while reading or after the preview', async () => {
    const { app, sift, dialog } = await start({ library: { ...emptyLibrary(), papers: samplePapers() } });
    const page = app.page;
    await sift.waitForList();
    const libraryFile = path.join(app.libraryFolder, 'library.json');
    const before = await app.readLibrary();
    const bytesBefore = await readFile(libraryFile);

    // During the reading: six PDFs keep the main side busy for a few seconds.
    await page.getByTestId('import-button').click();
    await dialog.waitOpen();
    const pdfs = ['pdf/2206.10883v3.pdf', 'pdf/Keim2024.pdf', 'pdf/TAMReview.pdf', 'pdf/Kriha2018.pdf', 'pdf/thesis-example.pdf', TRACEMONKEY];
    await dialog.chooseFiles(pdfs.map(fixture));
    await dialog.root.getByTestId('import-preview-button').click();
    const progress = dialog.root.getByTestId('import-progress');
    await expect.poll(() => progress.textContent(), { timeout: 20_000 }).toMatch(/Reading \S+\.pdf \(\d\/6\)/);
    const importId = await dialog.root.getAttribute('data-import-id');
    expect(importId).toMatch(/^import-[0-9a-f]{32}$/);
    await dialog.root.getByTestId('import-cancel').click();
    const cancelled = dialog.root.getByTestId('import-cancelled');
    await cancelled.waitFor();
    expect(await cancelled.textContent()).toContain('The import was cancelled; nothing was changed.');
    await expect(app.callApi('import.commit', { importId: importId ?? '', decisions: [] })).rejects.toThrow(/No finished import preview/);

    // After the preview: Esc closes the dialog and the main side forgets the preview.
    await dialog.root.getByTestId('import-start-over').click();
    await dialog.root.getByTestId('import-chosen-files').waitFor();
    await dialog.root.getByTestId('import-chosen-files').getByRole('button', { name: 'Remove 2206.10883v3.pdf' }).click();
    await dialog.preview();
    expect(await dialog.counts()).toMatch(/^5 papers/);
    const previewed = await dialog.root.getAttribute('data-import-id');
    await page.keyboard.press('Escape');
    await dialog.root.waitFor({ state: 'detached' });
    await expect(app.callApi('import.commit', { importId: previewed ?? '', decisions: [] })).rejects.toThrow(/No finished import preview/);

    // And the Cancel button of a finished preview does the same.
    await page.keyboard.press('Control+i');
    await dialog.chooseFiles([fixture(LENS)]);
    await dialog.preview();
    await dialog.root.getByTestId('import-close').click();
    await dialog.root.waitFor({ state: 'detached' });

    expect(await page.getByTestId('result-count').textContent()).toBe('66 of 66 papers');
    expect(await app.readLibrary()).toEqual(before);
    expect(await readFile(libraryFile)).toEqual(bytesBefore);
    expect(await stat(path.join(app.libraryFolder, 'attachments')).catch(() => undefined)).toBeUndefined();
  });

  it('opens from the desktop menu (app.command) and from files dropped on the window', async () => {
    // Browser mode has no menu: the event stream answers with what Electron's File › Import… sends, once the list is up.
    let release: () => void = () => undefined;
    const listed = new Promise<void>((resolve) => {
      release = resolve;
    });
    const { app, sift, dialog } = await start({
      library: { ...emptyLibrary(), papers: samplePapers() },
      preparePage: async (page) => {
        await page.route(
          (url) => url.pathname === '/api/events',
          async (route) => {
            await listed;
            await route.fulfill({
              status: 200,
              headers: { 'content-type': 'text/event-stream' },
              body: 'retry: 600000\nevent: app.command\ndata: {"command":"import"}\n\n',
            });
          },
        );
      },
    });
    const page = app.page;
    await sift.waitForList();
    release();
    await dialog.waitOpen();
    expect(await sift.focusedTestId()).toBe('import-choose-files');
    await page.keyboard.press('Escape');
    await dialog.root.waitFor({ state: 'detached' });

    // A drop anywhere: the overlay while dragging, then a preview of what was dropped, without another click.
    const data = await page.evaluateHandle(
      ([name, text]) => {
        const transfer = new DataTransfer();
        transfer.items.add(new File([text], name, { type: 'application/x-research-info-systems' }));
        return transfer;
      },
      ['scopus.ris', await readFile(fixture('ris/scopus.ris'), 'utf8')] as const,
    );
    await page.dispatchEvent('[data-testid="paper-list"]', 'dragenter', { dataTransfer: data });
    await page.getByTestId('drop-overlay').waitFor();
    expect(await page.getByTestId('drop-overlay').textContent()).toContain('Drop to import');
    await page.dispatchEvent('[data-testid="paper-list"]', 'drop', { dataTransfer: data });
    await page.getByTestId('drop-overlay').waitFor({ state: 'detached' });
    await dialog.root.getByTestId('import-preview').waitFor();
    expect(await dialog.counts()).toBe('6 papers · 0 duplicates · 0 warnings');
    await page.keyboard.press('Escape');
    await dialog.root.waitFor({ state: 'detached' });
    expect((await app.readLibrary()).papers).toHaveLength(66);
  });

  it('is usable from the keyboard: Tab stays in the dialog and reaches every control', async () => {
    const { app, sift, dialog } = await start({ library: { ...emptyLibrary(), papers: samplePapers() } });
    const page = app.page;
    await sift.waitForList();
    await sift.runCommand('Import papers');
    await dialog.waitOpen();
    await dialog.chooseFiles([fixture(LENS)]);
    const reached = new Set<string>();
    for (let step = 0; step < 20; step += 1) {
      await page.keyboard.press('Tab');
      reached.add((await sift.focusedTestId()) ?? (await page.evaluate(() => document.activeElement?.textContent ?? '')));
      expect(await page.evaluate(() => document.querySelector('[data-testid="import-dialog"]')?.contains(document.activeElement))).toBe(true);
    }
    expect([...reached]).toEqual(
      expect.arrayContaining(['import-close', 'import-tab-files', 'import-choose-files', 'import-choose-folder', 'import-format', 'import-tags', 'import-preview-button']),
    );
    await page.getByTestId('import-preview-button').focus();
    await page.keyboard.press('Enter');
    await dialog.root.getByTestId('import-preview').waitFor();
    for (let step = 0; step < 12; step += 1) {
      await page.keyboard.press('Tab');
      reached.add((await sift.focusedTestId()) ?? '');
    }
    expect([...reached]).toEqual(expect.arrayContaining(['import-filter', 'import-skip-duplicates', 'import-import-all', 'import-list', 'import-action']));
    await page.keyboard.press('Escape');
    await dialog.root.waitFor({ state: 'detached' });
  });

  it('takes the import preview screenshot: library duplicates, in-import duplicates, warnings and a file error', async () => {
    const now = '2026-01-05T10:00:00.000Z';
    const known: Paper[] = [
      newPaper({ id: 'known-doi', type: 'article', title: 'Non-invasive continuous respiratory monitoring on general hospital wards: a systematic review', doi: '10.1371/journal.pone.0144626', year: 2015 }, now),
      newPaper({ id: 'known-title', type: 'article', title: 'Convolutional Neural Networks for Speech Recognition', year: 2014 }, now),
      newPaper({ id: 'known-fuzzy', type: 'inproceedings', title: 'Scalable inference for latent variable models', year: 2012 }, now),
      newPaper({ id: 'known-pdf', type: 'inproceedings', title: 'Trace-based just-in-time type specialization for dynamic languages', year: 2009 }, now),
    ];
    const library: Library = { ...emptyLibrary(), papers: known };
    const { app, sift, dialog } = await start({ library });
    const page = app.page;
    await sift.waitForList();
    await page.getByTestId('import-button').click();
    await dialog.chooseFiles([LENS, D2L, TRACEMONKEY, PROTECTED].map(fixture));
    await dialog.setTags('source:scopus-2026-11');
    await dialog.preview();
    await dialog.filter('duplicates');
    await dialog.item(WITH_WARNING).getByTestId('import-item-warnings').click();
    await dialog.item(WITH_WARNING).getByTestId('import-warnings').waitFor();
    const badges = await dialog.items.getByTestId('import-duplicate').allTextContents();
    expect(badges).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^Duplicate by DOI of “Non-invasive continuous/),
        expect.stringMatching(/^Duplicate by title and year of “Convolutional Neural Networks/),
        expect.stringMatching(/^Similar title \(0\.\d\d\) to “Scalable inference/),
        'Same as item 91 in this import',
      ]),
    );
    await dialog.root.getByTestId('import-counts').click();
    await page.screenshot({ path: path.join(screenshotFolder, 'import-preview.png') });
    await page.keyboard.press('Escape');
    await dialog.root.waitFor({ state: 'detached' });
  });
});
