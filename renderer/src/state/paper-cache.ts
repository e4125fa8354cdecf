import type { Paper } from '../../../shared/model/library';
import { call } from '../api/client';
import { errorMessage } from '../util/error-message';
import { toasts } from './toast-store';

type Listener = () => void;

/** Whole papers kept besides the ones on screen, so going back to a paper shows it at once. */
const MAX_CACHED = 200;
/** papers.get takes at most this many ids. */
const GET_CHUNK = 1000;

/** A paper on screen, with the `updatedAt` its list summary has. */
export interface WantedPaper {
  id: string;
  updatedAt: string;
}

/**
 * Whole papers (abstract, notes…) for the detail pane and the compare view; the list holds only
 * summaries. A paper is fetched when it comes on screen and again when its summary's `updatedAt`
 * moves past the cached copy. Until the new copy arrives the old one stays, so a note editor on
 * screen is never unmounted by a refresh. Local changes bump a per-paper epoch, and an answer
 * that was on its way while one happened is thrown away and asked for again: it may predate it.
 */
export class PaperCache {
  /** In least-recently-used order: a paper that is fetched again moves to the end. */
  private readonly entries = new Map<string, Paper>();
  private snapshot: ReadonlyMap<string, Paper> = new Map();
  private readonly listeners = new Set<Listener>();
  /** Papers on screen (a count per id: two views may show one paper) and the newest updatedAt seen. */
  private readonly pins = new Map<string, number>();
  private readonly wanted = new Map<string, string>();
  /** For which `updatedAt` a fetch already answered (the paper may be gone, or failed to load). */
  private readonly settled = new Map<string, string>();
  private readonly epochs = new Map<string, number>();
  /** Papers with a change of ours under way: fetched once it is answered. */
  private readonly busy = new Map<string, number>();
  private fetching = false;
  private again = false;

  subscribe = (listener: Listener): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  getSnapshot = (): ReadonlyMap<string, Paper> => this.snapshot;

  /** Shows these papers: fetches the ones not cached or older than wanted. Returns the release. */
  show(papers: readonly WantedPaper[]): () => void {
    for (const { id, updatedAt } of papers) {
      this.pins.set(id, (this.pins.get(id) ?? 0) + 1);
      const known = this.wanted.get(id);
      if (known === undefined || updatedAt > known) this.wanted.set(id, updatedAt);
    }
    this.schedule();
    return () => {
      for (const { id } of papers) {
        const count = (this.pins.get(id) ?? 1) - 1;
        if (count > 0) this.pins.set(id, count);
        else this.pins.delete(id);
      }
    };
  }

  /** A change of ours to this paper starts; answers already on their way are no longer trusted. */
  beginChange(id: string): void {
    this.epochs.set(id, (this.epochs.get(id) ?? 0) + 1);
    this.busy.set(id, (this.busy.get(id) ?? 0) + 1);
  }

  endChange(id: string): void {
    this.epochs.set(id, (this.epochs.get(id) ?? 0) + 1);
    const count = (this.busy.get(id) ?? 1) - 1;
    if (count > 0) this.busy.set(id, count);
    else this.busy.delete(id);
    this.schedule();
  }

  /** Shows a change at once (a note added, deleted); the next fetch brings the main side's version. */
  patch(id: string, change: (paper: Paper) => Paper): void {
    const paper = this.entries.get(id);
    if (!paper) return;
    this.entries.set(id, change(paper));
    this.emit();
  }

  /** The cached copy may be wrong (a change failed after being shown): fetch it again. */
  invalidate(id: string): void {
    this.settled.delete(id);
    const paper = this.entries.get(id);
    // An empty updatedAt is older than any real one, so the copy stays on screen but counts as stale.
    if (paper) this.entries.set(id, { ...paper, updatedAt: '' });
    this.schedule();
  }

  private isFresh(id: string): boolean {
    const wanted = this.wanted.get(id) ?? '';
    const paper = this.entries.get(id);
    return (paper !== undefined && paper.updatedAt !== '' && paper.updatedAt >= wanted) || this.settled.get(id) === wanted;
  }

  private schedule(): void {
    if (this.fetching) {
      this.again = true;
      return;
    }
    this.fetching = true;
    queueMicrotask(() => {
      void this.fetchLoop().finally(() => {
        this.fetching = false;
      });
    });
  }

  private async fetchLoop(): Promise<void> {
    do {
      this.again = false;
      const stale = [...this.pins.keys()].filter((id) => !this.busy.has(id) && !this.isFresh(id));
      for (let start = 0; start < stale.length; start += GET_CHUNK) {
        await this.fetch(stale.slice(start, start + GET_CHUNK));
      }
    } while (this.again);
  }

  private async fetch(ids: readonly string[]): Promise<void> {
    const epochs = new Map(ids.map((id) => [id, this.epochs.get(id) ?? 0]));
    const wanted = new Map(ids.map((id) => [id, this.wanted.get(id) ?? '']));
    let papers: Paper[];
    try {
      ({ papers } = await call('papers.get', { ids: [...ids] }));
    } catch (error) {
      // Not retried in a loop: the next change to the paper, or showing it again, asks again.
      for (const [id, updatedAt] of wanted) this.settled.set(id, updatedAt);
      toasts.error(`A paper could not be loaded: ${errorMessage(error)}`);
      return;
    }
    const returned = new Map(papers.map((paper) => [paper.id, paper]));
    let changed = false;
    for (const id of ids) {
      if ((this.epochs.get(id) ?? 0) !== epochs.get(id)) {
        this.again = true;
        continue;
      }
      this.settled.set(id, wanted.get(id) ?? '');
      const paper = returned.get(id);
      if (!paper) continue;
      this.entries.delete(id);
      this.entries.set(id, paper);
      changed = true;
    }
    if (changed) {
      this.evict();
      this.emit();
    }
  }

  private evict(): void {
    for (const id of this.entries.keys()) {
      if (this.entries.size <= MAX_CACHED) return;
      if (this.pins.has(id)) continue;
      this.entries.delete(id);
      this.wanted.delete(id);
      this.settled.delete(id);
    }
  }

  private emit(): void {
    this.snapshot = new Map(this.entries);
    for (const listener of this.listeners) listener();
  }
}

export const paperCache = new PaperCache();
