import type { Library, Paper } from '../../../shared/model/library';
import { ApiFailure } from '../api-failure';
import type { JournalEntry } from './journal';

export type CollectionKey = 'tags' | 'columns' | 'savedSearches' | 'screeningCriteria' | 'comparisons' | 'reviewTables' | 'settings';

/** What one transaction changed, for the journal and for external-change merging. */
export interface ChangeSet {
  paperIds: Set<string>;
  removedIds: Set<string>;
  collections: Set<CollectionKey>;
}

export function emptyChangeSet(): ChangeSet {
  return { paperIds: new Set(), removedIds: new Set(), collections: new Set() };
}

export function mergeChangeSets(into: ChangeSet, from: ChangeSet): void {
  for (const id of from.paperIds) {
    into.paperIds.add(id);
    into.removedIds.delete(id);
  }
  for (const id of from.removedIds) {
    into.removedIds.add(id);
    into.paperIds.delete(id);
  }
  for (const key of from.collections) into.collections.add(key);
}

/**
 * The only way to change a library: a transaction records which papers and collections it
 * touched (so the journal entry holds exactly those), and keeps their previous state so that a
 * change that throws half-way leaves memory as it was.
 */
export class LibraryTransaction {
  private readonly originals = new Map<string, Paper | undefined>();
  private readonly collectionOriginals = new Map<CollectionKey, unknown>();
  private readonly removed = new Map<string, { paper: Paper; index: number }>();
  private readonly added: string[] = [];
  private papersChanged = false;

  constructor(
    private readonly library: Library,
    private readonly byId: Map<string, Paper>,
  ) {}

  /** Read-only view for lookups and checks. */
  get current(): Readonly<Library> {
    return this.library;
  }

  has(id: string): boolean {
    return this.byId.has(id);
  }

  /** A paper to change in place; throws not-found for an unknown id. */
  paper(id: string): Paper {
    const paper = this.byId.get(id);
    if (!paper) throw new ApiFailure('not-found', `No paper with id "${id}" in this library`);
    if (!this.originals.has(id)) this.originals.set(id, structuredClone(paper));
    return paper;
  }

  addPapers(papers: readonly Paper[]): void {
    for (const paper of papers) {
      if (this.byId.has(paper.id)) throw new ApiFailure('invalid-input', `A paper with id "${paper.id}" already exists`);
      this.library.papers.push(paper);
      this.byId.set(paper.id, paper);
      this.originals.set(paper.id, undefined);
      this.added.push(paper.id);
    }
    this.papersChanged ||= papers.length > 0;
  }

  /** Adds a paper at `index` in the list (the end when absent or past it): Undo puts a removed paper back in its place. */
  insertPaper(paper: Paper, index?: number): void {
    if (this.byId.has(paper.id)) throw new ApiFailure('invalid-input', `A paper with id "${paper.id}" already exists`);
    const at = index === undefined ? this.library.papers.length : Math.min(Math.max(0, index), this.library.papers.length);
    this.library.papers.splice(at, 0, paper);
    this.byId.set(paper.id, paper);
    this.originals.set(paper.id, undefined);
    this.added.push(paper.id);
    this.papersChanged = true;
  }

  /** What this transaction touched, as it was before (for the history of undoable changes). */
  touched(): {
    originals: ReadonlyMap<string, Paper | undefined>;
    removed: ReadonlyMap<string, { paper: Paper; index: number }>;
    collectionOriginals: ReadonlyMap<CollectionKey, unknown>;
  } {
    return { originals: this.originals, removed: this.removed, collectionOriginals: this.collectionOriginals };
  }

  removePapers(ids: Iterable<string>): void {
    const wanted = new Set(ids);
    if (wanted.size === 0) return;
    const kept: Paper[] = [];
    this.library.papers.forEach((paper, index) => {
      if (wanted.has(paper.id)) this.removed.set(paper.id, { paper, index });
      else kept.push(paper);
    });
    replaceAll(this.library.papers, kept);
    for (const id of wanted) this.byId.delete(id);
    this.papersChanged = true;
  }

  /** A collection to change in place. */
  collection<K extends CollectionKey>(key: K): Library[K] {
    if (!this.collectionOriginals.has(key)) this.collectionOriginals.set(key, structuredClone(this.library[key]));
    return this.library[key];
  }

  /** Replaces a collection's whole value (one that may be absent, like screeningCriteria). */
  replaceCollection<K extends CollectionKey>(key: K, value: Library[K]): void {
    this.collection(key);
    this.library[key] = value;
  }

  /** Puts memory back as it was before this transaction. */
  rollback(): void {
    for (const [key, original] of this.collectionOriginals) (this.library as Record<CollectionKey, unknown>)[key] = original;
    for (const [id, original] of this.originals) {
      const paper = this.byId.get(id) ?? this.removed.get(id)?.paper;
      if (original !== undefined && paper) replaceInPlace(paper, original);
    }
    if (this.papersChanged) {
      const addedIds = new Set(this.added);
      const restored = this.library.papers.filter((paper) => !addedIds.has(paper.id));
      for (const id of addedIds) this.byId.delete(id);
      for (const { paper, index } of [...this.removed.values()].sort((a, b) => a.index - b.index)) {
        restored.splice(index, 0, paper);
        this.byId.set(paper.id, paper);
      }
      replaceAll(this.library.papers, restored);
    }
  }

  changes(): ChangeSet {
    const paperIds = new Set([...this.originals.keys()].filter((id) => this.byId.has(id)));
    return { paperIds, removedIds: new Set(this.removed.keys()), collections: new Set(this.collectionOriginals.keys()) };
  }

  /** The journal entry for this transaction, or undefined when it changed nothing. */
  entry(seq: number, at: string): JournalEntry | undefined {
    const { paperIds, removedIds, collections } = this.changes();
    if (paperIds.size === 0 && removedIds.size === 0 && collections.size === 0) return undefined;
    const entry: JournalEntry = { seq, at };
    if (paperIds.size > 0) entry.papers = [...paperIds].map((id) => this.byId.get(id) as Paper);
    if (removedIds.size > 0) entry.removed = [...removedIds];
    for (const key of collections) Object.assign(entry, { [key]: this.library[key] });
    return entry;
  }
}

/** Applies a journal entry to a library (replay on load, merge after an external change). */
export function applyEntry(library: Library, byId: Map<string, Paper>, entry: JournalEntry): void {
  for (const paper of entry.papers ?? []) {
    const existing = byId.get(paper.id);
    if (existing) replaceInPlace(existing, paper);
    else {
      library.papers.push(paper);
      byId.set(paper.id, paper);
    }
  }
  if (entry.removed && entry.removed.length > 0) {
    const removed = new Set(entry.removed);
    const kept = library.papers.filter((paper) => !removed.has(paper.id));
    replaceAll(library.papers, kept);
    for (const id of removed) byId.delete(id);
  }
  if (entry.tags) library.tags = entry.tags;
  if (entry.columns) library.columns = entry.columns;
  if (entry.savedSearches) library.savedSearches = entry.savedSearches;
  if (entry.screeningCriteria) library.screeningCriteria = entry.screeningCriteria;
  if (entry.comparisons) library.comparisons = entry.comparisons;
  if (entry.reviewTables) library.reviewTables = entry.reviewTables;
  if (entry.settings) library.settings = entry.settings;
}

/** Makes `target` hold exactly `source`'s fields, keeping its identity (and so its place in the papers array). */
export function replaceInPlace(target: Paper, source: Paper): void {
  for (const key of Object.keys(target)) delete (target as Record<string, unknown>)[key];
  Object.assign(target, source);
}

/**
 * Refills an array in place. Not `push(...items)`: spread passes every item as an argument on the
 * stack, which overflows at a few hundred thousand papers.
 */
function replaceAll<T>(target: T[], items: readonly T[]): void {
  target.length = 0;
  for (const item of items) target.push(item);
}
