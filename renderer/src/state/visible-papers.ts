import type { PaperSummary } from '../../../shared/api/contract';
import type { ReadStatus } from '../../../shared/model/library';
import { isInTagTree } from '../../../shared/model/nested-tags';

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
  const { tag } = filter;
  // A parent includes its nested tags, as the search's `tag:` does.
  if (tag !== undefined && !paper.tags.some((name) => isInTagTree(name, tag))) return false;
  return true;
}

/**
 * The list as shown. With search results (`ids`, in the search's order) it is those papers, else
 * the library in its own order; either way narrowed by the sidebar's filter here too (the search
 * already applied it as clauses, but the summaries change first when the user edits a paper; the
 * search's `tag:x` is case-insensitive, the sidebar's tree is not).
 */
export function visiblePapers(
  ordered: readonly PaperSummary[],
  ids: readonly string[] | undefined,
  lookup: (id: string) => PaperSummary | undefined,
  filter: ListFilter,
): readonly PaperSummary[] {
  const filtering = filter.status !== undefined || filter.tag !== undefined;
  if (!ids) return filtering ? ordered.filter((paper) => matchesFilter(paper, filter)) : ordered;
  const papers: PaperSummary[] = [];
  for (const id of ids) {
    // A paper the search found before its summary arrived shows once it has.
    const paper = lookup(id);
    if (paper && (!filtering || matchesFilter(paper, filter))) papers.push(paper);
  }
  return papers;
}
