import type { HistoryState } from '../../../shared/api/contract';
import { call, onEvent, onReconnect } from '../api/client';
import { toasts } from '../state/toast-store';
import { errorMessage } from '../util/error-message';
import { historyMessage, nextState, type HistoryDirection } from './history';

type Listener = () => void;

const methods = { undo: 'history.undo', redo: 'history.redo' } as const;

/**
 * Undo and Redo of library changes (the main side keeps the history: every change made through the
 * API is one step), and the labels of the next steps for the palette's titles, asked again after
 * each `library.changed`: one call at a time, and one more after it when changes arrived meanwhile.
 */
class HistoryStore {
  private state: HistoryState = {};
  private readonly listeners = new Set<Listener>();
  private fetching = false;
  private again = false;

  subscribe = (listener: Listener): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  getState = (): HistoryState => this.state;

  start(): () => void {
    this.refresh();
    const stops = [onEvent('library.changed', () => this.refresh()), onReconnect(() => this.refresh())];
    return () => {
      for (const stop of stops) stop();
    };
  }

  refresh(): void {
    if (this.fetching) {
      this.again = true;
      return;
    }
    this.fetching = true;
    this.again = false;
    call('history.state', {})
      .then(
        (state) => this.set(nextState(state)),
        // Only the titles' labels are lost (no library open yet): Undo and Redo still work.
        () => this.set({}),
      )
      .finally(() => {
        this.fetching = false;
        if (this.again) this.refresh();
      });
  }

  /** Undoes or redoes one library change and says which (or that there was none). */
  async step(direction: HistoryDirection): Promise<void> {
    try {
      const step = await call(methods[direction], {});
      this.set(nextState(step));
      const other: HistoryDirection = direction === 'undo' ? 'redo' : 'undo';
      const action = step.done && step[other] ? { label: direction === 'undo' ? 'Redo' : 'Undo', run: () => void this.step(other) } : undefined;
      toasts.info(historyMessage(direction, step), action);
    } catch (error) {
      toasts.error(errorMessage(error));
      this.refresh();
    }
  }

  private set(state: HistoryState): void {
    if (state.undo === this.state.undo && state.redo === this.state.redo) return;
    this.state = state;
    for (const listener of this.listeners) listener();
  }
}

export const historyStore = new HistoryStore();
