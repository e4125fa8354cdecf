import type { PdfPageText, PdfTextItem } from '../../../../../electron/services/pdf/pdf-text-layout';

/** One text run; the width is estimated from the length (half an em per character). */
export function run(text: string, x: number, y: number, fontSize = 10, extra: Partial<PdfTextItem> = {}): PdfTextItem {
  return { text, x, y, width: text.length * fontSize * 0.5, fontSize, upright: true, endOfLine: true, ...extra };
}

/** Lines of running text, one run per line, from `top` down at 1.2 × the font size. */
export function lines(texts: readonly (string | [string, number])[], top: number, x = 72): PdfTextItem[] {
  const items: PdfTextItem[] = [];
  let y = top;
  for (const entry of texts) {
    const [text, size] = typeof entry === 'string' ? [entry, 10] : entry;
    items.push(run(text, x, y, size));
    y -= size * 1.2;
  }
  return items;
}

export function page(items: PdfTextItem[], width = 612, height = 792): PdfPageText {
  return { width, height, items };
}
