import Fuse, { type IFuseOptions } from 'fuse.js';
import { authorName } from '../../../shared/model/format-authors';
import type { Paper } from '../../../shared/model/library';
import { PaperSearch } from '../../../shared/search/paper-search';
import { appendSamples, measurePair, progress, type BenchContext, type Samples } from '../runner';

export const name = 'search';

/**
 * What people type into a literature search, cycling through five kinds: a single word, a phrase,
 * a typo, an author's surname, a prefix typed so far.
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

/** Above 1k papers fuse.js takes up to seconds a query, so only the first few queries are timed. */
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

/**
 * The first `count` queries: the list cycles through the five kinds, so five or more cover each
 * kind. `--quick` times one query of each kind on the large libraries.
 */
function sampleOf(size: number, quick: boolean): readonly string[] {
  const count = SAMPLED_QUERIES.find(([maxSize]) => size <= maxSize)?.[1] ?? queries.length;
  return queries.slice(0, quick && count < queries.length ? 5 : count);
}

/** The JIT compiles the same code on 1,000 papers as on 50,000, so warming up there is enough and quick. */
function warmUp(papers: readonly Paper[]): void {
  const fuse = new Fuse(papers.slice(0, 1000), baselineOptions);
  const search = new PaperSearch(papers.slice(0, 1000));
  for (const query of queries.slice(0, 5)) {
    fuse.search(query);
    search.search(query);
  }
}

function queryNameOf(sample: readonly string[]): string {
  return sample.length === queries.length ? `search.query (${sample.length} queries)` : `search.query (${sample.length} sampled)`;
}

export async function run(ctx: BenchContext): Promise<void> {
  const selected = ctx.selects('search.build') || ctx.sizes.some((size) => ctx.selects(queryNameOf(sampleOf(size, ctx.flags.quick))));
  const smallest = ctx.sizes[0];
  if (!selected || smallest === undefined) return;
  warmUp(ctx.papersOf(smallest));
  for (const size of ctx.sizes) {
    const papers = ctx.papersOf(size);
    const sample = sampleOf(size, ctx.flags.quick);
    const queryName = queryNameOf(sample);

    if (ctx.selects('search.build')) {
      progress(`search.build ${size}`);
      const { baseline, candidate } = await measurePair(
        { baseline: () => new Fuse(papers, baselineOptions), candidate: () => new PaperSearch(papers) },
        { iterations: ctx.iterations(size >= 50_000 ? 3 : 10) },
      );
      ctx.reporter.record('search.build', size, candidate, baseline);
      ctx.reporter.record('search.build [baseline: plain fuse.js]', size, baseline);
    }

    if (!ctx.selects(queryName)) continue;
    const fuse = new Fuse(papers, baselineOptions);
    const search = new PaperSearch(papers);
    // Small libraries are quick enough to time each query several times; large ones once.
    const rounds = size <= 1000 ? ctx.iterations(3) : 1;
    const baseline: Samples = { wallMs: [], cpuMs: [] };
    const candidate: Samples = { wallMs: [], cpuMs: [] };
    for (const [index, query] of sample.entries()) {
      progress(`${queryName} ${size}: ${index + 1}/${sample.length} "${query}"`);
      const pair = await measurePair(
        { baseline: () => fuse.search(query), candidate: () => search.search(query) },
        { iterations: rounds, startWith: index % 2 === 0 ? 'baseline' : 'candidate', collect: index === 0 },
      );
      appendSamples(baseline, pair.baseline);
      appendSamples(candidate, pair.candidate);
    }
    ctx.reporter.record(queryName, size, candidate, baseline);
    ctx.reporter.record(`${queryName} [baseline: plain fuse.js]`, size, baseline);
  }
}
