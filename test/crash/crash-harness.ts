import { spawn } from 'node:child_process';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { LibraryStore } from '../../electron/services/library-store';
import { librarySchema, type Library } from '../../shared/model/library';
import type { CrashOp } from './crash-child';

const repoRoot = fileURLToPath(new URL('../..', import.meta.url));

export interface CrashRound {
  round: number;
  issued: number;
  acked: number;
  /** Acknowledged operations missing after the kill: must stay empty. */
  lost: CrashOp[];
  /** Operations present although an earlier one is missing (reordering): must stay empty. */
  outOfOrder: CrashOp[];
  /** Why the library did not load or did not match the schema, if it did not. */
  corrupt?: string;
  killedBeforeReady: boolean;
}

export interface CrashSummary {
  rounds: number;
  kills: number;
  acknowledged: number;
  issued: number;
  corrupt: number;
  lost: number;
  outOfOrder: number;
  failures: CrashRound[];
}

/** Bundles the child once, so that each of the many rounds starts in milliseconds. */
async function buildChild(): Promise<string> {
  const outfile = path.join(repoRoot, 'test', '.artifacts', 'crash-child.mjs');
  await mkdir(path.dirname(outfile), { recursive: true });
  await build({
    entryPoints: [path.join(repoRoot, 'test', 'crash', 'crash-child.ts')],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    logLevel: 'warning',
  });
  return outfile;
}

function isPresent(library: Library, op: CrashOp): boolean {
  const byId = new Map(library.papers.map((paper) => [paper.id, paper]));
  switch (op.kind) {
    case 'tag':
      return byId.get(op.paperId)?.tags.includes(op.tag) ?? false;
    case 'note':
      return byId.get(op.paperId)?.notes.some((note) => note.body === op.body) ?? false;
    case 'import':
      return op.ids.every((id) => byId.has(id));
    case 'bulk-tag':
      return op.paperIds.every((id) => byId.get(id)?.tags.includes(op.tag));
  }
}

async function runRound(childFile: string, folder: string, round: number, random: () => number): Promise<CrashRound> {
  const child = spawn(process.execPath, [childFile, folder, String(round)], { cwd: repoRoot, stdio: ['ignore', 'pipe', 'pipe'] });
  const ops: CrashOp[] = [];
  const acked = new Set<number>();
  let buffered = '';
  let stderr = '';
  let ready: () => void = () => undefined;
  const readyPromise = new Promise<void>((resolve) => (ready = resolve));
  child.stdout.on('data', (chunk: Buffer) => {
    buffered += chunk.toString();
    let newline = buffered.indexOf('\n');
    while (newline !== -1) {
      const line = buffered.slice(0, newline);
      buffered = buffered.slice(newline + 1);
      if (line === 'READY') ready();
      else if (line.startsWith('OP ')) ops.push(JSON.parse(line.slice(3)) as CrashOp);
      else if (line.startsWith('ACK ')) acked.add(Number(line.slice(4)));
      newline = buffered.indexOf('\n');
    }
  });
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  // Mostly kill mid-work; sometimes while the library is still opening (lock takeover, temp cleanup).
  const killedBeforeReady = random() < 0.1;
  if (killedBeforeReady) await new Promise((resolve) => setTimeout(resolve, random() * 60));
  else {
    await Promise.race([readyPromise, exited]);
    // Mostly soon after opening (mid-append, mid-snapshot); sometimes later, so that snapshots also
    // complete and the journals do not only pile up.
    const delay = random() < 0.2 ? 500 + random() * 2500 : 10 + random() * 400;
    await new Promise((resolve) => setTimeout(resolve, delay));
  }
  child.kill('SIGKILL');
  await exited;
  if (stderr.trim()) return { round, issued: ops.length, acked: acked.size, lost: [], outOfOrder: [], corrupt: `child stderr: ${stderr}`, killedBeforeReady };

  const store = await LibraryStore.open(folder, { readOnly: true, watchExternalChanges: false });
  if (store.state.kind !== 'ready') {
    return { round, issued: ops.length, acked: acked.size, lost: [], outOfOrder: [], corrupt: `${store.state.message} ${store.state.detail ?? ''}`, killedBeforeReady };
  }
  const checked = librarySchema.safeParse(store.data);
  if (!checked.success) {
    return { round, issued: ops.length, acked: acked.size, lost: [], outOfOrder: [], corrupt: checked.error.message.slice(0, 500), killedBeforeReady };
  }
  const library = checked.data;
  const present = ops.map((op) => isPresent(library, op));
  const lost = ops.filter((op, index) => acked.has(op.i) && !present[index]);
  const firstMissing = present.indexOf(false);
  const outOfOrder = firstMissing === -1 ? [] : ops.filter((_op, index) => index > firstMissing && present[index]);
  return { round, issued: ops.length, acked: acked.size, lost, outOfOrder, killedBeforeReady };
}

/**
 * Kills a writing child `rounds` times at random moments, reopening the library after every kill
 * and checking that it loads, matches the schema, holds every acknowledged operation, and holds
 * operations only as a prefix of the order they were made in.
 */
export async function runCrashTest(options: {
  folder: string;
  rounds: number;
  seed?: number;
  onRound?: (result: CrashRound) => void;
}): Promise<CrashSummary> {
  const childFile = await buildChild();
  let state = (options.seed ?? 1) >>> 0;
  const random = () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 4294967296;
  };
  const summary: CrashSummary = { rounds: 0, kills: 0, acknowledged: 0, issued: 0, corrupt: 0, lost: 0, outOfOrder: 0, failures: [] };
  for (let round = 1; round <= options.rounds; round += 1) {
    const result = await runRound(childFile, options.folder, (options.seed ?? 1) * 100_000 + round, random);
    summary.rounds += 1;
    summary.kills += 1;
    summary.acknowledged += result.acked;
    summary.issued += result.issued;
    if (result.corrupt) summary.corrupt += 1;
    summary.lost += result.lost.length;
    summary.outOfOrder += result.outOfOrder.length;
    if (result.corrupt || result.lost.length > 0 || result.outOfOrder.length > 0) summary.failures.push(result);
    options.onRound?.(result);
  }
  return summary;
}
