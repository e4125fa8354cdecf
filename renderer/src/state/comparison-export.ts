import { ApiCallError, call } from '../api/client';
import { copyText } from '../util/clipboard';
import { downloadText } from '../util/download';
import { errorMessage } from '../util/error-message';
import { toasts } from './toast-store';

const EXPORT_FILE_NAME = 'comparison.md';

/** Copies a comparison's Markdown (built by shared/export/comparison-markdown.ts). */
export async function copyComparisonMarkdown(markdown: string): Promise<void> {
  try {
    await copyText(markdown);
    toasts.info('Copied the comparison as Markdown');
  } catch (error) {
    toasts.error(errorMessage(error));
  }
}

/** Saves a comparison's Markdown through the desktop's save dialog, or as a download in browser mode (as the review table does). */
export async function exportComparisonMarkdown(markdown: string): Promise<void> {
  try {
    const result = await call('export.save', { suggestedName: EXPORT_FILE_NAME, content: markdown });
    if (result.saved) toasts.info(`Exported the comparison${result.path ? ` to ${result.path}` : ''}`);
  } catch (error) {
    if (error instanceof ApiCallError && error.code === 'unavailable') {
      downloadText(EXPORT_FILE_NAME, markdown);
      toasts.info(`Downloaded ${EXPORT_FILE_NAME}`);
      return;
    }
    toasts.error(errorMessage(error));
  }
}
