import { getDocument, GlobalWorkerOptions, type PDFDocumentProxy } from 'pdfjs-dist';
import workerUrl from 'pdfjs-dist/build/pdf.worker.min.mjs?url';
import { pdfViewerOptions } from './pdf-viewer-options';

// pdf.js parses in its own worker, a file of the app's bundle (the CSP allows workers from 'self').
GlobalWorkerOptions.workerSrc = workerUrl;

export interface LoadingPdf {
  promise: Promise<PDFDocumentProxy>;
  /** Stops loading, or frees a loaded document and its worker. */
  destroy: () => Promise<void>;
}

/** pdf.js's data files, shipped beside the app (renderer/vite.config.ts copies them to pdfjs/). */
function dataUrl(folder: string): string {
  return new URL(`./pdfjs/${folder}/`, document.baseURI).href;
}

/**
 * Opens a PDF from its bytes with the reader's safety options. Nothing leaves the app: the bytes
 * come from the main side, and character maps and standard fonts from the app's own files.
 */
export function loadPdf(data: Uint8Array): LoadingPdf {
  const task = getDocument({
    data,
    ...pdfViewerOptions,
    cMapUrl: dataUrl('cmaps'),
    cMapPacked: true,
    standardFontDataUrl: dataUrl('standard_fonts'),
    wasmUrl: dataUrl('wasm'),
  });
  return { promise: task.promise, destroy: () => task.destroy() };
}
