import Fuse, { type IFuseOptions } from 'fuse.js';
import { authorName } from '../../../shared/model/format-authors';
import type { Paper } from '../../../shared/model/library';
import { PaperSearch } from '../../../shared/search/paper-search';
import { appendSamples, measurePair, progress, type BenchContext, type Samples } from '../runner';

export const name = 'search';

/**
 * What people type into a literature search, cycling through five kinds so that any evenly spaced
 * sample covers each kind: a single word, a phrase, a typo, an author's surname, a prefix typed so far.
 */
export const queries: readonly string[] = [
  'reward',
  'large language models',
  'reinforcment lerning',
  'Chatterjee',
  'distil',
  'benchmark',
  'reinforcement learning',
  'prefrence optimzation',
  'Müller',
  'optim',
  'alignment',
  'human feedback',
  'distilation',
  'Grošelj',
  'reinf',
  'diffusion',
  'reward model',
  'transfromer',
  'Nakamura',
  'lang',
  'poker',
  'preference optimization',
  'benchmrk',
  'muller',
  'multi',
  'negotiation',
  'dataset distillation',
  'alignmnet',
  'García',
  'self-pl',
];

/** Above this size fuse.js takes up to seconds a query, so only an evenly spaced sample is timed. */
const SAMPLED_QUERIES: ReadonlyArray<readonly [maxSize: number, count: number]> = [
  [1000, queries.length],
  [10_000, 10],
  [Number.POSITIVE_INFINITY, 8],
];

/**
 * The baseline: fuse.js used directly over the same fields, the whole query as one pattern.
 * Authors go through the same `authorName` as PaperSearch, as fuse.js cannot read author objects.
 */
const baselineOptions: IFuseOptions<Paper> = {
  keys: ['title', { name: 'authors', getFn: (paper) => paper.authors.map(authorName) }, 'tags', 'venue', 'abstract'],
  ignoreLocation: true,
  threshold: 0.4,
};

function sampleOf(size: number): readonly string[] {
  const count = SAMPLED_QUERIES.find(([maxSize]) => size <= maxSize)?.[1] ?? queries.length;
  if (count >= queries.length) return queries;
  const step = queries.length / count;
  return Array.from({ length: count }, (_, index) => queries[Math.floor(index * step)] ?? '');
}

export async function run(ctx: BenchContext): Promise<void> {
  for (const size of ctx.sizes) {
    const papers = ctx.papersOf(size);

    if (ctx.selects('search.build')) {
      progress(`search.build ${size}`);
      const { baseline, candidate } = await measurePair(
        { baseline: () => new Fuse(papers, baselineOptions), candidate: () => new PaperSearch(papers) },
        { iterations: ctx.iterations(size >= 50_000 ? 3 : 10), warmup: 1 },
      );
      ctx.reporter.record('search.build', size, candidate, baseline);
      ctx.reporter.record('search.build [baseline: plain fuse.js]', size, baseline);
    }

    const sample = sampleOf(size);
    const queryName = sample.length === queries.length ? `search.query (${sample.length} queries)` : `search.query (${sample.length} sampled)`;
    if (!ctx.selects(queryName)) continue;
    const fuse = new Fuse(papers, baselineOptions);
    const search = new PaperSearch(papers);
    // Small libraries are quick enough to time each query several times; large ones once.
    const rounds = size <= 1000 ? ctx.iterations(5) : 1;
    const baseline: Samples = { wallMs: [], cpuMs: [] };
    const candidate: Samples = { wallMs: [], cpuMs: [] };
    for (const [index, query] of sample.entries()) {
      progress(`${queryName} ${size}: ${index + 1}/${sample.length} "${query}"`);
      const pair = await measurePair(
        { baseline: () => fuse.search(query), candidate: () => search.search(query) },
        // One untimed run of the first query warms up both engines' JIT.
        { iterations: rounds, warmup: index === 0 ? 1 : 0 },
      );
      appendSamples(baseline, pair.baseline);
      appendSamples(candidate, pair.candidate);
    }
    ctx.reporter.record(queryName, size, candidate, baseline);
    ctx.reporter.record(`${queryName} [baseline: plain fuse.js]`, size, baseline);
  }
}
