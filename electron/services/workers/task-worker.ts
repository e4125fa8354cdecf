// The worker thread behind WorkerPool: parses import files away from the thread that serves the UI.
// Messages are tasks; each gets exactly one reply, `{ ok: true, value }` or `{ ok: false, error }`.
import { parentPort } from 'node:worker_threads';
import type { TextImportFormat } from '../../../shared/import/detect-format';
import { parseImportText } from '../../../shared/import/parse-import-text';
import { extractPdf } from '../pdf/extract-pdf';
import { toPdfImport } from '../pdf/to-pdf-import';

export type Task =
  | { kind: 'parse-text'; format: TextImportFormat; text: string }
  | { kind: 'extract-pdf'; bytes: Uint8Array; fileName: string; password?: string; maxPages?: number };

async function perform(task: Task): Promise<unknown> {
  if (task.kind === 'parse-text') return parseImportText(task.format, task.text);
  if (task.kind === 'extract-pdf') {
    const result = await extractPdf(task.bytes, {
      ...(task.password !== undefined ? { password: task.password } : {}),
      ...(task.maxPages !== undefined ? { maxPages: task.maxPages } : {}),
    });
    return toPdfImport(result, task.fileName);
  }
  throw new Error(`Unknown task ${(task as { kind: string }).kind}`);
}

parentPort?.on('message', (task: Task) => {
  perform(task).then(
    (value) => parentPort?.postMessage({ ok: true, value }),
    (error: unknown) => parentPort?.postMessage({ ok: false, error: (error as Error).message }),
  );
});
