import type { HistoryState, HistoryStep } from '../../../shared/api/contract';

/** Which way through the library's history: back (undo) or forward again (redo). */
export type HistoryDirection = 'undo' | 'redo';

const verbs: Record<HistoryDirection, { title: string; done: string }> = {
  undo: { title: 'Undo', done: 'Undone' },
  redo: { title: 'Redo', done: 'Redone' },
};

/** The command's title as it reads now: "Undo Add tag" when the main side named the next step. */
export function historyTitle(direction: HistoryDirection, state: HistoryState): string {
  const label = state[direction];
  return label ? `${verbs[direction].title} ${label}` : verbs[direction].title;
}

/** What the toast says after a step: "Undone: Add tag", or "Nothing to undo". */
export function historyMessage(direction: HistoryDirection, step: HistoryStep): string {
  if (!step.done) return `Nothing to ${direction}`;
  return step.label ? `${verbs[direction].done}: ${step.label}` : `${verbs[direction].done}: the last change`;
}

/** The labels a step's answer leaves next in line, without the keys it did not give. */
export function nextState(step: HistoryState): HistoryState {
  return { ...(step.undo ? { undo: step.undo } : {}), ...(step.redo ? { redo: step.redo } : {}) };
}
