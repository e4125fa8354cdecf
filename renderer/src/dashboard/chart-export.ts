import { savePrepared } from '../state/export-actions';
import { toasts } from '../state/toast-store';
import { errorMessage } from '../util/error-message';
import { downloadBlob } from '../util/download';

const SVG_NS = 'http://www.w3.org/2000/svg';

/**
 * The computed properties copied onto each element of an exported chart as presentation
 * attributes: the app colours the charts through CSS variables and classes, which a file opened
 * elsewhere does not have. Attributes rather than a style attribute, so that no CSP stops them.
 */
const PAINTED = ['fill', 'fill-opacity', 'stroke', 'stroke-width', 'stroke-opacity', 'stroke-dasharray', 'opacity', 'font-family', 'font-size', 'font-weight', 'text-anchor', 'dominant-baseline', 'visibility'] as const;

/** The chart's own drawing in a card (Recharts also draws its legend icons as small SVGs). */
export function chartSvgOf(card: Element): SVGSVGElement | undefined {
  return card.querySelector<SVGSVGElement>('.recharts-wrapper > svg') ?? card.querySelector<SVGSVGElement>('svg[data-chart]') ?? undefined;
}

/**
 * A standalone SVG document of a chart as it looks now: computed colours and fonts inlined, the
 * card's background behind it, and its title as the document's title.
 */
export function serializeChart(svg: SVGSVGElement, title: string): string {
  const { width, height } = svg.getBoundingClientRect();
  const clone = svg.cloneNode(true) as SVGSVGElement;
  const originals = [svg, ...svg.querySelectorAll('*')];
  const copies = [clone, ...clone.querySelectorAll('*')];
  originals.forEach((original, index) => {
    const copy = copies[index];
    if (!copy) return;
    const computed = getComputedStyle(original);
    for (const property of PAINTED) {
      const value = computed.getPropertyValue(property);
      if (value && !(property === 'visibility' && value === 'visible')) copy.setAttribute(property, value);
    }
    copy.removeAttribute('style');
    copy.removeAttribute('tabindex');
  });
  clone.setAttribute('xmlns', SVG_NS);
  clone.setAttribute('width', String(Math.round(width)));
  clone.setAttribute('height', String(Math.round(height)));
  clone.setAttribute('viewBox', `0 0 ${Math.round(width)} ${Math.round(height)}`);
  const background = document.createElementNS(SVG_NS, 'rect');
  background.setAttribute('width', '100%');
  background.setAttribute('height', '100%');
  background.setAttribute('fill', getComputedStyle(svg.closest('.dashboard-card') ?? document.body).backgroundColor || '#ffffff');
  const titleElement = document.createElementNS(SVG_NS, 'title');
  titleElement.textContent = title;
  clone.prepend(titleElement, background);
  return `<?xml version="1.0" encoding="UTF-8"?>\n${new XMLSerializer().serializeToString(clone)}\n`;
}

/** Draws an SVG document into a canvas at `scale` times its size and encodes it as PNG. */
export async function svgToPng(svgText: string, width: number, height: number, scale = 2): Promise<Blob> {
  const url = URL.createObjectURL(new Blob([svgText], { type: 'image/svg+xml' }));
  try {
    const image = new Image();
    image.decoding = 'async';
    const loaded = new Promise<void>((resolve, reject) => {
      image.onload = () => resolve();
      image.onerror = () => reject(new Error('The chart could not be drawn as an image'));
    });
    image.src = url;
    await loaded;
    const canvas = document.createElement('canvas');
    canvas.width = Math.max(1, Math.round(width * scale));
    canvas.height = Math.max(1, Math.round(height * scale));
    const context = canvas.getContext('2d');
    if (!context) throw new Error('This window cannot draw images');
    context.scale(scale, scale);
    context.drawImage(image, 0, 0, width, height);
    return await new Promise<Blob>((resolve, reject) =>
      canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('The image could not be encoded as PNG'))), 'image/png'),
    );
  } finally {
    URL.revokeObjectURL(url);
  }
}


/**
 * Saves a chart as SVG (the desktop's save dialog, or a download in browser mode) or as PNG (a
 * download: `export.save` carries text only).
 */
export async function exportChart(card: Element, title: string, fileStem: string, format: 'svg' | 'png'): Promise<void> {
  const svg = chartSvgOf(card);
  if (!svg) {
    toasts.info('There is no chart to export yet');
    return;
  }
  try {
    const text = serializeChart(svg, title);
    if (format === 'svg') {
      const outcome = await savePrepared({ kind: 'text', fileName: `${fileStem}.svg`, mimeType: 'image/svg+xml;charset=utf-8', text, count: 1, report: [], formatName: 'SVG' });
      if (outcome.saved) toasts.info(outcome.downloaded ? `Downloaded ${fileStem}.svg` : `Saved ${outcome.where}`);
      return;
    }
    const { width, height } = svg.getBoundingClientRect();
    downloadBlob(`${fileStem}.png`, await svgToPng(text, width, height));
    toasts.info(`Downloaded ${fileStem}.png`);
  } catch (error) {
    toasts.error(`Could not export the chart: ${errorMessage(error)}`);
  }
}
