// A worker for WorkerPool's tests: it answers, spins forever, or eats memory, on request.
import { parentPort } from 'node:worker_threads';

parentPort?.on('message', (task: { kind: 'echo' | 'spin' | 'allocate' | 'fail'; value?: unknown }) => {
  if (task.kind === 'echo') parentPort?.postMessage({ ok: true, value: task.value });
  else if (task.kind === 'fail') parentPort?.postMessage({ ok: false, error: 'it failed on purpose' });
  else if (task.kind === 'spin') {
    for (;;) {
      // A runaway parser: never yields, so only terminating the worker stops it.
    }
  } else {
    const hoard: string[][] = [];
    for (;;) hoard.push(Array.from({ length: 100_000 }, (_, index) => `${index}-${hoard.length}`));
  }
});
