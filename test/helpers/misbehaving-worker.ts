// A worker for WorkerPool's tests: it answers, spins forever, or eats memory (JavaScript objects on
// the heap, or buffers outside it, as a decompression bomb does), on request.
import { parentPort } from 'node:worker_threads';

parentPort?.on('message', (task: { kind: 'echo' | 'spin' | 'allocate' | 'allocate-buffers' | 'fail'; value?: unknown }) => {
  if (task.kind === 'echo') parentPort?.postMessage({ ok: true, value: task.value });
  else if (task.kind === 'fail') parentPort?.postMessage({ ok: false, error: 'it failed on purpose' });
  else if (task.kind === 'spin') {
    for (;;) {
      // A runaway parser: never yields, so only terminating the worker stops it.
    }
  } else if (task.kind === 'allocate-buffers') {
    // Buffers live outside the JavaScript heap, so the worker's heap limit never sees them.
    const hoard: Uint8Array[] = [];
    for (;;) {
      hoard.push(new Uint8Array(8 * 1024 * 1024).fill(1));
      const until = Date.now() + 20;
      while (Date.now() < until) {
        // Inflating takes time between allocations, as it does in pdf.js.
      }
    }
  } else {
    const hoard: string[][] = [];
    for (;;) hoard.push(Array.from({ length: 100_000 }, (_, index) => `${index}-${hoard.length}`));
  }
});
