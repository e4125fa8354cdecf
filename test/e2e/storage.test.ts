import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterEach, describe, expect, it } from 'vitest';
import { stableStringify } from '../../electron/services/stable-stringify';
import { emptyLibrary, type Library } from '../../shared/model/library';
import { syntheticLibrary } from '../bench/synthetic-library';
import { samplePapers } from '../helpers/sample-papers';
import { artifactsFolder, finishApp, chromiumPerFile, openApp, screenshotFolder, type BrowserModeApp, type OpenAppOptions } from './harness';
import { SiftPage } from './pages/sift-page';

/** What the init script below leaves on `window` for the test to read. */
interface Probe {
  longTasks: Array<{ start: number; duration: number }>;
  /** Long animation frames with what ran in them, to tell a failure's cause (script, rendering, neither: GC or a busy machine). */
  longFrames: Array<{ start: number; duration: number; renderMs: number; scripts: string[] }>;
  /** performance.now() when the first paper row appeared (ms since navigation started). */
  firstRowAt?: number;
}

/**
 * Runs in the page before the app: records every long task (a task over 50 ms on the UI thread)
 * and the moment the first paper row is drawn.
 */
function installProbe(): void {
  const probe: Probe = { longTasks: [], longFrames: [] };
  (window as unknown as { siftProbe: Probe }).siftProbe = probe;
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) probe.longTasks.push({ start: entry.startTime, duration: entry.duration });
  }).observe({ type: 'longtask', buffered: true });
  // Chromium's Long Animation Frames API; its entry type is not in TypeScript's DOM library yet.
  type FrameEntry = PerformanceEntry & { renderStart: number; scripts: Array<{ invoker: string; duration: number }> };
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries() as FrameEntry[]) {
      probe.longFrames.push({
        start: entry.startTime,
        duration: entry.duration,
        renderMs: entry.renderStart ? entry.startTime + entry.duration - entry.renderStart : 0,
        scripts: entry.scripts.map((script) => `${script.invoker} ${Math.round(script.duration)} ms`),
      });
    }
  }).observe({ type: 'long-animation-frame', buffered: true });
  const rows = new MutationObserver(() => {
    if (document.querySelector('[data-testid="paper-row"]')) {
      probe.firstRowAt = performance.now();
      rows.disconnect();
    }
  });
  rows.observe(document, { childList: true, subtree: true });
}

function probe(page: Page): Promise<Probe> {
  return page.evaluate(() => structuredClone((window as unknown as { siftProbe: Probe }).siftProbe));
}

function sampleLibrary(): Library {
  return { ...emptyLibrary(), papers: samplePapers() };
}

const BACKUP_ID = 'library-2026-01-01T00-00-00-000Z.json';

/** A backup as Sift's storage names and describes them (electron/services/storage/backups.ts). */
async function writeBackup(folder: string, library: Library): Promise<void> {
  const text = stableStringify(library);
  const lastChange = library.papers.reduce<string | undefined>((newest, paper) => (!newest || paper.updatedAt > newest ? paper.updatedAt : newest), undefined);
  await mkdir(path.join(folder, 'backups'), { recursive: true });
  await writeFile(path.join(folder, 'backups', BACKUP_ID), text);
  const meta = { id: BACKUP_ID, createdAt: '2026-01-01T00:00:00.000Z', paperCount: library.papers.length, lastChange, bytes: Buffer.byteLength(text) };
  await writeFile(path.join(folder, 'backups', `${BACKUP_ID}.meta.json`), `${JSON.stringify(meta)}\n`);
}

describe('Storage and scale in Chromium (browser mode)', () => {
  let browser: Browser;
  let app: BrowserModeApp | undefined;

  async function start(options: OpenAppOptions = {}): Promise<{ app: BrowserModeApp; sift: SiftPage }> {
    app = await openApp(browser, options);
    return { app, sift: new SiftPage(app.page) };
  }

  chromiumPerFile((launched) => (browser = launched));
  afterEach(async (context) => {
    if (!app) return;
    const errors = await finishApp(app, context);
    app = undefined;
    expect(errors).toEqual([]);
  });

  it('shows why a damaged library.json did not load, lists its backups, and restores one', async () => {
    const library = sampleLibrary();
    const damaged = stableStringify(library).slice(0, 40_000);
    const { app, sift } = await start({
      prepareFolder: async (folder) => {
        await writeFile(path.join(folder, 'library.json'), damaged);
        await writeBackup(folder, library);
      },
    });
    const page = app.page;
    await page.getByTestId('library-failed').waitFor();
    expect(await page.getByTestId('library-error').textContent()).toMatch(/is not valid JSON/);
    expect(await page.getByTestId('library-error-detail').textContent()).toMatch(/line \d+, column \d+/);

    const rows = page.getByTestId('backup-list').getByTestId('backup-row');
    await rows.first().waitFor();
    expect(await rows.count()).toBe(1);
    const row = await rows.first().textContent();
    expect(row).toContain(`${library.papers.length} papers`);
    expect(row).toMatch(/last change/);
    expect(row).toMatch(/\d+(\.\d)? KB/);

    await rows.first().getByTestId('restore-backup').click();
    const confirm = page.getByTestId('confirm-restore');
    await confirm.waitFor();
    expect(await confirm.textContent()).toMatch(/library\.json\.damaged-/);
    await page.screenshot({ path: path.join(screenshotFolder, 'restore-backup.png') });
    // Nothing was written over the file Sift could not read.
    expect(await readFile(path.join(app.libraryFolder, 'library.json'), 'utf8')).toBe(damaged);

    await confirm.getByTestId('confirm-restore-button').click();
    await sift.waitForList();
    await expect.poll(() => page.getByTestId('result-count').textContent()).toMatch(new RegExp(`^${library.papers.length} of ${library.papers.length}`));
    await page.getByTestId('toast').filter({ hasText: 'Restored the backup' }).waitFor();
    const names = await readdir(app.libraryFolder);
    expect(names.some((name) => name.startsWith('library.json.damaged-'))).toBe(true);
    expect((await app.readLibrary()).papers).toHaveLength(library.papers.length);
  });

  it('says "Saved" once an edit is on disk', async () => {
    const { app, sift } = await start({ library: sampleLibrary() });
    await sift.waitForList();
    await expect.poll(() => sift.saveState.textContent()).toBe('Saved');
    await sift.rows.first().click();
    await sift.addTag('to-read');
    await app.page.getByTestId('tag-chip').filter({ hasText: 'to-read' }).waitFor();
    await expect.poll(() => sift.saveState.getAttribute('data-state')).toBe('saved');
    expect(await sift.saveState.textContent()).toBe('Saved');
    expect((await app.readLibrary()).papers.filter((paper) => paper.tags.includes('to-read'))).toHaveLength(1);
  });

  it('keeps a red banner up while saves fail, until a later save goes through', async () => {
    const { app, sift } = await start({ library: sampleLibrary() });
    const page = app.page;
    await sift.waitForList();
    // The disk cannot be filled from here, so the event stream is replaced by one that reports what a full disk does.
    const message = 'Not saved yet: the disk is full. Sift keeps the change and retries; nothing is lost while it stays open.';
    let connections = 0;
    await page.route((url) => url.pathname === '/api/events', async (route) => {
      connections += 1;
      const event = connections === 1 ? { state: 'failed', pending: 2, message } : { state: 'saved', pending: 0 };
      await route.fulfill({
        status: 200,
        headers: { 'content-type': 'text/event-stream' },
        body: `retry: ${connections === 1 ? 3000 : 60000}\nevent: library.saveState\ndata: ${JSON.stringify(event)}\n\n`,
      });
    });
    await page.reload();
    await sift.waitForList();
    const banner = page.getByTestId('save-failed-banner');
    await banner.waitFor();
    expect(await banner.textContent()).toContain(message);
    expect(await banner.textContent()).toContain('2 changes are waiting');
    expect(await sift.saveState.getAttribute('data-state')).toBe('failed');
    await page.screenshot({ path: path.join(artifactsFolder, 'save-failed.png') });
    // The stream reconnects and brings `saved`: the banner goes, the indicator is quiet again.
    await banner.waitFor({ state: 'detached', timeout: 15_000 });
    expect(await sift.saveState.textContent()).toBe('Saved');
  });

  it('restores a backup of a loaded library from the command palette', async () => {
    const library = sampleLibrary();
    const older = { ...library, papers: library.papers.slice(0, 10) };
    const { app, sift } = await start({ library, prepareFolder: (folder) => writeBackup(folder, older) });
    const page = app.page;
    await sift.waitForList();
    await sift.runCommand('Restore from backup');
    const dialog = page.getByTestId('restore-dialog');
    await dialog.waitFor();
    const row = dialog.getByTestId('backup-row');
    await row.first().waitFor();
    expect(await row.first().textContent()).toContain('10 papers');
    await page.screenshot({ path: path.join(artifactsFolder, 'restore-dialog.png') });
    await row.first().getByTestId('restore-backup').click();
    expect(await dialog.getByTestId('confirm-restore').textContent()).toMatch(/backed up first/);
    await dialog.getByTestId('confirm-restore-button').click();
    await dialog.waitFor({ state: 'detached' });
    await expect.poll(() => page.getByTestId('result-count').textContent()).toMatch(/^10 of 10 papers/);
    // The library as it was is itself a backup now.
    await sift.runCommand('Restore from backup');
    await expect.poll(() => dialog.getByTestId('backup-row').count()).toBe(2);
    expect(await dialog.getByTestId('backup-row').first().textContent()).toContain(`${library.papers.length} papers`);
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
  });

  it('tells the user when another program changed library.json, and shows the change', async () => {
    const library = sampleLibrary();
    const { app, sift } = await start({ library });
    const page = app.page;
    await sift.waitForList();
    const [first] = library.papers;
    if (!first) throw new Error('the sample library is empty');
    const changed = { ...library, papers: library.papers.map((paper) => (paper.id === first.id ? { ...paper, tags: ['synced'] } : paper)) };
    await writeFile(path.join(app.libraryFolder, 'library.json'), stableStringify(changed));
    const toast = page.getByTestId('toast').filter({ hasText: 'changed by another program' });
    await toast.waitFor({ timeout: 15_000 });
    expect(await toast.getAttribute('data-kind')).toBe('info');
    await expect.poll(() => sift.tagCount('synced')).toBe(1);
  });

  it('shows a read-only library with a banner and its editing controls turned off', async () => {
    const { app, sift } = await start({ library: sampleLibrary() });
    const page = app.page;
    const reason = 'The library folder is read-only (EROFS), so Sift shows it but cannot save changes.';
    // Root can write anywhere, so the main side's answer is changed on its way to the page instead.
    await page.route('**/api/library.info', async (route) => {
      const response = await route.fetch();
      const result = (await response.json()) as { ok: boolean; value: Record<string, unknown> };
      await route.fulfill({ response, json: { ...result, value: { ...result.value, readOnly: reason } } });
    });
    await page.reload();
    await sift.waitForList();
    expect(await page.getByTestId('readonly-banner').textContent()).toContain(reason);
    expect(await sift.saveState.textContent()).toBe('Read-only');
    await sift.rows.first().click();
    expect(await page.getByTestId('tag-input').isDisabled()).toBe(true);
    expect(await page.getByTestId('status-select').isDisabled()).toBe(true);
    expect(await page.getByTestId('add-note').isDisabled()).toBe(true);
    await page.screenshot({ path: path.join(artifactsFolder, 'read-only.png') });
    await page.keyboard.press('Control+k');
    const item = page.locator('[data-testid="palette-item"][data-command="mark-read"]');
    expect(await item.getAttribute('aria-disabled')).toBe('true');
    expect(await item.textContent()).toContain('The library is read-only');
  });

  it('says when another Sift holds the library, and offers to try again', async () => {
    const { app } = await start({ library: sampleLibrary() });
    const page = app.page;
    await page.route('**/api/library.info', async (route) => {
      await route.fulfill({
        json: {
          ok: true,
          value: {
            path: app.libraryFolder,
            state: 'failed',
            paperCount: 0,
            error: { message: 'The library is open in Sift (process 4242 on this computer, since 09:12).' },
            isEmpty: false,
            canChooseLibrary: false,
            locked: true,
          },
        },
      });
    });
    await page.reload();
    await page.getByTestId('library-failed').waitFor();
    expect(await page.getByTestId('library-error').textContent()).toContain('process 4242');
    expect(await page.getByTestId('backup-list').count()).toBe(0);
    await page.unroute('**/api/library.info');
    await page.getByTestId('try-again').click();
    await new SiftPage(page).waitForList();
  });
  // Last in the file: its timing suffers least from the other e2e file's browser running alongside.
  it('stays responsive at 10,000 papers while another client bulk-tags 5,000 papers three times and sets their status', async () => {
    const library = syntheticLibrary(10_000);
    const { app, sift } = await start({ library, initScripts: [installProbe] });
    const page = app.page;
    await sift.waitForList();
    const { firstRowAt } = await probe(page);
    console.log(`10,000 papers: first list row drawn ${Math.round(firstRowAt ?? -1)} ms after navigation started`);
    // Let the opening settle, then watch only the bulk work.
    await page.waitForTimeout(1500);
    const since = await page.evaluate(() => performance.now());

    const ids = library.papers.map((paper) => paper.id);
    const batches: Array<[string, string[]]> = [
      ['triage-1', ids.slice(0, 5000)],
      ['triage-2', ids.slice(2500, 7500)],
      ['triage-3', ids.slice(5000, 10_000)],
    ];
    // Meanwhile the user scrolls briskly (8,000 px/s, a fast fling), down and back up.
    let working = true;
    const scrolling = (async () => {
      await page.getByTestId('paper-list').hover();
      for (let step = 0; working; step += 1) {
        await page.mouse.wheel(0, step % 40 < 20 ? 400 : -400);
        await page.waitForTimeout(50);
      }
    })();
    try {
      for (const [tag, paperIds] of batches) await app.callApi('tags.add', { paperIds, tag });
      await app.callApi('papers.updateMany', { paperIds: ids.slice(0, 5000), changes: { status: 'reading' } });
      for (const [tag] of batches) await expect.poll(() => sift.tagCount(tag), { timeout: 20_000 }).toBe(5000);
      const reading = 5000 + library.papers.slice(5000).filter((paper) => paper.status === 'reading').length;
      await expect.poll(() => sift.statusCount('reading'), { timeout: 20_000 }).toBe(reading);
      // The list's search is asked again after each change; its answers (and any late long task) fall in the window too.
      await page.waitForTimeout(1500);
    } finally {
      working = false;
      await scrolling;
    }

    const { longTasks, longFrames } = await probe(page);
    const tasks = longTasks.filter((task) => task.start >= since);
    const longest = Math.max(0, ...tasks.map((task) => task.duration));
    console.log(
      tasks.length === 0
        ? '10,000 papers, bulk work: no long task (every task on the UI thread took under 50 ms)'
        : `10,000 papers, bulk work: ${tasks.length} long task(s), the longest ${Math.round(longest)} ms; frames over 50 ms: ` +
            JSON.stringify(longFrames.filter((frame) => frame.start >= since - 50)),
    );
    // How long the tasks took is a figure for the log (and `npm run bench`), not a pass mark: a shared CI machine
    // stretches them. What a user would call frozen — the page not getting back to them for a second — fails.
    expect(tasks.filter((task) => task.duration > 1000)).toEqual([]);
    // The observer does see long tasks: an 80 ms one made on purpose (a real task, not the test's evaluate) shows up.
    await page.evaluate(() => {
      setTimeout(() => {
        const end = performance.now() + 80;
        while (performance.now() < end);
      });
    });
    await expect.poll(async () => (await probe(page)).longTasks.some((task) => task.start >= since && task.duration >= 80)).toBe(true);

    // The search saw the tags too: the main side's index has the changed papers.
    await sift.search('triage-3');
    await expect.poll(() => page.getByTestId('result-count').textContent(), { timeout: 20_000 }).toMatch(/^[1-9]\d* of 10000/);
  });
});
