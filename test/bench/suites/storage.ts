// Library storage at 1k/10k/50k papers: opening, one edit, a bulk tag of 5,000 papers, a snapshot,
// and memory. The baseline is lowdb's own JSONFile adapter doing the same work by rewriting the
// whole file, measured in the same process on the same library.
import { execFileSync } from 'node:child_process';
import { mkdtemp, rm, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { Low } from 'lowdb';
import { JSONFile } from 'lowdb/node';
import { LibraryStore } from '../../../electron/services/library-store';
import { stableStringify } from '../../../electron/services/stable-stringify';
import { emptyLibrary, type Library } from '../../../shared/model/library';
import { measure, measurePair, progress, type BenchContext, type Samples } from '../runner';

export const name = 'storage';

const memoryChild = fileURLToPath(new URL('../storage-memory-child.ts', import.meta.url));

async function libraryFolder(papers: readonly Library['papers'][number][]): Promise<{ folder: string; bytes: number }> {
  const folder = await mkdtemp(path.join(os.tmpdir(), 'sift-bench-store-'));
  await writeFile(path.join(folder, 'library.json'), stableStringify({ ...emptyLibrary(), papers: structuredClone([...papers]) }));
  return { folder, bytes: (await stat(path.join(folder, 'library.json'))).size };
}

const storeOptions = { watchExternalChanges: false, compactWhenIdleMs: 3_600_000, compactAfterBytes: Number.MAX_SAFE_INTEGER } as const;

export async function run(ctx: BenchContext): Promise<void> {
  const selected = ['store.open', 'store.edit', 'store.bulkTag', 'store.snapshot', 'store.memory'].some((benchmark) => ctx.selects(benchmark));
  if (!selected) return;
  for (const size of ctx.sizes) {
    const papers = ctx.papersOf(size);
    const { folder, bytes } = await libraryFolder(papers);
    const { folder: lowdbFolder } = await libraryFolder(papers);
    const lowdbFile = path.join(lowdbFolder, 'library.json');
    const heavy = size >= 50_000;
    try {
      if (ctx.selects('store.open')) {
        progress(`store.open ${size}`);
        // Timed by hand: only the opening counts, not the close that follows it (which waits for the
        // background validation and releases the lock).
        const candidate: Samples = { wallMs: [], cpuMs: [] };
        const baseline: Samples = { wallMs: [], cpuMs: [] };
        const timed = async <T>(into: Samples, work: () => Promise<T>): Promise<T> => {
          const wall = performance.now();
          const cpu = process.cpuUsage();
          const result = await work();
          const used = process.cpuUsage(cpu);
          into.wallMs.push(performance.now() - wall);
          into.cpuMs.push((used.user + used.system) / 1000);
          return result;
        };
        for (let iteration = -1; iteration < ctx.iterations(heavy ? 3 : 7); iteration += 1) {
          const warm = iteration < 0;
          // What the app waits for before showing the list (papers are validated in slices after).
          const store = await timed(warm ? { wallMs: [], cpuMs: [] } : candidate, () =>
            LibraryStore.open(folder, { ...storeOptions, validateInBackground: true }),
          );
          await store.close();
          await timed(warm ? { wallMs: [], cpuMs: [] } : baseline, async () => {
            const db = new Low<Library>(new JSONFile<Library>(lowdbFile), emptyLibrary());
            await db.read();
          });
        }
        ctx.reporter.record('store.open', size, candidate, baseline);
      }

      const store = await LibraryStore.open(folder, storeOptions);
      const db = new Low<Library>(new JSONFile<Library>(lowdbFile), emptyLibrary());
      await db.read();
      const ids = store.data.papers.map((paper) => paper.id);

      if (ctx.selects('store.edit')) {
        progress(`store.edit ${size}`);
        const { candidate, baseline } = await measurePair(
          {
            // One tag toggle, resolved once durable (fsync'd): wall is "saved" latency, CPU is the thread cost.
            candidate: async (iteration) => {
              const id = ids[(iteration * 7919) % ids.length] as string;
              await store.transact((tx) => {
                const paper = tx.paper(id);
                paper.tags = paper.tags.includes('bench') ? paper.tags.filter((tag) => tag !== 'bench') : [...paper.tags, 'bench'];
              });
            },
            baseline: async (iteration) => {
              const paper = db.data.papers[(iteration * 7919) % db.data.papers.length];
              if (paper) paper.tags = paper.tags.includes('bench') ? paper.tags.filter((tag) => tag !== 'bench') : [...paper.tags, 'bench'];
              await db.write();
            },
          },
          { iterations: ctx.iterations(heavy ? 5 : 20), warmup: 1, collect: false },
        );
        ctx.reporter.record('store.edit (tag toggle, durable)', size, candidate, baseline);
      }

      if (ctx.selects('store.bulkTag') && size >= 5000) {
        progress(`store.bulkTag ${size}`);
        const bulkIds = ids.slice(0, 5000);
        const { candidate, baseline } = await measurePair(
          {
            candidate: async (iteration) => {
              await store.transact((tx) => {
                for (const id of bulkIds) tx.paper(id).tags.push(`bulk-${iteration}`);
              });
            },
            baseline: async (iteration) => {
              for (const paper of db.data.papers.slice(0, 5000)) paper.tags.push(`bulk-${iteration}`);
              await db.write();
            },
          },
          { iterations: ctx.iterations(heavy ? 3 : 5), warmup: 1, collect: false },
        );
        ctx.reporter.record('store.bulkTag (5,000 papers, durable)', size, candidate, baseline);
      }

      if (ctx.selects('store.snapshot')) {
        progress(`store.snapshot ${size}`);
        const histogram = monitorEventLoopDelay({ resolution: 5 });
        const samples = await measure(
          async () => {
            await store.transact((tx) => {
              tx.paper(ids[0] as string).rating = (tx.paper(ids[0] as string).rating + 1) % 6;
            });
            histogram.enable();
            await store.compact();
            histogram.disable();
          },
          { iterations: ctx.iterations(heavy ? 2 : 5), warmup: 0, collect: false },
        );
        ctx.reporter.record('store.snapshot (background)', size, samples);
        // The longest the event loop stood still while snapshots were written: what an edit may wait.
        const blockMs = histogram.max / 1e6;
        ctx.reporter.add({ name: 'store.snapshot max event-loop block', size, unit: 'ms', median: blockMs, p95: blockMs, baseline: null, ratio: null });
      }
      await store.close();

      if (ctx.selects('store.memory')) {
        progress(`store.memory ${size}`);
        // A fresh process, so that the benchmark's own copies of the papers are not counted.
        const output = execFileSync(process.execPath, ['--expose-gc', '--import', 'tsx', memoryChild, folder], { encoding: 'utf8' });
        const { heapMB, rssMB } = JSON.parse(output) as { heapMB: number; rssMB: number };
        const fileMB = bytes / 1e6;
        ctx.reporter.add({ name: 'store.memory heap after open', size, unit: 'MB (baseline: file)', median: heapMB, p95: heapMB, baseline: fileMB, ratio: heapMB / fileMB });
        ctx.reporter.add({ name: 'store.memory rss after open', size, unit: 'MB (baseline: file)', median: rssMB, p95: rssMB, baseline: fileMB, ratio: rssMB / fileMB });
      }
    } finally {
      await rm(folder, { recursive: true, force: true });
      await rm(lowdbFolder, { recursive: true, force: true });
    }
    ctx.reporter.flush(`storage, ${size} papers`);
  }
}
