import type { PDFDocumentProxy } from 'pdfjs-dist';
import { useEffect, useState } from 'react';

/** A page at 100%: the size of pdf.js's viewport at scale 1 (highlights are stored in these units). */
export interface PageSize {
  width: number;
  height: number;
  /** The page's UserUnit (1 almost always): the text layer's CSS needs it beside the zoom. */
  userUnit: number;
}

/** Pages whose sizes are asked for at once, between updates. */
const BATCH = 32;

/**
 * Every page's size. The first page's size stands in for all of them at once (so the reader can
 * lay out and scroll immediately); the others are read in batches and replace the guesses.
 */
export function usePageSizes(doc: PDFDocumentProxy | undefined): { sizes: readonly PageSize[]; complete: boolean } | undefined {
  const [sizes, setSizes] = useState<{ doc: PDFDocumentProxy; sizes: readonly PageSize[]; complete: boolean } | undefined>();
  useEffect(() => {
    if (!doc) return;
    let cancelled = false;
    const sizeOf = async (pageNumber: number): Promise<PageSize> => {
      const page = await doc.getPage(pageNumber);
      const { width, height } = page.getViewport({ scale: 1 });
      return { width, height, userUnit: page.userUnit };
    };
    void (async () => {
      try {
        const first = await sizeOf(1);
        const all = Array.from({ length: doc.numPages }, () => first);
        if (cancelled) return;
        setSizes({ doc, sizes: all, complete: doc.numPages === 1 });
        for (let start = 2; start <= doc.numPages; start += BATCH) {
          const numbers = Array.from({ length: Math.min(BATCH, doc.numPages - start + 1) }, (_, index) => start + index);
          const batch = await Promise.all(numbers.map(sizeOf));
          if (cancelled) return;
          numbers.forEach((pageNumber, index) => {
            all[pageNumber - 1] = batch[index] ?? first;
          });
          setSizes({ doc, sizes: [...all], complete: start + BATCH > doc.numPages });
        }
      } catch {
        // A damaged page (or the reader closed): the guesses stay for the pages not read.
        if (!cancelled) setSizes((current) => current && { ...current, complete: true });
      }
    })();
    return () => {
      cancelled = true;
    };
  }, [doc]);
  return sizes?.doc === doc ? sizes : undefined;
}
