import type { SearchHit, SearchQueryOutput, SearchSort } from '../../../shared/api/contract';
import { call, onEvent, onReconnect } from '../api/client';
import { errorMessage } from '../util/error-message';

/** What the list asks `search.query` for. */
export interface SearchRequest {
  /** The typed text, then the sidebar's filter as clauses (see search-request.ts). */
  query: string;
  sort: SearchSort;
  fulltext: boolean;
}

export interface SearchAnswer {
  request: SearchRequest;
  /** Every match, in order (`allIds`). */
  ids: readonly string[];
  /** The hits whose ranges have arrived, by id: the first page, then pages fetched as the list scrolls. */
  hits: ReadonlyMap<string, SearchHit>;
  hints: SearchQueryOutput['hints'];
  tookMs: number;
  /** Tells a page fetched for this answer from one fetched for an older answer to the same request. */
  token: number;
}

export interface SearchState {
  /** The request the list wants; undefined when it shows the library in its own order. */
  request: SearchRequest | undefined;
  /** The newest answer; it trails `request` while a search runs. Undefined with no request, or before the first answer. */
  answer: SearchAnswer | undefined;
  /** A newer request (or the same one after a change to the library) has not been answered yet. */
  pending: boolean;
  /** Why the newest search failed, until one succeeds. */
  error: string | undefined;
}

type Listener = () => void;

/** Hits with ranges per call: the first page comes with the ids, the rest as rows come into view. */
export const HIT_PAGE = 200;

export function sameRequest(a: SearchRequest | undefined, b: SearchRequest | undefined): boolean {
  return a === b || (a !== undefined && b !== undefined && a.query === b.query && a.sort === b.sort && a.fulltext === b.fulltext);
}

const idle: SearchState = { request: undefined, answer: undefined, pending: false, error: undefined };

/**
 * The list's search, answered by `search.query` (the engine behind every door). Typing never waits:
 * one call is in flight at a time and only the newest request waits behind it, so a burst of
 * keystrokes costs two calls and every answer that arrives is newer than the one shown (an
 * answer to a request that was since withdrawn is dropped). A change to the library asks again.
 */
export class SearchStore {
  private state: SearchState = idle;
  private readonly listeners = new Set<Listener>();
  /** Bumped by each request and each refresh; the answer shown is for `shown`. */
  private seq = 0;
  private shown = 0;
  private waiting: { request: SearchRequest; seq: number } | undefined;
  private inFlight = false;
  private nextToken = 1;
  /** Pages of hits asked for (or arrived) for the answer shown. */
  private pages = new Set<number>();

  subscribe = (listener: Listener): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  getState = (): SearchState => this.state;

  /** Follows the library: any change to it may change what matches, so the request is asked again. */
  start(): () => void {
    const stops = [
      // Saved searches change no paper, so no answer.
      onEvent('library.changed', ({ reason }) => {
        if (reason !== 'saved-searches') this.refresh();
      }),
      onReconnect(() => this.refresh()),
    ];
    return () => {
      for (const stop of stops) stop();
    };
  }

  setRequest(request: SearchRequest | undefined): void {
    if (sameRequest(request, this.state.request)) return;
    this.seq += 1;
    if (!request) {
      this.waiting = undefined;
      this.shown = this.seq;
      this.pages = new Set();
      this.set(idle);
      return;
    }
    this.waiting = { request, seq: this.seq };
    this.set({ ...this.state, request, pending: true });
    this.pump();
  }

  /** Asks the current request again (the library changed). The answer shown stays until the new one arrives. */
  refresh(): void {
    const { request } = this.state;
    if (!request) return;
    this.seq += 1;
    this.waiting = { request, seq: this.seq };
    this.set({ ...this.state, pending: true });
    this.pump();
  }

  /** Makes sure the hits (with their ranges) of the matches at positions [from, to) are fetched. */
  ensureHits(from: number, to: number): void {
    const answer = this.state.answer;
    if (!answer || !sameRequest(answer.request, this.state.request)) return;
    const end = Math.min(to, answer.ids.length);
    for (let page = Math.max(0, Math.floor(from / HIT_PAGE)); page * HIT_PAGE < end; page += 1) {
      if (this.pages.has(page)) continue;
      this.pages.add(page);
      const pages = this.pages;
      call('search.query', { ...answer.request, offset: page * HIT_PAGE, limit: HIT_PAGE }).then(
        (output) => {
          const current = this.state.answer;
          if (!current || current.token !== answer.token) return;
          const hits = new Map(current.hits);
          for (const hit of output.results) if (!hits.has(hit.id)) hits.set(hit.id, hit);
          this.set({ ...this.state, answer: { ...current, hits } });
        },
        // Rows without ranges show no highlight; scrolling there again asks again.
        () => pages.delete(page),
      );
    }
  }

  /** Makes sure the hit of this paper is fetched, if the search found it (for the detail pane). */
  ensureHitOf(id: string): void {
    const answer = this.state.answer;
    if (!answer || answer.hits.has(id)) return;
    const position = answer.ids.indexOf(id);
    if (position >= 0) this.ensureHits(position, position + 1);
  }

  private pump(): void {
    if (this.inFlight || !this.waiting) return;
    const { request, seq } = this.waiting;
    this.waiting = undefined;
    this.inFlight = true;
    call('search.query', { ...request, limit: HIT_PAGE, allIds: true })
      .then(
        (output) => this.answered(seq, request, output),
        (error: unknown) => this.failed(seq, error),
      )
      .finally(() => {
        this.inFlight = false;
        this.pump();
      });
  }

  private answered(seq: number, request: SearchRequest, output: SearchQueryOutput): void {
    if (seq <= this.shown) return;
    this.shown = seq;
    const answer: SearchAnswer = {
      request,
      ids: output.ids ?? output.results.map((hit) => hit.id),
      hits: new Map(output.results.map((hit) => [hit.id, hit])),
      hints: output.hints,
      tookMs: output.tookMs,
      token: this.nextToken++,
    };
    this.pages = new Set([0]);
    this.set({ request: this.state.request, answer, pending: this.shown !== this.seq, error: undefined });
  }

  private failed(seq: number, error: unknown): void {
    if (seq <= this.shown) return;
    this.shown = seq;
    this.set({ ...this.state, pending: this.shown !== this.seq, error: errorMessage(error) });
  }

  private set(next: SearchState): void {
    this.state = next;
    for (const listener of this.listeners) listener();
  }
}

export const searchStore = new SearchStore();
