import type { SavedSearchSummary, SearchQueryOutput } from '../../../shared/api/contract';
import type { Paper } from '../../../shared/model/library';
import { SearchEngine, type EngineQuery } from '../../../shared/search/engine/search-engine';
import { parseQuery } from '../../../shared/search/parse-query';
import { ApiFailure } from '../api-failure';
import type { LibraryStore } from '../library-store';
import { emptyChangeSet, mergeChangeSets, type ChangeSet } from '../storage/transaction';
import { FulltextCache } from './fulltext-cache';

export interface SearchServiceDeps {
  store: LibraryStore;
  newId: () => string;
  /** Persists and restores the index between runs; without it the index is built at start. */
  indexFile?: {
    load(papers: () => readonly Paper[]): Promise<SearchEngine | undefined>;
    save(engine: SearchEngine): Promise<void>;
  };
  /** Told when saved searches change. */
  onChanged?: (reason: string) => void;
}

/** Papers indexed per slice while building, so the main process keeps answering between slices (~10 ms each). */
export const BUILD_SLICE = 200;
/** After changes, the index is written back once the library has been quiet this long. */
const SAVE_AFTER_MS = 30_000;

const yieldToEventLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * Search for one open library. The engine is restored from its file or built in slices in the
 * background; queries that come before it is ready wait for it. Changes to papers are noted as
 * they happen and applied to the index before the next query, so a burst of edits costs one pass.
 */
export class SearchService {
  private readonly ready: Promise<SearchEngine>;
  private engine: SearchEngine | undefined;
  /** Papers changed or removed since the index last took changes. */
  private pending: ChangeSet = emptyChangeSet();
  private replaced = false;
  private readonly unsubscribe: () => void;
  private readonly fulltext: FulltextCache;
  private saveTimer: NodeJS.Timeout | undefined;
  private unsaved = false;
  private closed = false;

  constructor(private readonly deps: SearchServiceDeps) {
    this.fulltext = new FulltextCache(deps.store.folder);
    this.unsubscribe = deps.store.onPapersChanged((change) => this.note(change));
    this.ready = this.start();
    // A failure surfaces on the first query; nothing else waits on this promise.
    this.ready.catch(() => undefined);
  }

  /** Where the index came from at open: its file, or built from the papers (none, stale format, damaged). */
  origin: 'file' | 'built' | undefined;

  /** True once the index can answer at once. */
  get isReady(): boolean {
    return this.engine !== undefined;
  }

  private note(change: ChangeSet | undefined): void {
    if (!change) this.replaced = true;
    else mergeChangeSets(this.pending, change);
    this.scheduleSave();
  }

  private async start(): Promise<SearchEngine> {
    await this.deps.store.whenValidated();
    const papers = this.deps.store.data.papers;
    let engine = await this.deps.indexFile?.load(() => this.deps.store.data.papers).catch(() => undefined);
    this.origin = engine ? 'file' : 'built';
    if (engine) {
      // Whatever changed since the file was written (journal replayed at open, other programs).
      if (engine.staleAtRestore > 0 || engine.reconcile(this.deps.store.data.papers) > 0) this.scheduleSave();
      this.pending = emptyChangeSet();
      this.replaced = false;
    } else {
      engine = new SearchEngine();
      const snapshot = [...papers];
      for (let start = 0; start < snapshot.length; start += BUILD_SLICE) {
        engine.addMany(snapshot.slice(start, start + BUILD_SLICE));
        if (start + BUILD_SLICE < snapshot.length) await yieldToEventLoop();
        if (this.closed) break;
      }
      // Papers changed while building were indexed as they were: bring them up to date.
      this.replaced = true;
      this.unsaved = true;
      this.scheduleSave();
    }
    this.engine = engine;
    return engine;
  }

  private applyChanges(engine: SearchEngine): void {
    const { store } = this.deps;
    const { paperIds, removedIds } = this.pending;
    this.pending = emptyChangeSet();
    if (this.replaced) {
      engine.reconcile(store.data.papers);
      this.replaced = false;
      return;
    }
    for (const id of removedIds) engine.remove(id);
    for (const id of paperIds) {
      const paper = store.getPaper(id);
      if (paper) engine.sync(paper);
      else engine.remove(id);
    }
  }

  private async engineNow(): Promise<SearchEngine> {
    const engine = this.engine ?? (await this.ready);
    this.applyChanges(engine);
    return engine;
  }

  async query(request: EngineQuery): Promise<SearchQueryOutput> {
    const engine = await this.engineNow();
    const parsed = parseQuery(request.query);
    const needsPdfText = request.fulltext === true || parsed.clauses.some((clause) => JSON.stringify(clause).includes('"fulltext"'));
    if (needsPdfText) await this.fulltext.load(this.deps.store.data.papers.filter((paper) => paper.attachments.length > 0));
    const started = performance.now();
    const result = engine.query(request, needsPdfText ? this.fulltext : undefined);
    return { ...result, tookMs: Math.round((performance.now() - started) * 100) / 100 };
  }

  async savedSearches(): Promise<SavedSearchSummary[]> {
    const engine = await this.engineNow();
    const saved = this.deps.store.data.savedSearches;
    if (saved.some((search) => search.query.includes('fulltext:'))) {
      await this.fulltext.load(this.deps.store.data.papers.filter((paper) => paper.attachments.length > 0));
    }
    return saved.map((search) => ({ ...search, count: engine.count(search.query, this.fulltext) }));
  }

  async saveSearch(input: { id?: string | undefined; name: string; query: string }): Promise<SavedSearchSummary> {
    const { store } = this.deps;
    const id = input.id ?? this.deps.newId();
    await store.transact((tx) => {
      const searches = tx.collection('savedSearches');
      const existing = searches.find((search) => search.id === id);
      if (input.id !== undefined && !existing) throw new ApiFailure('not-found', `No saved search with id "${input.id}"`);
      const clash = searches.find((search) => search.id !== id && search.name.toLowerCase() === input.name.toLowerCase());
      if (clash) throw new ApiFailure('invalid-input', `A saved search named “${clash.name}” already exists`);
      if (existing) Object.assign(existing, { name: input.name, query: input.query });
      else searches.push({ id, name: input.name, query: input.query });
    });
    this.deps.onChanged?.('saved-searches');
    const engine = await this.engineNow();
    return { id, name: input.name, query: input.query, count: engine.count(input.query, this.fulltext) };
  }

  async deleteSearch(id: string): Promise<boolean> {
    const { store } = this.deps;
    if (!store.data.savedSearches.some((search) => search.id === id)) return false;
    await store.transact((tx) => {
      const searches = tx.collection('savedSearches');
      const at = searches.findIndex((search) => search.id === id);
      if (at >= 0) searches.splice(at, 1);
    });
    this.deps.onChanged?.('saved-searches');
    return true;
  }

  private scheduleSave(): void {
    this.unsaved = true;
    if (!this.deps.indexFile || this.closed) return;
    if (this.saveTimer) clearTimeout(this.saveTimer);
    this.saveTimer = setTimeout(() => void this.save(), SAVE_AFTER_MS);
    this.saveTimer.unref();
  }

  /** Writes the index to its file if it changed since it was last written. */
  async save(): Promise<void> {
    if (this.saveTimer) clearTimeout(this.saveTimer);
    this.saveTimer = undefined;
    const engine = this.engine;
    if (!engine || !this.unsaved || !this.deps.indexFile) return;
    this.applyChanges(engine);
    this.unsaved = false;
    try {
      await this.deps.indexFile.save(engine);
    } catch {
      // The index is a cache: a failed write only means it is rebuilt or reconciled next time.
      this.unsaved = true;
    }
  }

  async close(): Promise<void> {
    this.closed = true;
    this.unsubscribe();
    await this.ready.catch(() => undefined);
    await this.save();
  }
}
