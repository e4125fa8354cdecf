import type { Comparison } from '../../../shared/model/library';
import { ApiFailure } from '../api-failure';
import type { LibraryStore } from '../library-store';

export interface ComparisonServiceDeps {
  /** The open library (another one may be opened while Sift runs). */
  store: () => LibraryStore;
  now: () => Date;
  newId: () => string;
  /** Told after every change that reached the disk. */
  onChanged: (reason: string, paperIds?: string[]) => void;
}

/** A set of papers as comparisons are keyed: sorted, so that the order they are shown in does not matter. */
function setKey(paperIds: readonly string[]): string {
  return [...paperIds].sort().join('\u0000');
}

/**
 * Comparison notes: one Markdown note per set of compared papers, kept in the library's optional
 * `comparisons` collection with the set's ids sorted.
 */
export class ComparisonService {
  constructor(private readonly deps: ComparisonServiceDeps) {}

  private get store(): LibraryStore {
    return this.deps.store();
  }

  get(paperIds: readonly string[]): { comparison: Comparison | null } {
    const key = setKey(paperIds);
    const found = (this.store.data.comparisons ?? []).find((comparison) => setKey(comparison.paperIds) === key);
    return { comparison: found ? structuredClone(found) : null };
  }

  async save(input: { id?: string | undefined; paperIds: readonly string[]; note: string }): Promise<{ comparison: Comparison }> {
    const missing = input.paperIds.find((id) => !this.store.getPaper(id));
    if (missing !== undefined) throw new ApiFailure('not-found', `No paper with id "${missing}" in this library`);
    const key = setKey(input.paperIds);
    const existing = this.store.data.comparisons ?? [];
    if (input.id !== undefined && !existing.some((comparison) => comparison.id === input.id)) {
      throw new ApiFailure('not-found', `No comparison with id "${input.id}"`);
    }
    const sameSet = existing.find((comparison) => setKey(comparison.paperIds) === key);
    if (input.id !== undefined && sameSet && sameSet.id !== input.id) {
      throw new ApiFailure('invalid-input', 'Another comparison already holds the note of these papers');
    }
    const comparison: Comparison = {
      id: input.id ?? sameSet?.id ?? this.deps.newId(),
      paperIds: [...input.paperIds].sort(),
      note: input.note,
      updatedAt: this.deps.now().toISOString(),
    };
    await this.store.transact((tx) => {
      const list = [...(tx.collection('comparisons') ?? [])];
      const at = list.findIndex((candidate) => candidate.id === comparison.id);
      if (at >= 0) list[at] = comparison;
      else list.push(comparison);
      tx.replaceCollection('comparisons', list);
    });
    // No paper changed: an empty list tells the renderer's paper list there is nothing to fetch.
    this.deps.onChanged('comparisons', []);
    return { comparison: structuredClone(comparison) };
  }
}
