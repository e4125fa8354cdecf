import type { Locator, Page } from 'playwright-core';
import { expect } from 'vitest';

/** The PDF reader as a user sees it: each method is one thing a user does. */
export class PdfReaderPage {
  constructor(readonly page: Page) {}

  get root(): Locator {
    return this.page.getByTestId('pdf-reader');
  }

  pageElement(pageNumber: number): Locator {
    return this.root.locator(`.pdf-page[data-page="${pageNumber}"]`);
  }

  /** Waits until the reader shows the document with its page count and a drawn text layer. */
  async waitOpen(pageCount: number): Promise<void> {
    await this.root.waitFor({ state: 'visible' });
    await expect.poll(() => this.root.getByTestId('pdf-page-count').textContent(), { timeout: 20_000 }).toBe(`/ ${pageCount}`);
    await this.root.locator('.textLayer span').first().waitFor({ state: 'attached', timeout: 20_000 });
  }

  /** The page number the reader says it is on. */
  currentPage(): Promise<number> {
    return this.root.getByTestId('pdf-page-input').inputValue().then(Number);
  }

  async goToPage(pageNumber: number): Promise<void> {
    const input = this.root.getByTestId('pdf-page-input');
    await input.click();
    await input.fill(String(pageNumber));
    await input.press('Enter');
    await expect.poll(() => this.currentPage()).toBe(pageNumber);
  }

  zoom(): Promise<string | null> {
    return this.root.getByTestId('pdf-zoom').textContent();
  }

  /** Steps the zoom with + and − (from the pages) until it reads `percent`%. */
  async zoomTo(percent: number): Promise<void> {
    await this.root.getByTestId('pdf-scroll').focus();
    for (let step = 0; step < 30; step += 1) {
      const now = Number.parseInt((await this.zoom()) ?? '', 10);
      if (now === percent) return;
      await this.page.keyboard.press(now > percent ? '-' : '+');
      await expect.poll(async () => Number.parseInt((await this.zoom()) ?? '', 10)).not.toBe(now);
    }
    throw new Error(`the zoom did not reach ${percent}%`);
  }

  /** Opens find with the keyboard and types the query; resolves to the status ("1 of 12"). */
  async find(query: string): Promise<void> {
    await this.root.getByTestId('pdf-scroll').focus();
    await this.page.keyboard.press('ControlOrMeta+f');
    const input = this.root.getByTestId('pdf-find-input');
    await expect.poll(() => input.evaluate((element) => element === document.activeElement)).toBe(true);
    await input.fill(query);
  }

  findStatus(): Promise<string | null> {
    return this.root.getByTestId('pdf-find-status').textContent();
  }

  /** A span of the text layer holding this text, on a page. */
  textSpan(pageNumber: number, text: string): Locator {
    return this.pageElement(pageNumber).locator('.textLayer span', { hasText: text }).first();
  }

  /** Selects a span's text with the mouse, as a user drags across it, and waits for the highlight popover. */
  async selectWithMouse(span: Locator): Promise<void> {
    await span.scrollIntoViewIfNeeded();
    const box = await span.boundingBox();
    if (!box) throw new Error('the text is not on screen');
    const y = box.y + box.height / 2;
    await this.page.mouse.move(box.x + 1, y);
    await this.page.mouse.down();
    await this.page.mouse.move(box.x + box.width / 2, y, { steps: 4 });
    await this.page.mouse.move(box.x + box.width - 1, y, { steps: 4 });
    await this.page.mouse.up();
    await this.popover.waitFor({ state: 'visible' });
  }

  get popover(): Locator {
    return this.root.getByTestId('highlight-popover');
  }

  highlights(pageNumber?: number): Locator {
    return (pageNumber === undefined ? this.root : this.pageElement(pageNumber)).getByTestId('pdf-highlight');
  }

  get sideList(): Locator {
    return this.root.getByTestId('pdf-side').getByTestId('highlight-item');
  }

  async close(): Promise<void> {
    await this.root.getByTestId('close-view').click();
    await this.root.waitFor({ state: 'detached' });
  }
}
