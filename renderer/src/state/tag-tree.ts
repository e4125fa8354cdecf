import type { PaperSummary, TagSummary } from '../../../shared/api/contract';
import { TAG_SEPARATOR, tagAncestors } from '../../../shared/model/nested-tags';

/** One row of the sidebar's tag tree: a tag, or a parent that exists only through nested tags. */
export interface TagNode {
  /** The whole name (`method/rct`): what filters, renames and pins use. */
  name: string;
  /** The last part (`rct`), shown under its parent. */
  label: string;
  depth: number;
  /** Papers with this tag or one nested under it (each paper once). */
  count: number;
  color?: string;
  pinned?: number;
  children: TagNode[];
}

/**
 * Builds the tree from the tag list and counts each parent's papers: a paper tagged `a/x` and
 * `a/y` counts once for `a`. A tag without children takes the main side's count as is.
 */
export function buildTagTree(tags: readonly TagSummary[], papers: readonly PaperSummary[]): TagNode[] {
  const nodes = new Map<string, TagNode>();
  const node = (name: string): TagNode => {
    let found = nodes.get(name);
    if (!found) {
      const ancestors = tagAncestors(name);
      const parent = ancestors.at(-1);
      found = { name, label: parent === undefined ? name : name.slice(parent.length + TAG_SEPARATOR.length), depth: ancestors.length, count: 0, children: [] };
      nodes.set(name, found);
    }
    return found;
  };
  for (const tag of tags) {
    const entry = node(tag.name);
    entry.count = tag.count;
    if (tag.color !== undefined) entry.color = tag.color;
    if (tag.pinned !== undefined) entry.pinned = tag.pinned;
    for (const ancestor of tagAncestors(tag.name)) node(ancestor);
  }
  const roots: TagNode[] = [];
  for (const entry of [...nodes.values()].sort((a, b) => compareNames(a.name, b.name))) {
    const parent = tagAncestors(entry.name).at(-1);
    (parent === undefined ? roots : node(parent).children).push(entry);
  }
  // Parents count the distinct papers in their subtree, which the per-tag counts cannot tell.
  const parents = [...nodes.values()].filter((entry) => entry.children.length > 0);
  if (parents.length > 0) {
    const subtreeCounts = new Map<string, number>();
    const seen = new Set<string>();
    for (const paper of papers) {
      seen.clear();
      for (const tag of paper.tags) for (const ancestor of tagAncestors(tag)) seen.add(ancestor);
      for (const tag of paper.tags) seen.add(tag);
      for (const name of seen) subtreeCounts.set(name, (subtreeCounts.get(name) ?? 0) + 1);
    }
    for (const parent of parents) parent.count = subtreeCounts.get(parent.name) ?? 0;
  }
  return roots;
}

function compareNames(a: string, b: string): number {
  return a.localeCompare(b, undefined, { sensitivity: 'base', numeric: true });
}

/** The rows to draw, depth first, skipping the children of collapsed parents. */
export function visibleTagRows(roots: readonly TagNode[], collapsed: ReadonlySet<string>): TagNode[] {
  const rows: TagNode[] = [];
  const walk = (nodes: readonly TagNode[]) => {
    for (const entry of nodes) {
      rows.push(entry);
      if (!collapsed.has(entry.name)) walk(entry.children);
    }
  };
  walk(roots);
  return rows;
}
