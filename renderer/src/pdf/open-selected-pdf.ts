import { call } from '../api/client';
import { paperCache } from '../state/paper-cache';
import { toasts } from '../state/toast-store';
import { errorMessage } from '../util/error-message';
import type { ReaderTarget } from './reader-target';

/** "Open PDF" from the keyboard or the palette: the selected paper's first PDF, in the reader. */
export async function openSelectedPdf(selectedIds: readonly string[], open: (target: Omit<ReaderTarget, 'request'>) => void): Promise<void> {
  const [paperId, ...others] = selectedIds;
  if (!paperId || others.length > 0) {
    toasts.info('Select one paper to open its PDF');
    return;
  }
  try {
    const paper = paperCache.getSnapshot().get(paperId) ?? (await call('papers.get', { ids: [paperId] })).papers[0];
    const attachment = paper?.attachments[0];
    if (!attachment) {
      toasts.info('This paper has no PDF. Import its PDF to attach it (a PDF of a paper you have becomes its attachment).');
      return;
    }
    open({ paperId, attachmentId: attachment.id });
  } catch (error) {
    toasts.error(errorMessage(error));
  }
}
