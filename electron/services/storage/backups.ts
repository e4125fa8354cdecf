import { copyFile, link, mkdir, readFile, readdir, unlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { backupInfoSchema, type BackupInfo } from '../../../shared/api/contract';

export const BACKUP_FOLDER = 'backups';

export type { BackupInfo };

const BACKUP_NAME = /^library-(\d{4}-\d{2}-\d{2}T\d{2}-\d{2}-\d{2}-\d{3}Z)\.json$/;

function backupId(createdAt: Date): string {
  return `library-${createdAt.toISOString().replace(/[:.]/g, '-')}.json`;
}

function createdAtOf(id: string): string | undefined {
  const stamp = BACKUP_NAME.exec(id)?.[1];
  if (!stamp) return undefined;
  const [date, time] = stamp.split('T') as [string, string];
  const [hours, minutes, seconds, millis] = time.replace('Z', '').split('-');
  return `${date}T${hours}:${minutes}:${seconds}.${millis}Z`;
}

export interface BackupRetention {
  /** Newest backups kept regardless of age. */
  recent: number;
  /** Besides those, the newest backup of each of this many days. */
  dailyForDays: number;
}
export const defaultRetention: BackupRetention = { recent: 10, dailyForDays: 7 };

/**
 * Rolling copies of library.json in `<library>/backups/`. A backup is a hard link to the
 * library.json that a snapshot is about to replace, so making one copies nothing; where the file
 * system has no hard links it is copied instead. Each backup has a small `.meta.json` beside it so
 * that listing backups never parses a large library.
 */
export class Backups {
  readonly folder: string;

  constructor(libraryFolder: string) {
    this.folder = path.join(libraryFolder, BACKUP_FOLDER);
  }

  async create(libraryFile: string, meta: { paperCount: number; lastChange?: string; bytes: number }, createdAt: Date): Promise<BackupInfo> {
    await mkdir(this.folder, { recursive: true });
    const id = backupId(createdAt);
    const target = path.join(this.folder, id);
    try {
      await link(libraryFile, target);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'EEXIST') return this.info(id, meta);
      await copyFile(libraryFile, target);
    }
    const info = { id, createdAt: createdAt.toISOString(), ...meta };
    await writeFile(`${target}.meta.json`, `${JSON.stringify(info)}\n`);
    return info;
  }

  private info(id: string, meta: { paperCount: number; lastChange?: string; bytes: number }): BackupInfo {
    return { id, createdAt: createdAtOf(id) ?? '', ...meta };
  }

  /** Newest first. */
  async list(): Promise<BackupInfo[]> {
    const names = await readdir(this.folder).catch(() => [] as string[]);
    const infos = await Promise.all(
      names
        .filter((name) => BACKUP_NAME.test(name))
        .map(async (id) => {
          try {
            return backupInfoSchema.parse(JSON.parse(await readFile(path.join(this.folder, `${id}.meta.json`), 'utf8')));
          } catch {
            return { id, createdAt: createdAtOf(id) ?? '', paperCount: -1, bytes: -1 } satisfies BackupInfo;
          }
        }),
    );
    return infos.sort((a, b) => b.id.localeCompare(a.id));
  }

  /** The path of a backup by id; undefined for anything that is not one of ours (no traversal). */
  pathOf(id: string): string | undefined {
    return BACKUP_NAME.test(id) ? path.join(this.folder, id) : undefined;
  }

  /** Keeps the newest `recent` backups and the newest of each of the last `dailyForDays` days. */
  async prune(now: Date, retention: BackupRetention = defaultRetention): Promise<string[]> {
    const all = await this.list();
    const keep = new Set(all.slice(0, retention.recent).map((backup) => backup.id));
    const oldestDay = new Date(now.getTime() - retention.dailyForDays * 86_400_000).toISOString().slice(0, 10);
    const seenDays = new Set<string>();
    for (const backup of all) {
      const day = backup.createdAt.slice(0, 10);
      if (day < oldestDay || seenDays.has(day)) continue;
      seenDays.add(day);
      keep.add(backup.id);
    }
    const removed = all.filter((backup) => !keep.has(backup.id)).map((backup) => backup.id);
    for (const id of removed) {
      await unlink(path.join(this.folder, id)).catch(() => undefined);
      await unlink(path.join(this.folder, `${id}.meta.json`)).catch(() => undefined);
    }
    return removed;
  }
}
