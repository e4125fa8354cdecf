import { readFile, readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Sift } from '../../../../electron/services/container';
import type { BackupInfo, LibraryInfo } from '../../../../shared/api/contract';
import type { Paper } from '../../../../shared/model/library';
import { folderContents } from '../../../helpers/folder-contents';
import { openTempSift } from '../../../helpers/temp-library';

async function call<T>(sift: Sift, method: string, input: unknown = {}): Promise<T> {
  const result = await sift.dispatch(method, input);
  if (!result.ok) throw new Error(result.error.message);
  return result.value as T;
}

describe('restore from backup', () => {
  let cleanup: (() => Promise<void>) | undefined;
  afterEach(async () => cleanup?.());

  it('lists backups with a preview and restores one, backing up the current state first', async () => {
    let clock = new Date('2026-06-01T08:00:00.000Z');
    const opened = await openTempSift({ withSample: true, now: () => clock, storage: { backupEveryMs: 0, compactWhenIdleMs: 600_000 } });
    cleanup = opened.cleanup;
    const { sift } = opened;
    await sift.store.compact();
    clock = new Date('2026-06-01T09:00:00.000Z');
    const { papers } = await call<{ papers: Paper[] }>(sift, 'papers.list');
    await call(sift, 'tags.add', { paperIds: papers.slice(0, 3).map((paper) => paper.id), tag: 'later' });
    await sift.store.compact();

    const { backups } = await call<{ backups: BackupInfo[] }>(sift, 'backups.list');
    expect(backups.map((backup) => [backup.createdAt, backup.paperCount])).toEqual([
      ['2026-06-01T09:00:00.000Z', 66],
      ['2026-06-01T08:00:00.000Z', 0],
    ]);
    clock = new Date('2026-06-01T10:00:00.000Z');
    const restored = await call<{ info: LibraryInfo; restoredPapers: number }>(sift, 'backups.restore', { id: backups[0]?.id });
    expect(restored.restoredPapers).toBe(66);
    const after = await call<{ papers: Paper[] }>(sift, 'papers.list');
    expect(after.papers.filter((paper) => paper.tags.includes('later'))).toEqual([]);
    const { backups: nowBackups } = await call<{ backups: BackupInfo[] }>(sift, 'backups.list');
    expect(nowBackups[0]).toMatchObject({ createdAt: '2026-06-01T10:00:00.000Z', paperCount: 66 });
  });

  it('restores a library that failed to load and keeps the damaged file aside', async () => {
    const clock = new Date('2026-06-01T08:00:00.000Z');
    const first = await openTempSift({ withSample: true, now: () => clock, storage: { backupEveryMs: 0 } });
    const folder = first.folder;
    await first.sift.close();
    // Damage library.json the way a crashed editor or a bad sync might.
    const damaged = (await readFile(path.join(folder, 'library.json'), 'utf8')).slice(0, 5000);
    await writeFile(path.join(folder, 'library.json'), damaged);
    const reopened = await openTempSift({ libraryFolder: folder, now: () => clock });
    cleanup = async () => {
      await reopened.cleanup();
      await first.cleanup();
    };
    const info = await call<LibraryInfo>(reopened.sift, 'library.info');
    expect(info).toMatchObject({ state: 'failed', locked: false });
    expect(info.error?.message).toBe('library.json is not valid JSON');
    const { backups } = await call<{ backups: BackupInfo[] }>(reopened.sift, 'backups.list');
    const withPapers = backups.find((backup) => backup.paperCount === 66) ?? backups[0];
    expect(withPapers).toBeDefined();
    await call(reopened.sift, 'backups.restore', { id: withPapers?.id });
    expect(await call<LibraryInfo>(reopened.sift, 'library.info')).toMatchObject({ state: 'ready' });
    const names = await readdir(folder);
    const aside = names.find((name) => name.startsWith('library.json.damaged-'));
    expect(aside).toBeDefined();
    expect(await readFile(path.join(folder, aside ?? ''), 'utf8')).toBe(damaged);
  });

  it('refuses an id that is not a backup of this library', async () => {
    const opened = await openTempSift();
    cleanup = opened.cleanup;
    const result = await opened.sift.dispatch('backups.restore', { id: '../library.json' });
    expect(result).toMatchObject({ ok: false, error: { code: 'not-found' } });
    expect(await call<LibraryInfo>(opened.sift, 'library.info')).toMatchObject({ state: 'ready' });
  });

  it('refuses a backup id that names no file before touching the library: nothing is written', async () => {
    const opened = await openTempSift({ withSample: true, storage: { compactWhenIdleMs: 600_000 } });
    cleanup = opened.cleanup;
    await call(opened.sift, 'tags.add', { paperIds: [opened.sift.store.data.papers[0]?.id], tag: 'pending-in-journal' });
    const before = await folderContents(opened.folder);
    const result = await opened.sift.dispatch('backups.restore', { id: 'library-2020-01-01T00-00-00-000Z.json' });
    expect(result).toMatchObject({ ok: false, error: { code: 'not-found', message: 'No backup "library-2020-01-01T00-00-00-000Z.json" in this library' } });
    expect(await folderContents(opened.folder)).toEqual(before);
  });
});
