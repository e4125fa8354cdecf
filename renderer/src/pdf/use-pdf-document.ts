import type { PDFDocumentProxy } from 'pdfjs-dist';
import { useEffect, useState } from 'react';
import { call } from '../api/client';
import { errorMessage } from '../util/error-message';
import { loadPdf } from './load-pdf';
import { decodeBase64 } from '../util/base64';

export type PdfDocumentState =
  | { phase: 'loading' }
  | { phase: 'ready'; doc: PDFDocumentProxy }
  | { phase: 'failed'; message: string };

/** pdf.js's own words for a file it cannot open, in the user's. */
function pdfErrorMessage(error: unknown): string {
  const name = error instanceof Error ? error.name : '';
  if (name === 'PasswordException') return 'This PDF needs a password, which the reader does not ask for yet';
  if (name === 'InvalidPDFException') return 'This file is not a PDF that can be read (it may be damaged)';
  return errorMessage(error);
}

/**
 * A paper's PDF, asked for by attachment id (`attachments.read`; the main side finds the file),
 * opened with pdf.js. The document is destroyed when the reader closes or shows another one.
 */
export function usePdfDocument(paperId: string, attachmentId: string): PdfDocumentState {
  const [state, setState] = useState<{ key: string; value: PdfDocumentState }>({ key: '', value: { phase: 'loading' } });
  const key = `${paperId}\n${attachmentId}`;
  useEffect(() => {
    let cancelled = false;
    let destroy: (() => Promise<void>) | undefined;
    const settle = (value: PdfDocumentState) => {
      if (!cancelled) setState({ key, value });
    };
    void (async () => {
      try {
        const { data } = await call('attachments.read', { paperId, attachmentId });
        if (cancelled) return;
        const loading = loadPdf(decodeBase64(data));
        destroy = loading.destroy;
        settle({ phase: 'ready', doc: await loading.promise });
      } catch (error) {
        settle({ phase: 'failed', message: pdfErrorMessage(error) });
      }
    })();
    return () => {
      cancelled = true;
      void destroy?.();
    };
  }, [key, paperId, attachmentId]);
  return state.key === key ? state.value : { phase: 'loading' };
}
