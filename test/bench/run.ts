/**
 * Benchmarks: `npm run bench -- [--sizes 1000,10000] [--filter search.query] [--quick] [--json]`.
 *
 * Every module in test/bench/suites/ is a suite, run in file-name order:
 *
 *   export const name = 'markdown-export';            // the file's name; titles its table
 *   export async function run(ctx: BenchContext) {    // types in ./runner.ts
 *     for (const size of ctx.sizes) {
 *       if (!ctx.selects('export.markdown')) continue;  // benchmark names are "area.operation"; honour --filter first
 *       const papers = ctx.papersOf(size);               // shared and cached: never mutate it
 *       const { baseline, candidate } = await measurePair({ baseline: …, candidate: … }, { iterations: ctx.iterations(10), warmup: 1 });
 *       ctx.reporter.record('export.markdown', size, candidate, baseline);
 *     }
 *   }
 *
 * Results go to stdout (a table per suite, or one JSON object per line with `--json`); progress
 * goes to stderr. Use `npm run -s bench -- --json` so that npm's own banner stays off stdout.
 * Compare CPU times: wall times on this shared two-core machine move with other processes' load.
 */
import { readdirSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import type { Paper } from '../../shared/model/library';
import { collectGarbage, progress, Reporter, type BenchContext, type BenchFlags, type BenchSuite } from './runner';
import { syntheticPapers } from './synthetic-library';

const DEFAULT_SIZES = [1000, 10_000, 50_000];
const SEED = 1;
const suitesFolder = fileURLToPath(new URL('./suites/', import.meta.url));

function parseSizes(text: string | undefined): number[] {
  if (text === undefined) return DEFAULT_SIZES;
  const sizes = text.split(',').map((part) => Number(part.trim()));
  if (sizes.length === 0 || sizes.some((size) => !Number.isInteger(size) || size <= 0)) {
    throw new Error(`--sizes wants positive whole numbers separated by commas, not "${text}"`);
  }
  return [...new Set(sizes)].sort((a, b) => a - b);
}

function isSuite(value: unknown): value is BenchSuite {
  return typeof value === 'object' && value !== null && 'name' in value && typeof value.name === 'string' && 'run' in value && typeof value.run === 'function';
}

async function loadSuites(): Promise<BenchSuite[]> {
  const files = readdirSync(suitesFolder)
    .filter((file) => file.endsWith('.ts') && !file.endsWith('.d.ts'))
    .sort();
  const suites: BenchSuite[] = [];
  for (const file of files) {
    const module: unknown = await import(pathToFileURL(`${suitesFolder}${file}`).href);
    if (!isSuite(module)) throw new Error(`test/bench/suites/${file} must export \`name\` (string) and \`run(ctx)\``);
    suites.push(module);
  }
  return suites;
}

/**
 * Generates the largest library once and hands out prefixes of it: the generator is prefix-stable,
 * so the first 1,000 of 50,000 papers are exactly the 1,000-paper library, at no extra cost. It
 * also keeps the heap the same for every suite: the largest library is live from the first run on.
 */
function libraryCache(sizes: readonly number[]): (size: number) => readonly Paper[] {
  let largest: Paper[] = [];
  const bySize = new Map<number, readonly Paper[]>();
  return (size) => {
    const cached = bySize.get(size);
    if (cached) return cached;
    if (largest.length < size) {
      const count = Math.max(size, ...sizes);
      const started = performance.now();
      largest = syntheticPapers(count, SEED);
      progress(`generated ${count} synthetic papers in ${((performance.now() - started) / 1000).toFixed(1)} s`);
      bySize.clear();
      collectGarbage();
    }
    const papers = size === largest.length ? largest : largest.slice(0, size);
    bySize.set(size, papers);
    return papers;
  };
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      json: { type: 'boolean', default: false },
      quick: { type: 'boolean', default: false },
      sizes: { type: 'string' },
      filter: { type: 'string' },
    },
  });
  const flags: BenchFlags = { json: values.json, quick: values.quick, filter: values.filter };
  const sizes = parseSizes(values.sizes);
  const reporter = new Reporter({ json: flags.json });
  const filter = flags.filter?.toLowerCase();
  const ctx: BenchContext = {
    sizes,
    reporter,
    papersOf: libraryCache(sizes),
    flags,
    selects: (name) => filter === undefined || name.toLowerCase().includes(filter),
    iterations: (normal) => (flags.quick ? Math.max(1, Math.round(normal / 5)) : normal),
  };
  progress(`node ${process.version}, sizes ${sizes.join(', ')}${flags.filter ? `, filter "${flags.filter}"` : ''}${flags.quick ? ', quick' : ''}`);
  for (const suite of await loadSuites()) {
    const started = performance.now();
    progress(`suite ${suite.name}`);
    try {
      await suite.run(ctx);
    } catch (error) {
      // One broken suite must not hide the others' results.
      progress(`suite ${suite.name} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
      process.exitCode = 1;
    }
    reporter.flush(suite.name);
    progress(`suite ${suite.name} took ${((performance.now() - started) / 1000).toFixed(1)} s`);
  }
}

main().catch((error: unknown) => {
  progress(error instanceof Error ? error.message : String(error));
  process.exitCode = 1;
});
