import { useCallback, useEffect, useState } from 'react';
import { clampPaneWidth, type PaneWidths, type ResizablePane } from './layout-memory';
import { layoutStorage } from './layout-storage';

/** The sidebar's and the list's widths, as last set on this machine, and a setter that clamps and remembers. */
export function usePaneWidths(): [PaneWidths, (pane: ResizablePane, width: number) => void] {
  const [widths, setWidths] = useState(layoutStorage.paneWidths);
  useEffect(() => layoutStorage.setPaneWidths(widths), [widths]);
  const setWidth = useCallback((pane: ResizablePane, width: number) => {
    setWidths((current) => {
      const next = clampPaneWidth(pane, width);
      return current[pane] === next ? current : { ...current, [pane]: next };
    });
  }, []);
  return [widths, setWidth];
}
