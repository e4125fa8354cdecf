import { useCallback, useLayoutEffect, useRef, useState } from 'react';
import type { ScreeningState } from '../../../shared/api/contract';
import type { Screening, ScreeningReason } from '../../../shared/model/library';
import { call } from '../api/client';
import { saveStatus } from '../state/save-status-store';
import { toasts } from '../state/toast-store';
import { errorMessage } from '../util/error-message';

export type Decision = 'include' | 'maybe' | 'exclude';

interface UndoEntry {
  paperId: string;
  /** Where the paper was in the list, to go back to it. */
  position: number;
  /** What was shown before the decision (shown again at once on undo). */
  before: Screening | undefined;
  /** The main side's answer: the states to restore. */
  previous: Promise<ScreeningState[]>;
}

export interface ScreeningSession {
  /** The paper on screen, as an index into the list. */
  position: number;
  /** `E` was pressed: a number key picks the reason. */
  pendingExclude: boolean;
  /** A status line for the last key (end of the list, nothing to undo). */
  notice: string | undefined;
  canUndo: boolean;
  /** This session's decisions first (shown before the main side answers), then the library's. */
  screeningOf: (id: string) => Screening | undefined;
  decide: (decision: Decision, reason?: ScreeningReason) => void;
  setPendingExclude: (pending: boolean) => void;
  undo: () => void;
  go: (delta: 1 | -1) => void;
}

/**
 * One screening pass over a fixed list: where the user is, the decisions made (sent one after the
 * other, so a decision and its undo reach the library in order), and their undo stack. The screen
 * moves on at once; a decision the main side refuses is taken back with a toast.
 */
export function useScreeningSession(ids: readonly string[], start: number, libraryScreening: (id: string) => Screening | undefined): ScreeningSession {
  const [position, setPositionState] = useState(start);
  const [pendingExclude, setPendingState] = useState(false);
  const [notice, setNotice] = useState<string | undefined>(undefined);
  const [local, setLocal] = useState<ReadonlyMap<string, Screening>>(new Map());
  const [undoCount, setUndoCount] = useState(0);
  // Keys can come faster than React draws: actions read and write these, the state above mirrors them.
  const positionRef = useRef(start);
  const localRef = useRef(local);
  const undoStack = useRef<UndoEntry[]>([]);
  const queue = useRef<Promise<unknown>>(Promise.resolve());

  const setPosition = useCallback((next: number) => {
    positionRef.current = next;
    setPositionState(next);
  }, []);
  const setShown = useCallback((id: string, screening: Screening | undefined) => {
    const next = new Map(localRef.current);
    if (screening) next.set(id, screening);
    else next.delete(id);
    localRef.current = next;
    setLocal(next);
  }, []);
  const setUndo = useCallback((entries: UndoEntry[]) => {
    undoStack.current = entries;
    setUndoCount(entries.length);
  }, []);
  const enqueue = useCallback(<T>(run: () => Promise<T>): Promise<T> => {
    saveStatus.sendingChanged(1);
    const result = queue.current.then(run);
    queue.current = result.catch(() => undefined);
    return result.finally(() => saveStatus.sendingChanged(-1));
  }, []);

  const libraryRef = useRef(libraryScreening);
  useLayoutEffect(() => {
    libraryRef.current = libraryScreening;
  });
  const screeningOf = useCallback((id: string) => local.get(id) ?? libraryScreening(id), [local, libraryScreening]);

  const decide = useCallback(
    (decision: Decision, reason?: ScreeningReason) => {
      const at = positionRef.current;
      const paperId = ids[at];
      if (paperId === undefined) return;
      const before = localRef.current.get(paperId) ?? libraryRef.current(paperId);
      setShown(paperId, { decision, ...(reason ? { reason: reason.label, reasonId: reason.id } : {}), decidedAt: new Date().toISOString() });
      const previous = enqueue(() => call('screening.decide', { paperIds: [paperId], decision, ...(reason ? { reasonId: reason.id } : {}) })).then(
        (answer) => answer.previous,
      );
      const entry: UndoEntry = { paperId, position: at, before, previous };
      setUndo([...undoStack.current, entry]);
      previous.catch((error: unknown) => {
        toasts.error(errorMessage(error));
        setUndo(undoStack.current.filter((candidate) => candidate !== entry));
        setShown(paperId, before);
      });
      setPendingState(false);
      if (at < ids.length - 1) {
        setPosition(at + 1);
        setNotice(undefined);
      } else {
        setNotice('That was the last paper in this list.');
      }
    },
    [ids, enqueue, setPosition, setShown, setUndo],
  );

  const undo = useCallback(() => {
    setPendingState(false);
    const entry = undoStack.current.at(-1);
    if (!entry) {
      setNotice('Nothing to undo.');
      return;
    }
    setUndo(undoStack.current.slice(0, -1));
    setPosition(entry.position);
    setNotice(undefined);
    setShown(entry.paperId, entry.before);
    enqueue(async () => call('screening.restore', { states: await entry.previous })).catch((error: unknown) => {
      setShown(entry.paperId, undefined);
      // A decision that never went through had nothing to undo, and its failure was reported already.
      entry.previous.then(
        () => toasts.error(errorMessage(error)),
        () => undefined,
      );
    });
  }, [enqueue, setPosition, setShown, setUndo]);

  const go = useCallback(
    (delta: 1 | -1) => {
      setPendingState(false);
      const next = positionRef.current + delta;
      if (next < 0 || next >= ids.length) {
        setNotice(delta > 0 ? 'That is the last paper in this list.' : 'That is the first paper in this list.');
        return;
      }
      setNotice(undefined);
      setPosition(next);
    },
    [ids.length, setPosition],
  );

  return { position, pendingExclude, notice, canUndo: undoCount > 0, screeningOf, decide, setPendingExclude: setPendingState, undo, go };
}
