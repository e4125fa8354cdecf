import type { ImportResult } from '../../../shared/import/import-record';
import { TaskStoppedError, type WorkerPool } from '../workers/worker-pool';
import type { Task } from '../workers/task-worker';
import type { ImportParsers, PdfImport } from './import-service';

/** Time a file may take to parse, by size: generous for real files, short for a hostile one. */
function parseTimeoutMs(bytes: number): number {
  return 10_000 + Math.round((bytes / (1024 * 1024)) * 2_000);
}

/** The largest text file an import reads; larger ones are refused before parsing. */
export const MAX_IMPORT_TEXT_BYTES = 256 * 1024 * 1024;

/** A PDF gets this long to be read; a decompression bomb or a pathological file is stopped. */
const PDF_TIMEOUT_MS = 30_000;

/** Import parsing in worker threads with time and memory limits; a stopped file is reported, the rest go on. */
export function workerParsers(pool: WorkerPool): ImportParsers {
  return {
    async parseText(format, text, _fileName, signal) {
      if (text.length > MAX_IMPORT_TEXT_BYTES) throw new Error(`The file is larger than ${MAX_IMPORT_TEXT_BYTES / 1024 / 1024} MB`);
      const task: Task = { kind: 'parse-text', format, text };
      return pool.run<ImportResult>(task, { timeoutMs: parseTimeoutMs(text.length), signal });
    },
    async extractPdf(bytes, fileName, signal) {
      const task: Task = { kind: 'extract-pdf', bytes, fileName };
      try {
        return await pool.run<PdfImport>(task, { timeoutMs: PDF_TIMEOUT_MS, signal });
      } catch (error) {
        if (error instanceof TaskStoppedError && error.reason !== 'cancelled') return { warnings: [], error: error.message };
        throw error;
      }
    },
  };
}
