// PDF import on the real fixture PDFs: metadata + page-1 heuristics per file, and full-text
// extraction in pages per second. Measured on this thread (the app runs the same code in a worker).
// The baseline of the full-text row is the metadata-only run of the same files, so the ratio is the
// cost of reading every page rather than the first.
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { extractPdf } from '../../../electron/services/pdf/extract-pdf';
import { measurePair, progress, type BenchContext } from '../runner';

export const name = 'pdf';

const folder = fileURLToPath(new URL('../../fixtures/pdf/', import.meta.url));

export async function run(ctx: BenchContext): Promise<void> {
  if (!ctx.selects('pdf.extract')) return;
  const files = readdirSync(folder)
    .filter((file) => file.endsWith('.pdf'))
    .map((file) => ({ file, bytes: new Uint8Array(readFileSync(path.join(folder, file))) }));
  let pages = 0;
  for (const { bytes } of files) {
    const result = await extractPdf(bytes, { maxPages: 1 });
    if (result.outcome === 'ok' || result.outcome === 'scanned') pages += result.pageCount;
  }
  progress(`pdf.extract: ${files.length} files, ${pages} pages`);
  const { candidate, baseline } = await measurePair(
    {
      candidate: async () => {
        for (const { bytes } of files) await extractPdf(bytes);
      },
      baseline: async () => {
        for (const { bytes } of files) await extractPdf(bytes, { maxPages: 1 });
      },
    },
    { iterations: ctx.iterations(5), warmup: 1 },
  );
  const size = files.length;
  ctx.reporter.record(`pdf.extract full text (${pages} pages, ${size} files)`, size, candidate, baseline);
  const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor((values.length - 1) / 2)] ?? 1;
  const worst = (values: number[]) => Math.max(...values);
  ctx.reporter.add({ name: 'pdf.extract full text throughput', size, unit: 'pages/s (cpu)', median: (pages / median(candidate.cpuMs)) * 1000, p95: (pages / worst(candidate.cpuMs)) * 1000, baseline: null, ratio: null });
  ctx.reporter.add({ name: 'pdf.extract metadata + page 1, per file', size, unit: 'ms cpu', median: median(baseline.cpuMs) / size, p95: worst(baseline.cpuMs) / size, baseline: null, ratio: null });
  ctx.reporter.flush('pdf');
}
