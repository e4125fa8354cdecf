import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { emptyLibrary, type Library } from '../../shared/model/library';
import { samplePapers } from '../helpers/sample-papers';
import { finishApp, chromiumPerFile, openApp, screenshotFolder, type BrowserModeApp } from './harness';
import { ScreeningView } from './pages/screening-view';
import { SiftPage } from './pages/sift-page';

/** The 66 sample papers, all added at once: the list shows them in library order. */
function sampleLibrary(): Library {
  return { ...emptyLibrary(), papers: samplePapers() };
}

describe('Screening in Chromium (browser mode, fresh library per test)', () => {
  let browser: Browser;
  let app: BrowserModeApp;
  let sift: SiftPage;
  let screening: ScreeningView;

  chromiumPerFile((launched) => (browser = launched));
  beforeEach(async () => {
    app = await openApp(browser, { library: sampleLibrary() });
    sift = new SiftPage(app.page);
    screening = new ScreeningView(app.page);
    await sift.waitForList();
  });
  afterEach(async (context) => {
    expect(await finishApp(app, context)).toEqual([]);
  });

  it('screens ten papers with the keyboard only: I, M, E+1, E+2, U, J/K, N; counts are live and decisions survive a reload', async () => {
    const { page } = app;
    const listed = samplePapers().map((paper) => paper.title);

    // Shift+S from the list; with no criteria yet, the criteria panel opens beside the paper.
    await screening.openWithKeyboard();
    await screening.criteria.waitFor();
    expect(await screening.position()).toBe('Paper 1 of 66 · all papers');
    await screening.addReason('Off topic');
    await screening.addReason('Evaluation only');
    await screening.addKeywords('include', 'preference, RLHF, human feedback');
    await screening.addKeywords('exclude', 'benchmark, image');
    // Esc leaves the field (not the view): the keys are the screening keys again.
    await page.keyboard.press('Escape');
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('screening-main');
    await expect.poll(() => screening.marks()).toEqual(
      expect.arrayContaining(['include:RLHF', 'include:Preferences', 'include:Human Feedback', 'include:preference']),
    );

    const ids: string[] = [];
    const step = async (...keys: string[]) => {
      ids.push(await screening.paperId());
      await screening.decide(...keys);
    };
    await step('i'); // 1 MaxMin-RLHF: include
    await step('e', '1'); // 2 Data-Juicer: off topic
    await step('i'); // 3 Iterative Nash Policy Optimization
    await step('m'); // 4 AlpacaFarm: maybe
    expect(new Set(await screening.marks())).toEqual(new Set(['exclude:Image', 'exclude:image']));
    await step('e', '1'); // 5 multi-concept image generation: off topic

    // 6: include, then U takes it back (the view returns to the paper), and M instead.
    const sixth = await screening.paperId();
    await screening.press('i');
    await expect.poll(() => screening.paperId()).not.toBe(sixth);
    await screening.press('u');
    await expect.poll(() => screening.paperId()).toBe(sixth);
    await expect.poll(() => screening.decision()).toEqual({ decision: 'undecided', text: 'Not screened yet' });
    await step('m');

    // 7: E shows the numbered reasons; Esc cancels the exclusion, then I.
    await screening.press('e');
    await expect.poll(() => page.getByTestId('reason-option').allTextContents()).toEqual(['1 Off topic', '2 Evaluation only']);
    await screening.press('Escape');
    await page.getByTestId('screening-keys').waitFor();
    await expect.poll(() => screening.view.isVisible()).toBe(true);
    await step('i');

    // K goes back to 7 and shows its decision, J returns to 8.
    const eighth = await screening.paperId();
    await screening.press('k');
    await expect.poll(() => screening.paperId()).toBe(ids[6]);
    await expect.poll(async () => (await screening.decision()).decision).toBe('include');
    await screening.press('j');
    await expect.poll(() => screening.paperId()).toBe(eighth);
    await step('m'); // 8 negotiation
    expect(await screening.title()).toBe(listed[8]);
    expect(await screening.marks()).toEqual(expect.arrayContaining(['exclude:Benchmarks']));
    await step('e', '2'); // 9 benchmarks: evaluation only

    // 10: N writes a note (the keys type into it), Esc saves it; then I.
    await screening.press('n');
    await page.getByTestId('screening-note').waitFor();
    await page.keyboard.type('Check the ranking metric');
    await screening.press('Escape');
    await expect.poll(() => page.getByTestId('screening-note-text').allTextContents()).toEqual(['Check the ranking metric']);
    await step('i');

    expect(ids).toHaveLength(10);
    expect(await screening.position()).toBe('Paper 11 of 66 · all papers');
    const expected = {
      include: 4,
      maybe: 3,
      exclude: 3,
      undecided: 56,
      reasons: [
        { number: 'E1', label: 'Off topic', count: 2 },
        { number: 'E2', label: 'Evaluation only', count: 1 },
      ],
    };
    await expect.poll(() => screening.counts()).toEqual(expected);
    expect(await screening.progress()).toEqual({ screened: 10, total: 66 });
    const prisma = (await page.getByTestId('prisma-text').textContent()) ?? '';
    expect(prisma).toContain('- Records screened: 10 (56 not screened yet)');
    expect(prisma).toContain('  - E1 Off topic: 2');
    expect(prisma).toContain('- Reports sought for retrieval (included + maybe): 7');

    // On disk: decision, reason (label and id) and time on each paper; the criteria; the note. The
    // list's own single-key shortcuts (I marks as reading, M copies the table) did not fire.
    const library = await app.readLibrary();
    const byId = new Map(library.papers.map((paper) => [paper.id, paper]));
    const [offTopic, evaluationOnly] = library.screeningCriteria?.reasons ?? [];
    expect(library.screeningCriteria).toEqual({
      reasons: [
        { id: expect.any(String), label: 'Off topic' },
        { id: expect.any(String), label: 'Evaluation only' },
      ],
      includeKeywords: ['preference', 'RLHF', 'human feedback'],
      excludeKeywords: ['benchmark', 'image'],
    });
    const decisions = ids.map((id) => {
      const { decision, reason, reasonId } = byId.get(id)?.screening ?? { decision: 'missing' };
      return reason ? { decision, reason, reasonId } : { decision };
    });
    expect(decisions).toEqual([
      { decision: 'include' },
      { decision: 'exclude', reason: 'Off topic', reasonId: offTopic?.id },
      { decision: 'include' },
      { decision: 'maybe' },
      { decision: 'exclude', reason: 'Off topic', reasonId: offTopic?.id },
      { decision: 'maybe' },
      { decision: 'include' },
      { decision: 'maybe' },
      { decision: 'exclude', reason: 'Evaluation only', reasonId: evaluationOnly?.id },
      { decision: 'include' },
    ]);
    for (const id of ids) expect(Date.now() - Date.parse(byId.get(id)?.screening.decidedAt ?? '')).toBeLessThan(120_000);
    expect(byId.get(ids[9] ?? '')?.notes.map((note) => note.body)).toEqual(['Check the ranking metric']);
    expect(library.papers.filter((paper) => paper.screening.decision !== 'undecided')).toHaveLength(10);
    expect(library.papers.every((paper) => paper.status === 'unread')).toBe(true);

    // A reload comes back to the screening view, on the same list, at its first paper not screened.
    await page.reload();
    await screening.view.waitFor();
    await expect.poll(() => screening.position()).toBe('Paper 11 of 66 · all papers');

    // Esc leaves the view; after a reload the decisions are there to search for.
    await screening.press('Escape');
    await screening.view.waitFor({ state: 'detached' });
    await page.reload();
    await sift.waitForList();
    await sift.search('decision:include');
    await expect.poll(() => sift.visibleTitles()).toEqual([0, 2, 6, 9].map((index) => listed[index]));

    // Screening that list: it is all screened, so it starts at its first paper, with its own counts.
    // (Esc closes the suggestions, then leaves the search box for the list.)
    await page.keyboard.press('Escape');
    await page.keyboard.press('Escape');
    await expect.poll(() => sift.focusedTestId()).not.toBe('search-input');
    await screening.openWithKeyboard();
    expect(await screening.position()).toBe('Paper 1 of 4 · matching “decision:include”');
    await expect.poll(() => screening.counts()).toEqual({ ...expected, include: 4, maybe: 0, exclude: 0, undecided: 0, reasons: expected.reasons.map((reason) => ({ ...reason, count: 0 })) });
    expect(await screening.decision()).toMatchObject({ decision: 'include' });
  });

  it('edits the criteria in the side panel: renames, reorders and deletes reasons, removes a keyword; the keys follow', async () => {
    const { page } = app;
    await app.callApi('screening.criteria.set', { reasons: [{ label: 'Off topic' }, { label: 'Evaluation only' }, { label: 'Duplicate' }], includeKeywords: ['RLHF'], excludeKeywords: ['benchmark', 'image'] });
    await sift.runCommand('Edit screening criteria');
    await screening.criteria.waitFor();
    const labels = () => screening.criteria.getByTestId('reason-label').evaluateAll((inputs) => inputs.map((input) => (input as HTMLInputElement).value));
    await expect.poll(labels).toEqual(['Off topic', 'Evaluation only', 'Duplicate']);

    const second = screening.criteria.getByTestId('reason-label').nth(1);
    await second.fill('Evaluation or benchmark only');
    await second.press('Enter');
    await screening.criteria.getByRole('button', { name: 'Move E3 up' }).click();
    await expect.poll(labels).toEqual(['Off topic', 'Duplicate', 'Evaluation or benchmark only']);
    await screening.criteria.getByRole('button', { name: 'Delete E1' }).click();
    await expect.poll(labels).toEqual(['Duplicate', 'Evaluation or benchmark only']);
    await screening.criteria.getByRole('button', { name: 'Remove “image”' }).click();
    await expect.poll(() => screening.criteria.getByTestId('keywords-exclude').getByTestId('keyword-chip').allTextContents()).toEqual(['benchmark×']);

    // The keys number the reasons as the panel now does.
    await screening.paper.click();
    await screening.press('e');
    await expect.poll(() => page.getByTestId('reason-option').allTextContents()).toEqual(['1 Duplicate', '2 Evaluation or benchmark only']);
    await screening.decide('2');
    await expect.poll(async () => (await screening.counts()).reasons).toEqual([
      { number: 'E1', label: 'Duplicate', count: 0 },
      { number: 'E2', label: 'Evaluation or benchmark only', count: 1 },
    ]);

    const library = await app.readLibrary();
    expect(library.screeningCriteria).toMatchObject({
      reasons: [{ label: 'Duplicate' }, { label: 'Evaluation or benchmark only' }],
      includeKeywords: ['RLHF'],
      excludeKeywords: ['benchmark'],
    });
    expect(library.papers[0]?.screening).toMatchObject({ decision: 'exclude', reason: 'Evaluation or benchmark only', reasonId: library.screeningCriteria?.reasons[1]?.id });
  });

  it('takes the screening screenshots for the README: keyword highlights and counts, then the criteria panel', async () => {
    const { page } = app;
    const { criteria } = await app.callApi('screening.criteria.set', {
      reasons: [{ label: 'Off topic' }, { label: 'Evaluation only' }, { label: 'Not about language models' }],
      includeKeywords: ['preference', 'RLHF', 'human feedback', 'alignment'],
      excludeKeywords: ['benchmark', 'image', 'survey', 'game'],
    });
    const ids = (await app.readLibrary()).papers.map((paper) => paper.id);
    const decide = (indexes: number[], decision: 'include' | 'maybe' | 'exclude', reason?: number) =>
      app.callApi('screening.decide', {
        paperIds: indexes.map((index) => ids[index] ?? ''),
        decision,
        ...(reason !== undefined ? { reasonId: criteria.reasons[reason]?.id ?? '' } : {}),
      });
    await decide([0, 3, 5, 6, 9, 12], 'include');
    await decide([7, 10], 'maybe');
    await decide([1, 4], 'exclude', 0);
    await decide([8], 'exclude', 1);
    await decide([11], 'exclude', 2);
    // The list's summaries as they are now (screening starts at the first paper they say is not screened).
    await page.reload();
    await sift.waitForList();

    await screening.openWithKeyboard();
    // The first paper not screened yet (Iterative Nash Policy Optimization), with both kinds of keywords.
    expect(await screening.position()).toBe('Paper 3 of 66 · all papers');
    await expect.poll(() => screening.marks()).toEqual(expect.arrayContaining(['include:Human Feedback', 'include:RLHF', 'exclude:game', 'exclude:benchmarks']));
    await expect.poll(async () => (await screening.counts()).include).toBe(6);
    await page.screenshot({ path: path.join(screenshotFolder, 'screening.png') });

    await page.getByTestId('screening-criteria-toggle').click();
    await screening.criteria.waitFor();
    await screening.press('e');
    await page.getByTestId('reason-picker').waitFor();
    await page.screenshot({ path: path.join(screenshotFolder, 'screening-criteria.png') });
    await screening.press('Escape');
  });
});
