/**
 * Tags nest by name: `method/rct` is a child of `method`. A filter on a parent includes its
 * children (the query language's `tag:method` does the same), and renaming or deleting a parent
 * takes its children along.
 */
export const TAG_SEPARATOR = '/';

/** True when `tag` is `root` or nested under it (`method/rct` under `method`). Case-sensitive, like tags on papers. */
export function isInTagTree(tag: string, root: string): boolean {
  return tag === root || tag.startsWith(`${root}${TAG_SEPARATOR}`);
}

/** The name `tag` takes when `from` is renamed to `to`, or undefined when it is not in `from`'s tree. */
export function renamedTag(tag: string, from: string, to: string): string | undefined {
  return isInTagTree(tag, from) ? `${to}${tag.slice(from.length)}` : undefined;
}

/** The parents of a nested name, outermost first: `a/b/c` → `a`, `a/b`. Empty segments are kept as written. */
export function tagAncestors(name: string): string[] {
  const ancestors: string[] = [];
  for (let at = name.indexOf(TAG_SEPARATOR); at > 0; at = name.indexOf(TAG_SEPARATOR, at + 1)) ancestors.push(name.slice(0, at));
  return ancestors;
}
