import { afterEach, describe, expect, it } from 'vitest';
import { openSift, type Sift } from '../../../../electron/services/container';
import type { LibraryInfo } from '../../../../shared/api/contract';
import { resourcesFolder, tempFolder } from '../../../helpers/temp-library';

describe('one library, two Sifts', () => {
  const opened: Sift[] = [];
  let cleanup: (() => Promise<void>) | undefined;
  afterEach(async () => {
    for (const sift of opened.splice(0)) await sift.close();
    await cleanup?.();
  });

  it('the second is told the library is open elsewhere, and gets it once the first closes', async () => {
    const { folder, cleanup: remove } = await tempFolder();
    cleanup = remove;
    const first = await openSift({ libraryFolder: folder, resourcesFolder, app: 'Sift desktop app' });
    const second = await openSift({ libraryFolder: folder, resourcesFolder, app: 'Sift browser mode' });
    opened.push(second);
    const locked = (await second.dispatch('library.info', {})) as { ok: true; value: LibraryInfo };
    expect(locked.value).toMatchObject({ state: 'failed', locked: true });
    expect(locked.value.error?.message).toMatch(/open in another Sift \(Sift desktop app, process \d+/);
    expect(await second.dispatch('library.openSample', {})).toMatchObject({ ok: false, error: { code: 'library-failed' } });
    await first.close();
    const free = (await second.dispatch('library.info', {})) as { ok: true; value: LibraryInfo };
    expect(free.value).toMatchObject({ state: 'ready', locked: false });
    expect(await second.dispatch('library.openSample', {})).toMatchObject({ ok: true, value: { added: 66 } });
  });

  it('counts tags afresh after every change, though it counts them once per change', async () => {
    const { folder, cleanup: remove } = await tempFolder();
    cleanup = remove;
    const sift = await openSift({ libraryFolder: folder, resourcesFolder });
    opened.push(sift);
    await sift.dispatch('library.openSample', {});
    const tagsOf = async () => ((await sift.dispatch('papers.list', { ids: [] })) as { ok: true; value: { tags: unknown[] } }).value.tags;
    const ids = ((await sift.dispatch('papers.list', {})) as { ok: true; value: { papers: Array<{ id: string }> } }).value.papers.map((paper) => paper.id);
    expect(await tagsOf()).toEqual([]);
    await sift.dispatch('tags.add', { paperIds: ids.slice(0, 2), tag: 'rl' });
    expect(await tagsOf()).toEqual([{ name: 'rl', count: 2 }]);
    await sift.dispatch('tags.remove', { paperIds: ids.slice(0, 1), tag: 'rl' });
    expect(await tagsOf()).toEqual([{ name: 'rl', count: 1 }]);
  });
});
