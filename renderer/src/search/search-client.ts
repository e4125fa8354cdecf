import { callUnparsed, type UnparsedAnswer } from '../api/client';
import { toasts } from '../state/toast-store';
import { errorMessage } from '../util/error-message';
import { parseCorpus } from './parse-corpus';
import { RankedSearch } from './ranked-search';
import type { CorpusText, SearchRequest, SearchResponse } from './search-protocol';

type Listener = () => void;

/** At most this many papers per `papers.searchCorpus` call, so no one answer is large to receive. */
const CORPUS_CHUNK = 1000;

export interface SearchClientState {
  /** Bumped whenever the searchable content changes. */
  version: number;
  /** False until the library's corpus has reached the index; searches wait for it. */
  ready: boolean;
  /** The latest finished search: which query, over which content version, and the ids best first. */
  result: { query: string; version: number; ids: string[] } | undefined;
}

function corpusText(answer: UnparsedAnswer): CorpusText {
  if (answer.kind === 'envelope-bytes') return answer;
  const value = answer.value as { json?: unknown };
  return { kind: 'json', json: typeof value.json === 'string' ? value.json : '[]' };
}

function chunks<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let start = 0; start < items.length; start += size) out.push(items.slice(start, start + size));
  return out;
}

/**
 * Fuzzy search off the main thread. Ranking every abstract of a large library takes long enough
 * to freeze typing, so PaperSearch runs in a worker, and the worker also parses the corpus: the
 * page fetches `papers.searchCorpus` and passes the answer on unread. The whole corpus is loaded
 * when a library loads; afterwards only the papers that changed are sent, as upserts. Only the
 * newest query waits while one runs. Where a worker cannot start, the same search runs in the page.
 */
export class SearchClient {
  private worker: Worker | undefined;
  private workerStarted = false;
  private readonly local = new RankedSearch();
  private nextId = 1;
  private inFlight: { id: number; query: string; version: number } | undefined;
  private queued: string | undefined;
  private state: SearchClientState = { version: 0, ready: false, result: undefined };
  private readonly listeners = new Set<Listener>();
  /** Corpus fetches run one after another, so a later answer is never overtaken by an earlier one. */
  private corpusQueue: Promise<void> = Promise.resolve();
  /** Bumped by each full load: upserts queued before it are covered by it and skipped. */
  private generation = 0;

  subscribe = (listener: Listener): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  getState = (): SearchClientState => this.state;

  private setState(next: Partial<SearchClientState>): void {
    this.state = { ...this.state, ...next };
    for (const listener of this.listeners) listener();
  }

  private startWorker(): void {
    if (this.workerStarted) return;
    this.workerStarted = true;
    try {
      this.worker = new Worker(new URL('./search.worker.ts', import.meta.url), { type: 'module', name: 'sift-search' });
      this.worker.onmessage = (event: MessageEvent<SearchResponse>) => this.onResponse(event.data);
      this.worker.onerror = () => this.fallBackToPage();
    } catch {
      this.worker = undefined;
    }
  }

  /** Loads the whole corpus of the open library (after it loaded or reloaded). */
  loadAll(): void {
    this.generation += 1;
    this.enqueue(async () => {
      const answer = await callUnparsed('papers.searchCorpus', {});
      this.apply({ type: 'replace', corpus: corpusText(answer) });
    });
  }

  /** Sends the index the current text of these papers (after they changed). */
  refresh(ids: readonly string[]): void {
    if (ids.length === 0) return;
    const generation = this.generation;
    this.enqueue(async () => {
      if (generation !== this.generation) return;
      const parts = chunks(ids, CORPUS_CHUNK);
      for (const [index, chunk] of parts.entries()) {
        const answer = await callUnparsed('papers.searchCorpus', { ids: chunk });
        if (generation !== this.generation) return;
        // One new version per refresh: each version makes a running query search again.
        this.apply({ type: 'upsert', ids: chunk, corpus: corpusText(answer) }, index === parts.length - 1);
      }
    });
  }

  /** The library has no papers to search (it failed to load). */
  clear(): void {
    this.generation += 1;
    this.enqueue(async () => {
      this.apply({ type: 'replace', corpus: { kind: 'json', json: '[]' } });
    });
  }

  private enqueue(task: () => Promise<void>): void {
    this.corpusQueue = this.corpusQueue.then(task).catch((error: unknown) => {
      toasts.error(`Search may miss recent changes: ${errorMessage(error)}`);
    });
  }

  private apply(request: Extract<SearchRequest, { type: 'replace' | 'upsert' }>, last = true): void {
    this.startWorker();
    if (this.worker) {
      this.post(request, request.corpus.kind === 'envelope-bytes' ? [request.corpus.bytes] : []);
    } else if (request.type === 'replace') {
      this.local.replace(parseCorpus(request.corpus));
    } else {
      this.local.upsert(request.ids, parseCorpus(request.corpus));
    }
    if (!last) return;
    this.setState({ version: this.state.version + 1, ready: this.state.ready || request.type === 'replace' });
    // A search asked for before the corpus arrived runs now.
    const waiting = this.queued;
    if (!this.inFlight && waiting !== undefined) {
      this.queued = undefined;
      this.search(waiting);
    }
  }

  search(query: string): void {
    const { result, version, ready } = this.state;
    if (result && result.query === query && result.version === version) return;
    if (this.inFlight || !ready) {
      this.queued = query;
      return;
    }
    this.start({ query, version });
  }

  private start(request: { query: string; version: number }): void {
    const id = this.nextId++;
    this.inFlight = { id, ...request };
    if (this.worker) this.post({ type: 'search', id, query: request.query });
    else queueMicrotask(() => this.onResponse({ type: 'result', id, ids: this.local.search(request.query) }));
  }

  private post(request: SearchRequest, transfer: Transferable[] = []): void {
    try {
      this.worker?.postMessage(request, transfer);
    } catch {
      this.fallBackToPage();
    }
  }

  private onResponse(response: SearchResponse): void {
    if (response.type === 'error') {
      toasts.error(`Search: ${response.message}`);
      return;
    }
    const done = this.inFlight;
    if (!done || done.id !== response.id) return;
    this.inFlight = undefined;
    this.setState({ result: { query: done.query, version: done.version, ids: response.ids } });
    const queued = this.queued;
    this.queued = undefined;
    if (queued !== undefined) this.search(queued);
  }

  /** The worker died: what it held is gone (its corpus was handed over, not copied), so load it again here. */
  private fallBackToPage(): void {
    this.worker?.terminate();
    this.worker = undefined;
    const pending = this.inFlight;
    this.inFlight = undefined;
    this.setState({ ready: false });
    if (pending) this.queued = pending.query;
    this.loadAll();
  }
}

export const searchClient = new SearchClient();
