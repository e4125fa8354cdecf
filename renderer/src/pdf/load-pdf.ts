import { getDocument, GlobalWorkerOptions, type PDFDocumentProxy } from 'pdfjs-dist';
import workerUrl from 'pdfjs-dist/build/pdf.worker.min.mjs?url';

// pdf.js parses in its own worker, a file of the app's bundle (the CSP allows workers from 'self').
GlobalWorkerOptions.workerSrc = workerUrl;

export interface LoadingPdf {
  promise: Promise<PDFDocumentProxy>;
  /** Stops loading, or frees a loaded document and its worker. */
  destroy: () => Promise<void>;
}

/**
 * Opens a PDF from its bytes. `isEvalSupported: false`: pdf.js never compiles code from a PDF's
 * fonts or functions (the CSP has no 'unsafe-eval' anyway). Nothing is fetched: the bytes are
 * all there is, and fonts a PDF does not embed fall back to the system's.
 */
export function loadPdf(data: Uint8Array): LoadingPdf {
  const task = getDocument({ data, isEvalSupported: false, useSystemFonts: true, stopAtErrors: false });
  return { promise: task.promise, destroy: () => task.destroy() };
}
