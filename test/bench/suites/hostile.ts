// Hostile files against the import's per-file limits, as the app runs them: in the task worker
// with the default limits (30 s, 768 MB of heap plus buffers per file). Each row is the time until
// the file is stopped (or read), and the memory it held at the most; the baseline is a real
// 14-page paper read in the same pool, so the ratio says how much longer a bomb costs than a paper.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { defaultImportTimeLimits, workerParsers } from '../../../electron/services/import/worker-parsers';
import { WorkerPool } from '../../../electron/services/workers/worker-pool';
import { deepBracesBibtex, flateBombPdf, macroBombBibtex, manyPagesPdf } from '../../helpers/hostile-pdfs';
import { measurePair, progress, type BenchContext } from '../runner';

export const name = 'hostile';

const taskWorker = fileURLToPath(new URL('../../../electron/services/workers/task-worker.ts', import.meta.url));
const realPaper = new Uint8Array(readFileSync(fileURLToPath(new URL('../../fixtures/pdf/tracemonkey.pdf', import.meta.url))));

export async function run(ctx: BenchContext): Promise<void> {
  if (!ctx.selects('hostile')) return;
  const pool = new WorkerPool({ entry: taskWorker, size: 1, maxHeapMb: 768, maxMemoryMb: 768 });
  const parsers = workerParsers(pool, defaultImportTimeLimits);
  const signal = new AbortController().signal;
  // Built before measuring, so that making a bomb is not counted as reading it.
  const pdf = (bytes: Buffer, file: string) => async () => (await parsers.extractPdf(new Uint8Array(bytes), file, signal)).error ?? 'read';
  const bibtex = (text: string) => async () => (await parsers.parseText('bibtex', text, 'hostile.bib', signal)).warnings[0]?.message ?? 'read';
  const cases: Array<{ label: string; size: number; read: () => Promise<string> }> = [
    { label: 'flate bomb PDF (1 MB file, 300 MB inflated)', size: 300, read: pdf(flateBombPdf(300), 'bomb.pdf') },
    { label: 'flate bomb PDF (5 MB file, 1.5 GB inflated)', size: 1500, read: pdf(flateBombPdf(1500), 'bomb.pdf') },
    { label: '200,000-page PDF (21 MB)', size: 200_000, read: pdf(manyPagesPdf(200_000), 'pages.pdf') },
    { label: 'BibTeX macro bomb (10^9 characters)', size: 1, read: bibtex(macroBombBibtex()) },
    { label: 'BibTeX braces nested 100,000 deep', size: 100_000, read: bibtex(deepBracesBibtex(100_000)) },
  ];
  try {
    for (const hostile of cases) {
      progress(`hostile: ${hostile.label}`);
      let outcome = '';
      // Memory above what the process held when the file was handed over, at most, per file.
      let handedOverAt: number | undefined;
      let peakAbove = 0;
      const sampler = setInterval(() => {
        if (handedOverAt !== undefined) peakAbove = Math.max(peakAbove, process.memoryUsage.rss() - handedOverAt);
      }, 25);
      const { candidate, baseline } = await measurePair(
        {
          candidate: async () => {
            handedOverAt = process.memoryUsage.rss();
            outcome = await hostile.read();
            handedOverAt = undefined;
          },
          baseline: async () => parsers.extractPdf(realPaper, 'tracemonkey.pdf', signal),
        },
        { iterations: ctx.iterations(3), warmup: 0 },
      );
      clearInterval(sampler);
      progress(`  → ${outcome}`);
      ctx.reporter.record(`hostile ${hostile.label}: until stopped or read`, hostile.size, candidate, baseline);
      ctx.reporter.add({ name: `hostile ${hostile.label}: process memory above the start of the file, at most`, size: hostile.size, unit: 'MB', median: peakAbove / 1e6, p95: peakAbove / 1e6, baseline: null, ratio: null });
    }
  } finally {
    await pool.close();
  }
  ctx.reporter.flush('hostile files (task worker, default limits)');
}
