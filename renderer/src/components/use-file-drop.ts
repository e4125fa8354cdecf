import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import { collectDroppedFiles, type DroppedFiles } from '../util/dropped-files';

export interface FileDropOptions {
  /** A library is open: dropped files can go somewhere. Otherwise drops are refused without a word. */
  enabled: boolean;
  /** Why files cannot be imported now (a read-only library): shown on the overlay instead of "Drop to import". */
  blockedReason: string | undefined;
  onDrop: (files: DroppedFiles) => void;
}

function carriesFiles(event: DragEvent): boolean {
  return event.dataTransfer?.types.includes('Files') ?? false;
}

/**
 * Files and folders dragged over the window: says whether they are over it (for the overlay) and
 * hands what is dropped to `onDrop`. A file dropped anywhere else would make the browser open it
 * in place of Sift, so every file drag is taken, even when it is refused.
 */
export function useFileDrop(options: FileDropOptions): boolean {
  const [over, setOver] = useState(false);
  const latest = useRef(options);
  useLayoutEffect(() => {
    latest.current = options;
  });

  useEffect(() => {
    // Enter and leave come in pairs for every element crossed; the drag has left the window when they balance.
    let depth = 0;
    const onEnter = (event: DragEvent) => {
      if (!carriesFiles(event)) return;
      event.preventDefault();
      depth += 1;
      if (latest.current.enabled) setOver(true);
    };
    const onOver = (event: DragEvent) => {
      if (!carriesFiles(event)) return;
      event.preventDefault();
      const { enabled, blockedReason } = latest.current;
      if (event.dataTransfer) event.dataTransfer.dropEffect = enabled && !blockedReason ? 'copy' : 'none';
    };
    const onLeave = (event: DragEvent) => {
      if (!carriesFiles(event)) return;
      depth = Math.max(0, depth - 1);
      if (depth === 0) setOver(false);
    };
    const onDrop = (event: DragEvent) => {
      if (!carriesFiles(event)) return;
      event.preventDefault();
      depth = 0;
      setOver(false);
      const { enabled, blockedReason, onDrop: deliver } = latest.current;
      if (!enabled || blockedReason || !event.dataTransfer) return;
      void collectDroppedFiles(event.dataTransfer).then(deliver);
    };
    window.addEventListener('dragenter', onEnter);
    window.addEventListener('dragover', onOver);
    window.addEventListener('dragleave', onLeave);
    window.addEventListener('drop', onDrop);
    return () => {
      window.removeEventListener('dragenter', onEnter);
      window.removeEventListener('dragover', onOver);
      window.removeEventListener('dragleave', onLeave);
      window.removeEventListener('drop', onDrop);
    };
  }, []);

  return over && options.enabled;
}
