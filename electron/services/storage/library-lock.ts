import { randomBytes } from 'node:crypto';
import { constants } from 'node:fs';
import { mkdir, open, readFile, rename, rmdir, stat, unlink, utimes } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

export const LOCK_FILE = 'library.lock';

/** What a lock file says about its owner. */
export interface LockOwner {
  pid: number;
  host: string;
  app: string;
  token: string;
  since: string;
}

/** Another Sift (desktop app, browser mode or a writing CLI) has this library open. */
export class LibraryLockedError extends Error {
  constructor(readonly owner: LockOwner | undefined) {
    super(
      owner
        ? `This library is open in another Sift (${owner.app}, process ${owner.pid} on ${owner.host}, since ${owner.since}). Close it there first.`
        : 'This library is open in another Sift. Close it there first.',
    );
    this.name = 'LibraryLockedError';
  }
}

function processIsAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists but belongs to someone else, so it is alive.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export interface LockOptions {
  app: string;
  /** How often the owner touches the lock; a lock untouched for `staleAfterMs` is stale. */
  heartbeatMs?: number;
  staleAfterMs?: number;
}

/**
 * One process owns a library. The lock file names its owner and is touched every few seconds; a
 * lock is stale when its owner is a dead process on this machine (a crash or kill: recovered at
 * once) or when it has not been touched for a while (an owner on another machine sharing a synced
 * folder, or a reused pid). Taking over a stale lock is serialized by an atomic `mkdir`, so two
 * processes recovering the same stale lock cannot both win.
 */
export class LibraryLock {
  private heartbeat: NodeJS.Timeout | undefined;

  private constructor(
    readonly file: string,
    readonly owner: LockOwner,
  ) {}

  static async acquire(folder: string, options: LockOptions): Promise<LibraryLock> {
    const file = path.join(folder, LOCK_FILE);
    const owner: LockOwner = {
      pid: process.pid,
      host: os.hostname(),
      app: options.app,
      token: randomBytes(8).toString('hex'),
      since: new Date().toISOString(),
    };
    const staleAfterMs = options.staleAfterMs ?? 30_000;
    if (!(await createExclusive(file, owner))) {
      const current = await readOwner(file);
      if (!(await isStale(file, current, staleAfterMs))) throw new LibraryLockedError(current);
      await takeOver(file, owner, current, staleAfterMs);
    }
    const lock = new LibraryLock(file, owner);
    lock.heartbeat = setInterval(() => {
      const now = new Date();
      void utimes(file, now, now).catch(() => undefined);
    }, options.heartbeatMs ?? 5_000);
    lock.heartbeat.unref();
    return lock;
  }

  async release(): Promise<void> {
    clearInterval(this.heartbeat);
    const current = await readOwner(this.file);
    if (current?.token === this.owner.token) await unlink(this.file).catch(() => undefined);
  }
}

async function createExclusive(file: string, owner: LockOwner): Promise<boolean> {
  try {
    const handle = await open(file, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL, 0o644);
    try {
      await handle.writeFile(`${JSON.stringify(owner)}\n`);
      await handle.sync();
    } finally {
      await handle.close();
    }
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  }
}

async function readOwner(file: string): Promise<LockOwner | undefined> {
  try {
    const parsed = JSON.parse(await readFile(file, 'utf8')) as Partial<LockOwner>;
    if (typeof parsed.pid === 'number' && typeof parsed.host === 'string' && typeof parsed.token === 'string') {
      return { pid: parsed.pid, host: parsed.host, token: parsed.token, app: String(parsed.app ?? 'Sift'), since: String(parsed.since ?? '') };
    }
  } catch {
    // An empty or half-written lock (its writer was killed while creating it) has no owner.
  }
  return undefined;
}

async function isStale(file: string, owner: LockOwner | undefined, staleAfterMs: number): Promise<boolean> {
  if (owner && owner.host === os.hostname() && !processIsAlive(owner.pid)) return true;
  const stats = await stat(file).catch(() => undefined);
  if (!stats) return true;
  return Date.now() - stats.mtimeMs > staleAfterMs;
}

async function takeOver(file: string, owner: LockOwner, stale: LockOwner | undefined, staleAfterMs: number): Promise<void> {
  const guard = `${file}.takeover`;
  try {
    await mkdir(guard);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    // A takeover guard left by a process killed mid-takeover is removed once it is old.
    const guardStats = await stat(guard).catch(() => undefined);
    if (guardStats && Date.now() - guardStats.mtimeMs > staleAfterMs) await rmdir(guard).catch(() => undefined);
    throw new LibraryLockedError(stale);
  }
  try {
    // Re-check under the guard: the owner may have changed since we looked.
    const current = await readOwner(file);
    if (current?.token !== stale?.token || !(await isStale(file, current, staleAfterMs))) throw new LibraryLockedError(current);
    const temp = `${file}.${process.pid}.${owner.token}.tmp`;
    await createExclusive(temp, owner);
    await rename(temp, file);
  } finally {
    await rmdir(guard).catch(() => undefined);
  }
}
