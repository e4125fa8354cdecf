import type { LibraryInfo, TagSummary } from '../../../shared/api/contract';
import type { Note, Paper, ReadStatus } from '../../../shared/model/library';
import { call, onEvent } from '../api/client';
import { errorMessage } from '../util/error-message';
import { toasts } from './toast-store';

export type LoadPhase = 'loading' | 'loaded' | 'unreachable';

export interface LibrarySnapshot {
  phase: LoadPhase;
  info?: LibraryInfo;
  papers: readonly Paper[];
  tags: readonly TagSummary[];
  /** Why the first load failed; once something has loaded, later failures become toasts instead. */
  loadError?: string;
}

type Listener = () => void;

function patchPapers(papers: readonly Paper[], ids: ReadonlySet<string>, patch: (paper: Paper) => Paper): Paper[] {
  return papers.map((paper) => (ids.has(paper.id) ? patch(paper) : paper));
}

/**
 * The open library as the renderer sees it: loaded through the API, reloaded on `library.changed`,
 * with every change the user makes going out through `call`.
 *
 * A reload that raced a change is thrown away and repeated, so the UI never steps back to data
 * older than an edit it has already shown (notes rely on this to keep what the user typed).
 */
export class LibraryStore {
  private snapshot: LibrarySnapshot = { phase: 'loading', papers: [], tags: [] };
  private readonly listeners = new Set<Listener>();
  private loading: Promise<void> | undefined;
  private reloadQueued = false;
  private reloadAfterMutations = false;
  private mutationsInFlight = 0;
  /** Bumped when a change starts and when it ends; a load that saw a different epoch is stale. */
  private mutationEpoch = 0;

  subscribe = (listener: Listener): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  getSnapshot = (): LibrarySnapshot => this.snapshot;

  /** Loads the library and follows its changes; returns the function that stops following. */
  start(): () => void {
    void this.reload();
    const offChanged = onEvent('library.changed', () => void this.reload());
    // Server-sent events are lost while the page is hidden or the connection drops; catch up on return.
    const onVisible = () => {
      if (document.visibilityState === 'visible') void this.reload();
    };
    document.addEventListener('visibilitychange', onVisible);
    return () => {
      offChanged();
      document.removeEventListener('visibilitychange', onVisible);
    };
  }

  reload(): Promise<void> {
    if (this.loading) {
      this.reloadQueued = true;
      return this.loading;
    }
    this.loading = this.loadUntilSettled().finally(() => {
      this.loading = undefined;
    });
    return this.loading;
  }

  private async loadUntilSettled(): Promise<void> {
    do {
      this.reloadQueued = false;
      await this.loadOnce();
    } while (this.reloadQueued);
  }

  private async loadOnce(): Promise<void> {
    const epoch = this.mutationEpoch;
    try {
      const info = await call('library.info', {});
      const list = info.state === 'ready' ? await call('papers.list', {}) : { papers: [], tags: [] };
      if (this.mutationsInFlight > 0) {
        this.reloadAfterMutations = true;
        return;
      }
      if (epoch !== this.mutationEpoch) {
        this.reloadQueued = true;
        return;
      }
      this.set({ phase: 'loaded', info, papers: list.papers, tags: list.tags });
    } catch (error) {
      if (this.snapshot.phase === 'loaded') toasts.error(errorMessage(error));
      else this.set({ phase: 'unreachable', papers: [], tags: [], loadError: errorMessage(error) });
    }
  }

  private set(next: LibrarySnapshot): void {
    this.snapshot = next;
    for (const listener of this.listeners) listener();
  }

  private setPapers(papers: readonly Paper[]): void {
    this.set({ ...this.snapshot, papers });
  }

  /** Runs one change; `optimistic` shows its effect at once and a failure reloads the truth. Throws on failure. */
  private async mutate<T>(run: () => Promise<T>, optimistic?: (papers: readonly Paper[]) => Paper[]): Promise<T> {
    this.mutationsInFlight += 1;
    this.mutationEpoch += 1;
    if (optimistic) this.setPapers(optimistic(this.snapshot.papers));
    try {
      return await run();
    } catch (error) {
      if (optimistic) this.reloadAfterMutations = true;
      throw error;
    } finally {
      this.mutationsInFlight -= 1;
      this.mutationEpoch += 1;
      if (this.mutationsInFlight === 0 && this.reloadAfterMutations) {
        this.reloadAfterMutations = false;
        void this.reload();
      }
    }
  }

  /** Like `mutate`, but a failure becomes a toast and the result `undefined`. */
  private async attempt<T>(run: () => Promise<T>, optimistic?: (papers: readonly Paper[]) => Paper[]): Promise<T | undefined> {
    try {
      return await this.mutate(run, optimistic);
    } catch (error) {
      toasts.error(errorMessage(error));
      return undefined;
    }
  }

  async setStatus(paperIds: readonly string[], status: ReadStatus): Promise<void> {
    const ids = new Set(paperIds);
    const targets = this.snapshot.papers.filter((paper) => ids.has(paper.id) && paper.status !== status);
    if (targets.length === 0) return;
    await this.attempt(
      () => Promise.all(targets.map((paper) => call('papers.update', { id: paper.id, changes: { status } }))),
      (papers) => patchPapers(papers, new Set(targets.map((paper) => paper.id)), (paper) => ({ ...paper, status })),
    );
  }

  async addTag(paperIds: readonly string[], tag: string): Promise<boolean> {
    if (paperIds.length === 0) return false;
    const ids = new Set(paperIds);
    const result = await this.attempt(
      () => call('tags.add', { paperIds: [...paperIds], tag }),
      (papers) => patchPapers(papers, ids, (paper) => (paper.tags.includes(tag) ? paper : { ...paper, tags: [...paper.tags, tag] })),
    );
    return result !== undefined;
  }

  async removeTag(paperIds: readonly string[], tag: string): Promise<boolean> {
    if (paperIds.length === 0) return false;
    const ids = new Set(paperIds);
    const result = await this.attempt(
      () => call('tags.remove', { paperIds: [...paperIds], tag }),
      (papers) => patchPapers(papers, ids, (paper) => ({ ...paper, tags: paper.tags.filter((name) => name !== tag) })),
    );
    return result !== undefined;
  }

  async addNote(paperId: string, body = ''): Promise<Note | undefined> {
    const result = await this.attempt(() => call('notes.add', { paperId, body }));
    if (!result) return undefined;
    const { note } = result;
    this.setPapers(
      patchPapers(this.snapshot.papers, new Set([paperId]), (paper) =>
        paper.notes.some((existing) => existing.id === note.id) ? paper : { ...paper, notes: [...paper.notes, note] },
      ),
    );
    return note;
  }

  /** Saves a note's text; throws so the editor can say "Not saved" and keep the draft. */
  async saveNote(paperId: string, noteId: string, body: string): Promise<Note> {
    const { note } = await this.mutate(() => call('notes.update', { paperId, noteId, body }));
    this.setPapers(
      patchPapers(this.snapshot.papers, new Set([paperId]), (paper) => ({
        ...paper,
        notes: paper.notes.map((existing) => (existing.id === note.id ? note : existing)),
      })),
    );
    return note;
  }

  async deleteNote(paperId: string, noteId: string): Promise<boolean> {
    const result = await this.attempt(
      () => call('notes.delete', { paperId, noteId }),
      (papers) =>
        patchPapers(papers, new Set([paperId]), (paper) => ({ ...paper, notes: paper.notes.filter((note) => note.id !== noteId) })),
    );
    return result !== undefined;
  }

  async openSample(): Promise<void> {
    const result = await this.attempt(() => call('library.openSample', {}));
    if (result) {
      toasts.info(`Opened the sample library: ${result.added} ${result.added === 1 ? 'paper' : 'papers'}`);
      await this.reload();
    }
  }

  async chooseAndOpen(): Promise<void> {
    const result = await this.attempt(() => call('library.chooseAndOpen', {}));
    if (result?.opened) await this.reload();
  }
}

export const libraryStore = new LibraryStore();
