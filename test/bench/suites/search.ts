import Fuse, { type IFuseOptions } from 'fuse.js';
import { decode, encode } from '../../../electron/services/search/search-index-file';
import { BUILD_SLICE } from '../../../electron/services/search/search-service';
import { authorName } from '../../../shared/model/format-authors';
import type { Paper } from '../../../shared/model/library';
import { SearchEngine } from '../../../shared/search/engine/search-engine';
import { collectGarbage, measure, progress, type BenchContext, type Samples } from '../runner';

export const name = 'search';

/**
 * What people type into a literature search, cycling through five kinds: a single word, a phrase,
 * a typo, an author's surname, a prefix typed so far; then queries with field filters.
 */
export const textQueries: readonly string[] = [
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

/** Field filters plain fuse.js has no equivalent for: timed, not compared. */
export const fieldQueries: readonly string[] = [
  'year:>=2022 reward',
  'tag:to-read alignment',
  'author:Chatterjee',
  'title:benchmark -diffusion',
  'status:unread decision:include',
];

export const queries: readonly string[] = [...textQueries, ...fieldQueries];

/** Each typo query and the spelling it means: its top results must be the intended query's. */
const typoQueries: ReadonlyArray<readonly [typo: string, intended: string]> = [
  ['reinforcment lerning', 'reinforcement learning'],
  ['prefrence optimzation', 'preference optimization'],
  ['distilation', 'distillation'],
  ['transfromer', 'transformer'],
  ['benchmrk', 'benchmark'],
  ['alignmnet', 'alignment'],
  ['Chaterjee', 'Chatterjee'],
  ['Nakamra', 'Nakamura'],
];

/** The baseline and the relevance reference: fuse.js over the same fields, the whole query as one pattern. */
const plainFuseOptions: IFuseOptions<Paper> = {
  keys: ['title', { name: 'authors', getFn: (paper) => paper.authors.map(authorName) }, 'tags', 'venue', 'abstract'],
  ignoreLocation: true,
  threshold: 0.4,
};

/** fuse.js takes seconds a query above 10k papers: timed and compared on a sample there. */
function fuseSample(size: number, quick: boolean): readonly string[] {
  if (size <= 1000) return textQueries;
  if (size <= 10_000) return quick ? textQueries.slice(0, 5) : textQueries;
  return quick ? textQueries.slice(0, 5) : textQueries.slice(0, 10);
}

function addRow(ctx: BenchContext, rowName: string, size: number, unit: string, value: number, baseline: number | null): void {
  ctx.reporter.add({ name: rowName, size, unit, median: value, p95: value, baseline, ratio: baseline ? value / baseline : null });
}

/** Whether a paper holds every word of `intended` (as a word or the start of one) in a searched field. */
function intendedMatcher(intended: string): (paper: Paper) => boolean {
  const words = intended.toLowerCase().split(/\s+/);
  const patterns = words.map((word) => new RegExp(`(^|[^\\p{L}\\p{N}])${word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`, 'u'));
  return (paper) => {
    const text = [paper.title, ...paper.authors.map(authorName), ...paper.tags, paper.venue ?? '', paper.abstract ?? ''].join(' \n ').toLowerCase();
    return patterns.every((pattern) => pattern.test(text));
  };
}

function topIds(engine: SearchEngine, query: string, count: number): string[] {
  return engine.query({ query, limit: count }).results.map((hit) => hit.id);
}

export async function run(ctx: BenchContext): Promise<void> {
  const parts = ['search.build', 'search.load', 'search.memory', 'search.query', 'search.overlap', 'search.typos', 'search.update'];
  if (!parts.some((part) => ctx.selects(part))) return;
  for (const size of ctx.sizes) {
    const papers = ctx.papersOf(size);
    const sample = fuseSample(size, ctx.flags.quick);

    let engine: SearchEngine | undefined;
    if (ctx.selects('search.build')) {
      progress(`search.build ${size}`);
      const build = await measure(() => (engine = new SearchEngine(papers)), { iterations: ctx.iterations(size >= 50_000 ? 3 : 5) });
      const fuseBuild = await measure(() => new Fuse(papers, plainFuseOptions), { iterations: ctx.iterations(size >= 50_000 ? 3 : 5) });
      ctx.reporter.record('search.build', size, build, fuseBuild);
      ctx.reporter.record('search.build [baseline: plain fuse.js]', size, fuseBuild);

      // The app builds in slices between which the main process answers other calls: the longest
      // slice is the longest the build ever holds the event loop.
      const slices: Samples = { wallMs: [], cpuMs: [] };
      const sliced = new SearchEngine();
      for (let start = 0; start < papers.length; start += BUILD_SLICE) {
        const wallStart = performance.now();
        const cpuStart = process.cpuUsage();
        sliced.addMany(papers.slice(start, start + BUILD_SLICE));
        const cpu = process.cpuUsage(cpuStart);
        slices.wallMs.push(performance.now() - wallStart);
        slices.cpuMs.push((cpu.user + cpu.system) / 1000);
      }
      ctx.reporter.record(`search.build slice (${BUILD_SLICE} papers, event loop held)`, size, slices);
      addRow(ctx, 'search.build slice, longest', size, 'ms wall', Math.max(...slices.wallMs), null);
    }
    engine ??= new SearchEngine(papers);

    if (ctx.selects('search.load')) {
      // Opening a library reads the persisted index instead of building it.
      progress(`search.load ${size}`);
      const bytes = Buffer.concat(encode(engine));
      const load = await measure(() => decode(bytes, papers), { iterations: ctx.iterations(size >= 50_000 ? 3 : 5) });
      ctx.reporter.record('search.load (persisted index)', size, load);
      addRow(ctx, 'search.indexFile [baseline: library JSON]', size, 'MB', bytes.length / 1e6, Buffer.byteLength(JSON.stringify(papers)) / 1e6);
    }

    if (ctx.selects('search.memory')) {
      progress(`search.memory ${size}`);
      engine = undefined;
      collectGarbage();
      const before = process.memoryUsage().heapUsed;
      engine = new SearchEngine(papers);
      collectGarbage();
      const indexMb = (process.memoryUsage().heapUsed - before) / 1e6;
      addRow(ctx, 'search.memory [baseline: library JSON]', size, 'MB', indexMb, Buffer.byteLength(JSON.stringify(papers)) / 1e6);
    }
    const current = engine ?? new SearchEngine(papers);

    if (ctx.selects('search.query') || ctx.selects('search.overlap')) {
      progress(`search.query ${size}: ${queries.length} queries`);
      const rounds = ctx.iterations(size >= 50_000 ? 5 : 10);
      const all = await measure((iteration) => current.query({ query: queries[iteration % queries.length] as string, limit: 50 }), {
        iterations: queries.length * rounds,
        warmup: queries.length,
        collect: true,
      });
      progress(`search.query ${size}: plain fuse.js on ${sample.length} queries`);
      const fuse = new Fuse(papers, plainFuseOptions);
      const baseline = await measure((iteration) => fuse.search(sample[iteration % sample.length] as string), { iterations: sample.length, warmup: 1 });
      const same = await measure((iteration) => current.query({ query: sample[iteration % sample.length] as string, limit: 50 }), {
        iterations: sample.length * rounds,
        warmup: sample.length,
      });
      ctx.reporter.record(`search.query (${queries.length} queries)`, size, all);
      ctx.reporter.record(`search.query (same ${sample.length} queries as baseline)`, size, same, baseline);
      ctx.reporter.record(`search.query [baseline: plain fuse.js, ${sample.length} queries]`, size, baseline);

      if (ctx.selects('search.overlap')) {
        progress(`search.overlap ${size}`);
        let sum = 0;
        for (const query of sample) {
          const expected = fuse.search(query, { limit: 5 }).map((result) => result.item.id);
          const actual = new Set(topIds(current, query, 5));
          sum += expected.length === 0 ? (actual.size === 0 ? 1 : 0) : expected.filter((id) => actual.has(id)).length / expected.length;
        }
        addRow(ctx, `search.overlap [top 5 vs plain fuse.js, ${sample.length} queries]`, size, 'share', sum / sample.length, null);
      }
    }

    if (ctx.selects('search.typos')) {
      // Recall: of the papers holding every intended word, the share the misspelt query finds.
      // Precision: the share of the misspelt query's top 10 that hold every intended word.
      let found = 0;
      let wanted = 0;
      let relevantTop = 0;
      let top = 0;
      for (const [typo, intended] of typoQueries) {
        const holds = intendedMatcher(intended);
        const intendedIds = papers.filter(holds).map((paper) => paper.id);
        const result = current.query({ query: typo, limit: 10, allIds: true });
        const matched = new Set(result.ids);
        wanted += intendedIds.length;
        found += intendedIds.filter((id) => matched.has(id)).length;
        const byId = new Map(papers.map((paper) => [paper.id, paper]));
        top += result.results.length;
        relevantTop += result.results.filter((hit) => holds(byId.get(hit.id) as Paper)).length;
      }
      addRow(ctx, `search.typos recall [papers with the intended words found, ${typoQueries.length} typos]`, size, 'share', wanted === 0 ? 0 : found / wanted, null);
      addRow(ctx, `search.typos precision [top 10 holding the intended words]`, size, 'share', top === 0 ? 0 : relevantTop / top, null);
    }

    if (ctx.selects('search.update')) {
      progress(`search.update ${size}`);
      const edited = papers.slice(0, 50).map((paper, at) => ({ ...paper, title: `${paper.title} revised ${at}`, tags: [...paper.tags, 'edited'], updatedAt: `2030-01-01T00:00:${String(at % 60).padStart(2, '0')}.000Z` }));
      const update = await measure((iteration) => current.upsert(edited[iteration % edited.length] as Paper), { iterations: ctx.iterations(50), warmup: 5 });
      ctx.reporter.record('search.update (one edited paper)', size, update);
      const after: Samples = await measure(
        (iteration) => {
          current.upsert(papers[iteration % 50] as Paper);
          current.query({ query: 'reward model', limit: 50 });
        },
        { iterations: ctx.iterations(20) },
      );
      ctx.reporter.record('search.update+query', size, after);
    }
  }
}
