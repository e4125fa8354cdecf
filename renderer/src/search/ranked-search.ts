import { newPaper } from '../../../shared/model/library';
import { PaperSearch } from '../../../shared/search/paper-search';
import type { SearchablePaper } from './search-protocol';

/** PaperSearch over the searchable projection, built on first use. Runs in the worker, or in the page as a fallback. */
export class RankedSearch {
  private index: PaperSearch | undefined;
  private papers: readonly SearchablePaper[] = [];

  setPapers(papers: readonly SearchablePaper[]): void {
    this.papers = papers;
    this.index = undefined;
  }

  search(query: string): string[] {
    this.index ??= new PaperSearch(this.papers.map((paper) => newPaper(paper, '')));
    return this.index.search(query).map((hit) => hit.id);
  }
}
