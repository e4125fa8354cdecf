import type { Locator, Page } from 'playwright-core';
import { expect } from 'vitest';

/** The search box and what goes with it (suggestions, syntax help, hints, sort, saved searches), as a user works them. */
export class SearchPanel {
  constructor(readonly page: Page) {}

  get input(): Locator {
    return this.page.getByTestId('search-input');
  }

  get completions(): Locator {
    return this.page.getByTestId('search-completion');
  }

  get hints(): Locator {
    return this.page.getByTestId('search-hint');
  }

  get savedSearches(): Locator {
    return this.page.getByTestId('saved-search');
  }

  savedSearch(name: string): Locator {
    return this.page.locator(`li.saved-search:has([data-testid="saved-search"][data-name="${name.replace(/["\\]/g, '\\$&')}"])`);
  }

  /** Types into the search box key by key, as fast as the keyboard sends them. */
  async type(text: string): Promise<void> {
    await this.input.click();
    await this.page.keyboard.type(text);
  }

  /** Replaces the box's text at once (as a paste would). */
  async fill(text: string): Promise<void> {
    await this.input.click();
    await this.input.fill(text);
  }

  async completionLabels(): Promise<string[]> {
    return this.completions.evaluateAll((items) => items.map((item) => item.querySelector('.search-completion-label')?.textContent ?? ''));
  }

  /** Waits until no search is running: the list shows the answer to what is in the box. */
  async settled(): Promise<void> {
    await expect.poll(() => this.page.getByTestId('paper-list').getAttribute('aria-busy'), { timeout: 10_000 }).toBeNull();
  }

  async sortBy(sort: 'relevance' | 'year-desc' | 'year-asc' | 'title' | 'added-desc' | 'added-asc'): Promise<void> {
    await this.page.getByTestId('sort-select').selectOption(sort);
  }

  /** Saves the current query under a name through the "Save search" dialog. */
  async save(name: string): Promise<void> {
    await this.page.getByTestId('save-search').click();
    const dialog = this.page.getByTestId('saved-search-dialog');
    await dialog.waitFor();
    await dialog.getByTestId('saved-search-name').fill(name);
    await dialog.getByTestId('saved-search-submit').click();
    await dialog.waitFor({ state: 'detached' });
  }

  /** The live count beside a saved search in the sidebar. */
  async savedCount(name: string): Promise<number> {
    return Number(await this.savedSearch(name).getByTestId('saved-search-count').textContent());
  }
}
