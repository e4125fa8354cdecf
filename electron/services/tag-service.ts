import type { RemovedTag } from '../../shared/api/contract';
import type { Tag } from '../../shared/model/library';
import { isInTagTree, renamedTag } from '../../shared/model/nested-tags';
import { ApiFailure } from './api-failure';
import type { LibraryStore } from './library-store';

export interface TagServiceDeps {
  store: LibraryStore;
  now: () => Date;
  /** Told after every change that reached the disk, with the papers whose tags changed. */
  onChanged: (reason: string, paperIds: string[]) => void;
}

/** Copies a tag entry without the fields it does not have (no `color: undefined` in the file). */
function entryOf(name: string, from?: Omit<Tag, 'name'>): Tag {
  return {
    name,
    ...(from?.color !== undefined ? { color: from.color } : {}),
    ...(from?.pinned !== undefined ? { pinned: from.pinned } : {}),
  };
}

/**
 * Tags as things of their own: rename (and merge), color, pin to a number key, delete and undo.
 * Adding a tag to papers and taking it off is LibraryService's; this changes a tag wherever it is.
 * A tag is its name on papers plus, in `library.tags`, an entry for its color and pin; nested tags
 * (`a/b`) follow their parent through rename and delete.
 */
export class TagService {
  constructor(private readonly deps: TagServiceDeps) {}

  private get store(): LibraryStore {
    return this.deps.store;
  }

  /** Ids of the papers carrying `root` or a tag nested under it. */
  private papersInTree(root: string): string[] {
    return this.store.data.papers.filter((paper) => paper.tags.some((tag) => isInTagTree(tag, root))).map((paper) => paper.id);
  }

  /** A tag is known when a paper carries it (or a tag nested under it) or the library keeps a color or pin for it. */
  private assertKnown(name: string, paperIds: readonly string[]): void {
    if (paperIds.length > 0) return;
    if (this.store.data.tags.some((entry) => isInTagTree(entry.name, name))) return;
    throw new ApiFailure('not-found', `No tag "${name}" in this library`);
  }

  async rename(from: string, to: string): Promise<{ changed: number; merged: boolean; renamed: Array<{ from: string; to: string }> }> {
    const paperIds = this.papersInTree(from);
    this.assertKnown(from, paperIds);
    const { data } = this.store;
    const before = new Set(data.tags.map((entry) => entry.name));
    for (const paper of data.papers) for (const tag of paper.tags) before.add(tag);
    const renamed = [...before].flatMap((name) => {
      const next = renamedTag(name, from, to);
      return next === undefined ? [] : [{ from: name, to: next }];
    });
    // A new name that some tag outside the renamed tree already has: the two become one.
    const merged = renamed.some(({ to: next }) => before.has(next) && !isInTagTree(next, from));

    await this.store.transact((tx) => {
      const now = this.deps.now().toISOString();
      for (const id of paperIds) {
        const paper = tx.paper(id);
        const tags: string[] = [];
        for (const tag of paper.tags) {
          const next = renamedTag(tag, from, to) ?? tag;
          if (!tags.includes(next)) tags.push(next);
        }
        paper.tags = tags;
        paper.updatedAt = now;
      }
      if (!data.tags.some((entry) => isInTagTree(entry.name, from))) return;
      const entries = tx.collection('tags');
      const kept = entries.filter((entry) => !isInTagTree(entry.name, from));
      for (const source of entries.filter((entry) => isInTagTree(entry.name, from))) {
        const name = renamedTag(source.name, from, to) ?? source.name;
        const target = kept.find((entry) => entry.name === name);
        if (!target) {
          kept.push(entryOf(name, source));
          continue;
        }
        // Merging: the existing tag keeps its own color and pin, and takes the renamed one's where it has none.
        if (target.color === undefined && source.color !== undefined) target.color = source.color;
        if (target.pinned === undefined && source.pinned !== undefined) target.pinned = source.pinned;
      }
      entries.splice(0, entries.length, ...kept);
    });
    this.deps.onChanged('tag-renamed', paperIds);
    return { changed: paperIds.length, merged, renamed: renamed.sort((a, b) => a.from.localeCompare(b.from)) };
  }

  async setColor(name: string, color: string | null): Promise<{ tag: Tag }> {
    this.assertKnown(name, this.papersInTree(name));
    const current = this.store.data.tags.find((entry) => entry.name === name);
    if ((current?.color ?? null) === color) return { tag: entryOf(name, current) };
    const tag = await this.store.transact((tx) => {
      const entries = tx.collection('tags');
      const entry = entries.find((candidate) => candidate.name === name);
      const next = entryOf(name, { ...entry, ...(color === null ? { color: undefined } : { color }) });
      this.put(entries, next);
      return next;
    });
    this.deps.onChanged('tag-color', []);
    return { tag };
  }

  async pin(name: string, slot: number | null): Promise<{ tag: Tag; unpinned?: string }> {
    this.assertKnown(name, this.papersInTree(name));
    const current = this.store.data.tags.find((entry) => entry.name === name);
    if ((current?.pinned ?? null) === slot) return { tag: entryOf(name, current) };
    const result = await this.store.transact((tx) => {
      const entries = tx.collection('tags');
      // One tag per key: whoever held this one lets go.
      const holder = slot === null ? undefined : entries.find((entry) => entry.pinned === slot && entry.name !== name);
      if (holder) this.put(entries, entryOf(holder.name, { ...holder, pinned: undefined }));
      const entry = entries.find((candidate) => candidate.name === name);
      const next = entryOf(name, { ...entry, ...(slot === null ? { pinned: undefined } : { pinned: slot }) });
      this.put(entries, next);
      return holder ? { tag: next, unpinned: holder.name } : { tag: next };
    });
    this.deps.onChanged('tag-pinned', []);
    return result;
  }

  async delete(name: string): Promise<{ paperIds: string[]; removed: RemovedTag[] }> {
    const paperIds = this.papersInTree(name);
    this.assertKnown(name, paperIds);
    const removed = new Map<string, RemovedTag>();
    const removedTag = (tagName: string): RemovedTag => {
      let entry = removed.get(tagName);
      if (!entry) removed.set(tagName, (entry = { name: tagName, paperIds: [] }));
      return entry;
    };
    for (const id of paperIds) {
      for (const tag of this.store.getPaper(id)?.tags ?? []) if (isInTagTree(tag, name)) removedTag(tag).paperIds.push(id);
    }
    for (const entry of this.store.data.tags) {
      if (!isInTagTree(entry.name, name)) continue;
      Object.assign(removedTag(entry.name), entryOf(entry.name, entry));
    }
    await this.store.transact((tx) => {
      const now = this.deps.now().toISOString();
      for (const id of paperIds) {
        const paper = tx.paper(id);
        paper.tags = paper.tags.filter((tag) => !isInTagTree(tag, name));
        paper.updatedAt = now;
      }
      if (!this.store.data.tags.some((entry) => isInTagTree(entry.name, name))) return;
      const entries = tx.collection('tags');
      entries.splice(0, entries.length, ...entries.filter((entry) => !isInTagTree(entry.name, name)));
    });
    this.deps.onChanged('tag-deleted', paperIds);
    return { paperIds, removed: [...removed.values()].sort((a, b) => a.name.localeCompare(b.name)) };
  }

  async restore(tags: readonly RemovedTag[]): Promise<{ changed: number }> {
    const changed = await this.store.transact((tx) => {
      const now = this.deps.now().toISOString();
      const changedIds = new Set<string>();
      for (const tag of tags) {
        for (const id of tag.paperIds) {
          // A paper deleted since is skipped, not an error: the rest of the undo still applies.
          if (!tx.has(id) || this.store.getPaper(id)?.tags.includes(tag.name)) continue;
          const paper = tx.paper(id);
          paper.tags = [...paper.tags, tag.name];
          paper.updatedAt = now;
          changedIds.add(id);
        }
      }
      const withMeta = tags.filter((tag) => tag.color !== undefined || tag.pinned !== undefined);
      if (withMeta.length > 0) {
        const entries = tx.collection('tags');
        for (const tag of withMeta) {
          const entry = entries.find((candidate) => candidate.name === tag.name);
          // A color or key chosen since the delete wins; a key another tag took meanwhile stays with it.
          const slotFree = tag.pinned !== undefined && !entries.some((other) => other.pinned === tag.pinned);
          this.put(
            entries,
            entryOf(tag.name, {
              color: entry?.color ?? tag.color,
              pinned: entry?.pinned ?? (slotFree ? tag.pinned : undefined),
            }),
          );
        }
      }
      return [...changedIds];
    });
    this.deps.onChanged('tag-restored', changed);
    return { changed: changed.length };
  }

  /** Replaces (or adds) the entry with `tag`'s name; an entry with neither color nor pin is dropped. */
  private put(entries: Tag[], tag: Tag): void {
    const index = entries.findIndex((entry) => entry.name === tag.name);
    const keep = tag.color !== undefined || tag.pinned !== undefined;
    if (index < 0) {
      if (keep) entries.push(tag);
    } else if (keep) {
      entries[index] = tag;
    } else {
      entries.splice(index, 1);
    }
  }
}
