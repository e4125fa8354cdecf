import { useVirtualizer } from '@tanstack/react-virtual';
import { useCallback, useEffect, useMemo } from 'react';
import type { PaperSummary } from '../../../shared/api/contract';
import type { ReadStatus } from '../../../shared/model/library';
import type { Workspace } from '../state/use-workspace';
import { PaperRow } from './PaperRow';

interface Props {
  workspace: Workspace;
}

const statusTitles: Record<ReadStatus, string> = { unread: 'Unread', reading: 'Reading', read: 'Read' };

/**
 * A row's height from its content, matching styles.css (12 px padding twice, a 1 px border, 19 px
 * title lines, an 18 px meta line 3 px below, a 22 px tag line 7 px below). Rows are still measured,
 * but when the estimate is exact a measured row moves nothing below it. Titles longer than about
 * 44 characters take two lines (the clamp) in the list's usual width.
 */
export function rowHeight(paper: PaperSummary): number {
  const titleLines = paper.title.length > 44 ? 2 : 1;
  const tagLine = paper.tags.length > 0 || paper.noteCount > 0 ? 29 : 0;
  return 25 + 19 * titleLines + 21 + tagLine;
}

export function rowDomId(paperId: string): string {
  return `paper-row-${paperId}`;
}

/** The virtualized list: one focusable listbox; the rows are options pointed at by aria-activedescendant. */
export function PaperList({ workspace }: Props) {
  const { visible, listQuery, ui, refs, tagColors, dispatch } = workspace;
  // The virtualizer measures every row again whenever these functions change: they must change
  // with the list, not with every render (each scroll step renders), or scrolling costs O(n).
  const getItemKey = useCallback((index: number) => visible[index]?.id ?? index, [visible]);
  const estimateSize = useCallback((index: number) => {
    const paper = visible[index];
    return paper ? rowHeight(paper) : 85;
  }, [visible]);
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

  const selected = useMemo(() => new Set(ui.selection.ids), [ui.selection.ids]);
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
        <span className="pane-meta">{listQuery ? 'Best match first' : 'Newest first'}</span>
      </div>
      <div
        ref={refs.list}
        className="paper-list"
        data-testid="paper-list"
        role="listbox"
        aria-label="Papers"
        aria-multiselectable="true"
        aria-busy={workspace.searchPending || undefined}
        aria-activedescendant={cursorIndex >= 0 && cursor ? rowDomId(cursor) : undefined}
        tabIndex={0}
      >
        {visible.length === 0 ? (
          <div className="list-empty" data-testid="list-empty">
            <p>{listQuery ? <>No papers match “{listQuery}”.</> : 'No papers here.'}</p>
            {(listQuery || heading) && (
              <button type="button" className="button small" onClick={() => dispatch({ type: 'clearSearchAndFilter' })}>
                Clear search and filters
              </button>
            )}
          </div>
        ) : (
          <div className="paper-list-inner" style={{ height: virtualizer.getTotalSize() }}>
            {virtualizer.getVirtualItems().map((item) => {
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
                  query={listQuery}
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
