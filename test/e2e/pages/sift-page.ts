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

  /** The toolbar's indicator of whether every edit is on disk. */
  get saveState(): Locator {
    return this.page.getByTestId('save-state');
  }

  /** The count the sidebar shows beside a tag, or undefined while the tag is not listed. */
  async tagCount(tag: string): Promise<number | undefined> {
    const item = this.page.locator(`[data-testid="sidebar-tag"][data-tag="${tag.replace(/["\\]/g, '\\$&')}"]`);
    if ((await item.count()) === 0) return undefined;
    return Number(await item.locator('.sidebar-count').textContent());
  }

  async statusCount(status: 'unread' | 'reading' | 'read'): Promise<number> {
    return Number(await this.page.locator(`[data-testid="sidebar-status"][data-status="${status}"] .sidebar-count`).textContent());
  }

  /** Runs a command from the palette by its title, as a user typing it would. */
  async runCommand(title: string): Promise<void> {
    await this.page.keyboard.press('Control+k');
    await this.page.getByTestId('palette').waitFor();
    await this.page.getByTestId('palette-input').fill(title);
    await this.page.getByTestId('palette-item').filter({ hasText: title }).first().click();
  }

  focusedTestId(): Promise<string | null> {
    return this.page.evaluate(() => document.activeElement?.getAttribute('data-testid') ?? null);
  }
}
