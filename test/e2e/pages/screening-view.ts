import type { Locator, Page } from 'playwright-core';
import { expect } from 'vitest';

export interface ScreeningCounts {
  include: number;
  maybe: number;
  exclude: number;
  undecided: number;
  reasons: Array<{ number: string; label: string; count: number }>;
}

/** The screening view: one paper at a time, counts on the left, criteria on the right. */
export class ScreeningView {
  constructor(readonly page: Page) {}

  get view(): Locator {
    return this.page.getByTestId('screening-view');
  }

  get paper(): Locator {
    return this.page.getByTestId('screening-paper');
  }

  get criteria(): Locator {
    return this.page.getByTestId('screening-criteria');
  }

  /** Opens the view with its shortcut, as a user at the list would. */
  async openWithKeyboard(): Promise<void> {
    await this.page.keyboard.press('Shift+S');
    await this.view.waitFor();
  }

  /** The id of the paper on screen. */
  async paperId(): Promise<string> {
    await this.paper.waitFor();
    return (await this.paper.getAttribute('data-paper-id')) ?? '';
  }

  async title(): Promise<string> {
    return (await this.page.getByTestId('screening-title').textContent()) ?? '';
  }

  /** The decision shown on the paper and, for an exclusion, its reason ("E1 Off topic"). */
  async decision(): Promise<{ decision: string | null; text: string }> {
    const badge = this.page.getByTestId('screening-decision');
    return { decision: await badge.getAttribute('data-decision'), text: ((await badge.textContent()) ?? '').trim() };
  }

  /** "Paper 3 of 66 · all papers" */
  async position(): Promise<string> {
    return (await this.page.getByTestId('screening-scope').textContent()) ?? '';
  }

  async press(...keys: string[]): Promise<void> {
    for (const key of keys) await this.page.keyboard.press(key);
  }

  /** Presses keys on the paper on screen and waits until the next one is shown. */
  async decide(...keys: string[]): Promise<void> {
    const before = await this.paperId();
    await this.press(...keys);
    await expect.poll(() => this.paperId()).not.toBe(before);
  }

  async counts(): Promise<ScreeningCounts> {
    const count = async (key: string) => Number(await this.page.getByTestId(`count-${key}`).getAttribute('data-count'));
    const reasons = await this.page.getByTestId('count-reason').evaluateAll((rows) =>
      rows.map((row) => ({
        number: row.querySelector('.reason-number')?.textContent ?? '',
        label: row.querySelector('.screening-count-label')?.textContent ?? '',
        count: Number(row.getAttribute('data-count')),
      })),
    );
    return { include: await count('include'), maybe: await count('maybe'), exclude: await count('exclude'), undecided: await count('undecided'), reasons };
  }

  async progress(): Promise<{ screened: number; total: number }> {
    const bar = this.page.getByTestId('screening-progress');
    return { screened: Number(await bar.getAttribute('data-screened')), total: Number(await bar.getAttribute('data-total')) };
  }

  /** Adds an exclusion reason in the criteria panel. */
  async addReason(label: string): Promise<void> {
    const rows = this.criteria.getByTestId('reason-row');
    const before = await rows.count();
    await this.criteria.getByTestId('new-reason').fill(label);
    await this.criteria.getByTestId('new-reason').press('Enter');
    await expect.poll(() => rows.count()).toBe(before + 1);
  }

  /** Adds keywords (comma-separated) to the inclusion or exclusion list. */
  async addKeywords(kind: 'include' | 'exclude', keywords: string): Promise<void> {
    const input = this.criteria.getByTestId(`keyword-input-${kind}`);
    const chips = this.criteria.getByTestId(`keywords-${kind}`).getByTestId('keyword-chip');
    const before = await chips.count();
    await input.fill(keywords);
    await input.press('Enter');
    await expect.poll(() => chips.count()).toBe(before + keywords.split(',').length);
  }

  /** The marked words of the paper on screen: `include:word` / `exclude:word`. */
  marks(): Promise<string[]> {
    return this.paper.locator('mark.keyword').evaluateAll((marks) => marks.map((mark) => `${mark.getAttribute('data-keyword')}:${mark.textContent}`));
  }
}
