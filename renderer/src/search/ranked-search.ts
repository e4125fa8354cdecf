import { PaperSearch } from '../../../shared/search/paper-search';
import type { SearchablePaper } from './search-protocol';

/**
 * PaperSearch over the searchable projection, rebuilt on the first search after a change. Runs in
 * the worker, or in the page as a fallback. Changes arrive as whole replacements (a library was
 * loaded) or as upserts of the papers that changed.
 */
export class RankedSearch {
  private index: PaperSearch | undefined;
  private papers: SearchablePaper[] = [];
  private positions = new Map<string, number>();

  replace(papers: SearchablePaper[]): void {
    this.papers = papers;
    this.positions = new Map(papers.map((paper, position) => [paper.id, position]));
    this.index = undefined;
  }

  /** `ids` are the papers asked for; those not in `papers` are gone from the library. */
  upsert(ids: readonly string[], papers: readonly SearchablePaper[]): void {
    for (const paper of papers) {
      const position = this.positions.get(paper.id);
      if (position === undefined) {
        this.positions.set(paper.id, this.papers.length);
        this.papers.push(paper);
      } else {
        this.papers[position] = paper;
      }
    }
    const returned = new Set(papers.map((paper) => paper.id));
    const removed = new Set(ids.filter((id) => !returned.has(id) && this.positions.has(id)));
    if (removed.size > 0) this.replace(this.papers.filter((paper) => !removed.has(paper.id)));
    this.index = undefined;
  }

  search(query: string): string[] {
    this.index ??= new PaperSearch(this.papers);
    return this.index.search(query).map((hit) => hit.id);
  }
}
