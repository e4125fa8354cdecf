// `npm run crashtest [-- --rounds N --seed S]`: the long crash test (default 1,000 kills).
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { runCrashTest } from './crash-harness';

const { values } = parseArgs({ options: { rounds: { type: 'string' }, seed: { type: 'string' }, keep: { type: 'boolean' } } });
const rounds = Number(values.rounds ?? 1000);
const seed = Number(values.seed ?? 1);
const folder = await mkdtemp(path.join(os.tmpdir(), 'sift-crashtest-'));
const started = Date.now();
const summary = await runCrashTest({
  folder,
  rounds,
  seed,
  onRound: (result) => {
    if (result.round % 50 === 0 || result.corrupt || result.lost.length > 0) {
      process.stderr.write(`round ${result.round}: issued ${result.issued}, acked ${result.acked}, lost ${result.lost.length}${result.corrupt ? `, CORRUPT: ${result.corrupt}` : ''}\n`);
    }
  },
});
const { failures, ...figures } = summary;
console.log(JSON.stringify({ ...figures, seconds: Math.round((Date.now() - started) / 1000), folder: values.keep ? folder : undefined }));
for (const failure of failures.slice(0, 5)) console.log(JSON.stringify(failure).slice(0, 2000));
if (!values.keep) await rm(folder, { recursive: true, force: true });
process.exitCode = summary.corrupt + summary.lost + summary.outOfOrder > 0 ? 1 : 0;
