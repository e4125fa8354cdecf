import { useVirtualizer } from '@tanstack/react-virtual';
import { useCallback, useEffect, useRef } from 'react';
import type { ImportPreviewItem } from '../../../shared/api/contract';
import { actionOf, type ImportAction, type ImportOverrides } from '../state/import-choices';
import { ImportItemRow } from './ImportItemRow';

interface Props {
  items: readonly ImportPreviewItem[];
  overrides: ImportOverrides;
  /** Names of the files that are PDFs. */
  pdfFiles: ReadonlySet<string>;
  expanded: ReadonlySet<number>;
  /** An item to scroll to and mark (its index in the import), after a click on "item 12". */
  target: number | undefined;
  onAction: (item: ImportPreviewItem, action: ImportAction) => void;
  onToggleWarnings: (index: number) => void;
  onShowItem: (index: number) => void;
}

/**
 * A row's height from its content, matching styles.css: 10 px padding twice, a 20 px title line
 * (two when long), an 18 px meta line, a 24 px facts line 4 px below, and 20 px per open warning.
 */
function rowHeight(item: ImportPreviewItem, expanded: boolean): number {
  const titleLines = item.paper.title.length > 90 ? 2 : 1;
  const warnings = expanded ? 8 + 20 * item.warnings.length : 0;
  return 20 + 20 * titleLines + 18 + 28 + warnings + 1;
}

/** The parsed items, virtualized: an import of 50,000 records draws only the rows in view. */
export function ImportItemList({ items, overrides, pdfFiles, expanded, target, onAction, onToggleWarnings, onShowItem }: Props) {
  const scroller = useRef<HTMLDivElement>(null);
  const getScrollElement = useCallback(() => scroller.current, []);
  const getItemKey = useCallback((position: number) => items[position]?.index ?? position, [items]);
  const estimateSize = useCallback(
    (position: number) => {
      const item = items[position];
      return item ? rowHeight(item, expanded.has(item.index)) : 88;
    },
    [items, expanded],
  );
  const virtualizer = useVirtualizer({
    count: items.length,
    getScrollElement,
    estimateSize,
    getItemKey,
    overscan: 6,
    // data-index is the item's index in the import (what tests and the commit speak of); rows say where they are in this list.
    indexAttribute: 'data-row',
    useFlushSync: false,
  });

  useEffect(() => {
    if (target === undefined) return;
    const position = items.findIndex((item) => item.index === target);
    if (position >= 0) virtualizer.scrollToIndex(position, { align: 'center' });
  }, [target, items, virtualizer]);

  if (items.length === 0) {
    return (
      <div className="import-list import-list-empty" data-testid="import-list">
        <p className="muted">No items here.</p>
      </div>
    );
  }
  return (
    <div ref={scroller} className="import-list" data-testid="import-list" role="list" aria-label="Items to import" tabIndex={0}>
      <div className="import-list-inner" style={{ height: virtualizer.getTotalSize() }}>
        {virtualizer.getVirtualItems().map((virtual) => {
          const item = items[virtual.index];
          if (!item) return null;
          return (
            <ImportItemRow
              key={item.index}
              ref={virtualizer.measureElement}
              row={virtual.index}
              start={virtual.start}
              item={item}
              action={actionOf(item, overrides)}
              isPdf={pdfFiles.has(item.file)}
              expanded={expanded.has(item.index)}
              highlighted={target === item.index}
              onAction={onAction}
              onToggleWarnings={onToggleWarnings}
              onShowItem={onShowItem}
            />
          );
        })}
      </div>
    </div>
  );
}
