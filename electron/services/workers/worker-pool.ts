import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';

/** Why a task did not give a result. */
export class TaskStoppedError extends Error {
  constructor(
    readonly reason: 'timeout' | 'memory' | 'cancelled' | 'crashed',
    message: string,
  ) {
    super(message);
    this.name = 'TaskStoppedError';
  }
}

export interface WorkerPoolOptions {
  /** The worker's entry file: a bundled .mjs, or a .ts source (run through tsx, for tests). */
  entry: string;
  /** Workers running at once; parsing is CPU-bound, so more than the cores only adds memory. */
  size?: number;
  /** Heap limit of each worker: a file that needs more is stopped, not the app. */
  maxHeapMb?: number;
  /**
   * Limit of a task's heap plus the buffers it holds outside the heap (where a decompression
   * bomb's inflated bytes go, which the heap limit never sees); checked every `memoryCheckMs`.
   */
  maxMemoryMb?: number;
  memoryCheckMs?: number;
}

/** What `Worker.getHeapStatistics` (Node ≥ 22.16) reports; older runtimes only have the heap limit. */
interface HeapStatistics {
  total_heap_size: number;
  external_memory?: number;
}
type MeasurableWorker = Worker & { getHeapStatistics?: () => Promise<HeapStatistics> };

interface Job {
  message: unknown;
  timeoutMs: number;
  signal: AbortSignal | undefined;
  resolve: (value: unknown) => void;
  reject: (error: Error) => void;
}

interface Slot {
  worker: Worker | undefined;
  busy: boolean;
}

/**
 * Runs tasks in worker threads so that parsing hostile or huge files never blocks the thread that
 * serves the UI, and so that a task can be stopped for good: a worker over its time or heap limit
 * is terminated (the only way to stop a runaway regex or a decompression bomb) and replaced.
 * Workers answer each message with `{ ok: true, value }` or `{ ok: false, error }`.
 */
export class WorkerPool {
  private readonly slots: Slot[];
  private readonly queue: Job[] = [];
  private closed = false;

  constructor(private readonly options: WorkerPoolOptions) {
    this.slots = Array.from({ length: Math.max(1, options.size ?? 2) }, () => ({ worker: undefined, busy: false }));
  }

  run<T>(message: unknown, options: { timeoutMs: number; signal?: AbortSignal }): Promise<T> {
    if (this.closed) return Promise.reject(new TaskStoppedError('cancelled', 'The worker pool is closed'));
    if (options.signal?.aborted) return Promise.reject(new TaskStoppedError('cancelled', 'Cancelled'));
    return new Promise<T>((resolve, reject) => {
      this.queue.push({ message, timeoutMs: options.timeoutMs, signal: options.signal, resolve: resolve as (value: unknown) => void, reject });
      this.pump();
    });
  }

  private spawn(): Worker {
    const resourceLimits = { maxOldGenerationSizeMb: this.options.maxHeapMb ?? 1024 };
    // A TypeScript entry (tests run the sources) is loaded through tsx's loader, registered inside
    // the worker: `--import` in a worker's execArgv is not honoured on Node 20. require.resolve
    // finds tsx's CommonJS build; the ESM one beside it is the one that registers loader hooks.
    const worker = this.options.entry.endsWith('.ts')
      ? new Worker(
          `import(${JSON.stringify(pathToFileURL(createRequire(this.options.entry).resolve('tsx/esm/api').replace(/\.cjs$/, '.mjs')).href)})` +
            `.then(({ register }) => { register(); return import(${JSON.stringify(pathToFileURL(this.options.entry).href)}); })`,
          { eval: true, resourceLimits },
        )
      : new Worker(this.options.entry, { resourceLimits });
    // An idle worker must not keep a finished CLI alive; a running task's timer keeps the process up.
    worker.unref();
    return worker;
  }

  private pump(): void {
    for (const slot of this.slots) {
      if (slot.busy || this.queue.length === 0) continue;
      const job = this.queue.shift() as Job;
      if (job.signal?.aborted) {
        job.reject(new TaskStoppedError('cancelled', 'Cancelled'));
        continue;
      }
      slot.busy = true;
      const worker = (slot.worker ??= this.spawn());
      this.execute(slot, worker, job);
    }
  }

  private execute(slot: Slot, worker: Worker, job: Job): void {
    let settled = false;
    const finish = (outcome: { value: unknown } | { error: Error }, replaceWorker: boolean) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      clearInterval(memoryWatch);
      job.signal?.removeEventListener('abort', onAbort);
      worker.off('message', onMessage);
      worker.off('error', onError);
      worker.off('exit', onExit);
      if (replaceWorker) {
        slot.worker = undefined;
        void worker.terminate();
      }
      slot.busy = false;
      if ('error' in outcome) job.reject(outcome.error);
      else job.resolve(outcome.value);
      this.pump();
    };
    const onMessage = (reply: { ok: boolean; value?: unknown; error?: string }) => {
      if (reply.ok) finish({ value: reply.value }, false);
      else finish({ error: new Error(reply.error ?? 'The task failed') }, false);
    };
    const onError = (error: Error & { code?: string }) => {
      const outOfMemory = error.code === 'ERR_WORKER_OUT_OF_MEMORY';
      finish(
        {
          error: outOfMemory
            ? new TaskStoppedError('memory', `Stopped: needed more than ${this.options.maxHeapMb ?? 1024} MB of memory`)
            : new TaskStoppedError('crashed', `The worker failed: ${error.message}`),
        },
        true,
      );
    };
    const onExit = () => finish({ error: new TaskStoppedError('crashed', 'The worker stopped unexpectedly') }, true);
    const onAbort = () => finish({ error: new TaskStoppedError('cancelled', 'Cancelled') }, true);
    const timer = setTimeout(
      () => finish({ error: new TaskStoppedError('timeout', `Stopped: took longer than ${Math.round(job.timeoutMs / 1000)} s`) }, true),
      job.timeoutMs,
    );
    // V8 answers heap statistics through an interrupt, so this works while the task is busy.
    const maxMemoryBytes = (this.options.maxMemoryMb ?? 1024) * 1024 * 1024;
    const measurable = worker as MeasurableWorker;
    const memoryWatch = setInterval(() => {
      measurable.getHeapStatistics?.().then(
        (statistics) => {
          // The heap as committed (what the process holds), not only what is in use.
          if (statistics.total_heap_size + (statistics.external_memory ?? 0) > maxMemoryBytes) {
            finish({ error: new TaskStoppedError('memory', `Stopped: needed more than ${this.options.maxMemoryMb ?? 1024} MB of memory`) }, true);
          }
        },
        () => undefined,
      );
    }, this.options.memoryCheckMs ?? 100);
    memoryWatch.unref();
    worker.on('message', onMessage);
    worker.on('error', onError);
    worker.on('exit', onExit);
    job.signal?.addEventListener('abort', onAbort, { once: true });
    worker.postMessage(job.message);
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const job of this.queue.splice(0)) job.reject(new TaskStoppedError('cancelled', 'The worker pool is closed'));
    await Promise.all(this.slots.map(async (slot) => slot.worker?.terminate()));
    for (const slot of this.slots) slot.worker = undefined;
  }
}
