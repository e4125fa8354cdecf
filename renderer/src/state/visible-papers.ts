import type { Paper, ReadStatus } from '../../../shared/model/library';

/** The sidebar's narrowing of the list; both parts combine with each other and with the search. */
export interface ListFilter {
  status?: ReadStatus;
  tag?: string;
}

/** Newest added first; papers added together keep their library order. */
export function libraryOrder(papers: readonly Paper[]): Paper[] {
  return papers
    .map((paper, index) => ({ paper, index }))
    .sort((a, b) => (a.paper.addedAt === b.paper.addedAt ? a.index - b.index : a.paper.addedAt < b.paper.addedAt ? 1 : -1))
    .map(({ paper }) => paper);
}

export function matchesFilter(paper: Paper, filter: ListFilter): boolean {
  if (filter.status && paper.status !== filter.status) return false;
  if (filter.tag !== undefined && !paper.tags.includes(filter.tag)) return false;
  return true;
}

/** The list as shown: filtered, then in search rank when there are ranked ids, else in library order. */
export function visiblePapers(ordered: readonly Paper[], ranked: readonly string[] | undefined, filter: ListFilter): Paper[] {
  const filtered = ordered.filter((paper) => matchesFilter(paper, filter));
  if (!ranked) return filtered;
  const rank = new Map(ranked.map((id, index) => [id, index]));
  return filtered
    .filter((paper) => rank.has(paper.id))
    .sort((a, b) => (rank.get(a.id) ?? 0) - (rank.get(b.id) ?? 0));
}
