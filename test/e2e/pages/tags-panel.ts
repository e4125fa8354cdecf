import type { Locator, Page } from 'playwright-core';

const quoted = (value: string) => value.replace(/["\\]/g, '\\$&');

/** The sidebar's tag tree and each tag's menu (rename, color, pin, delete), as a user works them. */
export class TagsPanel {
  constructor(readonly page: Page) {}

  get tree(): Locator {
    return this.page.getByTestId('tag-tree');
  }

  /** The tag's row (the <li> holding its button, twisty and ⋯). */
  row(name: string): Locator {
    return this.page.locator(`li.tag-row:has(> [data-testid="sidebar-tag"][data-tag="${quoted(name)}"])`);
  }

  item(name: string): Locator {
    return this.page.locator(`[data-testid="sidebar-tag"][data-tag="${quoted(name)}"]`);
  }

  /** The full names of the drawn tags, in tree order. */
  async names(): Promise<string[]> {
    return this.page.getByTestId('sidebar-tag').evaluateAll((items) => items.map((item) => item.getAttribute('data-tag') ?? ''));
  }

  async count(name: string): Promise<number | undefined> {
    if ((await this.item(name).count()) === 0) return undefined;
    return Number(await this.item(name).locator('.sidebar-count').textContent());
  }

  async pinBadge(name: string): Promise<string | null> {
    const badge = this.item(name).getByTestId('tag-pin-badge');
    return (await badge.count()) === 0 ? null : badge.textContent();
  }

  async filterBy(name: string): Promise<void> {
    await this.item(name).click();
  }

  async toggleCollapsed(name: string): Promise<void> {
    await this.row(name).getByTestId('tag-twisty').click();
  }

  get menu(): Locator {
    return this.page.getByTestId('tag-menu');
  }

  async openMenu(name: string): Promise<void> {
    await this.row(name).hover();
    await this.row(name).getByTestId('tag-menu-button').click();
    await this.menu.waitFor();
  }

  /** Opens rename from the menu and types the new name; `submit` presses Enter. */
  async startRename(name: string, to: string): Promise<Locator> {
    await this.openMenu(name);
    await this.menu.getByTestId('tag-rename').click();
    const input = this.page.getByTestId('tag-rename-input');
    await input.fill(to);
    return input;
  }

  async rename(name: string, to: string): Promise<void> {
    const input = await this.startRename(name, to);
    await input.press('Enter');
    await input.waitFor({ state: 'detached' });
  }

  async setColor(name: string, color: string): Promise<void> {
    await this.openMenu(name);
    await this.menu.locator(`[data-testid="tag-color"][data-color="${color}"]`).click();
    await this.menu.waitFor({ state: 'detached' });
  }

  async pin(name: string, slot: number): Promise<void> {
    await this.openMenu(name);
    await this.menu.locator(`[data-testid="tag-pin"][data-slot="${slot}"]`).click();
    await this.menu.waitFor({ state: 'detached' });
  }

  async delete(name: string): Promise<void> {
    await this.openMenu(name);
    await this.menu.getByTestId('tag-delete').click();
    await this.menu.waitFor({ state: 'detached' });
  }
}
