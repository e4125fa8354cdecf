import type { SavedSearchSummary } from '../../../shared/api/contract';
import { call, onEvent, onReconnect } from '../api/client';
import { toasts } from '../state/toast-store';
import { errorMessage } from '../util/error-message';

type Listener = () => void;

export interface SavedSearchesState {
  /** The library's saved searches with how many papers each matches now; empty until loaded. */
  searches: readonly SavedSearchSummary[];
  loaded: boolean;
}

/**
 * The saved searches (smart collections) and their live counts. Any change to the library can
 * change a count, so every `library.changed` fetches the list again: one call at a time, and one
 * more after it when changes arrived meanwhile.
 */
export class SavedSearchesStore {
  private state: SavedSearchesState = { searches: [], loaded: false };
  private readonly listeners = new Set<Listener>();
  private fetching = false;
  private again = false;
  /** Bumped by each save and delete made here: a list fetched across one may predate it. */
  private edits = 0;

  subscribe = (listener: Listener): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  getState = (): SavedSearchesState => this.state;

  start(): () => void {
    this.refresh();
    const stops = [
      onEvent('library.changed', ({ reason, paperIds }) => {
        // With no saved searches, a change to some papers changes no count; anything else may.
        const { loaded, searches } = this.state;
        if (!loaded || searches.length > 0 || reason === 'saved-searches' || paperIds === undefined) this.refresh();
      }),
      onReconnect(() => this.refresh()),
    ];
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
    const edits = this.edits;
    call('searches.list', {})
      .then(
        ({ searches }) => {
          if (edits === this.edits) this.set({ searches, loaded: true });
          else this.again = true;
        },
        // A library that failed to load has none to list; the failure is shown elsewhere.
        () => this.set({ searches: [], loaded: false }),
      )
      .finally(() => {
        this.fetching = false;
        if (this.again) this.refresh();
      });
  }

  /** Saves a new search, or renames or changes one (with `id`); throws with the main side's reason. */
  async save(input: { id?: string; name: string; query: string }): Promise<SavedSearchSummary> {
    this.edits += 1;
    const saved = await call('searches.save', input);
    const at = this.state.searches.findIndex((search) => search.id === saved.id);
    this.set({ ...this.state, searches: at < 0 ? [...this.state.searches, saved] : this.state.searches.map((search) => (search.id === saved.id ? saved : search)) });
    return saved;
  }

  async delete(search: SavedSearchSummary): Promise<void> {
    this.edits += 1;
    const before = this.state.searches;
    this.set({ ...this.state, searches: before.filter((existing) => existing.id !== search.id) });
    try {
      await call('searches.delete', { id: search.id });
    } catch (error) {
      this.set({ ...this.state, searches: before });
      toasts.error(errorMessage(error));
      return;
    }
    toasts.show('info', `Deleted the saved search “${search.name}”`, {
      label: 'Undo',
      run: () => {
        this.save({ name: search.name, query: search.query }).catch((error: unknown) => toasts.error(errorMessage(error)));
      },
    });
  }

  private set(next: SavedSearchesState): void {
    this.state = next;
    for (const listener of this.listeners) listener();
  }
}

export const savedSearchesStore = new SavedSearchesStore();
