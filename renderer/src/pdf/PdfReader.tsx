import { useVirtualizer } from '@tanstack/react-virtual';
import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState, type KeyboardEvent, type PointerEvent } from 'react';
import type { HighlightColor, HighlightRect } from '../../../shared/model/highlights';
import type { Annotation } from '../../../shared/model/library';
import { useWholePapers } from '../state/use-whole-papers';
import type { Workspace } from '../state/use-workspace';
import { findInPages, type FindMatch } from './find-in-pages';
import { FindBar } from './FindBar';
import { addHighlight, copyHighlightsMarkdown, deleteHighlight, updateHighlight, type NewHighlight } from './highlight-actions';
import { HighlightEditor, type HighlightDraft } from './HighlightEditor';
import { HighlightList } from './HighlightList';
import { clipRangeToPage, quoteOf, rangeRectsOnPage } from './page-rects';
import { PdfPage } from './PdfPage';
import { readerController } from './reader-controller';
import type { ReaderTarget } from './reader-target';
import { useElementWidth } from './use-element-width';
import { usePageSizes } from './use-page-sizes';
import { usePageTexts } from './use-page-texts';
import { usePdfDocument } from './use-pdf-document';
import './pdf-reader.css';

const PAGE_GAP = 16;
const PADDING = 24;
/** Zoom steps for + and −; fit width may land between them. */
const ZOOM_STEPS = [0.5, 0.67, 0.75, 0.9, 1, 1.1, 1.25, 1.5, 1.75, 2, 2.5, 3, 4];
const MIN_ZOOM = 0.25;
const MAX_ZOOM = 5;
/** How far below the top of the window a highlight or match is put when the reader jumps to it. */
const JUMP_MARGIN = 96;
const NO_HIGHLIGHTS: readonly Annotation[] = [];
const NO_MATCHES: readonly FindMatch[] = [];

type Popover =
  | { kind: 'new'; page: number; rects: HighlightRect[]; quote: string }
  | { kind: 'edit'; page: number; annotationId: string };

function clampZoom(scale: number): number {
  return Math.min(MAX_ZOOM, Math.max(MIN_ZOOM, scale));
}

interface Props {
  workspace: Workspace;
  target: ReaderTarget;
}

/**
 * The PDF reader: a paper's attachment drawn with pdf.js, pages virtualized (only those near the
 * window are drawn), with zoom, fit width, page navigation, find in document, text selection and
 * highlights. Drawn over the library like Compare; Esc closes it.
 */
export function PdfReader({ workspace, target }: Props) {
  const { paperId, attachmentId } = target;
  const summary = workspace.summaryOf(paperId);
  const summaries = useMemo(() => (summary ? [summary] : []), [summary]);
  const paper = useWholePapers(summaries).get(paperId);
  const pdf = usePdfDocument(paperId, attachmentId);
  const doc = pdf.phase === 'ready' ? pdf.doc : undefined;
  const layout = usePageSizes(doc);
  const sizes = layout?.sizes;
  const scrollRef = useRef<HTMLDivElement>(null);
  const width = useElementWidth(scrollRef);
  const [zoom, setZoom] = useState<{ fit: boolean; scale: number }>({ fit: true, scale: 1 });
  const widest = useMemo(() => (sizes ? sizes.reduce((max, size) => Math.max(max, size.width), 1) : 612), [sizes]);
  const scale = zoom.fit ? clampZoom(width > 0 ? (width - 2 * PADDING) / widest : 1) : zoom.scale;

  // Where each page starts, in the scrolled content: the virtualizer lays pages out the same way.
  const { starts, total } = useMemo(() => {
    const offsets: number[] = [];
    let offset = PADDING;
    for (const size of sizes ?? []) {
      offsets.push(offset);
      offset += size.height * scale + PAGE_GAP;
    }
    return { starts: offsets, total: offset - (sizes?.length ? PAGE_GAP : 0) + PADDING };
  }, [sizes, scale]);

  const virtualizer = useVirtualizer({
    count: sizes?.length ?? 0,
    getScrollElement: () => scrollRef.current,
    estimateSize: (index) => (sizes?.[index]?.height ?? 792) * scale,
    gap: PAGE_GAP,
    paddingStart: PADDING,
    paddingEnd: PADDING,
    overscan: 1,
  });

  const pageAt = useCallback(
    (offset: number) => {
      let low = 0;
      let high = starts.length - 1;
      while (low < high) {
        const middle = Math.ceil((low + high) / 2);
        if ((starts[middle] ?? 0) <= offset) low = middle;
        else high = middle - 1;
      }
      return low + 1;
    },
    [starts],
  );

  // Zooming keeps the same place of the same page at the top of the window.
  const anchor = useRef<{ page: number; fraction: number } | undefined>(undefined);
  const rememberPlace = useCallback(() => {
    const element = scrollRef.current;
    if (!element || !sizes) return;
    const page = pageAt(element.scrollTop);
    const height = (sizes[page - 1]?.height ?? 1) * scale;
    anchor.current = { page, fraction: (element.scrollTop - (starts[page - 1] ?? 0)) / height };
  }, [pageAt, sizes, scale, starts]);
  const lastScale = useRef(scale);
  useLayoutEffect(() => {
    virtualizer.measure();
    const element = scrollRef.current;
    const place = anchor.current;
    if (lastScale.current !== scale && element && place && sizes) {
      const height = (sizes[place.page - 1]?.height ?? 0) * scale;
      element.scrollTop = (starts[place.page - 1] ?? 0) + place.fraction * height;
    }
    lastScale.current = scale;
  }, [virtualizer, sizes, scale, starts]);

  const scrollToPlace = useCallback(
    (page: number, y = 0) => {
      const element = scrollRef.current;
      if (!element) return;
      element.scrollTop = Math.max(0, (starts[page - 1] ?? 0) + y * scale - (y > 0 ? JUMP_MARGIN : PADDING / 2));
    },
    [starts, scale],
  );

  const scrollOffset = virtualizer.scrollOffset ?? 0;
  const viewportHeight = scrollRef.current?.clientHeight ?? 0;
  const currentPage = sizes ? pageAt(scrollOffset + viewportHeight * 0.3) : 1;
  const pageCount = doc?.numPages ?? 0;

  const highlights = useMemo(() => (paper?.annotations ?? NO_HIGHLIGHTS).filter((highlight) => highlight.attachmentId === attachmentId), [paper, attachmentId]);
  const highlightsByPage = useMemo(() => {
    const byPage = new Map<number, Annotation[]>();
    for (const highlight of highlights) byPage.set(highlight.page, [...(byPage.get(highlight.page) ?? []), highlight]);
    return byPage;
  }, [highlights]);
  const readOnly = workspace.readOnly;
  const [activeId, setActiveId] = useState<string | undefined>(target.annotationId);
  const [popover, setPopover] = useState<Popover | undefined>();

  // Opening at a page or a highlight: once the pages are laid out (and the highlight is known).
  const jumped = useRef(0);
  useLayoutEffect(() => {
    if (jumped.current === target.request || !sizes || !layout?.complete) return;
    if (target.annotationId) {
      if (!paper) return;
      const highlight = highlights.find((candidate) => candidate.id === target.annotationId);
      jumped.current = target.request;
      if (highlight) {
        setActiveId(highlight.id);
        scrollToPlace(highlight.page, highlight.rects[0]?.[1] ?? 0);
        return;
      }
    }
    jumped.current = target.request;
    if (target.page) scrollToPlace(target.page);
  }, [target, sizes, layout?.complete, paper, highlights, scrollToPlace]);

  // Find in document.
  const [find, setFind] = useState({ open: false, query: '', index: -1, from: 1, focus: 0 });
  const texts = usePageTexts(doc, find.open);
  const matches = useMemo(() => findInPages(texts.pages, find.query), [texts.pages, find.query]);
  const currentIndex = matches.length === 0 ? -1 : find.index >= 0 ? Math.min(find.index, matches.length - 1) : Math.max(0, matches.findIndex((match) => match.page >= find.from));
  const currentMatch = matches[currentIndex];
  const matchesByPage = useMemo(() => {
    const byPage = new Map<number, FindMatch[]>();
    for (const match of matches) byPage.set(match.page, [...(byPage.get(match.page) ?? []), match]);
    return byPage;
  }, [matches]);
  const stepMatch = useCallback(
    (step: 1 | -1) => {
      if (matches.length === 0) return;
      setFind((state) => ({ ...state, index: (currentIndex + step + matches.length) % matches.length }));
    },
    [matches.length, currentIndex],
  );
  // A new current match: bring its page into view (the page then says where the words are).
  const shownMatch = useRef<FindMatch | undefined>(undefined);
  useEffect(() => {
    if (!currentMatch || !find.open) return;
    const previous = shownMatch.current;
    shownMatch.current = currentMatch;
    if (previous && previous.page === currentMatch.page && previous.start.item === currentMatch.start.item && previous.start.offset === currentMatch.start.offset) return;
    const element = scrollRef.current;
    if (!element) return;
    const top = starts[currentMatch.page - 1] ?? 0;
    const bottom = top + (sizes?.[currentMatch.page - 1]?.height ?? 0) * scale;
    if (bottom < element.scrollTop || top > element.scrollTop + element.clientHeight) scrollToPlace(currentMatch.page);
  }, [currentMatch, find.open, starts, sizes, scale, scrollToPlace]);
  const onCurrentMatchRect = useCallback(
    (rect: HighlightRect) => {
      const element = scrollRef.current;
      if (!element || !currentMatch) return;
      const top = (starts[currentMatch.page - 1] ?? 0) + rect[1] * scale;
      const bottom = top + rect[3] * scale;
      if (top < element.scrollTop || bottom > element.scrollTop + element.clientHeight) scrollToPlace(currentMatch.page, rect[1]);
    },
    [currentMatch, starts, scale, scrollToPlace],
  );
  const openFind = useCallback(() => setFind((state) => ({ ...state, open: true, focus: state.focus + 1 })), []);
  const closeFind = useCallback(() => {
    setFind((state) => ({ ...state, open: false }));
    scrollRef.current?.focus({ preventScroll: true });
  }, []);

  const zoomBy = useCallback(
    (direction: 1 | -1) => {
      rememberPlace();
      setZoom(() => {
        const next = direction > 0 ? ZOOM_STEPS.find((step) => step > scale + 0.005) : [...ZOOM_STEPS].reverse().find((step) => step < scale - 0.005);
        return { fit: false, scale: clampZoom(next ?? scale) };
      });
    },
    [rememberPlace, scale],
  );
  const fitWidth = useCallback(() => {
    rememberPlace();
    setZoom((current) => ({ ...current, fit: true }));
  }, [rememberPlace]);
  const goToPage = useCallback((page: number) => scrollToPlace(Math.min(Math.max(1, page), Math.max(1, pageCount))), [scrollToPlace, pageCount]);

  useEffect(
    () =>
      readerController.attach({
        find: openFind,
        zoomIn: () => zoomBy(1),
        zoomOut: () => zoomBy(-1),
        fitWidth,
        nextPage: () => goToPage(currentPage + 1),
        previousPage: () => goToPage(currentPage - 1),
        copyHighlights: () => void copyHighlightsMarkdown([paperId]),
      }),
    [openFind, zoomBy, fitWidth, goToPage, currentPage, paperId],
  );

  // The reader takes the keyboard when it opens.
  useEffect(() => {
    scrollRef.current?.focus({ preventScroll: true });
  }, []);

  // Esc closes the popover (dropping the selection), then the find bar, before it closes the reader:
  // this runs in the capture phase, ahead of the app's shortcuts.
  const hasPopover = popover !== undefined;
  useEffect(() => {
    if (!hasPopover && !find.open) return;
    const onKeyDown = (event: globalThis.KeyboardEvent) => {
      if (event.key !== 'Escape' || event.defaultPrevented) return;
      event.preventDefault();
      if (hasPopover) {
        setPopover(undefined);
        window.getSelection()?.removeAllRanges();
      } else {
        closeFind();
      }
    };
    window.addEventListener('keydown', onKeyDown, true);
    return () => window.removeEventListener('keydown', onKeyDown, true);
  }, [hasPopover, find.open, closeFind]);

  /** After a mouse or keyboard selection: a popover to highlight it, or to edit the highlight clicked. */
  const checkSelection = useCallback(
    (point?: { x: number; y: number; target: EventTarget | null }) => {
      const selection = window.getSelection();
      const range = selection && selection.rangeCount > 0 ? selection.getRangeAt(0) : undefined;
      if (range && !range.collapsed) {
        const start = range.startContainer instanceof Element ? range.startContainer : range.startContainer.parentElement;
        const textLayer = start?.closest<HTMLElement>('.textLayer');
        const page = textLayer?.closest<HTMLElement>('.pdf-page');
        if (!textLayer || !page || !scrollRef.current?.contains(page)) return;
        const clipped = clipRangeToPage(range, textLayer);
        const rects = rangeRectsOnPage(clipped, page, scale);
        const quote = quoteOf(clipped);
        // A read-only library takes no highlights: the selection is just a selection (to copy).
        if (rects.length > 0 && quote && readOnly === undefined) setPopover({ kind: 'new', page: Number(page.dataset.page), rects, quote });
        return;
      }
      if (!point) return;
      const page = point.target instanceof Element ? point.target.closest<HTMLElement>('.pdf-page') : null;
      if (!page) {
        setPopover(undefined);
        return;
      }
      const box = page.getBoundingClientRect();
      const x = (point.x - box.left) / scale;
      const y = (point.y - box.top) / scale;
      const pageNumber = Number(page.dataset.page);
      const hit = (highlightsByPage.get(pageNumber) ?? []).find((highlight) =>
        highlight.rects.some(([left, top, w, h]) => x >= left && x <= left + w && y >= top && y <= top + h),
      );
      setPopover(hit ? { kind: 'edit', page: pageNumber, annotationId: hit.id } : undefined);
      setActiveId(hit?.id);
    },
    [scale, highlightsByPage, readOnly],
  );
  const onPointerUp = (event: PointerEvent) => {
    if (event.button !== 0 || (event.target instanceof Element && event.target.closest('.highlight-popover'))) return;
    const point = { x: event.clientX, y: event.clientY, target: event.target };
    // The selection is final once the event has been handled.
    window.setTimeout(() => checkSelection(point), 0);
  };
  const onPagesKeyUp = (event: KeyboardEvent) => {
    if (event.shiftKey && event.key.startsWith('Arrow')) checkSelection();
  };
  const onPagesKeyDown = (event: KeyboardEvent) => {
    // "=" is "+" without Shift on many layouts.
    if (event.key === '=' && !event.ctrlKey && !event.metaKey && !event.altKey) {
      event.preventDefault();
      zoomBy(1);
    }
  };

  const createHighlight = async (draft: HighlightDraft) => {
    if (popover?.kind !== 'new') return;
    const highlight: NewHighlight = {
      attachmentId,
      page: popover.page,
      rects: popover.rects,
      quote: popover.quote,
      color: draft.color,
      ...(draft.comment.trim() ? { comment: draft.comment.trim() } : {}),
      ...(draft.tags.length > 0 ? { tags: draft.tags } : {}),
    };
    setPopover(undefined);
    window.getSelection()?.removeAllRanges();
    const created = await addHighlight(paperId, highlight);
    if (created) setActiveId(created.id);
    scrollRef.current?.focus({ preventScroll: true });
  };

  const editing = popover?.kind === 'edit' ? highlights.find((highlight) => highlight.id === popover.annotationId) : undefined;
  const popoverRects = popover?.kind === 'new' ? popover.rects : editing?.rects;
  const lastRect = popoverRects?.[popoverRects.length - 1];
  const popoverPage = popover?.page;
  const popoverElement =
    popover && lastRect ? (
      <div
        className="highlight-popover"
        data-testid="highlight-popover"
        role="dialog"
        aria-label={popover.kind === 'new' ? 'Highlight the selection' : 'Edit highlight'}
        style={{ left: Math.max(0, lastRect[0] * scale), top: (lastRect[1] + lastRect[3]) * scale + 8 }}
        onPointerDown={(event) => event.stopPropagation()}
      >
        {popover.kind === 'new' ? (
          <HighlightEditor key="new" mode="new" initial={{}} readOnly={readOnly} onColor={(draft) => void createHighlight(draft)} onClose={() => setPopover(undefined)} autoFocus />
        ) : (
          editing && (
            <HighlightEditor
              key={editing.id}
              mode="edit"
              initial={{ color: editing.color as HighlightColor, comment: editing.comment ?? '', tags: editing.tags ?? [] }}
              readOnly={readOnly}
              onColor={(draft) => void updateHighlight(paperId, editing.id, { color: draft.color })}
              onSave={(draft) => {
                setPopover(undefined);
                void updateHighlight(paperId, editing.id, { comment: draft.comment, tags: draft.tags });
              }}
              onDelete={() => {
                setPopover(undefined);
                void deleteHighlight(paperId, editing.id);
              }}
              onClose={() => setPopover(undefined)}
            />
          )
        )}
      </div>
    ) : undefined;

  const title = summary?.title || 'Untitled';
  return (
    <section className="view pdf-reader" data-testid="pdf-reader" aria-label={`PDF reader: ${title}`}>
      <header className="pdf-toolbar">
        <button type="button" className="button small" data-testid="close-view" onClick={workspace.closeView} title="Back to the library (Esc)">
          ← Library
        </button>
        <h1 className="pdf-title" title={title}>
          {title}
        </h1>
        <div className="pdf-toolbar-group" role="group" aria-label="Pages">
          <button type="button" className="icon-button" aria-label="Previous page" title="Previous page (Page Up)" disabled={currentPage <= 1} onClick={() => goToPage(currentPage - 1)}>
            ‹
          </button>
          <PageNumberInput page={currentPage} pageCount={pageCount} onGo={goToPage} />
          <button
            type="button"
            className="icon-button"
            aria-label="Next page"
            title="Next page (Page Down)"
            disabled={currentPage >= pageCount}
            onClick={() => goToPage(currentPage + 1)}
          >
            ›
          </button>
        </div>
        <div className="pdf-toolbar-group" role="group" aria-label="Zoom">
          <button type="button" className="icon-button" aria-label="Zoom out" title="Zoom out (−)" data-testid="pdf-zoom-out" onClick={() => zoomBy(-1)} disabled={scale <= MIN_ZOOM}>
            −
          </button>
          <span className="pdf-zoom-value" data-testid="pdf-zoom" aria-live="polite">
            {Math.round(scale * 100)}%
          </span>
          <button type="button" className="icon-button" aria-label="Zoom in" title="Zoom in (+)" data-testid="pdf-zoom-in" onClick={() => zoomBy(1)} disabled={scale >= MAX_ZOOM}>
            +
          </button>
          <button type="button" className={`button small${zoom.fit ? ' active' : ''}`} data-testid="pdf-fit-width" aria-pressed={zoom.fit} onClick={fitWidth} title="Fit width (W)">
            Fit width
          </button>
        </div>
        <button type="button" className={`button small${find.open ? ' active' : ''}`} data-testid="pdf-find" onClick={openFind} title="Find in document (Ctrl/⌘+F)">
          Find
        </button>
      </header>
      {find.open && (
        <FindBar
          query={find.query}
          onQuery={(query) => setFind((state) => ({ ...state, query, index: -1, from: currentPage }))}
          current={currentIndex}
          total={matches.length}
          searching={!texts.complete}
          focusRequest={find.focus}
          onNext={() => stepMatch(1)}
          onPrevious={() => stepMatch(-1)}
          onClose={closeFind}
        />
      )}
      <div className="pdf-body">
        <div
          ref={scrollRef}
          className="pdf-scroll"
          data-testid="pdf-scroll"
          tabIndex={0}
          aria-label="Pages"
          onScroll={rememberPlace}
          onPointerUp={onPointerUp}
          onKeyUp={onPagesKeyUp}
          onKeyDown={onPagesKeyDown}
        >
          {pdf.phase === 'loading' && <p className="pdf-message">Opening the PDF…</p>}
          {pdf.phase === 'failed' && (
            <p className="pdf-message error" data-testid="pdf-error" role="alert">
              {pdf.message}
            </p>
          )}
          {doc && sizes && (
            <div className="pdf-pages" style={{ height: total, width: widest * scale + 2 * PADDING }}>
              {virtualizer.getVirtualItems().map((item) => {
                const pageNumber = item.index + 1;
                const size = sizes[item.index];
                if (!size) return null;
                return (
                  <div key={item.key} className="pdf-page-slot" style={{ transform: `translateY(${starts[item.index] ?? item.start}px)` }}>
                    <PdfPage
                      doc={doc}
                      pageNumber={pageNumber}
                      scale={scale}
                      size={size}
                      highlights={highlightsByPage.get(pageNumber) ?? NO_HIGHLIGHTS}
                      activeHighlightId={activeId}
                      findMatches={find.open ? (matchesByPage.get(pageNumber) ?? NO_MATCHES) : NO_MATCHES}
                      currentMatch={find.open && currentMatch?.page === pageNumber ? currentMatch : undefined}
                      onCurrentMatchRect={onCurrentMatchRect}
                    >
                      {popover?.kind === 'new' && popoverPage === pageNumber && (
                        <div className="pdf-pending" aria-hidden="true">
                          {popover.rects.map(([x, y, w, h], index) => (
                            <div key={index} className="pdf-pending-rect" style={{ left: x * scale, top: y * scale, width: w * scale, height: h * scale }} />
                          ))}
                        </div>
                      )}
                      {popoverPage === pageNumber && popoverElement}
                    </PdfPage>
                  </div>
                );
              })}
            </div>
          )}
        </div>
        <aside className="pdf-side" aria-labelledby="pdf-side-title" data-testid="pdf-side">
          <div className="section-heading-row">
            <h2 id="pdf-side-title" className="section-title">
              Highlights{highlights.length > 0 && <span className="section-count">{highlights.length}</span>}
            </h2>
            {highlights.length > 0 && (
              <button type="button" className="button small" data-testid="reader-copy-highlights" onClick={() => void copyHighlightsMarkdown([paperId])}>
                Copy as Markdown
              </button>
            )}
          </div>
          {highlights.length === 0 ? (
            <p className="muted small">Select text on a page, then pick a color to highlight it. Highlights are saved in the library.</p>
          ) : (
            <HighlightList
              paperId={paperId}
              highlights={highlights}
              readOnly={readOnly}
              activeId={activeId}
              onOpen={(highlight) => {
                setActiveId(highlight.id);
                scrollToPlace(highlight.page, highlight.rects[0]?.[1] ?? 0);
              }}
            />
          )}
        </aside>
      </div>
    </section>
  );
}

/** The page number field: shows the current page; typing a number and Enter goes there. */
function PageNumberInput({ page, pageCount, onGo }: { page: number; pageCount: number; onGo: (page: number) => void }) {
  const [draft, setDraft] = useState<string | undefined>();
  const go = () => {
    const wanted = Number(draft);
    setDraft(undefined);
    if (Number.isInteger(wanted) && wanted >= 1) onGo(wanted);
  };
  return (
    <span className="pdf-page-number">
      <input
        className="pdf-page-input"
        data-testid="pdf-page-input"
        inputMode="numeric"
        aria-label={`Page (of ${pageCount})`}
        value={draft ?? String(page)}
        onFocus={(event) => event.target.select()}
        onChange={(event) => setDraft(event.target.value.replace(/\D/g, ''))}
        onBlur={() => setDraft(undefined)}
        onKeyDown={(event) => {
          if (event.key === 'Enter') {
            event.preventDefault();
            go();
          } else if (event.key === 'Escape' && draft !== undefined) {
            event.preventDefault();
            setDraft(undefined);
          }
        }}
      />
      <span className="muted" data-testid="pdf-page-count">
        / {pageCount || '–'}
      </span>
    </span>
  );
}
