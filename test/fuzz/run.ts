/**
 * The long fuzz run: `npm run fuzz -- [--seed N] [--runs N] [--seconds N] [--target bibtex,ris] [--scale small|large]`.
 *
 * For each target (the four importers and the query parser) it tries up to `--runs` generated
 * inputs (default 100,000) for at most `--seconds` (default 25) with the properties of
 * importer-properties.ts and query-properties.ts, and times every parser call. Time rule: one
 * call may take at most 1 s per 100 KB of input, with at least 1 s for any input (KB = 1,000
 * characters, UTF-16 code units). An input over that budget, or breaking a property, is a failure;
 * the run prints it (shrunk where fast-check can) and exits with 1.
 *
 * Printed per target: inputs tried, failures, the largest input, the slowest call, and the worst
 * ms per 100 KB among inputs of 10 KB or more (smaller ones are dominated by fixed costs). The seed
 * is random unless given, and printed first, so any run can be repeated.
 */

import fc from 'fast-check';
import { mkdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { describeError, importerTargets, type FuzzScale, type FuzzTarget, type Timer } from './importer-properties';
import { queryTarget } from './query-properties';

const { values: flags } = parseArgs({
  options: {
    seed: { type: 'string' },
    runs: { type: 'string', default: '100000' },
    seconds: { type: 'string', default: '25' },
    target: { type: 'string' },
    scale: { type: 'string', default: 'large' },
    'save-slowest': { type: 'boolean', default: false },
  },
});

const seed = flags.seed !== undefined ? Number(flags.seed) : Math.floor(Math.random() * 2 ** 31);
const runs = Number(flags.runs);
const seconds = Number(flags.seconds);
const scale = flags.scale as FuzzScale;
const selected = flags.target?.split(',');
if (!Number.isInteger(seed) || !(runs > 0) || !(seconds > 0) || (scale !== 'small' && scale !== 'large')) {
  console.error('Usage: npm run fuzz -- [--seed N] [--runs N] [--seconds N] [--target bibtex,ris,csl-json,paste,query] [--scale small|large]');
  process.exit(2);
}

const PER_100KB_MS = 1000;
const MIN_BUDGET_MS = 1000;
const RATIO_MIN_SIZE = 10_000;

/** The time one call on `size` characters may take. */
function budgetMs(size: number): number {
  return Math.max(MIN_BUDGET_MS, (PER_100KB_MS * size) / 100_000);
}

interface Stats {
  tried: number;
  failures: number;
  largest: number;
  slowestMs: number;
  slowestSize: number;
  worstPer100KB: number;
  worstSize: number;
  failure?: string;
  slowestSaved?: string;
}

/** Checks `input` and returns the longest single parser call, in ms. */
function timedCheck(target: FuzzTarget, input: string): number {
  let slowest = 0;
  const time: Timer = (parse) => {
    const start = performance.now();
    try {
      return parse();
    } finally {
      slowest = Math.max(slowest, performance.now() - start);
    }
  };
  target.check(input, time);
  return slowest;
}

function fuzz(target: FuzzTarget): Stats {
  const stats: Stats = { tried: 0, failures: 0, largest: 0, slowestMs: 0, slowestSize: 0, worstPer100KB: 0, worstSize: 0 };
  let shrinking = false;
  let firstFailure: string | undefined;
  let worstInput: string | undefined;
  // At the large scale, three small inputs to one large: many more inputs, and still megabytes.
  const inputs = scale === 'small' ? target.inputs('small') : fc.oneof({ weight: 3, arbitrary: target.inputs('small') }, { weight: 1, arbitrary: target.inputs('large') });
  const property = fc.property(inputs, (input) => {
    if (!shrinking) stats.tried += 1;
    stats.largest = Math.max(stats.largest, input.length);
    const fail = (error: unknown): never => {
      if (!shrinking) {
        stats.failures += 1;
        firstFailure = input;
      }
      shrinking = true;
      throw error;
    };
    let slowest = 0;
    try {
      slowest = timedCheck(target, input);
      // A pause of the machine (garbage collection, other processes on these two cores) is not the
      // parser's: an input over budget counts only if it is over budget three times running.
      for (let retry = 0; retry < 2 && slowest > budgetMs(input.length); retry += 1) slowest = Math.min(slowest, timedCheck(target, input));
    } catch (error) {
      fail(error);
    }
    if (slowest > stats.slowestMs) {
      stats.slowestMs = slowest;
      stats.slowestSize = input.length;
    }
    if (input.length >= RATIO_MIN_SIZE) {
      const per100KB = (slowest * 100_000) / input.length;
      if (per100KB > stats.worstPer100KB) {
        stats.worstPer100KB = per100KB;
        stats.worstSize = input.length;
        worstInput = input;
      }
    }
    if (slowest > budgetMs(input.length)) {
      fail(new Error(`one call took ${slowest.toFixed(0)} ms on ${input.length} characters; the budget is ${budgetMs(input.length).toFixed(0)} ms`));
    }
  });
  const details = fc.check(property, { seed, numRuns: runs, interruptAfterTimeLimit: seconds * 1000, markInterruptAsFailure: false });
  if (worstInput !== undefined && flags['save-slowest']) stats.slowestSaved = saveCounterexample(`${target.name}-slowest`, worstInput);
  if (details.failed) {
    const example = details.counterexample?.[0];
    const shown = example === undefined ? '(none)' : example.length > 400 ? `${JSON.stringify(example.slice(0, 400))}… (${example.length} characters)` : JSON.stringify(example);
    const saved = [
      ...(firstFailure === undefined ? [] : [saveCounterexample(`${target.name}-first`, firstFailure)]),
      ...(example === undefined ? [] : [saveCounterexample(`${target.name}-shrunk`, example)]),
    ].join(', ');
    stats.failure = `${details.errorInstance === undefined ? 'failed' : describeError(details.errorInstance)}\n  input: ${shown}\n  path: ${details.counterexamplePath ?? ''}${saved ? `\n  saved: ${saved}` : ''}`;
  }
  return stats;
}

/** Writes a failing input where it can be read back exactly (test/.artifacts is not committed). */
function saveCounterexample(name: string, input: string): string {
  const folder = fileURLToPath(new URL('../.artifacts/fuzz/', import.meta.url));
  mkdirSync(folder, { recursive: true });
  const file = `${folder}${name}-seed-${seed}.json`;
  writeFileSync(file, JSON.stringify(input));
  return file;
}

console.log(`fuzz seed ${seed}, scale ${scale}, at most ${runs} inputs or ${seconds} s per target (repeat: npm run fuzz -- --seed ${seed})`);
console.log(`time rule: each parser call ≤ max(${MIN_BUDGET_MS} ms, ${PER_100KB_MS} ms per 100 KB), KB = 1,000 characters\n`);
const rows: string[][] = [['target', 'inputs', 'failures', 'largest (chars)', 'slowest call', `worst ms/100 KB (inputs ≥ ${RATIO_MIN_SIZE / 1000} KB)`]];
let failed = false;
for (const target of [...importerTargets, queryTarget]) {
  if (selected && !selected.includes(target.name)) continue;
  const started = performance.now();
  const stats = fuzz(target);
  process.stderr.write(`${target.name}: ${stats.tried} inputs in ${((performance.now() - started) / 1000).toFixed(1)} s\n`);
  if (stats.slowestSaved) console.log(`${target.name}: the input with the worst ms/100 KB is in ${stats.slowestSaved}`);
  if (stats.failure) {
    failed = true;
    console.log(`FAILED ${target.name}: ${stats.failure}\n`);
  }
  rows.push([
    target.name,
    stats.tried.toLocaleString('en'),
    String(stats.failures),
    stats.largest.toLocaleString('en'),
    `${stats.slowestMs.toFixed(1)} ms on ${stats.slowestSize.toLocaleString('en')} chars`,
    stats.worstSize > 0 ? `${stats.worstPer100KB.toFixed(1)} (on ${stats.worstSize.toLocaleString('en')} chars)` : '–',
  ]);
}
const widths = rows[0]?.map((_, column) => Math.max(...rows.map((row) => (row[column] ?? '').length))) ?? [];
for (const row of rows) console.log(row.map((cell, column) => cell.padEnd(widths[column] ?? 0)).join('  '));
console.log(`\nseed ${seed}: ${failed ? 'FAILED' : 'passed'}`);
process.exit(failed ? 1 : 0);
