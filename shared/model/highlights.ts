import { z } from 'zod';
import type { Annotation } from './library';

/** The five highlight colors the reader offers, in the order of its buttons. */
export const highlightColors = ['yellow', 'green', 'blue', 'pink', 'purple'] as const;
export type HighlightColor = (typeof highlightColors)[number];

/**
 * The largest page side a PDF may declare (ISO 32000: 14,400 units); a rectangle outside a page
 * that large cannot be on any page.
 */
export const MAX_PAGE_UNITS = 14_400;

const coordinate = z.number().finite().min(0).max(MAX_PAGE_UNITS);
const extent = z.number().finite().gt(0, 'A highlight rectangle needs a width and a height').max(MAX_PAGE_UNITS);

/**
 * One rectangle of a highlight: `[x, y, width, height]` in PDF units (1/72 inch) from the top-left
 * corner of the page as shown at 100% (pdf.js's viewport at scale 1, with the page's own rotation).
 * Unscaled, so a highlight is drawn at any zoom by multiplying by the zoom.
 */
export const highlightRectSchema = z.tuple([coordinate, coordinate, extent, extent]);
export type HighlightRect = z.infer<typeof highlightRectSchema>;

/** Rectangles are kept to two decimals (1/3600 inch): enough to draw, short in library.json. */
export function roundRect(rect: readonly [number, number, number, number]): HighlightRect {
  const round = (value: number) => Math.round(value * 100) / 100;
  return [round(rect[0]), round(rect[1]), round(rect[2]), round(rect[3])];
}

/** Reading order: by page, then top to bottom, then left to right. */
export function compareHighlights(a: Pick<Annotation, 'page' | 'rects'>, b: Pick<Annotation, 'page' | 'rects'>): number {
  if (a.page !== b.page) return a.page - b.page;
  const [ax = 0, ay = 0] = a.rects[0] ?? [];
  const [bx = 0, by = 0] = b.rects[0] ?? [];
  return ay - by || ax - bx;
}
