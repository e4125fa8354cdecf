import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { artifactsFolder, chromiumPerFile, finishApp, openApp, type BrowserModeApp } from './harness';
import { ImportDialogPage } from './pages/import-dialog';
import { PdfReaderPage } from './pages/pdf-reader';
import { SiftPage } from './pages/sift-page';

const fixtures = fileURLToPath(new URL('../fixtures/', import.meta.url));

interface Payload {
  id: string;
  category: string;
  payload: string;
}

/** What the page recorded of anything a payload managed to do. */
interface Executed {
  sentinel: string[];
  csp: string[];
}

/**
 * Runs before the app's scripts in every frame: `__xss(id)` is what a payload calls when it runs,
 * and a CSP violation means something tried to run or load and only the policy stopped it.
 */
function installSentinels(): void {
  const record = window as unknown as { __xss: (id: unknown) => void; __xssCalls: string[]; __cspViolations: string[] };
  record.__xssCalls = [];
  record.__cspViolations = [];
  record.__xss = (id) => {
    // A payload in an iframe reports to the top window as well.
    record.__xssCalls.push(String(id));
    try {
      if (window.top && window.top !== window) (window.top as unknown as typeof record).__xssCalls.push(String(id));
    } catch {
      // a cross-origin frame: its own list is still read below
    }
  };
  document.addEventListener('securitypolicyviolation', (event) => {
    record.__cspViolations.push(`${event.violatedDirective} ${event.blockedURI} ${event.sample}`);
  });
}

/**
 * Everything in the document that could run script, navigate, submit or load from elsewhere. The
 * app's own bundle (same-origin module scripts in <head>) and its own forms (no action) are allowed.
 */
function dangerousDom(): string[] {
  const problems: string[] = [];
  const describe = (element: Element) => element.outerHTML.slice(0, 160);
  for (const script of document.querySelectorAll('script')) {
    const own = script.parentElement === document.head && script.src !== '' && new URL(script.src).origin === location.origin;
    if (!own) problems.push(`script: ${describe(script)}`);
  }
  const urlAttributes = new Set(['href', 'xlink:href', 'src', 'srcset', 'action', 'formaction', 'data', 'poster', 'background', 'codebase', 'cite', 'ping', 'to', 'values', 'from', 'by']);
  for (const element of document.querySelectorAll('*')) {
    for (const attribute of element.attributes) {
      const name = attribute.name.toLowerCase();
      if (name.startsWith('on')) problems.push(`${name} attribute: ${describe(element)}`);
      if (name === 'srcdoc') problems.push(`srcdoc: ${describe(element)}`);
      // Browsers ignore control characters and spaces in a scheme ("jav\tascript:"), so does this check.
      const compact = [...attribute.value].filter((character) => character > ' ').join('').toLowerCase();
      if (urlAttributes.has(name) && /^(javascript|data|vbscript|livescript):/.test(compact)) problems.push(`${name}=${attribute.value.slice(0, 80)}: ${describe(element)}`);
      if (name === 'style' && /(expression\(|url\(|behavior|binding|@import)/i.test(attribute.value)) problems.push(`style: ${describe(element)}`);
    }
  }
  const root = document.getElementById('root');
  if (!root) return [...problems, 'no #root'];
  const banned = [
    'iframe', 'frame', 'frameset', 'object', 'embed', 'applet', 'base', 'meta', 'style', 'link', 'template', 'noscript', 'xmp', 'isindex',
    'math', 'video', 'audio', 'source', 'track', 'picture', 'marquee', 'body', 'title', 'textarea[name]',
    'form[action]', 'form[method]', 'form[target]', 'input[type="image"]',
    'svg script', 'svg foreignObject', 'svg a', 'svg animate', 'svg set', 'svg use', 'svg image', 'svg style',
  ];
  for (const element of root.querySelectorAll(banned.join(','))) problems.push(`element: ${describe(element)}`);
  // Sift draws no images of its own; pdf.js draws pages on canvases.
  for (const image of root.querySelectorAll('img')) if (!image.closest('.pdf-page')) problems.push(`img: ${describe(image)}`);
  return problems;
}

/** The corpus as a CSL-JSON file: every payload in every text field the importer maps, and in the link fields. */
function cslItems(payloads: readonly Payload[]): unknown[] {
  return payloads.map((payload, index) => ({
    id: `xss-${payload.id}`,
    type: 'article-journal',
    title: payload.payload,
    abstract: `Abstract of ${payload.id}, with the payload in the middle: ${payload.payload} and text after it.`,
    author: [{ literal: payload.payload }, { family: `${payload.payload} family`, given: 'Eve' }],
    'container-title': payload.payload,
    keyword: [payload.payload, `keyword ${payload.id}`],
    URL: index % 2 === 0 ? `javascript:__xss('${payload.id}')` : `data:text/html,<script>__xss('${payload.id}')</script>`,
    DOI: `10.5555/x"><svg/onload=__xss('${payload.id}')>`,
    note: payload.payload,
    issued: { 'date-parts': [[1990 + (index % 35)]] },
  }));
}

describe('XSS payloads render as inert text in every view (Chromium, browser mode)', () => {
  let browser: Browser;
  let app: BrowserModeApp;
  let sift: SiftPage;
  let payloads: Payload[];
  let cslPath: string;
  const dialogs: string[] = [];
  const requests: string[] = [];
  const popups: string[] = [];
  const navigations: string[] = [];

  chromiumPerFile((launched) => (browser = launched));
  beforeEach(async () => {
    payloads = (JSON.parse(await readFile(path.join(fixtures, 'security', 'xss-payloads.json'), 'utf8')) as { payloads: Payload[] }).payloads;
    cslPath = path.join(artifactsFolder, 'xss-payloads.csl.json');
    await writeFile(cslPath, JSON.stringify(cslItems(payloads), null, 2));
    for (const list of [dialogs, requests, popups, navigations]) list.length = 0;
    app = await openApp(browser, {
      initScripts: [installSentinels],
      preparePage: async (page) => {
        page.on('dialog', (dialog) => {
          dialogs.push(`${dialog.type()}: ${dialog.message()}`);
          void dialog.dismiss().catch(() => undefined);
        });
        page.on('request', (request) => requests.push(request.url()));
        page.on('popup', (popup) => popups.push(popup.url()));
        page.on('framenavigated', (frame) => navigations.push(frame.url()));
        page.context().on('page', (opened) => popups.push(opened.url()));
      },
    });
    sift = new SiftPage(app.page);
  });
  afterEach(async (context) => {
    expect(await finishApp(app, context)).toEqual([]);
  });

  /** Everything that shows a payload ran, tried to run, loaded or navigated, and what in the DOM could. */
  async function inspect(page: Page) {
    const executed: Executed = await page.evaluate(() => {
      const record = window as unknown as { __xssCalls?: string[]; __cspViolations?: string[] };
      return { sentinel: [...(record.__xssCalls ?? [])], csp: [...(record.__cspViolations ?? [])] };
    });
    const frameCalls = await Promise.all(
      page
        .frames()
        .filter((frame) => frame !== page.mainFrame())
        // A frame whose document never loads (a blocked javascript: URL) would keep evaluate waiting.
        .map((frame) => Promise.race([frame.evaluate(() => (window as unknown as { __xssCalls?: string[] }).__xssCalls ?? []).catch(() => []), new Promise<string[]>((resolve) => setTimeout(() => resolve([]), 2000))])),
    );
    const origin = new URL(app.url).origin;
    return {
      sentinel: [...executed.sentinel, ...frameCalls.flat()],
      csp: executed.csp,
      dialogs: [...dialogs],
      // The app asks only its own server; blob: is pdf.js's worker; data: only when a payload made it.
      external: requests.filter((url) => !url.startsWith(`${origin}/`) && !url.startsWith('blob:') && !(url.startsWith('data:') && !/xss/i.test(url))),
      frames: page.frames().length,
      popups: [...popups],
      navigations: navigations.filter((url) => new URL(url).origin !== origin),
      dom: await page.evaluate(dangerousDom),
    };
  }

  /** Asserts that nothing ran, nothing was asked for elsewhere and the DOM holds nothing dangerous, naming the view. */
  async function expectInert(page: Page, view: string): Promise<void> {
    expect({ view, ...(await inspect(page)) }).toEqual({ view, sentinel: [], csp: [], dialogs: [], external: [], frames: 1, popups: [], navigations: [], dom: [] });
  }

  /** Puts the corpus into a fresh library through the real import path and the API's editing calls. */
  async function fillLibrary(): Promise<{ ids: Map<string, string>; pdfPaperId: string; titles: Map<string, string> }> {
    const csl = Buffer.from(await readFile(cslPath)).toString('base64');
    const preview = await app.callApi('import.preview', { importId: 'xss-corpus', files: [{ name: 'xss-payloads.json', data: csl }], format: 'csl-json' });
    expect(preview.items).toHaveLength(payloads.length);
    const committed = await app.callApi('import.commit', {
      importId: 'xss-corpus',
      decisions: preview.items.map((item) => ({ index: item.index, action: 'import' as const })),
    });
    expect(committed.added).toBe(payloads.length);

    const pdf = (await readFile(path.join(fixtures, 'pdf', 'tracemonkey.pdf'))).toString('base64');
    await app.callApi('import.preview', { importId: 'xss-pdf-import', files: [{ name: 'tracemonkey.pdf', data: pdf }] });
    const [pdfPaperId = ''] = (await app.callApi('import.commit', { importId: 'xss-pdf-import', decisions: [] })).paperIds;
    const [pdfPaper] = (await app.callApi('papers.get', { ids: [pdfPaperId] })).papers;
    const attachmentId = pdfPaper?.attachments[0]?.id ?? '';
    await app.callApi('papers.update', { id: pdfPaperId, changes: { title: `PDF paper <img src=x onerror=__xss('pdf-title')>`, abstract: payloads.map((p) => p.payload).join(' ') } });

    const { papers } = await app.callApi('papers.get', { ids: committed.paperIds });
    const ids = new Map<string, string>();
    const titles = new Map<string, string>();
    for (const paper of papers) {
      const payload = payloads.find((candidate) => paper.citationKey === `xss-${candidate.id}` || paper.abstract?.startsWith(`Abstract of ${candidate.id},`));
      if (payload) {
        ids.set(payload.id, paper.id);
        titles.set(paper.id, paper.title);
      }
    }
    expect(ids.size).toBe(payloads.length);

    const { column: textColumn } = await app.callApi('columns.save', { name: `Method <img src=x onerror=__xss('column')>`, kind: 'text' });
    const options = [...new Set(payloads.map((p) => p.payload.replace(/\s+/g, ' ').trim().slice(0, 200)))].slice(0, 50);
    const { column: selectColumn } = await app.callApi('columns.save', { name: `"><svg onload=__xss('select-column')>`, kind: 'select', options });
    const criteriaKeywords = ['script', 'onerror', 'javascript', 'svg', 'style', 'iframe'];
    await app.callApi('screening.criteria.set', {
      reasons: payloads.slice(0, 9).map((p) => ({ label: p.payload.replace(/\s+/g, ' ').trim().slice(0, 200) })),
      includeKeywords: [...criteriaKeywords, ...payloads.slice(0, 40).map((p) => p.payload.replace(/\s+/g, ' ').trim().slice(0, 100))],
      excludeKeywords: ['onload', 'alert', 'xss', ...payloads.slice(40, 80).map((p) => p.payload.replace(/\s+/g, ' ').trim().slice(0, 100))],
    });
    for (const [index, payload] of payloads.entries()) {
      const paperId = ids.get(payload.id) ?? '';
      await app.callApi('notes.add', { paperId, body: `Note **${payload.id}**:\n\n${payload.payload}\n\nand inline: ${payload.payload}` });
      await app.callApi('cells.set', { paperId, columnId: textColumn.id, value: payload.payload });
      const option = options[index % options.length];
      if (option) await app.callApi('cells.set', { paperId, columnId: selectColumn.id, value: option });
      const tag = payload.payload.replace(/\s+/g, ' ').trim().replace(/^-+/, '').slice(0, 100);
      if (tag) await app.callApi('tags.add', { paperIds: [paperId], tag });
      const { annotation } = await app.callApi('annotations.add', {
        paperId: pdfPaperId,
        attachmentId,
        page: 1 + (index % 14),
        rects: [[72, 80 + 10 * (index % 60), 200, 10]],
        quote: payload.payload,
        color: 'yellow',
        tags: tag ? [tag] : [],
      });
      await app.callApi('annotations.update', { paperId: pdfPaperId, annotationId: annotation.id, comment: `Comment ${payload.id}: ${payload.payload}` });
    }
    await app.callApi('notes.add', { paperId: pdfPaperId, body: payloads.map((p) => p.payload).join('\n\n') });
    for (const payload of payloads.slice(0, 12)) {
      await app.callApi('searches.save', { name: payload.payload.replace(/\s+/g, ' ').trim().slice(0, 200), query: payload.category === 'url' ? 'javascript' : 'onerror' });
    }
    return { ids, pdfPaperId, titles };
  }

  it('its detectors see a payload that reaches the DOM as HTML (the check cannot pass vacuously)', async () => {
    const { page } = app;
    await page.getByTestId('welcome-import').waitFor();
    await expectInert(page, 'the welcome screen');
    // What a renderer that used innerHTML would do with four payloads of the corpus.
    const injected = ['e01', 'u12', 'u09', 'u15'].map((id) => payloads.find((p) => p.id === id)!.payload);
    injected[2] = '<img src=http://xss.test/u09.png>';
    await page.evaluate((html) => {
      const host = document.createElement('div');
      document.getElementById('root')?.append(host);
      host.innerHTML = html.join('');
    }, injected);
    await page.evaluate(() => (window as unknown as { __xss: (id: string) => void }).__xss('control'));
    await page.evaluate(() => setTimeout(() => alert('control')));
    await expect.poll(() => dialogs.length).toBe(1);
    await expect.poll(async () => (await inspect(page)).csp.length).toBeGreaterThan(3);
    const found = await inspect(page);
    expect(found.sentinel).toEqual(['control']);
    expect(found.dialogs).toEqual(['alert: control']);
    // The CSP stopped the inline handler and the remote image; both are reported, and so is the DOM.
    expect(found.csp.some((violation) => violation.startsWith('script-src-attr'))).toBe(true);
    expect(found.csp.some((violation) => violation.startsWith('img-src http://xss.test/u09.png'))).toBe(true);
    expect(found.dom).toEqual([
      expect.stringMatching(/^onerror attribute: <img src="x" onerror=/),
      expect.stringMatching(/^href=javascript:__xss\('u12'\)/),
      expect.stringMatching(/^src=javascript:__xss\('u15'\)/),
      expect.stringMatching(/^element: <iframe/),
      expect.stringMatching(/^img: <img src="x"/),
      expect.stringMatching(/^img: <img src="http:\/\/xss.test/),
    ]);
    expect(found.frames).toBe(2);
    // The harness reports the CSP violations as console errors too; they were meant here.
    app.pageErrors.length = 0;
  });

  it('shows the import preview of the corpus as text', async () => {
    const { page } = app;
    // The empty library's welcome screen offers the import.
    await page.getByTestId('welcome-import').click();
    const dialog = new ImportDialogPage(page);
    await dialog.waitOpen();
    await dialog.chooseFiles([cslPath]);
    await dialog.preview();
    expect(await dialog.counts()).toMatch(new RegExp(`${payloads.length}`));
    for (let index = 0; index < payloads.length; index += 8) {
      const item = await dialog.scrollTo(index);
      expect(await item.textContent()).toContain(payloads[index]?.payload.replace(/\s+/g, ' ').trim().slice(0, 20));
      await expectInert(page, `import preview, item ${index}`);
    }
    await page.keyboard.press('Escape');
    await dialog.root.waitFor({ state: 'detached' });
    await expectInert(page, 'after the import preview');
  });

  it('renders titles, abstracts, authors, notes, tags, cells, comparisons, criteria and highlights of the corpus without running any', async () => {
    const { page } = app;
    const e01 = payloads.find((p) => p.id === 'e01')!;
    const { ids, pdfPaperId, titles } = await fillLibrary();
    await page.reload();
    await sift.waitForList();

    // The list and the sidebar (tags, saved searches): the titles are there, as text.
    const comparisonNote = `${payloads.map((p) => `- ${p.id}: ${p.payload}`).join('\n')}\n\n${payloads.map((p) => p.payload).join('\n\n')}`;
    /** Finds a payload's paper by the id its abstract names and selects it. */
    const openPaper = async (id: string) => {
      await sift.search('');
      await sift.search(id);
      const row = page.locator(`[data-testid="paper-row"][data-paper-id="${ids.get(id) ?? '?'}"]`);
      await row.click();
      await expect.poll(() => page.getByTestId('detail-title').textContent()).toBe(titles.get(ids.get(id) ?? ''));
    };
    await expect.poll(() => sift.visibleTitles()).toContain(titles.get(ids.get('e01') ?? '') ?? '?');
    expect(await page.getByTestId('saved-search').count()).toBe(12);
    expect(await page.getByTestId('saved-search').first().textContent()).toContain(payloads[0]!.payload.slice(0, 15));
    expect(await sift.tagCount(e01.payload)).toBe(1);
    await expectInert(page, 'library list');

    // The detail pane of every paper (abstract, authors, venue, links, tags, notes preview), stepping down the list.
    await sift.select(titles.get(ids.get('e01') ?? '') ?? '?');
    await page.keyboard.press('Home');
    const seen = new Set<string>();
    for (let step = 0; step < payloads.length + 1; step += 1) {
      const title = (await page.getByTestId('detail-title').textContent()) ?? '';
      seen.add(title);
      await page.getByTestId('note-preview').first().waitFor();
      await expectInert(page, `detail pane of “${title}”`);
      await page.keyboard.press('ArrowDown');
      if (step < payloads.length) await expect.poll(() => page.getByTestId('detail-title').textContent()).not.toBe(title);
    }
    expect(seen.size).toBe(payloads.length + 1);

    // The payload is shown literally: the title, the abstract and the rendered note of one paper.
    await openPaper('e01');
    await expect.poll(() => page.getByTestId('detail-title').textContent()).toBe(e01.payload);
    expect(await page.getByTestId('detail-abstract').textContent()).toContain(e01.payload);
    expect(await page.getByTestId('note-preview').first().textContent()).toContain(e01.payload);
    expect(await page.getByTestId('detail').getByTestId('tag-chip').first().textContent()).toContain(e01.payload);
    expect(await page.getByTestId('detail-venue').textContent()).toBe(e01.payload);
    expect(await page.getByTestId('detail-authors').textContent()).toContain(e01.payload);
    for (const id of ['s01', 'v01', 'm02', 'c01', 'p02']) {
      await openPaper(id);
      await expect.poll(() => page.getByTestId('note-preview').first().textContent()).toContain(payloads.find((p) => p.id === id)!.payload);
    }
    // A javascript: link in Markdown keeps its text and loses its link.
    const u01 = payloads.find((p) => p.id === 'u01')!;
    await openPaper('u01');
    expect(await page.getByTestId('detail-title').textContent()).toBe(u01.payload);
    await expect.poll(() => page.getByTestId('note-preview').first().locator('.unsafe-link').first().textContent()).toBe('click u01');
    expect(await page.getByTestId('note-preview').first().locator('a').count()).toBe(0);
    await expectInert(page, 'note with a javascript: link');

    // Search with highlighted matches: the ranges cut the payloads into pieces.
    for (const query of ['onerror', 'script', 'javascript', 'svg onload', 'iframe srcdoc', 'style import', 'xss']) {
      await sift.search('');
      await sift.search(query);
      await expect.poll(() => page.locator('[data-testid="paper-row"] mark').count(), { timeout: 10_000 }).toBeGreaterThan(0);
      await sift.rows.first().click();
      await page.getByTestId('detail-title').waitFor();
      await expectInert(page, `search “${query}”`);
    }
    await sift.dismissToasts();
    await page.screenshot({ path: path.join(artifactsFolder, 'xss-search.png') });

    // Compare four papers with the saved comparison note (Markdown preview).
    await sift.search('');
    await sift.search('onerror');
    await expect.poll(async () => Number(/\d+/.exec((await page.getByTestId('result-count').textContent()) ?? '')?.[0])).toBeLessThan(payloads.length);
    await sift.rows.nth(0).click();
    for (const index of [1, 2, 3]) await sift.rows.nth(index).click({ modifiers: ['ControlOrMeta'] });
    await page.getByTestId('compare-button').click();
    const compare = page.getByTestId('compare-view');
    await compare.waitFor();
    await compare.getByTestId('shared-term-count').waitFor({ timeout: 20_000 });
    expect(await compare.getByTestId('compare-column').count()).toBe(4);
    // The comparison note, typed as a user would, saved and previewed as Markdown.
    await compare.getByTestId('comparison-note').fill(comparisonNote);
    await expect.poll(() => compare.getByTestId('comparison-note-state').getAttribute('data-state'), { timeout: 10_000 }).toBe('saved');
    await expect.poll(() => compare.locator('.comparison-note-preview').textContent(), { timeout: 10_000 }).toContain(e01.payload);
    await expectInert(page, 'compare view with the comparison note');
    await page.keyboard.press('Escape');
    await compare.waitFor({ state: 'detached' });

    // The review table: custom text and select cells, column names, every paper of the list.
    await sift.search('');
    await page.getByTestId('review-button').click();
    const review = page.getByTestId('review-view');
    await review.waitFor();
    await expect.poll(() => review.getByTestId('review-table').locator('tbody tr').count(), { timeout: 10_000 }).toBeGreaterThan(5);
    expect(await review.textContent()).toContain(`Method <img src=x onerror=__xss('column')>`);
    await expectInert(page, 'review table');
    await page.keyboard.press('Escape');
    await review.waitFor({ state: 'detached' });

    // Screening: criteria with payload reasons and keywords, keywords marked in payload titles and abstracts.
    await sift.rows.first().click();
    await page.keyboard.press('Shift+S');
    const screening = page.getByTestId('screening-view');
    await screening.waitFor();
    for (let step = 0; step < 10; step += 1) {
      const before = await page.getByTestId('screening-paper').getAttribute('data-paper-id');
      await expectInert(page, `screening, paper ${step + 1}`);
      await page.keyboard.press('j');
      await expect.poll(() => page.getByTestId('screening-paper').getAttribute('data-paper-id')).not.toBe(before);
    }
    // The criteria's keywords are marked inside the payload titles and abstracts; the reasons are payloads too.
    await expect.poll(() => page.getByTestId('screening-paper').locator('mark.keyword').count()).toBeGreaterThan(0);
    await sift.runCommand('Edit screening criteria');
    await page.getByTestId('screening-criteria').waitFor();
    expect(await screening.textContent()).toContain(payloads[0]!.payload);
    await expectInert(page, 'screening criteria');
    await page.getByTestId('screening-main').focus();
    await page.keyboard.press('Escape');
    await screening.waitFor({ state: 'detached' });

    // The PDF reader: a highlight per payload, each with a payload comment and tag.
    await sift.search(`title:"PDF paper"`);
    await sift.rows.first().click();
    await expect.poll(() => page.getByTestId('detail-title').textContent()).toMatch(/^PDF paper/);
    await expectInert(page, 'detail pane of the PDF paper with its highlights');
    await page.getByTestId('detail').getByTestId('open-pdf').click();
    const reader = new PdfReaderPage(page);
    await reader.waitOpen(14);
    await expect.poll(() => reader.sideList.count(), { timeout: 20_000 }).toBe(payloads.length);
    expect(await reader.sideList.first().getByTestId('highlight-item-comment').textContent()).toMatch(/^Comment /);
    await expectInert(page, 'PDF reader with payload highlights');
    await page.keyboard.press('Escape');
    await reader.root.waitFor({ state: 'detached' });
    expect(pdfPaperId).not.toBe('');

    // The command palette and the export dialog's preview.
    await page.keyboard.press('Control+k');
    await page.getByTestId('palette').waitFor();
    await page.getByTestId('palette-input').fill('script');
    await expectInert(page, 'command palette');
    await page.keyboard.press('Escape');
    await sift.search('');
    await sift.search('onerror');
    await sift.rows.first().click();
    await page.keyboard.press('Control+Shift+E');
    const exportDialog = page.getByTestId('export-dialog');
    await exportDialog.waitFor();
    await exportDialog.getByTestId('export-scope-library').check();
    for (const label of await exportDialog.getByTestId('export-format').locator('option').allTextContents()) {
      await exportDialog.getByTestId('export-format').selectOption({ label });
      await expect.poll(() => exportDialog.getByTestId('export-status').textContent(), { timeout: 20_000 }).not.toMatch(/Preparing…/);
      await expectInert(page, `export preview: ${label}`);
    }
    await page.keyboard.press('Escape');
    await exportDialog.waitFor({ state: 'detached' });

    // One view with the payloads visible as text, for people to look at.
    await sift.search('');
    await sift.search('onerror');
    await sift.rows.first().click();
    await sift.dismissToasts();
    await page.screenshot({ path: path.join(artifactsFolder, 'xss-payloads-as-text.png') });
    await expectInert(page, 'the end');
  }, 240_000);
});
