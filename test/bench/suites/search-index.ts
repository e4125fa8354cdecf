import Fuse, { type IFuseOptions } from 'fuse.js';
import { authorName } from '../../../shared/model/format-authors';
import type { Paper } from '../../../shared/model/library';
import { SearchIndex } from '../../../shared/search/index/search-index';
import { PaperSearch } from '../../../shared/search/paper-search';
import { collectGarbage, measure, progress, type BenchContext, type Samples } from '../runner';
import { queries } from './search';

export const name = 'search-index';

/** PaperSearch takes up to seconds a query above 1k papers: only the first few are timed as the baseline. */
const BASELINE_QUERIES: ReadonlyArray<readonly [maxSize: number, count: number]> = [
  [1000, queries.length],
  [10_000, 10],
  [Number.POSITIVE_INFINITY, 5],
];

/** Plain fuse.js, as the issue defines the relevance reference. */
const plainFuseOptions: IFuseOptions<Paper> = {
  keys: ['title', { name: 'authors', getFn: (paper) => paper.authors.map(authorName) }, 'tags', 'venue', 'abstract'],
  ignoreLocation: true,
  threshold: 0.4,
};

/** Above this size plain fuse.js takes too long for the overlap check on all 30 queries. */
const OVERLAP_MAX_SIZE = 10_000;

function addRow(ctx: BenchContext, rowName: string, size: number, unit: string, value: number, baseline: number | null): void {
  ctx.reporter.add({ name: rowName, size, unit, median: value, p95: value, baseline, ratio: baseline ? value / baseline : null });
}

function timeQueries(search: (query: string) => unknown, sample: readonly string[], rounds: number): Promise<Samples> {
  return measure((iteration) => search(sample[iteration % sample.length] as string), { iterations: sample.length * rounds, warmup: sample.length });
}

/** Average share of plain fuse.js's top 5 that the index also ranks in its top 5. */
function averageOverlap(index: SearchIndex, papers: readonly Paper[]): number {
  const fuse = new Fuse(papers, plainFuseOptions);
  let sum = 0;
  for (const query of queries) {
    const expected = fuse.search(query, { limit: 5 }).map((result) => result.item.id);
    const actual = new Set(index.search(query, 5).results.map((hit) => hit.id));
    sum += expected.length === 0 ? (actual.size === 0 ? 1 : 0) : expected.filter((id) => actual.has(id)).length / expected.length;
  }
  return sum / queries.length;
}

export async function run(ctx: BenchContext): Promise<void> {
  for (const size of ctx.sizes) {
    const papers = ctx.papersOf(size);

    let index: SearchIndex | undefined;
    if (ctx.selects('searchIndex.build')) {
      progress(`searchIndex.build ${size}`);
      const build = await measure(() => (index = new SearchIndex(papers)), { iterations: ctx.iterations(size >= 50_000 ? 3 : 5) });
      ctx.reporter.record('searchIndex.build', size, build);
      index = undefined;
      collectGarbage();
      const before = process.memoryUsage().heapUsed;
      index = new SearchIndex(papers);
      collectGarbage();
      const indexMb = (process.memoryUsage().heapUsed - before) / 1e6;
      const libraryMb = Buffer.byteLength(JSON.stringify(papers)) / 1e6;
      addRow(ctx, 'searchIndex.memory [baseline: library JSON]', size, 'MB', indexMb, libraryMb);
    }
    if (!ctx.selects('searchIndex')) continue;
    index ??= new SearchIndex(papers);

    if (ctx.selects('searchIndex.query')) {
      progress(`searchIndex.query ${size}`);
      const rounds = ctx.iterations(size >= 50_000 ? 5 : 10);
      const candidate = await timeQueries((query) => index?.search(query, 50), queries, rounds);
      const count = BASELINE_QUERIES.find(([maxSize]) => size <= maxSize)?.[1] ?? queries.length;
      const sample = queries.slice(0, ctx.flags.quick ? Math.min(count, 5) : count);
      progress(`searchIndex.query ${size}: PaperSearch baseline on ${sample.length} queries`);
      const paperSearch = new PaperSearch(papers);
      const baseline = await timeQueries((query) => paperSearch.search(query), sample, 1);
      ctx.reporter.record(`searchIndex.query (${queries.length} queries)`, size, candidate, baseline);
      ctx.reporter.record(`searchIndex.query [baseline: PaperSearch, ${sample.length} queries]`, size, baseline);
      // The same index on the same sampled queries, for a like-for-like ratio.
      const sampled = await timeQueries((query) => index?.search(query, 50), sample, rounds);
      ctx.reporter.record(`searchIndex.query (same ${sample.length} queries)`, size, sampled, baseline);
    }

    if (ctx.selects('searchIndex.update')) {
      progress(`searchIndex.update ${size}`);
      const edited = papers.slice(0, 50).map((paper, at) => ({ ...paper, title: `${paper.title} revised ${at}`, tags: [...paper.tags, 'edited'] }));
      const update = await measure((iteration) => index?.update(edited[iteration % edited.length] as Paper), { iterations: ctx.iterations(50), warmup: 5 });
      ctx.reporter.record('searchIndex.update', size, update);
      // The first query after an edit recomputes the per-field norms.
      const after = await measure(
        (iteration) => {
          index?.update(papers[iteration % 50] as Paper);
          index?.search('reward model', 50);
        },
        { iterations: ctx.iterations(20) },
      );
      ctx.reporter.record('searchIndex.update+query', size, after);
    }

    if (ctx.selects('searchIndex.overlap') && size <= OVERLAP_MAX_SIZE) {
      progress(`searchIndex.overlap ${size}`);
      addRow(ctx, 'searchIndex.overlap [top 5 vs plain fuse.js, 30 queries]', size, 'overlap', averageOverlap(new SearchIndex(papers), papers), null);
    }
  }
}
