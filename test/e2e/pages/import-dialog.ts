import type { Locator, Page } from 'playwright-core';

/** The import dialog as a user works it: choose or paste, preview, decide, commit or cancel. */
export class ImportDialogPage {
  constructor(readonly page: Page) {}

  get root(): Locator {
    return this.page.getByTestId('import-dialog');
  }

  get items(): Locator {
    return this.root.getByTestId('import-item');
  }

  get list(): Locator {
    return this.root.getByTestId('import-list');
  }

  /** The item with this index in the import (data-index), once it is drawn. */
  item(index: number): Locator {
    return this.root.locator(`[data-testid="import-item"][data-index="${index}"]`);
  }

  async waitOpen(): Promise<void> {
    await this.root.waitFor();
  }

  /** Picks files through the dialog's file input, as the "Choose files…" button's file chooser would. */
  async chooseFiles(paths: readonly string[]): Promise<void> {
    await this.root.getByTestId('import-file-input').setInputFiles([...paths]);
  }

  async paste(text: string): Promise<void> {
    await this.root.getByTestId('import-tab-paste').click();
    await this.root.getByTestId('import-text').fill(text);
  }

  async setTags(tags: string): Promise<void> {
    await this.root.getByTestId('import-tags').fill(tags);
  }

  /** Starts the preview; resolves once the preview is shown, with the milliseconds it took from the click. */
  async preview(): Promise<number> {
    const started = Date.now();
    await this.root.getByTestId('import-preview-button').click();
    await this.root.getByTestId('import-preview').waitFor({ timeout: 60_000 });
    await this.items.first().waitFor();
    return Date.now() - started;
  }

  async counts(): Promise<string | null> {
    return this.root.getByTestId('import-counts').textContent();
  }

  /** The file lines of the preview, as `{ name, text, error }`. */
  async files(): Promise<Array<{ name: string; text: string; error: string | null }>> {
    return this.root.getByTestId('import-file').evaluateAll((lines) =>
      lines.map((line) => ({
        name: line.getAttribute('data-file') ?? '',
        text: line.textContent ?? '',
        error: line.querySelector('[data-testid="import-file-error"]')?.textContent ?? null,
      })),
    );
  }

  async filter(filter: 'all' | 'duplicates' | 'warnings'): Promise<void> {
    await this.root.locator(`[data-testid="import-filter"][data-filter="${filter}"]`).click();
  }

  /** Scrolls the virtualized list until the item is drawn, and returns it. */
  async scrollTo(index: number): Promise<Locator> {
    const item = this.item(index);
    for (let step = 0; step < 400 && (await item.count()) === 0; step += 1) {
      const moved = await this.list.evaluate((list, wanted) => {
        const drawn = [...list.querySelectorAll('[data-testid="import-item"]')].map((row) => Number(row.getAttribute('data-index')));
        const before = list.scrollTop;
        list.scrollTop += (drawn.length > 0 && Math.min(...drawn) > wanted ? -1 : 1) * list.clientHeight * 0.8;
        return list.scrollTop !== before;
      }, index);
      if (!moved) break;
      await this.page.waitForTimeout(20);
    }
    await item.waitFor();
    await item.scrollIntoViewIfNeeded();
    return item;
  }

  async setAction(index: number, action: 'import' | 'skip' | 'merge'): Promise<void> {
    const item = await this.scrollTo(index);
    await item.getByTestId('import-action').selectOption(action);
  }

  /** The actions of every drawn item, by index. */
  async drawnActions(): Promise<Map<number, string>> {
    const pairs = await this.items.evaluateAll((rows) =>
      rows.map((row) => [Number(row.getAttribute('data-index')), row.querySelector('select')?.value ?? ''] as const),
    );
    return new Map(pairs);
  }

  /** Commits and waits for the dialog to close; resolves to the summary toast's text. */
  async commit(): Promise<string> {
    await this.root.getByTestId('import-commit').click();
    await this.root.waitFor({ state: 'detached', timeout: 30_000 });
    const toast = this.page.getByTestId('toast').filter({ hasText: /^Imported / });
    await toast.first().waitFor();
    return (await toast.first().locator('.toast-message').textContent()) ?? '';
  }
}
