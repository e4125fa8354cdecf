import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Sift } from '../../../../electron/services/container';
import { LibraryStore } from '../../../../electron/services/library-store';
import type { MethodInput, MethodName, MethodOutput, TagSummary } from '../../../../shared/api/contract';
import { folderContents } from '../../../helpers/folder-contents';
import { openTempSift } from '../../../helpers/temp-library';

describe('tag management: rename, merge, color, pin, delete and undo', () => {
  let sift: Sift;
  let folder: string;
  let cleanup: () => Promise<void>;
  let ids: string[];

  async function call<M extends MethodName>(method: M, input: MethodInput<M>): Promise<MethodOutput<M>> {
    const result = await sift.dispatch(method, input);
    if (!result.ok) throw new Error(`${method}: ${result.error.code}: ${result.error.message}`);
    return result.value as MethodOutput<M>;
  }
  const tagsOf = (id: string) => sift.store.getPaper(id)?.tags;
  const entries = () => sift.store.data.tags;
  const summaries = async (): Promise<TagSummary[]> => (await call('papers.list', { ids: [] })).tags;
  const summary = async (name: string) => (await summaries()).find((tag) => tag.name === name);

  beforeEach(async () => {
    ({ sift, folder, cleanup } = await openTempSift({ withSample: true }));
    ids = (await call('papers.list', {})).papers.map((paper) => paper.id);
  });
  afterEach(async () => cleanup());

  it('renames a tag on every paper and keeps its color and pin', async () => {
    await call('tags.add', { paperIds: ids.slice(0, 3), tag: 'to-read' });
    await call('tags.setColor', { name: 'to-read', color: 'teal' });
    await call('tags.pin', { name: 'to-read', slot: 1 });
    const result = await call('tags.rename', { from: 'to-read', to: 'queue' });
    expect(result).toEqual({ changed: 3, merged: false, renamed: [{ from: 'to-read', to: 'queue' }] });
    for (const id of ids.slice(0, 3)) expect(tagsOf(id)).toEqual(['queue']);
    expect(entries()).toEqual([{ name: 'queue', color: 'teal', pinned: 1 }]);
    expect(await summaries()).toEqual([{ name: 'queue', color: 'teal', pinned: 1, count: 3 }]);
  });

  it('renaming onto an existing tag merges: each paper has the target once, and the target keeps its color', async () => {
    const [a, b, c, d] = ids as [string, string, string, string];
    await call('tags.add', { paperIds: [a, b], tag: 'rl' });
    await call('tags.add', { paperIds: [b, c], tag: 'reinforcement-learning' });
    await call('tags.add', { paperIds: [d], tag: 'zzz' });
    await call('tags.setColor', { name: 'rl', color: 'red' });
    await call('tags.setColor', { name: 'reinforcement-learning', color: '#0090FF' });
    await call('tags.pin', { name: 'rl', slot: 4 });

    const result = await call('tags.rename', { from: 'rl', to: 'reinforcement-learning' });
    expect(result).toMatchObject({ changed: 2, merged: true });
    expect(tagsOf(a)).toEqual(['reinforcement-learning']);
    expect(tagsOf(b)).toEqual(['reinforcement-learning']);
    expect(tagsOf(c)).toEqual(['reinforcement-learning']);
    expect(tagsOf(d)).toEqual(['zzz']);
    // The target had a color, so it keeps it; it had no pin, so it takes the source's.
    expect(entries()).toEqual([{ name: 'reinforcement-learning', color: '#0090ff', pinned: 4 }]);
    expect(await summary('reinforcement-learning')).toEqual({ name: 'reinforcement-learning', color: '#0090ff', pinned: 4, count: 3 });
    expect(await summary('rl')).toBeUndefined();
  });

  it('a merge takes the source color when the target has none', async () => {
    await call('tags.add', { paperIds: ids.slice(0, 1), tag: 'old' });
    await call('tags.add', { paperIds: ids.slice(1, 2), tag: 'new' });
    await call('tags.setColor', { name: 'old', color: 'purple' });
    await call('tags.rename', { from: 'old', to: 'new' });
    expect(entries()).toEqual([{ name: 'new', color: 'purple' }]);
  });

  it('renaming a parent renames its nested children, and leaves look-alikes alone', async () => {
    const [a, b, c] = ids as [string, string, string];
    await call('tags.add', { paperIds: [a], tag: 'method' });
    await call('tags.add', { paperIds: [a, b], tag: 'method/rct' });
    await call('tags.add', { paperIds: [b], tag: 'method/survey/online' });
    await call('tags.add', { paperIds: [c], tag: 'methods' });
    await call('tags.add', { paperIds: [c], tag: 'approach/rct' });
    await call('tags.setColor', { name: 'method/rct', color: 'green' });

    const result = await call('tags.rename', { from: 'method', to: 'approach' });
    expect(result.renamed).toEqual([
      { from: 'method', to: 'approach' },
      { from: 'method/rct', to: 'approach/rct' },
      { from: 'method/survey/online', to: 'approach/survey/online' },
    ]);
    expect(result).toMatchObject({ changed: 2, merged: true });
    expect(tagsOf(a)).toEqual(['approach', 'approach/rct']);
    expect(tagsOf(b)).toEqual(['approach/rct', 'approach/survey/online']);
    expect(tagsOf(c)).toEqual(['methods', 'approach/rct']);
    expect(entries()).toEqual([{ name: 'approach/rct', color: 'green' }]);
  });

  it('a tag filter on a parent finds its nested children', async () => {
    const [a, b, c] = ids as [string, string, string];
    await call('tags.add', { paperIds: [a], tag: 'method' });
    await call('tags.add', { paperIds: [b], tag: 'method/rct' });
    await call('tags.add', { paperIds: [c], tag: 'methods' });
    const found = await call('search.query', { query: 'tag:"method"', allIds: true, limit: 10 });
    expect(new Set(found.ids)).toEqual(new Set([a, b]));
    const child = await call('search.query', { query: 'tag:"method/rct"', allIds: true, limit: 10 });
    expect(child.ids).toEqual([b]);
  });

  it('deletes a tag and its children, and the answer is enough to undo it exactly', async () => {
    const [a, b, c] = ids as [string, string, string];
    await call('tags.add', { paperIds: [a, b], tag: 'games' });
    await call('tags.add', { paperIds: [b], tag: 'games/atari' });
    await call('tags.add', { paperIds: [a, b, c], tag: 'keep' });
    await call('tags.setColor', { name: 'games', color: 'orange' });
    await call('tags.pin', { name: 'games/atari', slot: 7 });
    const before = { a: tagsOf(a), b: tagsOf(b), c: tagsOf(c) };

    const deleted = await call('tags.delete', { name: 'games' });
    expect(new Set(deleted.paperIds)).toEqual(new Set([a, b]));
    expect(deleted.removed).toEqual([
      { name: 'games', color: 'orange', paperIds: [a, b] },
      { name: 'games/atari', pinned: 7, paperIds: [b] },
    ]);
    expect(tagsOf(a)).toEqual(['keep']);
    expect(tagsOf(b)).toEqual(['keep']);
    expect(entries()).toEqual([]);
    expect((await summaries()).map((tag) => tag.name)).toEqual(['keep']);

    expect(await call('tags.restore', { tags: deleted.removed })).toEqual({ changed: 2 });
    expect(new Set(tagsOf(a))).toEqual(new Set(before.a));
    expect(new Set(tagsOf(b))).toEqual(new Set(before.b));
    expect(tagsOf(c)).toEqual(before.c);
    expect(entries()).toEqual([
      { name: 'games', color: 'orange' },
      { name: 'games/atari', pinned: 7 },
    ]);
  });

  it('undo skips papers that are gone and leaves a key another tag took meanwhile with that tag', async () => {
    const [a] = ids as [string];
    await call('tags.add', { paperIds: [a], tag: 'x' });
    await call('tags.add', { paperIds: [a], tag: 'y' });
    await call('tags.pin', { name: 'x', slot: 2 });
    const deleted = await call('tags.delete', { name: 'x' });
    await call('tags.pin', { name: 'y', slot: 2 });
    const removed = deleted.removed.map((tag) => ({ ...tag, paperIds: [...tag.paperIds, 'no-such-paper'] }));
    expect(await call('tags.restore', { tags: removed })).toEqual({ changed: 1 });
    expect(tagsOf(a)).toEqual(['y', 'x']);
    expect(entries()).toEqual([{ name: 'y', pinned: 2 }]);
  });

  it('pinning onto a taken key moves the other tag out; a tag holds one key at most', async () => {
    await call('tags.add', { paperIds: ids.slice(0, 2), tag: 'a' });
    await call('tags.add', { paperIds: ids.slice(0, 2), tag: 'b' });
    expect(await call('tags.pin', { name: 'a', slot: 1 })).toEqual({ tag: { name: 'a', pinned: 1 } });
    expect(await call('tags.pin', { name: 'b', slot: 1 })).toEqual({ tag: { name: 'b', pinned: 1 }, unpinned: 'a' });
    expect(entries()).toEqual([{ name: 'b', pinned: 1 }]);
    await call('tags.pin', { name: 'b', slot: 3 });
    expect(entries()).toEqual([{ name: 'b', pinned: 3 }]);
    await call('tags.setColor', { name: 'b', color: 'blue' });
    await call('tags.pin', { name: 'b', slot: null });
    expect(entries()).toEqual([{ name: 'b', color: 'blue' }]);
  });

  it('a pinned tag stays listed (count 0) when it is on no paper, so its key can still add it', async () => {
    await call('tags.add', { paperIds: ids.slice(0, 1), tag: 'later' });
    await call('tags.pin', { name: 'later', slot: 9 });
    await call('tags.remove', { paperIds: ids.slice(0, 1), tag: 'later' });
    expect(await summaries()).toEqual([{ name: 'later', pinned: 9, count: 0 }]);
  });

  it('colors are palette keys or #rrggbb, stored in lower case; null takes the color away', async () => {
    await call('tags.add', { paperIds: ids.slice(0, 1), tag: 'c' });
    expect(await call('tags.setColor', { name: 'c', color: '#ABCDEF' })).toEqual({ tag: { name: 'c', color: '#abcdef' } });
    expect(await call('tags.setColor', { name: 'c', color: 'pink' })).toEqual({ tag: { name: 'c', color: 'pink' } });
    expect(await call('tags.setColor', { name: 'c', color: null })).toEqual({ tag: { name: 'c' } });
    expect(entries()).toEqual([]);
  });

  it('a parent that exists only through nested tags can be colored, and its color is listed', async () => {
    await call('tags.add', { paperIds: ids.slice(0, 1), tag: 'topic/vision' });
    await call('tags.setColor', { name: 'topic', color: 'indigo' });
    expect(await summaries()).toEqual([
      { name: 'topic', color: 'indigo', count: 0 },
      { name: 'topic/vision', count: 1 },
    ]);
  });

  it.each([
    ['tags.setColor', { name: 'x', color: 'javascript:alert(1)' }, 'invalid-input'],
    ['tags.setColor', { name: 'x', color: 'rgb(1,2,3)' }, 'invalid-input'],
    ['tags.pin', { name: 'x', slot: 0 }, 'invalid-input'],
    ['tags.rename', { from: 'x', to: 'x' }, 'invalid-input'],
    ['tags.rename', { from: 'x', to: 'y\nz' }, 'invalid-input'],
    ['tags.rename', { from: 'no-such-tag', to: 'y' }, 'not-found'],
    ['tags.setColor', { name: 'no-such-tag', color: 'red' }, 'not-found'],
    ['tags.pin', { name: 'no-such-tag', slot: 1 }, 'not-found'],
    ['tags.delete', { name: 'no-such-tag' }, 'not-found'],
    ['tags.delete', { name: 'x/' }, 'not-found'],
  ] as const)('%s %j is refused (%s) and changes nothing on disk', async (method, input, code) => {
    await call('tags.add', { paperIds: ids.slice(0, 2), tag: 'x' });
    await sift.store.flush();
    const before = await folderContents(folder);
    const result = await sift.dispatch(method, input);
    expect(result).toMatchObject({ ok: false, error: { code } });
    if (!result.ok) expect(result.error.message).toMatch(code === 'not-found' ? /No tag "/ : /^Invalid input for tags\./);
    expect(await folderContents(folder)).toEqual(before);
    expect(tagsOf(ids[0] as string)).toEqual(['x']);
  });

  it('every change is journaled: a reopened library has the renamed, colored and pinned tags', async () => {
    await call('tags.add', { paperIds: ids.slice(0, 2), tag: 'draft' });
    await call('tags.add', { paperIds: ids.slice(2, 3), tag: 'gone' });
    await call('tags.rename', { from: 'draft', to: 'final/v1' });
    await call('tags.setColor', { name: 'final/v1', color: 'green' });
    await call('tags.pin', { name: 'final/v1', slot: 5 });
    await call('tags.delete', { name: 'gone' });
    // Read from disk the way Sift loads a library (library.json plus the journal), beside the open one.
    const reopened = await LibraryStore.open(folder, { readOnly: true, watchExternalChanges: false });
    try {
      expect(reopened.getPaper(ids[0] as string)?.tags).toEqual(['final/v1']);
      expect(reopened.getPaper(ids[2] as string)?.tags).toEqual([]);
      expect(reopened.data.tags).toEqual([{ name: 'final/v1', color: 'green', pinned: 5 }]);
    } finally {
      await reopened.close();
    }
  });
});
