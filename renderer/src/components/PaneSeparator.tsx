import { useRef, useState, type KeyboardEvent, type PointerEvent } from 'react';
import { paneLimits, paneWidthForKey, type ResizablePane } from '../state/layout-memory';

interface Props {
  pane: ResizablePane;
  /** Names the pane in "Resize the …". */
  label: string;
  width: number;
  onResize: (pane: ResizablePane, width: number) => void;
}

/**
 * The handle on a pane's right edge (the WAI-ARIA window splitter): drag it, or focus it and use ←/→
 * (Shift for bigger steps), Home/End for the narrowest and widest, Enter for the default width.
 */
export function PaneSeparator({ pane, label, width, onResize }: Props) {
  const drag = useRef<{ x: number; width: number } | undefined>(undefined);
  const [dragging, setDragging] = useState(false);
  const { min, max } = paneLimits[pane];

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const next = paneWidthForKey(pane, width, event.key, event.shiftKey);
    if (next === undefined || event.ctrlKey || event.metaKey || event.altKey) return;
    // Handled here: the list's own Home/End/arrow shortcuts must not run too.
    event.preventDefault();
    onResize(pane, next);
  };
  const onPointerDown = (event: PointerEvent<HTMLDivElement>) => {
    if (event.button !== 0) return;
    // No text selection while dragging across the panes.
    event.preventDefault();
    event.currentTarget.setPointerCapture(event.pointerId);
    drag.current = { x: event.clientX, width };
    setDragging(true);
  };
  const onPointerMove = (event: PointerEvent<HTMLDivElement>) => {
    const start = drag.current;
    if (start) onResize(pane, start.width + event.clientX - start.x);
  };
  const endDrag = () => {
    drag.current = undefined;
    setDragging(false);
  };

  return (
    <div
      role="separator"
      aria-orientation="vertical"
      aria-label={`Resize the ${label}`}
      aria-valuenow={width}
      aria-valuemin={min}
      aria-valuemax={max}
      tabIndex={0}
      className={dragging ? 'pane-separator dragging' : 'pane-separator'}
      data-testid={`${pane}-separator`}
      onKeyDown={onKeyDown}
      onPointerDown={onPointerDown}
      onPointerMove={onPointerMove}
      onPointerUp={endDrag}
      onPointerCancel={endDrag}
      onDoubleClick={() => onResize(pane, paneLimits[pane].initial)}
    />
  );
}
