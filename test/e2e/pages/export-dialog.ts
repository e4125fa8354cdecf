import type { Download, Locator, Page } from 'playwright-core';

/** The Export dialog (renderer/src/components/ExportDialog.tsx). */
export class ExportDialog {
  constructor(readonly page: Page) {}

  get root(): Locator {
    return this.page.getByTestId('export-dialog');
  }

  /** Opens it with its shortcut, Ctrl+Shift+E (Chromium here is not on a Mac). */
  async openWithShortcut(): Promise<void> {
    await this.page.keyboard.press('Control+Shift+E');
    await this.root.waitFor();
  }

  async chooseScope(scope: 'selection' | 'list' | 'library'): Promise<void> {
    await this.root.getByTestId(`export-scope-${scope}`).check();
  }

  async chooseFormat(label: string): Promise<void> {
    await this.root.getByTestId('export-format').selectOption({ label });
    await this.root.getByTestId('export-preview').or(this.root.getByTestId('export-error')).first().waitFor();
  }

  /** Clicks Save… and answers the download that browser mode gives instead of a save dialog. */
  async saveAndDownload(): Promise<Download> {
    const download = this.page.waitForEvent('download');
    await this.root.getByTestId('export-save').click();
    return download;
  }
}
