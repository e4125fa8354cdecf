import { TextLayer, type PDFDocumentProxy, type RenderTask } from 'pdfjs-dist';
import { memo, useEffect, useLayoutEffect, useRef, useState, type CSSProperties, type ReactNode } from 'react';
import type { HighlightRect } from '../../../shared/model/highlights';
import type { Annotation } from '../../../shared/model/library';
import type { FindMatch } from './find-in-pages';
import { rangeForTextPoints, rangeRectsOnPage } from './page-rects';
import type { PageSize } from './use-page-sizes';

/** A canvas larger than this many pixels is drawn at a lower resolution (memory, and Chromium's limits). */
const MAX_CANVAS_PIXELS = 16_777_216;

interface Props {
  doc: PDFDocumentProxy;
  pageNumber: number;
  scale: number;
  /** The page at 100%. */
  size: PageSize;
  highlights: readonly Annotation[];
  /** The highlight being edited or just jumped to: drawn with an outline. */
  activeHighlightId: string | undefined;
  findMatches: readonly FindMatch[];
  currentMatch: FindMatch | undefined;
  /** Told where the current find match is on this page, once it is measured (page units). */
  onCurrentMatchRect?: (rect: HighlightRect) => void;
  /** The highlight popover, when it belongs to this page. */
  children?: ReactNode;
}

function isCancelled(error: unknown): boolean {
  return error instanceof Error && (error.name === 'RenderingCancelledException' || error.name === 'AbortException');
}

function rectStyle([x, y, width, height]: HighlightRect, scale: number): CSSProperties {
  return { left: x * scale, top: y * scale, width: width * scale, height: height * scale };
}

/**
 * One page of the reader: the page drawn on a canvas, the highlights and find matches over it,
 * and pdf.js's text layer on top (transparent text, for selecting). Everything is positioned from
 * page units times the zoom, so it lines up at any zoom.
 */
export const PdfPage = memo(function PdfPage(props: Props) {
  const { doc, pageNumber, scale, size, highlights, activeHighlightId, findMatches, currentMatch, onCurrentMatchRect, children } = props;
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const pageRef = useRef<HTMLDivElement>(null);
  const textLayerRef = useRef<HTMLDivElement>(null);
  const [textDivs, setTextDivs] = useState<{ scale: number; divs: HTMLElement[] } | undefined>();
  const [matchRects, setMatchRects] = useState<Array<{ current: boolean; rects: HighlightRect[] }>>([]);
  const [failed, setFailed] = useState(false);
  const width = size.width * scale;
  const height = size.height * scale;

  useEffect(() => {
    let cancelled = false;
    let render: RenderTask | undefined;
    let textLayer: TextLayer | undefined;
    void (async () => {
      try {
        const page = await doc.getPage(pageNumber);
        const canvas = canvasRef.current;
        const container = textLayerRef.current;
        if (cancelled || !canvas || !container) return;
        const viewport = page.getViewport({ scale });
        const ratio = Math.min(window.devicePixelRatio || 1, Math.sqrt(MAX_CANVAS_PIXELS / (viewport.width * viewport.height)));
        canvas.width = Math.floor(viewport.width * ratio);
        canvas.height = Math.floor(viewport.height * ratio);
        render = page.render({ canvas, viewport, ...(ratio !== 1 ? { transform: [ratio, 0, 0, ratio, 0, 0] } : {}) });
        // Cancelled when the page scrolls away or the zoom changes: that is not a failure.
        render.promise.catch((error: unknown) => {
          if (!cancelled && !isCancelled(error)) setFailed(true);
        });
        container.replaceChildren();
        textLayer = new TextLayer({ textContentSource: page.streamTextContent(), container, viewport });
        await textLayer.render();
        if (cancelled) return;
        // As pdf.js's viewer does: a block after the text that selection snaps to between lines,
        // instead of jumping to the start of the page.
        const end = document.createElement('div');
        end.className = 'endOfContent';
        container.append(end);
        setTextDivs({ scale, divs: textLayer.textDivs });
      } catch (error) {
        if (!cancelled && !isCancelled(error)) setFailed(true);
      }
    })();
    return () => {
      cancelled = true;
      render?.cancel();
      textLayer?.cancel();
    };
  }, [doc, pageNumber, scale]);

  // Find matches are measured on the text layer itself, so they sit exactly over the words.
  useLayoutEffect(() => {
    const page = pageRef.current;
    if (!page || !textDivs || textDivs.scale !== scale) {
      setMatchRects([]);
      return;
    }
    const measured = findMatches.flatMap((match) => {
      const range = rangeForTextPoints(textDivs.divs, match.start, match.end);
      const rects = range ? rangeRectsOnPage(range, page, scale) : [];
      return rects.length > 0 ? [{ current: match === currentMatch, rects }] : [];
    });
    setMatchRects(measured);
    const current = measured.find((match) => match.current)?.rects[0];
    if (current) onCurrentMatchRect?.(current);
  }, [findMatches, currentMatch, textDivs, scale, onCurrentMatchRect]);

  const style = {
    width,
    height,
    '--scale-factor': scale,
    '--total-scale-factor': scale * size.userUnit,
  } as CSSProperties;

  return (
    <div ref={pageRef} className="pdf-page" style={style} data-page={pageNumber} data-testid="pdf-page" aria-label={`Page ${pageNumber}`} role="region">
      <canvas ref={canvasRef} className="pdf-canvas" aria-hidden="true" />
      {failed && <p className="pdf-page-failed">This page could not be drawn.</p>}
      <div className="pdf-overlays" aria-hidden="true">
        {highlights.map((highlight) => (
          <div
            key={highlight.id}
            className={`pdf-highlight pdf-color-${highlight.color}${highlight.id === activeHighlightId ? ' active' : ''}`}
            data-testid="pdf-highlight"
            data-annotation-id={highlight.id}
          >
            {highlight.rects.map((rect, index) => (
              <div key={index} className="pdf-highlight-rect" style={rectStyle(rect, scale)} />
            ))}
          </div>
        ))}
        {matchRects.map((match, index) =>
          match.rects.map((rect, part) => (
            <div
              key={`${index}-${part}`}
              className={`pdf-find-hit${match.current ? ' current' : ''}`}
              data-testid={match.current ? 'pdf-find-current' : 'pdf-find-hit'}
              style={rectStyle(rect, scale)}
            />
          )),
        )}
      </div>
      <div ref={textLayerRef} className="textLayer" />
      {children}
    </div>
  );
});
