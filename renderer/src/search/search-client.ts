import type { Paper } from '../../../shared/model/library';
import { RankedSearch } from './ranked-search';
import { searchable, type SearchablePaper, type SearchRequest, type SearchResponse } from './search-protocol';

type Listener = () => void;

function sameSearchable(a: SearchablePaper, b: SearchablePaper): boolean {
  return (
    a.id === b.id &&
    a.title === b.title &&
    a.venue === b.venue &&
    a.abstract === b.abstract &&
    a.tags.length === b.tags.length &&
    a.tags.every((tag, index) => tag === b.tags[index]) &&
    JSON.stringify(a.authors) === JSON.stringify(b.authors)
  );
}

/**
 * Fuzzy search off the main thread. Ranking every abstract of a large library takes long enough
 * to freeze typing, so PaperSearch runs in a worker; only the newest query waits while one runs,
 * and a reload that changed nothing searchable (a note saved, a status set) does not rebuild the index.
 * Where a worker cannot start, the same search runs in the page.
 */
export class SearchClient {
  private worker: Worker | undefined;
  private readonly local = new RankedSearch();
  private papers: SearchablePaper[] = [];
  private nextId = 1;
  private inFlight: { id: number; query: string; version: number } | undefined;
  private queued: string | undefined;
  private result: { query: string; version: number; ids: string[] } | undefined;
  private readonly listeners = new Set<Listener>();
  /** Bumped when the searchable content changes. */
  version = 0;

  private workerStarted = false;

  private startWorker(): void {
    if (this.workerStarted) return;
    this.workerStarted = true;
    try {
      this.worker = new Worker(new URL('./search.worker.ts', import.meta.url), { type: 'module', name: 'sift-search' });
      this.worker.onmessage = (event: MessageEvent<SearchResponse>) => this.onResult(event.data);
      this.worker.onerror = () => this.fallBackToPage();
    } catch {
      this.worker = undefined;
    }
  }

  subscribe = (listener: Listener): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /** The latest finished search: which query, over which content version, and the ids best first. */
  getResult = (): { query: string; version: number; ids: string[] } | undefined => this.result;

  setPapers(papers: readonly Paper[]): void {
    const next = papers.map(searchable);
    if (next.length === this.papers.length && next.every((paper, index) => sameSearchable(paper, this.papers[index] as SearchablePaper))) return;
    this.startWorker();
    this.papers = next;
    this.version += 1;
    this.local.setPapers(next);
    this.post({ type: 'papers', papers: next });
  }

  search(query: string): void {
    if (this.result && this.result.query === query && this.result.version === this.version) return;
    if (this.inFlight) {
      this.queued = query;
      return;
    }
    this.start({ query, version: this.version });
  }

  private start(request: { query: string; version: number }): void {
    const id = this.nextId++;
    this.inFlight = { id, ...request };
    if (this.worker) this.post({ type: 'search', id, query: request.query });
    else queueMicrotask(() => this.onResult({ id, ids: this.local.search(request.query) }));
  }

  private post(request: SearchRequest): void {
    try {
      this.worker?.postMessage(request);
    } catch {
      this.fallBackToPage();
    }
  }

  private onResult(response: SearchResponse): void {
    const done = this.inFlight;
    if (!done || done.id !== response.id) return;
    this.inFlight = undefined;
    this.result = { query: done.query, version: done.version, ids: response.ids };
    for (const listener of this.listeners) listener();
    const queued = this.queued;
    this.queued = undefined;
    if (queued !== undefined) this.search(queued);
  }

  private fallBackToPage(): void {
    this.worker?.terminate();
    this.worker = undefined;
    const pending = this.inFlight;
    this.inFlight = undefined;
    if (pending) this.search(pending.query);
  }
}

export const searchClient = new SearchClient();
