import type { Paper } from '../../../shared/model/library';
import { escapeMarkdownCell, reviewTableMarkdown } from '../../../shared/export/markdown-table';
import { defaultReviewColumns, reviewColumns } from '../../../shared/export/review-columns';
import { measurePair, progress, type BenchContext } from '../runner';

export const name = 'markdown-export';

const BENCHMARK = 'export.markdown';

/**
 * The floor for the same output: the same escaped cells of the same columns, joined into rows by
 * hand. The ratio is then what markdown-table's layout pass costs on top of building the cells.
 */
function naiveTable(papers: readonly Paper[]): string {
  const columns = defaultReviewColumns.map((id) => reviewColumns[id]);
  const row = (cells: readonly string[]) => `| ${cells.join(' | ')} |`;
  const header = row(columns.map((column) => column.label));
  const delimiter = row(columns.map(() => '-'));
  const body = papers.map((paper) => row(columns.map((column) => escapeMarkdownCell(column.value(paper)))));
  return `${[header, delimiter, ...body].join('\n')}\n`;
}

/** markdown-table writes an empty cell as "| |", the naive join as "|  |": equal up to spaces. */
function sameCells(a: string, b: string): boolean {
  return a.replace(/ +/g, ' ') === b.replace(/ +/g, ' ');
}

export async function run(ctx: BenchContext): Promise<void> {
  if (!ctx.selects(BENCHMARK)) return;
  for (const size of ctx.sizes) {
    const papers = ctx.papersOf(size);
    // A baseline that produced less text would flatter the ratio; check they agree before timing.
    if (!sameCells(reviewTableMarkdown(papers), naiveTable(papers))) {
      throw new Error(`${BENCHMARK}: the naive baseline's table differs from reviewTableMarkdown's at ${size} papers`);
    }
    progress(`${BENCHMARK} ${size}`);
    const { baseline, candidate } = await measurePair(
      { baseline: () => naiveTable(papers), candidate: () => reviewTableMarkdown(papers) },
      { iterations: ctx.iterations(size >= 50_000 ? 5 : size >= 10_000 ? 10 : 20), warmup: 1 },
    );
    ctx.reporter.record(BENCHMARK, size, candidate, baseline);
    ctx.reporter.record(`${BENCHMARK} [baseline: naive join]`, size, baseline);
  }
}
