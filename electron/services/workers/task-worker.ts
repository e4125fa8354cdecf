// The worker thread behind WorkerPool: parses import files away from the thread that serves the UI.
// Messages are tasks; each gets exactly one reply, `{ ok: true, value }` or `{ ok: false, error }`.
import { parentPort } from 'node:worker_threads';
import type { TextImportFormat } from '../../../shared/import/detect-format';
import { parseImportText } from '../../../shared/import/parse-import-text';

export type Task = { kind: 'parse-text'; format: TextImportFormat; text: string };

parentPort?.on('message', (task: Task) => {
  try {
    if (task.kind === 'parse-text') parentPort?.postMessage({ ok: true, value: parseImportText(task.format, task.text) });
    else parentPort?.postMessage({ ok: false, error: `Unknown task ${(task as { kind: string }).kind}` });
  } catch (error) {
    parentPort?.postMessage({ ok: false, error: (error as Error).message });
  }
});
