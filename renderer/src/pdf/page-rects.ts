import { MAX_PAGE_UNITS, roundRect, type HighlightRect } from '../../../shared/model/highlights';
import { mergeHighlightRects } from '../../../shared/model/merge-highlight-rects';
import type { TextPoint } from './find-in-pages';

/**
 * The rectangles a DOM range covers on one page, in page units (shared/model/highlights.ts): each
 * client rectangle is clipped to the page, made relative to its top-left corner and divided by
 * the zoom, then the pieces of each line are joined.
 */
export function rangeRectsOnPage(range: Range, page: HTMLElement, scale: number): HighlightRect[] {
  const box = page.getBoundingClientRect();
  const pieces: Array<[number, number, number, number]> = [];
  for (const rect of range.getClientRects()) {
    const left = Math.max(rect.left, box.left);
    const top = Math.max(rect.top, box.top);
    const right = Math.min(rect.right, box.right);
    const bottom = Math.min(rect.bottom, box.bottom);
    if (right <= left || bottom <= top) continue;
    pieces.push([(left - box.left) / scale, (top - box.top) / scale, (right - left) / scale, (bottom - top) / scale]);
  }
  return mergeHighlightRects(pieces)
    .map(roundRect)
    .filter(([x, y, width, height]) => x >= 0 && y >= 0 && width > 0 && height > 0 && width <= MAX_PAGE_UNITS && height <= MAX_PAGE_UNITS);
}

/** The part of a selection that lies on the page where it starts: a highlight belongs to one page. */
export function clipRangeToPage(range: Range, textLayer: HTMLElement): Range {
  const clipped = range.cloneRange();
  if (!textLayer.contains(range.endContainer)) clipped.setEnd(textLayer, textLayer.childNodes.length);
  return clipped;
}

/** A DOM range over the text layer's spans (one per text item) from one text point to another. */
export function rangeForTextPoints(textDivs: readonly HTMLElement[], start: TextPoint, end: TextPoint): Range | undefined {
  const startNode = textDivs[start.item]?.firstChild;
  const endNode = textDivs[end.item]?.firstChild;
  if (!startNode || !endNode || !startNode.isConnected || !endNode.isConnected) return undefined;
  const range = document.createRange();
  range.setStart(startNode, Math.min(start.offset, startNode.textContent?.length ?? 0));
  range.setEnd(endNode, Math.min(end.offset, endNode.textContent?.length ?? 0));
  return range;
}

/**
 * The text a range covers, on one line: the text layer ends each line with a <br>, which
 * `Range.toString()` leaves out (gluing the last word of a line to the first of the next), so
 * line ends count as spaces here; runs of white space become one space.
 */
export function quoteOf(range: Range): string {
  const root = range.commonAncestorContainer;
  if (root.nodeType === Node.TEXT_NODE) return (root.textContent ?? '').slice(range.startOffset, range.endOffset).replace(/\s+/g, ' ').trim();
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT | NodeFilter.SHOW_ELEMENT);
  let text = '';
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (!range.intersectsNode(node)) continue;
    if (node.nodeName === 'BR') text += ' ';
    else if (node.nodeType === Node.TEXT_NODE) {
      const value = node.textContent ?? '';
      const from = node === range.startContainer ? range.startOffset : 0;
      const to = node === range.endContainer ? range.endOffset : value.length;
      text += value.slice(from, to);
    }
  }
  return text.replace(/\s+/g, ' ').trim();
}
