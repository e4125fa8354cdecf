import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import type { Browser, Download } from 'playwright-core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseBibtex } from '../../shared/import/bibtex/parse-bibtex';
import { emptyLibrary, type Library } from '../../shared/model/library';
import { samplePapers } from '../helpers/sample-papers';
import { finishApp, chromiumPerFile, openApp, screenshotFolder, type BrowserModeApp } from './harness';
import { ExportDialog } from './pages/export-dialog';
import { SiftPage } from './pages/sift-page';
import { TagsPanel } from './pages/tags-panel';
import { STARCRAFT } from './pages/sample-titles';

const SIMPO = 'SimPO: Simple Preference Optimization with a Reference-Free Reward';
const PRECIPICE = 'Deep Reinforcement Learning at the Edge of the Statistical Precipice';

/** The sample papers, three of them with the identifiers a linked title needs. */
function exportLibrary(): Library {
  const links: Record<string, { doi?: string; arxivId?: string; year?: number }> = {
    [STARCRAFT]: { arxivId: '1708.04782', year: 2017 },
    [SIMPO]: { doi: '10.48550/arXiv.2405.14734', year: 2024 },
    [PRECIPICE]: { arxivId: '2108.13264', year: 2021 },
  };
  return {
    ...emptyLibrary(),
    papers: samplePapers().map((paper) => (links[paper.title] ? { ...paper, ...links[paper.title], tags: ['export-me'] } : paper)),
    tags: [{ name: 'export-me', color: 'green' }],
  };
}

describe('Export dialog in Chromium (browser mode, fresh library per test)', () => {
  let browser: Browser;
  let app: BrowserModeApp;
  let sift: SiftPage;
  let dialog: ExportDialog;

  chromiumPerFile((launched) => (browser = launched));
  beforeEach(async () => {
    app = await openApp(browser, { library: exportLibrary() });
    sift = new SiftPage(app.page);
    dialog = new ExportDialog(app.page);
    await sift.waitForList();
  });
  afterEach(async (context) => {
    expect(await finishApp(app, context)).toEqual([]);
  });

  const downloadedText = async (download: Download) => readFile((await download.path()) ?? '', 'utf8');

  it('exports a selection as CSV and as BibTeX; the files parse back with the selected papers', async () => {
    // The list is virtualized: the tag brings the three papers into view, then the selection holds them.
    await new TagsPanel(app.page).filterBy('export-me');
    await expect.poll(() => sift.visibleTitles()).toHaveLength(3);
    await sift.select(STARCRAFT);
    await sift.select(SIMPO, ['ControlOrMeta']);
    await sift.select(PRECIPICE, ['ControlOrMeta']);
    await dialog.openWithShortcut();
    expect(await dialog.root.getByTestId('export-scope-selection').isChecked()).toBe(true);

    await dialog.chooseFormat('Markdown table');
    await expect.poll(() => dialog.root.getByTestId('export-preview').textContent()).toContain('(https://doi.org/10.48550/arXiv.2405.14734)');
    await app.page.screenshot({ path: path.join(screenshotFolder, 'export-dialog.png') });

    await dialog.chooseFormat('CSV');
    await dialog.root.getByTestId('export-bom').check();
    await expect.poll(() => dialog.root.getByTestId('export-status').textContent()).toContain('3 papers · review-table.csv');
    const csv = await dialog.saveAndDownload();
    expect(csv.suggestedFilename()).toBe('review-table.csv');
    const csvText = await downloadedText(csv);
    expect(csvText.startsWith('\ufeff')).toBe(true);
    const rows = parse(csvText, { bom: true, columns: true }) as Array<Record<string, string>>;
    expect(rows.map((row) => row.Title).sort()).toEqual([STARCRAFT, SIMPO, PRECIPICE].sort());
    expect(rows.find((row) => row.Title === SIMPO)?.Year).toBe('2024');
    await expect.poll(() => app.page.getByTestId('toast').filter({ hasText: 'Downloaded 3 papers to review-table.csv' }).count()).toBe(1);
    await expect.poll(() => dialog.root.count()).toBe(0);

    await app.page.getByTestId('export-button').click();
    await dialog.root.waitFor();
    await dialog.chooseFormat('BibTeX');
    // The sample papers are preprints without an arXiv id: BibTeX cannot mark them as preprints, and says so.
    await expect.poll(() => dialog.root.getByTestId('export-report').textContent()).toMatch(/^1 field of 1 paper could not be carried in BibTeX/);
    const bib = await dialog.saveAndDownload();
    expect(bib.suggestedFilename()).toBe('references.bib');
    const { records } = parseBibtex(await downloadedText(bib));
    expect(records.map((record) => record.paper.title).sort()).toEqual([STARCRAFT, SIMPO, PRECIPICE].sort());
    expect(records.find((record) => record.paper.title === SIMPO)?.paper.doi).toBe('10.48550/arXiv.2405.14734');
  });

  it('downloads a notes bundle as one Markdown file per paper in browser mode', async () => {
    await new TagsPanel(app.page).filterBy('export-me');
    await expect.poll(() => sift.visibleTitles()).toHaveLength(3);
    await dialog.openWithShortcut();
    await dialog.chooseScope('list');
    await dialog.root.getByTestId('export-format').selectOption({ label: 'Notes bundle (one Markdown file per paper)' });
    await expect.poll(() => dialog.root.getByTestId('export-status').textContent()).toContain('3 Markdown files');
    const downloads: Download[] = [];
    app.page.on('download', (download) => downloads.push(download));
    await dialog.root.getByTestId('export-save').click();
    await expect.poll(() => downloads.length).toBe(3);
    for (const download of downloads) {
      expect(download.suggestedFilename()).toMatch(/\.md$/);
      expect(await downloadedText(download)).toMatch(/^---\ntitle: /);
    }
    await expect.poll(() => app.page.getByTestId('toast').filter({ hasText: 'Downloaded 3 notes' }).count()).toBe(1);
  });

  it('exports the review table as shown (its rows, its columns) from its Export… button', async () => {
    await new TagsPanel(app.page).filterBy('export-me');
    await expect.poll(() => sift.visibleTitles()).toHaveLength(3);
    await app.page.getByTestId('review-button').click();
    await app.page.getByTestId('review-export-dialog').click();
    await dialog.root.waitFor();
    expect(await dialog.root.getByTestId('export-scope-table').isChecked()).toBe(true);
    await dialog.chooseFormat('CSV');
    await expect.poll(() => dialog.root.getByTestId('export-status').textContent()).toContain('3 papers · review-table.csv');
    const csv = await dialog.saveAndDownload();
    const rows = parse(await downloadedText(csv), { columns: true }) as Array<Record<string, string>>;
    expect(rows.map((row) => row.Title).sort()).toEqual([STARCRAFT, SIMPO, PRECIPICE].sort());
  });

  it('exports the whole library from the command palette, and copies the current list as Markdown', async () => {
    await sift.runCommand('Export…');
    await dialog.root.waitFor();
    await dialog.chooseScope('library');
    await dialog.chooseFormat('CSL-JSON');
    await expect.poll(() => dialog.root.getByTestId('export-status').textContent()).toContain('66 papers · references.json');
    const json = await dialog.saveAndDownload();
    expect((JSON.parse(await downloadedText(json)) as unknown[]).length).toBe(66);

    await sift.search('starcraft');
    await expect.poll(() => sift.visibleTitles()).toEqual([STARCRAFT]);
    await dialog.openWithShortcut();
    expect(await dialog.root.getByTestId('export-scope-list').isChecked()).toBe(true);
    await dialog.chooseFormat('Markdown table');
    await dialog.root.getByTestId('export-copy').click();
    const starcraftId = (await app.readLibrary()).papers.find((paper) => paper.title === STARCRAFT)?.id ?? '';
    const expected = await app.callApi('export.table', { paperIds: [starcraftId], format: 'markdown', options: { linkTitles: true } });
    await expect.poll(() => app.page.evaluate(() => navigator.clipboard.readText())).toBe(expected.text);
    expect(expected.text).toContain(`| [${STARCRAFT}](https://arxiv.org/abs/1708.04782) |`);
  });
});
