import type { MethodInput } from '../../../shared/api/contract';
import { ApiCallError, call } from '../api/client';
import { copyText } from '../util/clipboard';
import { downloadText } from '../util/download';
import { errorMessage } from '../util/error-message';
import { toasts } from './toast-store';

const EXPORT_FILE_NAME = 'review-table.md';

/** Built-in column ids and custom columns as `column:<id>`, in order; the default columns when absent. */
type ExportColumns = MethodInput<'export.markdown'>['columns'];

function rowsLabel(rows: number): string {
  return `${rows} ${rows === 1 ? 'row' : 'rows'}`;
}

/** Copies the review table of these papers (in this order) as GFM Markdown. */
export async function copyReviewMarkdown(paperIds: readonly string[], columns?: ExportColumns): Promise<void> {
  try {
    const { markdown, rows } = await call('export.markdown', { paperIds: [...paperIds], ...(columns ? { columns } : {}) });
    await copyText(markdown);
    toasts.info(`Copied ${rowsLabel(rows)}`);
  } catch (error) {
    toasts.error(errorMessage(error));
  }
}

/** Saves the review table through the desktop's save dialog, or as a download in browser mode. */
export async function exportReviewMarkdown(paperIds: readonly string[], columns?: ExportColumns): Promise<void> {
  let content: string;
  let rows: number;
  try {
    ({ markdown: content, rows } = await call('export.markdown', { paperIds: [...paperIds], ...(columns ? { columns } : {}) }));
  } catch (error) {
    toasts.error(errorMessage(error));
    return;
  }
  try {
    const result = await call('export.save', { suggestedName: EXPORT_FILE_NAME, content });
    if (result.saved) toasts.info(`Exported ${rowsLabel(rows)}${result.path ? ` to ${result.path}` : ''}`);
  } catch (error) {
    if (error instanceof ApiCallError && error.code === 'unavailable') {
      downloadText(EXPORT_FILE_NAME, content);
      toasts.info(`Downloaded ${EXPORT_FILE_NAME} (${rowsLabel(rows)})`);
      return;
    }
    toasts.error(errorMessage(error));
  }
}
