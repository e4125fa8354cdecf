import type { ImportResult } from '../../../shared/import/import-record';
import { TaskStoppedError, type WorkerPool } from '../workers/worker-pool';
import type { Task } from '../workers/task-worker';
import type { ImportParsers, PdfImport } from './import-service';

/** The largest text file an import reads; larger ones are refused before parsing. */
export const MAX_IMPORT_TEXT_BYTES = 256 * 1024 * 1024;

/**
 * How long one file may take. Real files take a fraction of these (a 12-page PDF ≈ 0.3 s, 1 MB of
 * BibTeX ≈ 0.1 s); a decompression bomb, a 200,000-page PDF or a macro bomb is stopped at them.
 * The memory limit is the worker pool's (heap plus buffers, per file).
 */
export interface ImportTimeLimits {
  /** A text file gets this long plus `textMsPerMb` for each MB. */
  textBaseMs: number;
  textMsPerMb: number;
  pdfMs: number;
  /** Pages of a PDF whose text is read (and searched); the rest are counted and reported. */
  pdfMaxPages: number;
}

export const defaultImportTimeLimits: ImportTimeLimits = { textBaseMs: 10_000, textMsPerMb: 2_000, pdfMs: 30_000, pdfMaxPages: 2_000 };

/** Import parsing in worker threads with time and memory limits; a stopped file is reported, the rest go on. */
export function workerParsers(pool: WorkerPool, limits: ImportTimeLimits = defaultImportTimeLimits): ImportParsers {
  return {
    async parseText(format, text, _fileName, signal) {
      if (text.length > MAX_IMPORT_TEXT_BYTES) throw new Error(`The file is larger than ${MAX_IMPORT_TEXT_BYTES / 1024 / 1024} MB`);
      const task: Task = { kind: 'parse-text', format, text };
      const timeoutMs = limits.textBaseMs + Math.round((text.length / (1024 * 1024)) * limits.textMsPerMb);
      return pool.run<ImportResult>(task, { timeoutMs, signal });
    },
    async extractPdf(bytes, fileName, signal) {
      const task: Task = { kind: 'extract-pdf', bytes, fileName, maxPages: limits.pdfMaxPages };
      try {
        return await pool.run<PdfImport>(task, { timeoutMs: limits.pdfMs, signal });
      } catch (error) {
        if (error instanceof TaskStoppedError && error.reason !== 'cancelled') return { warnings: [], error: error.message };
        throw error;
      }
    },
  };
}
