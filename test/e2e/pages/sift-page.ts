import type { Locator, Page } from 'playwright-core';
import { expect } from 'vitest';

/** The Sift window as a user sees it: each method is one thing a user does. */
export class SiftPage {
  constructor(readonly page: Page) {}

  get rows(): Locator {
    return this.page.getByTestId('paper-row');
  }

  row(title: string): Locator {
    return this.rows.filter({ hasText: title }).first();
  }

  async openSampleLibrary(): Promise<void> {
    await this.page.getByTestId('open-sample').click();
    await this.rows.first().waitFor({ state: 'visible' });
  }

  async search(query: string): Promise<void> {
    await this.page.getByTestId('search-input').click();
    await this.page.getByTestId('search-input').fill(query);
  }

  /** Waits until the list shows the library (after opening or reloading the page). */
  async waitForList(): Promise<void> {
    await this.rows.first().waitFor({ state: 'visible' });
  }

  /** The titles of the listed papers that are rendered (the list is virtualized). */
  async visibleTitles(): Promise<string[]> {
    return this.rows.evaluateAll((rows) => rows.map((row) => row.querySelector('[data-testid="row-title"]')?.textContent ?? ''));
  }

  async select(title: string, modifiers: Array<'ControlOrMeta' | 'Shift'> = []): Promise<void> {
    await this.row(title).click({ modifiers });
  }

  async addTag(tag: string): Promise<void> {
    const input = this.page.getByTestId('tag-input');
    await input.fill(tag);
    await input.press('Enter');
  }

  async addNote(text: string): Promise<void> {
    await this.page.getByTestId('add-note').click();
    const editor = this.page.getByTestId('note-editor').last();
    await editor.fill(text);
    await expect.poll(() => this.page.getByTestId('save-status').textContent(), { timeout: 10_000 }).toMatch(/Saved/);
  }

  /** Closes the notification toasts, so that screenshots show the window itself. */
  async dismissToasts(): Promise<void> {
    const close = this.page.getByTestId('toast').getByRole('button', { name: 'Dismiss' });
    while ((await close.count()) > 0) await close.first().click();
  }

  focusedTestId(): Promise<string | null> {
    return this.page.evaluate(() => document.activeElement?.getAttribute('data-testid') ?? null);
  }
}
