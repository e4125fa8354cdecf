import type { PaperSummary } from '../../../shared/api/contract';
import type { ReadStatus } from '../../../shared/model/library';

/** The sidebar's narrowing of the list; both parts combine with each other and with the search. */
export interface ListFilter {
  status?: ReadStatus;
  tag?: string;
}

/**
 * Newest added first; papers added together keep their library order (`rank`, the position in the
 * main side's list). Returns the ordered papers and where each id is.
 */
export function libraryOrder(
  papers: readonly PaperSummary[],
  rank: ReadonlyMap<string, number>,
): { papers: PaperSummary[]; index: Map<string, number> } {
  const ordered = [...papers].sort((a, b) =>
    a.addedAt === b.addedAt ? (rank.get(a.id) ?? 0) - (rank.get(b.id) ?? 0) : a.addedAt < b.addedAt ? 1 : -1,
  );
  return { papers: ordered, index: new Map(ordered.map((paper, position) => [paper.id, position])) };
}

export function matchesFilter(paper: PaperSummary, filter: ListFilter): boolean {
  if (filter.status && paper.status !== filter.status) return false;
  if (filter.tag !== undefined && !paper.tags.includes(filter.tag)) return false;
  return true;
}

/** The list as shown: filtered, then in search rank when there are ranked ids, else in library order. */
export function visiblePapers(
  ordered: readonly PaperSummary[],
  ranked: readonly string[] | undefined,
  filter: ListFilter,
): readonly PaperSummary[] {
  const filtering = filter.status !== undefined || filter.tag !== undefined;
  const filtered = filtering ? ordered.filter((paper) => matchesFilter(paper, filter)) : ordered;
  if (!ranked) return filtered;
  const rank = new Map(ranked.map((id, index) => [id, index]));
  return filtered
    .filter((paper) => rank.has(paper.id))
    .sort((a, b) => (rank.get(a.id) ?? 0) - (rank.get(b.id) ?? 0));
}
