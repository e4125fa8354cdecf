import Fuse, { type FuseOptionKey, type IFuseOptions } from 'fuse.js';
import type { SearchablePaper } from './searchable-paper';
import { authorName } from '../model/format-authors';
import { queryWords, wordsMatch } from './query-words';

export interface SearchHit {
  id: string;
  /** 0 is a perfect match, 1 no match (fuse.js's scale), averaged over the query's words. */
  score: number;
}

const keys: FuseOptionKey<SearchablePaper>[] = [
  { name: 'title', weight: 3 },
  { name: 'authors', weight: 2, getFn: (paper) => paper.authors.map(authorName) },
  { name: 'tags', weight: 1.5 },
  { name: 'venue', weight: 1 },
  { name: 'abstract', weight: 1 },
];

const fuseOptions: IFuseOptions<SearchablePaper> = {
  keys,
  includeScore: true,
  // fuse.js only looks near the start of a field unless told otherwise; abstracts need the whole text.
  ignoreLocation: true,
  threshold: 0.34,
  useExtendedSearch: true,
};

/**
 * Shorter words match as exact substrings: fuse.js matches approximate substrings, so a fuzzy
 * "rlhf" or "llm" (one typo allowed) would match fragments of nearly every abstract.
 */
const FUZZY_MIN_LENGTH = 5;

/**
 * Fuzzy search over title, authors, tags, venue and abstract. Each word of the query must match
 * somewhere (fuse.js alone matches the whole query as one pattern, so "author + topic" would fail),
 * words of four letters or more tolerate typos, and the hits come back best first.
 */
export class PaperSearch {
  private readonly fuse: Fuse<SearchablePaper>;

  constructor(papers: readonly SearchablePaper[]) {
    this.fuse = new Fuse(papers, fuseOptions);
  }

  search(query: string): SearchHit[] {
    const words = queryWords(query);
    if (words.length === 0) return [];
    let combined: Map<string, number> | undefined;
    for (const word of words) {
      // Extended search: a leading ' asks for an exact substring; the word itself is already stripped of operators.
      const pattern = word.length >= FUZZY_MIN_LENGTH ? word : `'${word}`;
      const scores = new Map<string, number>();
      for (const result of this.fuse.search(pattern)) {
        if (combined && !combined.has(result.item.id)) continue;
        scores.set(result.item.id, (combined?.get(result.item.id) ?? 0) + (result.score ?? 1));
      }
      combined = scores;
      if (combined.size === 0) return [];
    }
    return [...(combined ?? new Map<string, number>())]
      .map(([id, total]) => ({ id, score: total / words.length }))
      .sort((a, b) => a.score - b.score);
  }
}

/** Character ranges `[start, end)` of the words in `text` that a query's words match, for highlighting. */
export function matchRanges(text: string, query: string): Array<[number, number]> {
  const words = queryWords(query);
  if (words.length === 0 || text.length === 0) return [];
  const ranges: Array<[number, number]> = [];
  for (const token of text.matchAll(/[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*/gu)) {
    const lower = token[0].toLowerCase();
    if (words.some((word) => wordsMatch(word, lower, FUZZY_MIN_LENGTH))) {
      ranges.push([token.index, token.index + token[0].length]);
    }
  }
  return ranges;
}

/** The papers a query selects, best match first; every paper, in its given order, for an empty query. */
export function searchPapers<P extends SearchablePaper>(papers: readonly P[], query: string, search: PaperSearch = new PaperSearch(papers)): P[] {
  if (queryWords(query).length === 0) return [...papers];
  const byId = new Map(papers.map((paper) => [paper.id, paper]));
  return search.search(query).flatMap((hit) => {
    const paper = byId.get(hit.id);
    return paper ? [paper] : [];
  });
}
