import { useVirtualizer } from '@tanstack/react-virtual';
import { useCallback, useEffect, useMemo } from 'react';
import type { PaperSummary, SearchHit } from '../../../shared/api/contract';
import type { ReadStatus } from '../../../shared/model/library';
import { searchStore } from '../search/search-store';
import type { Workspace } from '../state/use-workspace';
import { PaperRow } from './PaperRow';
import { SearchHints } from './SearchHints';
import { SortSelect } from './SortSelect';

interface Props {
  workspace: Workspace;
}

const statusTitles: Record<ReadStatus, string> = { unread: 'Unread', reading: 'Reading', read: 'Read' };

/**
 * A row's height from its content, matching styles.css (12 px padding twice, a 1 px border, 19 px
 * title lines, an 18 px meta line 3 px below, a 22 px tag line 7 px below, and for a match inside the
 * PDF an 18 px snippet line 3 px below the title). Rows are still measured,
 * but when the estimate is exact a measured row moves nothing below it. Titles longer than about
 * 44 characters take two lines (the clamp) in the list's usual width.
 */
export function rowHeight(paper: PaperSummary, hit?: SearchHit): number {
  const titleLines = paper.title.length > 44 ? 2 : 1;
  const tagLine = paper.tags.length > 0 || paper.noteCount > 0 ? 29 : 0;
  const snippetLine = hit?.fulltext ? 21 : 0;
  return 25 + 19 * titleLines + snippetLine + 21 + tagLine;
}

export function rowDomId(paperId: string): string {
  return `paper-row-${paperId}`;
}

/** The virtualized list: one focusable listbox; the rows are options pointed at by aria-activedescendant. */
export function PaperList({ workspace }: Props) {
  const { visible, ui, refs, tagColors, dispatch, hitOf, search } = workspace;
  // The virtualizer measures every row again whenever these functions change: they must change
  // with the list, not with every render (each scroll step renders), or scrolling costs O(n).
  const getItemKey = useCallback((index: number) => visible[index]?.id ?? index, [visible]);
  const estimateSize = useCallback((index: number) => {
    const paper = visible[index];
    return paper ? rowHeight(paper, hitOf(paper.id)) : 85;
  }, [visible, hitOf]);
  const getScrollElement = useCallback(() => refs.list.current, [refs.list]);
  const virtualizer = useVirtualizer({
    count: visible.length,
    getScrollElement,
    estimateSize,
    overscan: 8,
    getItemKey,
    // By default the virtualizer renders synchronously inside each scroll event, so the render,
    // the layout and the paint of a scroll step land in one task; batched, they stay short.
    useFlushSync: false,
  });

  const cursor = ui.selection.cursor;
  const cursorIndex = useMemo(() => (cursor ? visible.findIndex((paper) => paper.id === cursor) : -1), [cursor, visible]);
  useEffect(() => {
    if (cursorIndex >= 0) virtualizer.scrollToIndex(cursorIndex, { align: 'auto' });
  }, [cursorIndex, virtualizer]);

  // Rows past the first page of hits get their ranges when they come into view.
  const items = virtualizer.getVirtualItems();
  const firstShown = items[0]?.index ?? 0;
  const lastShown = items[items.length - 1]?.index ?? 0;
  useEffect(() => {
    if (search.answer) searchStore.ensureHits(firstShown, lastShown + 1);
  }, [firstShown, lastShown, search.answer]);

  const selected = useMemo(() => new Set(ui.selection.ids), [ui.selection.ids]);
  const searching = ui.query.trim() !== '';
  const heading = [
    ui.filter.status ? statusTitles[ui.filter.status] : undefined,
    ui.filter.tag !== undefined ? `#${ui.filter.tag}` : undefined,
  ]
    .filter(Boolean)
    .join(' · ');

  return (
    <section className="list-pane" aria-label="Papers">
      <div className="pane-header">
        <h2 className="pane-title">{heading || 'All papers'}</h2>
        <SortSelect sort={ui.sort} onChange={(sort) => dispatch({ type: 'setSort', sort })} />
      </div>
      <SearchHints query={ui.query} hints={workspace.hints} error={search.error} />
      <div
        ref={refs.list}
        className="paper-list"
        data-testid="paper-list"
        role="listbox"
        aria-label="Papers"
        aria-multiselectable="true"
        aria-busy={search.pending || undefined}
        aria-activedescendant={cursorIndex >= 0 && cursor ? rowDomId(cursor) : undefined}
        tabIndex={0}
      >
        {visible.length === 0 ? (
          <div className="list-empty" data-testid="list-empty">
            <p>{searching ? <>No papers match “{ui.query.trim()}”.</> : 'No papers here.'}</p>
            {(searching || heading) && (
              <button type="button" className="button small" onClick={() => dispatch({ type: 'clearSearchAndFilter' })}>
                Clear search and filters
              </button>
            )}
          </div>
        ) : (
          <div className="paper-list-inner" style={{ height: virtualizer.getTotalSize() }}>
            {items.map((item) => {
              const paper = visible[item.index];
              if (!paper) return null;
              return (
                <PaperRow
                  key={paper.id}
                  ref={virtualizer.measureElement}
                  index={item.index}
                  start={item.start}
                  domId={rowDomId(paper.id)}
                  paper={paper}
                  hit={hitOf(paper.id)}
                  selected={selected.has(paper.id)}
                  isCursor={paper.id === cursor}
                  tagColors={tagColors}
                  onClickRow={workspace.clickPaper}
                  onOpen={workspace.openCursorPaper}
                />
              );
            })}
          </div>
        )}
      </div>
    </section>
  );
}
