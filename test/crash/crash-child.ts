// The process the crash test kills: it opens a library through the real store and makes random
// edits and bulk imports, printing each operation before it starts (OP) and once Sift has
// acknowledged it (ACK). Run by test/crash/crash-harness.ts; never by hand.
import { LibraryStore } from '../../electron/services/library-store';
import { newPaper } from '../../shared/model/library';
import { mulberry32 } from '../bench/synthetic-library';

const [folder = '', seedText = '1'] = process.argv.slice(2);

export type CrashOp =
  | { i: number; kind: 'tag'; paperId: string; tag: string }
  | { i: number; kind: 'note'; paperId: string; body: string }
  | { i: number; kind: 'import'; ids: string[] }
  | { i: number; kind: 'bulk-tag'; paperIds: string[]; tag: string };

// Bounded so that the library stays a few megabytes and a thousand rounds finish in minutes.
const MAX_PAPERS = 2000;

async function main(): Promise<void> {
  // Seeded, so a failing round can be replayed from its seed.
  const next = mulberry32(Number(seedText));
  const store = await LibraryStore.open(folder, {
    app: 'crash test',
    // Small thresholds so that snapshots (and their renames) happen often, and so are often killed.
    compactAfterBytes: 64 * 1024,
    compactWhenIdleMs: 30,
    backupEveryMs: 0,
    watchExternalChanges: false,
  });
  if (store.state.kind !== 'ready') {
    process.stdout.write(`FAILED ${JSON.stringify(store.state)}\n`);
    process.exit(3);
  }
  const now = new Date().toISOString();
  const round = seedText;
  process.stdout.write('READY\n');
  for (let i = 0; ; i += 1) {
    const burst = 1 + Math.floor(next() * 4);
    const work: Array<Promise<void>> = [];
    for (let b = 0; b < burst; b += 1, i += 1) {
      const ids = store.data.papers.map((paper) => paper.id);
      const pick = () => ids[Math.floor(next() * ids.length)] as string;
      const roll = next();
      let op: CrashOp;
      let run: () => Promise<unknown>;
      if (ids.length < 20 || (roll < 0.08 && ids.length < MAX_PAPERS)) {
        const count = 1 + Math.floor(next() * 200);
        const papers = Array.from({ length: count }, (_, k) => newPaper({ id: `r${round}-o${i}-${k}`, title: `Imported ${k} in op ${i}` }, now));
        op = { i, kind: 'import', ids: papers.map((paper) => paper.id) };
        run = () => store.transact((tx) => tx.addPapers(papers));
      } else if (roll < 0.15) {
        const paperIds = [...new Set(Array.from({ length: Math.min(200, ids.length) }, pick))];
        const tag = `bulk-r${round}-o${i}`;
        op = { i, kind: 'bulk-tag', paperIds, tag };
        run = () =>
          store.transact((tx) => {
            for (const id of paperIds) tx.paper(id).tags.push(tag);
          });
      } else if (roll < 0.6) {
        const paperId = pick();
        const tag = `r${round}-o${i}`;
        op = { i, kind: 'tag', paperId, tag };
        run = () =>
          store.transact((tx) => {
            tx.paper(paperId).tags.push(tag);
          });
      } else {
        const paperId = pick();
        const body = `note r${round}-o${i} ${'·'.repeat(Math.floor(next() * 300))}`;
        op = { i, kind: 'note', paperId, body };
        run = () =>
          store.transact((tx) => {
            tx.paper(paperId).notes.push({ id: `n-r${round}-o${i}`, body, createdAt: now, updatedAt: now });
          });
      }
      process.stdout.write(`OP ${JSON.stringify(op)}\n`);
      work.push(run().then(() => void process.stdout.write(`ACK ${op.i}\n`)));
    }
    i -= 1;
    await Promise.all(work);
  }
}

void main();
