// Cold open in browser mode: from starting `npm run web`'s server on a library of each size to the
// first paper row on screen in Chromium. Needs `npm run build` and /usr/bin/chromium (or SIFT_CHROMIUM).
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser } from 'playwright-core';
import { stableStringify } from '../../../electron/services/stable-stringify';
import { emptyLibrary } from '../../../shared/model/library';
import { progress, type BenchContext } from '../runner';

export const name = 'browser-open';

const repoRoot = fileURLToPath(new URL('../../..', import.meta.url));
const chromiumPath = process.env.SIFT_CHROMIUM ?? '/usr/bin/chromium';

/** Milliseconds from spawning the server to the first row of the paper list being visible. */
async function coldOpen(browser: Browser, folder: string): Promise<{ toUrlMs: number; toFirstRowMs: number }> {
  const started = performance.now();
  const child = spawn(process.execPath, [path.join(repoRoot, 'electron/dist/web.mjs'), '--library', folder, '--port', '0'], { stdio: ['ignore', 'pipe', 'pipe'] });
  try {
    const url = await new Promise<string>((resolve, reject) => {
      let output = '';
      child.stdout.on('data', (chunk: Buffer) => {
        output += chunk.toString();
        const match = /Sift browser mode: (\S+)/.exec(output);
        if (match?.[1]) resolve(match[1]);
      });
      child.once('exit', (code) => reject(new Error(`browser mode exited with ${code}: ${output}`)));
    });
    const toUrlMs = performance.now() - started;
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
    const page = await context.newPage();
    await page.goto(url);
    await page.getByTestId('paper-row').first().waitFor({ state: 'visible', timeout: 120_000 });
    const toFirstRowMs = performance.now() - started;
    await context.close();
    return { toUrlMs, toFirstRowMs };
  } finally {
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    await exited;
  }
}

export async function run(ctx: BenchContext): Promise<void> {
  if (!ctx.selects('browser.coldOpen')) return;
  if (!existsSync(chromiumPath) || !existsSync(path.join(repoRoot, 'electron/dist/web.mjs'))) {
    progress(`browser-open: skipped (needs ${chromiumPath} and npm run build)`);
    return;
  }
  const browser = await chromium.launch({
    executablePath: chromiumPath,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
  });
  try {
    for (const size of ctx.sizes) {
      const folder = await mkdtemp(path.join(os.tmpdir(), 'sift-bench-open-'));
      try {
        await writeFile(path.join(folder, 'library.json'), stableStringify({ ...emptyLibrary(), papers: [...ctx.papersOf(size)] }));
        const toUrl: number[] = [];
        const toRow: number[] = [];
        for (let iteration = 0; iteration < ctx.iterations(size >= 50_000 ? 3 : 5); iteration += 1) {
          progress(`browser.coldOpen ${size} #${iteration + 1}`);
          const { toUrlMs, toFirstRowMs } = await coldOpen(browser, folder);
          toUrl.push(toUrlMs);
          toRow.push(toFirstRowMs);
        }
        const sorted = (values: number[]) => [...values].sort((a, b) => a - b);
        const median = (values: number[]) => sorted(values)[Math.floor((values.length - 1) / 2)] ?? 0;
        const p95 = (values: number[]) => sorted(values)[Math.max(0, Math.ceil(values.length * 0.95) - 1)] ?? 0;
        // Baseline: the same run's time until the server is listening (library loaded), so the ratio
        // says how much the page itself adds on top of loading the library.
        ctx.reporter.add({ name: 'browser.coldOpen to first row', size, unit: 'ms wall', median: median(toRow), p95: p95(toRow), baseline: median(toUrl), ratio: median(toRow) / median(toUrl) });
        ctx.reporter.add({ name: 'browser.coldOpen server listening', size, unit: 'ms wall', median: median(toUrl), p95: p95(toUrl), baseline: null, ratio: null });
      } finally {
        await rm(folder, { recursive: true, force: true });
      }
      ctx.reporter.flush(`browser-open, ${size} papers`);
    }
  } finally {
    await browser.close();
  }
}
