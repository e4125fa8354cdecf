import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { parse as parseTolerantly, printParseErrorCode, type ParseError } from 'jsonc-parser';
import type { Adapter } from 'lowdb';
import type { z } from 'zod';
import { stableStringify } from './stable-stringify';
import { writeFileDurably } from './storage/fs-durable';

/** Why a library file could not be read: shown to the user, who can then open another library. */
export class LibraryLoadError extends Error {
  constructor(
    message: string,
    readonly detail?: string,
  ) {
    super(message);
    this.name = 'LibraryLoadError';
  }
}

/** The line and column of a character offset, for "Unexpected token at line 3, column 7" messages. */
function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  return { line, column: offset - before.lastIndexOf('\n') };
}

/**
 * Where the JSON breaks. Node 20's JSON.parse often names no position ("Unexpected end of JSON
 * input"), so the failing text is re-scanned with VS Code's JSON scanner, which reports an offset.
 */
function describeParseError(text: string): string {
  if (text.trim() === '') return 'The file is empty';
  const errors: ParseError[] = [];
  parseTolerantly(text, errors, { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false });
  const first = errors[0];
  if (!first) return 'The text is not valid JSON';
  const { line, column } = lineAndColumn(text, first.offset);
  const problem = printParseErrorCode(first.error).replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
  return `${problem.charAt(0).toUpperCase()}${problem.slice(1)} at line ${line}, column ${column}`;
}

export interface DurableJsonFileOptions<T> {
  schema: z.ZodType<T>;
  /** Checked before the schema so that a file from a newer Sift is refused with a clear message. */
  checkVersion?: (raw: unknown) => string | undefined;
  /** Brings an older format up to date before validation. */
  migrate?: (raw: unknown) => unknown;
}

/**
 * A lowdb adapter that validates on read and writes atomically and durably (see
 * `replaceFileDurably`). lowdb's own writer (steno) skips both fsyncs, which left the library empty
 * in every simulated power cut measured here.
 *
 * A missing file reads as `null` (lowdb then uses its defaults); a file that does not parse or
 * validate throws LibraryLoadError and is never written over by this adapter's owner.
 */
export class DurableJsonFile<T> implements Adapter<T> {
  constructor(
    readonly filePath: string,
    private readonly options: DurableJsonFileOptions<T>,
  ) {}

  async read(): Promise<T | null> {
    const raw = await this.readUnvalidated();
    return raw === null ? null : this.validate(raw);
  }

  /** Parses, version-checks and migrates, but leaves schema validation to the caller (see LibraryStore). */
  async readUnvalidated(): Promise<unknown> {
    let text: string;
    try {
      text = await readFile(this.filePath, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw new LibraryLoadError(`Cannot read ${path.basename(this.filePath)}`, (error as Error).message);
    }
    let raw: unknown;
    try {
      raw = JSON.parse(text);
    } catch {
      throw new LibraryLoadError(`${path.basename(this.filePath)} is not valid JSON`, describeParseError(text));
    }
    const versionProblem = this.options.checkVersion?.(raw);
    if (versionProblem) throw new LibraryLoadError(versionProblem);
    if (this.options.migrate) {
      try {
        raw = this.options.migrate(raw);
      } catch (error) {
        throw new LibraryLoadError(`${path.basename(this.filePath)} could not be upgraded`, (error as Error).message);
      }
    }
    return raw;
  }

  validate(raw: unknown, schema: z.ZodType<T> = this.options.schema, pathPrefix: Array<string | number> = []): T {
    const parsed = schema.safeParse(raw);
    if (!parsed.success) throw this.schemaError(parsed.error.issues, pathPrefix);
    return parsed.data;
  }

  schemaError(issues: readonly z.core.$ZodIssue[], pathPrefix: Array<string | number> = []): LibraryLoadError {
    const detail = issues
      .slice(0, 5)
      .map((issue) => `${[...pathPrefix, ...issue.path.map(String)].join('.') || '(root)'}: ${issue.message}`)
      .join('\n');
    return new LibraryLoadError(`${path.basename(this.filePath)} does not match the library format`, detail);
  }

  async write(data: T): Promise<void> {
    await writeFileDurably(this.filePath, stableStringify(data));
  }
}
