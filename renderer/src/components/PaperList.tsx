import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect } from 'react';
import type { ReadStatus } from '../../../shared/model/library';
import type { Workspace } from '../state/use-workspace';
import { PaperRow } from './PaperRow';

interface Props {
  workspace: Workspace;
}

const statusTitles: Record<ReadStatus, string> = { unread: 'Unread', reading: 'Reading', read: 'Read' };

export function rowDomId(paperId: string): string {
  return `paper-row-${paperId}`;
}

/** The virtualized list: one focusable listbox; the rows are options pointed at by aria-activedescendant. */
export function PaperList({ workspace }: Props) {
  const { visible, listQuery, ui, refs, tagColors, dispatch } = workspace;
  const virtualizer = useVirtualizer({
    count: visible.length,
    getScrollElement: () => refs.list.current,
    estimateSize: () => 96,
    overscan: 8,
    getItemKey: (index) => visible[index]?.id ?? index,
  });

  const cursor = ui.selection.cursor;
  const cursorIndex = cursor ? visible.findIndex((paper) => paper.id === cursor) : -1;
  useEffect(() => {
    if (cursorIndex >= 0) virtualizer.scrollToIndex(cursorIndex, { align: 'auto' });
  }, [cursorIndex, virtualizer]);

  const selected = new Set(ui.selection.ids);
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
