import type { ScreeningCriteriaInput } from '../../../shared/api/contract';
import { emptyScreeningCriteria, type ScreeningCriteria } from '../../../shared/model/library';
import { call, onEvent, onReconnect } from '../api/client';
import { toasts } from '../state/toast-store';
import { errorMessage } from '../util/error-message';

type Listener = () => void;

export interface CriteriaState {
  criteria: ScreeningCriteria;
  loaded: boolean;
}

/** Changes after which the criteria may be different: their own, or a whole new library state. */
const CRITERIA_REASONS = new Set(['screening-criteria', 'sample-opened', 'library-opened', 'backup-restored', 'external-change', 'undo', 'redo']);

/**
 * The screening criteria (numbered exclusion reasons, keywords to highlight), as stored in the
 * library. Followed while the screening view is open; every edit replaces them whole.
 */
export class ScreeningCriteriaStore {
  private state: CriteriaState = { criteria: emptyScreeningCriteria(), loaded: false };
  private readonly listeners = new Set<Listener>();
  /** Bumped by each save: a fetch answered across one may predate it. */
  private edits = 0;

  subscribe = (listener: Listener): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  getState = (): CriteriaState => this.state;

  start(): () => void {
    this.refresh();
    const stops = [
      onEvent('library.changed', ({ reason }) => {
        if (CRITERIA_REASONS.has(reason)) this.refresh();
      }),
      onReconnect(() => this.refresh()),
    ];
    return () => {
      for (const stop of stops) stop();
    };
  }

  refresh(): void {
    const edits = this.edits;
    call('screening.criteria.get', {}).then(
      ({ criteria }) => {
        if (edits === this.edits) this.set({ criteria, loaded: true });
      },
      (error: unknown) => toasts.error(errorMessage(error)),
    );
  }

  /** Replaces the criteria; false (with a toast saying why) when the main side refused them. */
  async save(next: ScreeningCriteriaInput): Promise<boolean> {
    this.edits += 1;
    const edits = this.edits;
    try {
      const { criteria } = await call('screening.criteria.set', next);
      if (edits === this.edits) this.set({ criteria, loaded: true });
      return true;
    } catch (error) {
      toasts.error(errorMessage(error));
      this.refresh();
      return false;
    }
  }

  private set(next: CriteriaState): void {
    this.state = next;
    for (const listener of this.listeners) listener();
  }
}

export const screeningCriteriaStore = new ScreeningCriteriaStore();
