import { constants } from 'node:fs';
import { open, readFile, readdir, type FileHandle } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { columnSchema, comparisonSchema, paperSchema, reviewTableSchema, savedSearchSchema, screeningCriteriaSchema, tagSchema, librarySchema } from '../../../shared/model/library';
import { fsyncFolder } from './fs-durable';

/**
 * One acknowledged change, as a line of JSON in `journal-<generation>.jsonl`.
 *
 * Entries carry the full new state of what changed (whole papers, whole small collections), never
 * a delta, so replaying an entry twice gives the same result. That is what lets a snapshot be
 * written while edits go on: replaying the journals over any snapshot taken after they started
 * yields the latest state.
 */
export const journalEntrySchema = z
  .object({
    seq: z.number().int().min(0),
    at: z.string(),
    papers: z.array(paperSchema).optional(),
    removed: z.array(z.string()).optional(),
    tags: z.array(tagSchema).optional(),
    columns: z.array(columnSchema).optional(),
    savedSearches: z.array(savedSearchSchema).optional(),
    screeningCriteria: screeningCriteriaSchema.optional(),
    comparisons: z.array(comparisonSchema).optional(),
    reviewTables: z.array(reviewTableSchema).optional(),
    settings: librarySchema.shape.settings.optional(),
  })
  .strict();
export type JournalEntry = z.infer<typeof journalEntrySchema>;

const JOURNAL_NAME = /^journal-(\d{1,15})\.jsonl$/;

export function journalFileName(generation: number): string {
  return `journal-${String(generation).padStart(6, '0')}.jsonl`;
}

export interface JournalFile {
  generation: number;
  path: string;
}

/** The journal files in a library folder, oldest first. */
export async function listJournals(folder: string): Promise<JournalFile[]> {
  const names = await readdir(folder).catch(() => [] as string[]);
  return names
    .flatMap((name) => {
      const match = JOURNAL_NAME.exec(name);
      return match?.[1] ? [{ generation: Number(match[1]), path: path.join(folder, name) }] : [];
    })
    .sort((a, b) => a.generation - b.generation);
}

export interface ReadJournal {
  entries: JournalEntry[];
  /** Set when the file ends in something that is not a whole entry: a write cut short by a crash. */
  tornTail?: { line: number; bytes: number };
  /** Set when unreadable text is followed by more text: damage, not a cut-short write. */
  damage?: string;
}

/**
 * Reads a journal up to its last whole entry. An entry is whole when its line ends in a newline
 * and parses; the newline is written with the entry and the entry is acknowledged only after
 * fsync, so a line without one was never acknowledged and is safe to drop.
 */
export async function readJournal(file: string): Promise<ReadJournal> {
  const text = await readFile(file, 'utf8');
  const entries: JournalEntry[] = [];
  let offset = 0;
  let line = 0;
  while (offset < text.length) {
    line += 1;
    const end = text.indexOf('\n', offset);
    const rest = () => ({ line, bytes: Buffer.byteLength(text.slice(offset)) });
    if (end === -1) return { entries, tornTail: rest() };
    const parsed = (() => {
      try {
        return journalEntrySchema.safeParse(JSON.parse(text.slice(offset, end)));
      } catch {
        return undefined;
      }
    })();
    if (!parsed?.success) {
      const after = text.slice(end + 1);
      if (after.trim().length === 0) return { entries, tornTail: rest() };
      const reason = parsed ? parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ') : 'not JSON';
      return { entries, damage: `${path.basename(file)} line ${line} is unreadable (${reason}) and is followed by more entries` };
    }
    entries.push(parsed.data);
    offset = end + 1;
  }
  return { entries };
}

/**
 * Appends entries to one journal file. Each append is written at the end of what is known to be
 * on disk and fsync'd before it resolves; a failed append (disk full, I/O error) truncates the file
 * back so that a later retry never leaves half an entry in the middle of the journal.
 */
export class JournalWriter {
  private size = 0;
  private broken = false;

  private constructor(
    readonly file: JournalFile,
    private readonly handle: FileHandle,
  ) {}

  /** Creates a new, empty journal file and makes its name durable. */
  static async create(folder: string, generation: number): Promise<JournalWriter> {
    const file = { generation, path: path.join(folder, journalFileName(generation)) };
    const handle = await open(file.path, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL, 0o644);
    try {
      await fsyncFolder(folder);
    } catch (error) {
      await handle.close();
      throw error;
    }
    return new JournalWriter(file, handle);
  }

  get bytes(): number {
    return this.size;
  }

  /** True after a failed append could not be undone; the owner must start a new journal. */
  get isBroken(): boolean {
    return this.broken;
  }

  async append(text: string): Promise<void> {
    if (this.broken) throw new Error('This journal file could not be repaired after a failed write');
    const buffer = Buffer.from(text, 'utf8');
    try {
      let written = 0;
      while (written < buffer.length) {
        const { bytesWritten } = await this.handle.write(buffer, written, buffer.length - written, this.size + written);
        written += bytesWritten;
      }
      await this.handle.sync();
      this.size += buffer.length;
    } catch (error) {
      try {
        await this.handle.truncate(this.size);
        await this.handle.sync();
      } catch {
        this.broken = true;
      }
      throw error;
    }
  }

  async close(): Promise<void> {
    await this.handle.close();
  }
}
