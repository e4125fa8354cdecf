import type { PDFDocumentProxy } from 'pdfjs-dist';
import type { TextItem } from 'pdfjs-dist/types/src/display/api';
import { useEffect, useRef, useState } from 'react';
import type { PageText } from './find-in-pages';

export interface PageTexts {
  pages: readonly (PageText | undefined)[];
  /** Every page's text has been read. */
  complete: boolean;
}

const EMPTY: PageTexts = { pages: [], complete: false };

/**
 * The text of every page, for find in document: read once, when first wanted, page after page
 * (results come in as they are read, so a long document is searched as it goes). Once started,
 * reading goes on until the document changes, even if the find bar is closed meanwhile.
 */
export function usePageTexts(doc: PDFDocumentProxy | undefined, wanted: boolean): PageTexts {
  const [texts, setTexts] = useState<{ doc: PDFDocumentProxy; value: PageTexts } | undefined>();
  const reading = useRef<{ doc: PDFDocumentProxy; cancel: () => void } | undefined>(undefined);
  useEffect(
    () => () => {
      reading.current?.cancel();
      reading.current = undefined;
    },
    [],
  );
  useEffect(() => {
    if (!doc || !wanted || reading.current?.doc === doc) return;
    reading.current?.cancel();
    let cancelled = false;
    reading.current = { doc, cancel: () => (cancelled = true) };
    const pages: (PageText | undefined)[] = Array.from({ length: doc.numPages }, () => undefined);
    void (async () => {
      let shownAt = performance.now();
      for (let pageNumber = 1; pageNumber <= doc.numPages; pageNumber += 1) {
        try {
          const content = await (await doc.getPage(pageNumber)).getTextContent();
          const items = content.items.filter((item): item is TextItem => 'str' in item);
          pages[pageNumber - 1] = { items: items.map((item) => item.str), eol: items.map((item) => item.hasEOL) };
        } catch {
          // A page whose text cannot be read is not searched (or the document was closed).
        }
        if (cancelled) return;
        const now = performance.now();
        if (pageNumber === doc.numPages || now - shownAt > 150) {
          shownAt = now;
          setTexts({ doc, value: { pages: [...pages], complete: pageNumber === doc.numPages } });
        }
      }
    })();
  }, [doc, wanted]);
  return texts && texts.doc === doc ? texts.value : EMPTY;
}
