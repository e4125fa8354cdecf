import type { EventPayload } from '../../../shared/api/contract';

export interface SaveStatus {
  /** `failed`: an edit the main side acknowledged is only in memory; it retries until the disk takes it. */
  state: 'saved' | 'failed';
  /** Edits waiting for the disk, as the main side last reported. */
  pending: number;
  /** Why the last save failed, in the main side's words. */
  message?: string;
  /** Changes this window has sent that have not been answered yet. */
  sending: number;
}

type Listener = () => void;

/**
 * Whether the user's edits are on disk, for the toolbar's indicator. Kept apart from the library
 * snapshot: it changes with every save, and only the indicator needs to draw again.
 */
class SaveStatusStore {
  private status: SaveStatus = { state: 'saved', pending: 0, sending: 0 };
  private readonly listeners = new Set<Listener>();

  subscribe = (listener: Listener): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  getSnapshot = (): SaveStatus => this.status;

  /** A `library.saveState` event: `failed` stays until a later `saved` says the retry went through. */
  report(event: EventPayload<'library.saveState'>): void {
    const { sending } = this.status;
    this.set(event.state === 'failed' ? { state: 'failed', pending: event.pending, message: event.message ?? 'The disk did not take the change', sending } : { state: 'saved', pending: event.pending, sending });
  }

  sendingChanged(delta: number): void {
    this.set({ ...this.status, sending: Math.max(0, this.status.sending + delta) });
  }

  /** Another library (or a restored backup) is open: the old one's failures are not this one's. */
  reset(): void {
    this.set({ state: 'saved', pending: 0, sending: this.status.sending });
  }

  private set(next: SaveStatus): void {
    this.status = next;
    for (const listener of this.listeners) listener();
  }
}

export const saveStatus = new SaveStatusStore();
