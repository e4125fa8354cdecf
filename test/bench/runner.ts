import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import type { Paper } from '../../shared/model/library';

/** Per-iteration times of one measured function, in milliseconds, in run order. */
export interface Samples {
  wallMs: number[];
  /**
   * Process CPU time (user + system). On a shared machine this is the stable figure: it does not
   * grow when other processes take the cores. It includes V8's GC helper threads, so it can
   * exceed wall time.
   */
  cpuMs: number[];
}

export interface MeasureOptions {
  iterations: number;
  /** Untimed calls first, so that the JIT has compiled the hot paths. */
  warmup?: number;
  /**
   * A full collection before timing (default true). It costs 0.1–1 s with a 50k library in the
   * heap, so a benchmark measured in many small calls may collect before the first one only.
   */
  collect?: boolean;
}

/** Called with the iteration index, so a benchmark can cycle through inputs (e.g. queries). */
export type Benchmarked = (iteration: number) => unknown;

export interface Summary {
  count: number;
  median: number;
  /** Nearest-rank: the smallest sample with at least 95% of the samples at or below it. */
  p95: number;
  mean: number;
}

/** One row of the report; `baseline` and `ratio` are null for rows that have no baseline. */
export interface BenchResult {
  name: string;
  size: number;
  unit: string;
  median: number;
  p95: number;
  /** The baseline's median, in the same unit. */
  baseline: number | null;
  /** median / baseline: below 1 is faster than the baseline. */
  ratio: number | null;
}

export interface BenchFlags {
  json: boolean;
  quick: boolean;
  filter: string | undefined;
}

/** What run.ts hands to every suite's `run(ctx)`. */
export interface BenchContext {
  /** Library sizes to measure, ascending (`--sizes`, default 1000,10000,50000). */
  sizes: readonly number[];
  reporter: Reporter;
  /**
   * The synthetic library of that size, generated once per run and shared by all suites:
   * treat it as read-only and `structuredClone` whatever a benchmark changes.
   */
  papersOf(size: number): readonly Paper[];
  flags: BenchFlags;
  /** Whether `--filter` selects the benchmark of that name; check before doing any work for it. */
  selects(name: string): boolean;
  /** `normal`, or about a fifth of it (at least 1) with `--quick`. */
  iterations(normal: number): number;
}

/** A module in test/bench/suites/: `export const name` and `export function run(ctx)`. */
export interface BenchSuite {
  name: string;
  run(ctx: BenchContext): Promise<void> | void;
}

/** Progress and diagnostics: stderr, so that stdout carries only results. */
export function progress(message: string): void {
  process.stderr.write(`${message}\n`);
}

function exposeGc(): (() => void) | undefined {
  // The bench script runs plain `node --import tsx`; V8 still lets a running process turn the flag on.
  setFlagsFromString('--expose-gc');
  const gc: unknown = runInNewContext('gc');
  return typeof gc === 'function' ? () => void gc() : undefined;
}

const gc = exposeGc();

/** A full collection, so that garbage left by the previous benchmark is not charged to the next one. */
export function collectGarbage(): void {
  gc?.();
}

function isThenable(value: unknown): value is PromiseLike<unknown> {
  return typeof value === 'object' && value !== null && 'then' in value && typeof value.then === 'function';
}

async function timeOnce(fn: Benchmarked, iteration: number, into: Samples): Promise<void> {
  const cpuStart = process.cpuUsage();
  const wallStart = performance.now();
  const result = fn(iteration);
  // Awaited only when asynchronous: a sync call must not pay for a microtask turn.
  if (isThenable(result)) await result;
  const wall = performance.now() - wallStart;
  const cpu = process.cpuUsage(cpuStart);
  into.wallMs.push(wall);
  into.cpuMs.push((cpu.user + cpu.system) / 1000);
}

/** Runs `fn` `warmup` times untimed, then `iterations` times, timing each call (sync or async). */
export async function measure(fn: Benchmarked, options: MeasureOptions): Promise<Samples> {
  for (let iteration = 0; iteration < (options.warmup ?? 0); iteration += 1) {
    const result = fn(iteration);
    if (isThenable(result)) await result;
  }
  if (options.collect ?? true) collectGarbage();
  const samples: Samples = { wallMs: [], cpuMs: [] };
  for (let iteration = 0; iteration < options.iterations; iteration += 1) await timeOnce(fn, iteration, samples);
  return samples;
}

/**
 * Measures a candidate and its baseline in alternation (which one goes first alternates too), so
 * that load from other processes and GC debt fall on both alike and their ratio stays meaningful.
 */
export async function measurePair(
  fns: { baseline: Benchmarked; candidate: Benchmarked },
  options: MeasureOptions & {
    /** Which one runs first in iteration 0 (default baseline); alternate it when calling with one iteration. */
    startWith?: 'baseline' | 'candidate';
  },
): Promise<{ baseline: Samples; candidate: Samples }> {
  for (let iteration = 0; iteration < (options.warmup ?? 0); iteration += 1) {
    for (const fn of [fns.baseline, fns.candidate]) {
      const result = fn(iteration);
      if (isThenable(result)) await result;
    }
  }
  if (options.collect ?? true) collectGarbage();
  const baseline: Samples = { wallMs: [], cpuMs: [] };
  const candidate: Samples = { wallMs: [], cpuMs: [] };
  const parity = options.startWith === 'candidate' ? 1 : 0;
  for (let iteration = 0; iteration < options.iterations; iteration += 1) {
    if (iteration % 2 === parity) {
      await timeOnce(fns.baseline, iteration, baseline);
      await timeOnce(fns.candidate, iteration, candidate);
    } else {
      await timeOnce(fns.candidate, iteration, candidate);
      await timeOnce(fns.baseline, iteration, baseline);
    }
  }
  return { baseline, candidate };
}

/** Appends `more` to `into` (for benchmarks measured in several calls, e.g. one per query). */
export function appendSamples(into: Samples, more: Samples): void {
  into.wallMs.push(...more.wallMs);
  into.cpuMs.push(...more.cpuMs);
}

export function summarize(values: readonly number[]): Summary {
  if (values.length === 0) throw new Error('summarize() needs at least one sample');
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  const at = (index: number) => sorted[index] ?? Number.NaN;
  return {
    count: sorted.length,
    median: sorted.length % 2 === 1 ? at(middle) : (at(middle - 1) + at(middle)) / 2,
    p95: at(Math.ceil(0.95 * sorted.length) - 1),
    mean: sorted.reduce((sum, value) => sum + value, 0) / sorted.length,
  };
}

/** Microsecond resolution is all the timers give; more digits would be noise. */
function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}

function formatNumber(value: number | null): string {
  if (value === null) return '';
  if (value >= 100) return value.toFixed(0);
  if (value >= 10) return value.toFixed(1);
  if (value >= 1) return value.toFixed(2);
  return value.toFixed(3);
}

const COLUMNS = ['name', 'size', 'unit', 'median', 'p95', 'baseline', 'ratio'] as const;

/**
 * Collects results. With `json`, each result is written at once as one JSON line on stdout;
 * otherwise `flush()` prints the results gathered since the last flush as an aligned table.
 */
export class Reporter {
  private readonly all: BenchResult[] = [];
  private pending: BenchResult[] = [];

  constructor(
    private readonly options: { json: boolean },
    private readonly write: (text: string) => void = (text) => void process.stdout.write(text),
  ) {}

  get results(): readonly BenchResult[] {
    return this.all;
  }

  add(result: BenchResult): void {
    const rounded: BenchResult = {
      name: result.name,
      size: result.size,
      unit: result.unit,
      median: round(result.median),
      p95: round(result.p95),
      baseline: result.baseline === null ? null : round(result.baseline),
      ratio: result.ratio === null ? null : Math.round(result.ratio * 1000) / 1000,
    };
    this.all.push(rounded);
    if (this.options.json) this.write(`${JSON.stringify(rounded)}\n`);
    else this.pending.push(rounded);
  }

  /**
   * Adds two rows for `samples`, in "ms cpu" and "ms wall"; with a baseline, each row carries the
   * baseline's median in the same unit and the ratio of the medians.
   */
  record(name: string, size: number, samples: Samples, baseline?: Samples): void {
    for (const [unit, pick] of [
      ['ms cpu', (s: Samples) => s.cpuMs],
      ['ms wall', (s: Samples) => s.wallMs],
    ] as const) {
      const summary = summarize(pick(samples));
      const base = baseline ? summarize(pick(baseline)).median : null;
      this.add({ name, size, unit, median: summary.median, p95: summary.p95, baseline: base, ratio: base ? summary.median / base : null });
    }
  }

  /** Prints the pending rows as a table (text mode only). */
  flush(title?: string): void {
    if (this.options.json || this.pending.length === 0) return;
    const rows = this.pending.map((result) => [
      result.name,
      String(result.size),
      result.unit,
      formatNumber(result.median),
      formatNumber(result.p95),
      formatNumber(result.baseline),
      result.ratio === null ? '' : `${result.ratio.toFixed(2)}×`,
    ]);
    const widths = COLUMNS.map((column, index) => Math.max(column.length, ...rows.map((row) => (row[index] ?? '').length)));
    // Text columns (name, unit) read left-aligned; numbers line up on the right.
    const line = (cells: readonly string[]) =>
      cells
        .map((cell, index) => (index === 0 || index === 2 ? cell.padEnd(widths[index] ?? 0) : cell.padStart(widths[index] ?? 0)))
        .join('  ')
        .trimEnd();
    const text = [line(COLUMNS), line(widths.map((width) => '-'.repeat(width))), ...rows.map(line)].join('\n');
    this.write(`${title ? `\n## ${title}\n\n` : '\n'}${text}\n`);
    this.pending = [];
  }
}
