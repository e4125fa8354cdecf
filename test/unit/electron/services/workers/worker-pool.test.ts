import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { TaskStoppedError, WorkerPool } from '../../../../../electron/services/workers/worker-pool';
import { workerParsers } from '../../../../../electron/services/import/worker-parsers';
import { parseImportText } from '../../../../../shared/import/parse-import-text';
import { fixturesFolder, repoRoot } from '../../../../helpers/temp-library';

const misbehaving = path.join(repoRoot, 'test/helpers/misbehaving-worker.ts');
const taskWorker = path.join(repoRoot, 'electron/services/workers/task-worker.ts');

describe('WorkerPool', () => {
  const pools: WorkerPool[] = [];
  const pool = (options: Partial<ConstructorParameters<typeof WorkerPool>[0]> = {}) => {
    const created = new WorkerPool({ entry: misbehaving, size: 1, ...options });
    pools.push(created);
    return created;
  };
  afterEach(async () => {
    for (const created of pools.splice(0)) await created.close();
  });

  it('runs a task in a worker and returns its value', async () => {
    expect(await pool().run({ kind: 'echo', value: { a: [1, 2] } }, { timeoutMs: 20_000 })).toEqual({ a: [1, 2] });
  });

  it('passes a task failure on as an error', async () => {
    await expect(pool().run({ kind: 'fail' }, { timeoutMs: 20_000 })).rejects.toThrow('it failed on purpose');
  });

  it('stops a task that runs past its time, and the next task still runs', async () => {
    const workers = pool();
    await workers.run({ kind: 'echo', value: 'warm' }, { timeoutMs: 20_000 });
    const stopped = workers.run({ kind: 'spin' }, { timeoutMs: 300 });
    await expect(stopped).rejects.toThrow(TaskStoppedError);
    await expect(stopped).rejects.toMatchObject({ reason: 'timeout', message: 'Stopped: took longer than 0 s' });
    expect(await workers.run({ kind: 'echo', value: 'after' }, { timeoutMs: 20_000 })).toBe('after');
  });

  it('stops a task that needs more memory than allowed, without harming this process', async () => {
    const workers = pool({ maxHeapMb: 64 });
    await expect(workers.run({ kind: 'allocate' }, { timeoutMs: 60_000 })).rejects.toMatchObject({ reason: 'memory' });
    expect(await workers.run({ kind: 'echo', value: 'alive' }, { timeoutMs: 20_000 })).toBe('alive');
  });

  it('stops a task whose buffers outside the heap pass the memory limit (a decompression bomb), and the next task still runs', async () => {
    const workers = pool({ maxHeapMb: 1024, maxMemoryMb: 96, memoryCheckMs: 50 });
    await expect(workers.run({ kind: 'allocate-buffers' }, { timeoutMs: 60_000 })).rejects.toMatchObject({
      reason: 'memory',
      message: 'Stopped: needed more than 96 MB of memory',
    });
    expect(await workers.run({ kind: 'echo', value: 'alive' }, { timeoutMs: 20_000 })).toBe('alive');
  });

  it('cancels a running task on abort', async () => {
    const workers = pool();
    await workers.run({ kind: 'echo', value: 'warm' }, { timeoutMs: 20_000 });
    const controller = new AbortController();
    const running = workers.run({ kind: 'spin' }, { timeoutMs: 60_000, signal: controller.signal });
    setTimeout(() => controller.abort(), 100);
    await expect(running).rejects.toMatchObject({ reason: 'cancelled' });
  });

  it('parses import text in the task worker exactly as on this thread', async () => {
    const workers = new WorkerPool({ entry: taskWorker, size: 1 });
    pools.push(workers);
    const parsers = workerParsers(workers);
    const text = 'arXiv:2206.10883\nTitle: Multi-LexSum: Real-World Summaries of Civil Rights Lawsuits at Multiple Granularities\nAuthors: Zejiang Shen, Kyle Lo\n';
    expect(await parsers.parseText('paste', text, 'pasted.txt', new AbortController().signal)).toEqual(parseImportText('paste', text));
  });

  it('reads a PDF in the task worker: metadata, title and full text', async () => {
    const workers = new WorkerPool({ entry: taskWorker, size: 1 });
    pools.push(workers);
    const parsers = workerParsers(workers);
    const bytes = new Uint8Array(readFileSync(path.join(fixturesFolder, 'pdf', 'tracemonkey.pdf')));
    const result = await parsers.extractPdf(bytes, 'tracemonkey.pdf', new AbortController().signal);
    expect(result.error).toBeUndefined();
    expect(result.record?.paper.title).toBe('Trace-based Just-in-Time Type Specialization for Dynamic Languages');
    expect(result.pages).toBe(14);
    expect(result.fulltext?.split('\f')).toHaveLength(14);
  }, 60_000);

  it('reports a PDF that needs a password as that file\'s error, not a failure of the import', async () => {
    const workers = new WorkerPool({ entry: taskWorker, size: 1 });
    pools.push(workers);
    const bytes = new Uint8Array(readFileSync(path.join(fixturesFolder, 'pdf', 'issue6010_1.pdf')));
    const result = await workerParsers(workers).extractPdf(bytes, 'issue6010_1.pdf', new AbortController().signal);
    expect(result).toEqual({ warnings: [], error: 'Needs a password to open' });
  }, 60_000);
});
