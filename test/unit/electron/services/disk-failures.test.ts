import { execFileSync } from 'node:child_process';
import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LibraryStore, type StoreEvent } from '../../../../electron/services/library-store';
import { newPaper, type Paper } from '../../../../shared/model/library';

// Real failures, not mocks: a small tmpfs fills up for ENOSPC, and a read-only remount gives EROFS.
// (chmod cannot make a folder unwritable for root, who runs CI.) Mounting needs root.
const canMount = (() => {
  if (process.platform !== 'linux' || process.getuid?.() !== 0) return false;
  try {
    const probe = execFileSync('mktemp', ['-d']).toString().trim();
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=64k', 'tmpfs', probe]);
    execFileSync('umount', [probe]);
    return true;
  } catch {
    return false;
  }
})();

const now = '2026-01-01T00:00:00.000Z';
const paper = (id: string, abstract = '') => newPaper({ id, title: `Paper ${id}`, abstract }, now);

describe.runIf(canMount)('disk full and read-only folders', () => {
  let mountPoint: string;
  let store: LibraryStore | undefined;
  const events: StoreEvent[] = [];
  const mount = (options: string) => execFileSync('mount', ['-o', options, mountPoint]);

  beforeEach(async () => {
    mountPoint = await mkdtemp(path.join(os.tmpdir(), 'sift-tmpfs-'));
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=256k', 'tmpfs', mountPoint]);
    events.length = 0;
  });
  afterEach(async () => {
    mount('remount,rw,size=64m');
    await store?.close();
    store = undefined;
    execFileSync('umount', [mountPoint]);
    await rm(mountPoint, { recursive: true, force: true });
  });

  const open = () =>
    LibraryStore.open(mountPoint, { watchExternalChanges: false, compactWhenIdleMs: 600_000, retryAfterMs: 50, onEvent: (event) => events.push(event) });

  it('a full disk fails the edit with a clear message, keeps it in memory, and saves it once space is free', async () => {
    store = await open();
    await store.transact((tx) => tx.addPapers([paper('first')]));
    const libraryBefore = await readFile(path.join(mountPoint, 'library.json'), 'utf8');
    let failure: Error | undefined;
    const written: string[] = [];
    for (let index = 0; index < 400 && !failure; index += 1) {
      const id = `p${index}`;
      try {
        await store.transact((tx) => tx.addPapers([paper(id, 'x'.repeat(4000))]));
        written.push(id);
      } catch (error) {
        failure = error as Error;
        written.push(id);
      }
    }
    expect(failure?.message).toMatch(/^Not saved yet: the disk is full\. Sift keeps the change and retries/);
    expect(events.some((event) => event.kind === 'save-state' && event.state === 'failed')).toBe(true);
    expect(store.pendingWrites).toBeGreaterThan(0);
    expect(store.getPaper(written.at(-1) ?? '')).toBeDefined();
    expect(await readFile(path.join(mountPoint, 'library.json'), 'utf8')).toBe(libraryBefore);
    expect((await readdir(mountPoint)).filter((name) => name.endsWith('.tmp'))).toEqual([]);

    mount('remount,size=64m');
    await store.flush();
    expect(store.pendingWrites).toBe(0);
    expect(events.at(-1)).toMatchObject({ kind: 'save-state', state: 'saved', pending: 0 });
    await store.close();
    store = await open();
    expect(store.data.papers.map((p: Paper) => p.id)).toEqual(['first', ...written]);
  });

  it('a snapshot that does not fit leaves library.json and the journal as they were', async () => {
    store = await open();
    for (let index = 0; index < 30; index += 1) await store.transact((tx) => tx.addPapers([paper(`p${index}`, 'y'.repeat(3000))]));
    const before = await readFile(path.join(mountPoint, 'library.json'), 'utf8');
    // Leave room for the journal but not for a second copy of the library beside it.
    mount('remount,size=200k');
    await expect(store.compact()).rejects.toThrow(/ENOSPC|no space/i);
    expect(await readFile(path.join(mountPoint, 'library.json'), 'utf8')).toBe(before);
    expect((await readdir(mountPoint)).filter((name) => name.endsWith('.tmp'))).toEqual([]);
    mount('remount,size=64m');
    await store.close();
    store = await open();
    expect(store.data.papers).toHaveLength(30);
  });

  it('a library in a read-only folder opens read-only, says why, and refuses edits without touching the file', async () => {
    store = await open();
    await store.transact((tx) => tx.addPapers([paper('kept')]));
    await store.close();
    const before = await readFile(path.join(mountPoint, 'library.json'), 'utf8');
    mount('remount,ro');
    store = await open();
    expect(store.state).toEqual({ kind: 'ready', readOnly: 'The library folder is read-only (EROFS), so Sift shows it but cannot save changes.' });
    expect(store.data.papers.map((p: Paper) => p.id)).toEqual(['kept']);
    await expect(store.transact((tx) => tx.addPapers([paper('refused')]))).rejects.toThrow(
      'This library is open read-only: The library folder is read-only (EROFS)',
    );
    expect(store.getPaper('refused')).toBeUndefined();
    await store.close();
    store = undefined;
    expect(await readFile(path.join(mountPoint, 'library.json'), 'utf8')).toBe(before);
  });
});
