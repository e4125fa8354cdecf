import { useEffect, useLayoutEffect, useRef } from 'react';
import { isTextEntry } from '../commands/use-shortcuts';
import type { Decision } from './use-screening-session';

export interface ScreeningKeyActions {
  /** The palette or a dialog has the keyboard. */
  blocked: boolean;
  noteOpen: boolean;
  pendingExclude: boolean;
  decide: (decision: Decision) => void;
  /** `E`: exclude at once when there are no reasons to choose from, else wait for a number. */
  startExclude: () => void;
  cancelExclude: () => void;
  /** A number key while an exclusion waits: the reason with that number (1-based). */
  pickReason: (number: number) => void;
  undo: () => void;
  go: (delta: 1 | -1) => void;
  openNote: () => void;
  /** Esc or Ctrl/⌘+Enter in the note: keep what was written and go back to screening. */
  closeNote: () => void;
  /** Esc in a field of the criteria panel: back to the paper, not out of the view. */
  leaveField: () => void;
}

/**
 * The screening view's keys: I, M, E then 1–9, U, J/K, N. Listens in the capture phase and marks
 * what it handles, so the list's own single-key shortcuts (which would act on the list behind this
 * view) stand aside; Esc with nothing pending is left to the "Close view" command.
 */
export function useScreeningKeys(actions: ScreeningKeyActions): void {
  const latest = useRef(actions);
  useLayoutEffect(() => {
    latest.current = actions;
  });

  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.isComposing) return;
      const current = latest.current;
      if (current.blocked) return;
      if (current.noteOpen) {
        if (event.key === 'Escape' || (event.key === 'Enter' && (event.ctrlKey || event.metaKey))) {
          event.preventDefault();
          current.closeNote();
        }
        return;
      }
      if (isTextEntry(event.target)) {
        if (event.key === 'Escape') {
          event.preventDefault();
          current.leaveField();
        }
        return;
      }
      if (event.ctrlKey || event.metaKey || event.altKey) return;
      const key = event.key.length === 1 ? event.key.toLowerCase() : event.key;
      if (current.pendingExclude) {
        if (/^[1-9]$/.test(key)) {
          event.preventDefault();
          current.pickReason(Number(key));
          return;
        }
        if (key === 'Escape') {
          event.preventDefault();
          current.cancelExclude();
          return;
        }
      }
      const keyActions: Record<string, () => void> = {
        i: () => current.decide('include'),
        m: () => current.decide('maybe'),
        e: current.startExclude,
        u: current.undo,
        j: () => current.go(1),
        k: () => current.go(-1),
        n: current.openNote,
      };
      const action = Object.hasOwn(keyActions, key) ? keyActions[key] : undefined;
      if (action) {
        event.preventDefault();
        action();
        return;
      }
      // Any other character: the list's shortcuts (tags, compare, pinned tags…) must not act unseen.
      if (key.length === 1 && key !== ' ') event.preventDefault();
    };
    window.addEventListener('keydown', onKeyDown, true);
    return () => window.removeEventListener('keydown', onKeyDown, true);
  }, []);
}
