// Import at scale: 10,000 records of each text format, built from the real fixtures, parsed and
// previewed (duplicates checked against a library of each benchmark size). The baseline is the
// parse alone, so the ratio is what the preview adds on top of parsing.
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ImportService } from '../../../electron/services/import/import-service';
import { inProcessParsers } from '../../../electron/services/import/in-process-parsers';
import type { LibraryStore } from '../../../electron/services/library-store';
import { parseImportText } from '../../../shared/import/parse-import-text';
import type { TextImportFormat } from '../../../shared/import/detect-format';
import type { Paper } from '../../../shared/model/library';
import { measurePair, progress, type BenchContext } from '../runner';

export const name = 'import';

const fixtures = fileURLToPath(new URL('../../fixtures/', import.meta.url));
const RECORDS = 10_000;

/** Real records from the fixtures, repeated with a counter in each title until there are `count`. */
function syntheticText(format: TextImportFormat, count: number): string {
  const folder = { bibtex: 'bibtex', ris: 'ris', 'csl-json': 'csl-json', paste: 'paste' }[format];
  const texts = readdirSync(path.join(fixtures, folder)).map((file) => readFileSync(path.join(fixtures, folder, file), 'utf8').replace(/^\uFEFF/, ''));
  if (format === 'csl-json') {
    const items = texts.flatMap((text) => JSON.parse(text) as Array<Record<string, unknown>>);
    return JSON.stringify(Array.from({ length: count }, (_, index) => ({ ...items[index % items.length], id: `bench-${index}`, title: `${String(items[index % items.length]?.title)} ${index}`, DOI: undefined })));
  }
  if (format === 'ris') {
    const records = texts.flatMap((text) => text.split(/^ER {2}-.*$/m).filter((record) => /^TY {2}- /m.test(record)));
    return Array.from({ length: count }, (_, index) => {
      const record = records[index % records.length] ?? '';
      return `${record.trim().replace(/^(TI|T1) {2}- (.*)$/m, `$1  - $2 ${index}`).replace(/^DO {2}- .*$/gm, '')}\nER  - \n`;
    }).join('\n');
  }
  const entries = texts.flatMap((text) => text.split(/(?=^@(?!string|comment|preamble)[a-z]+\s*[{(])/gim).filter((entry) => /^@[a-z]+\s*[{(]/i.test(entry)));
  return Array.from({ length: count }, (_, index) =>
    (entries[index % entries.length] ?? '').replace(/^(@[a-z]+\s*[{(]\s*)([^,\s]*)/i, `$1bench${index}`).replace(/(\btitle\s*=\s*[{"])/i, `$1${index} `),
  ).join('\n');
}

function fakeStore(papers: readonly Paper[]): LibraryStore {
  const byId = new Map(papers.map((paper) => [paper.id, paper]));
  return { data: { papers }, getPaper: (id: string) => byId.get(id) } as unknown as LibraryStore;
}

export async function run(ctx: BenchContext): Promise<void> {
  if (!ctx.selects('import.preview')) return;
  for (const format of ['bibtex', 'ris', 'csl-json'] as const) {
    const text = syntheticText(format, RECORDS);
    const parsed = parseImportText(format, text);
    if (parsed.records.length < RECORDS * 0.95) {
      progress(`import.preview ${format}: only ${parsed.records.length} of ${RECORDS} records parsed (${parsed.warnings[0]?.message ?? ''}); skipped`);
      continue;
    }
    for (const size of ctx.sizes) {
      progress(`import.preview ${format} into ${size}`);
      const service = new ImportService({
        store: () => fakeStore(ctx.papersOf(size)),
        parsers: inProcessParsers,
        now: () => new Date(),
        newId: () => 'x',
        onProgress: () => undefined,
        onChanged: () => undefined,
      });
      const bytes = new TextEncoder().encode(text);
      const { candidate, baseline } = await measurePair(
        {
          candidate: async (iteration) => {
            await service.preview(`bench-${format}-${size}-${iteration}`, { files: [{ name: `bench.${format}`, bytes }] });
            service.cancel(`bench-${format}-${size}-${iteration}`);
          },
          baseline: () => parseImportText(format, text),
        },
        { iterations: ctx.iterations(3), warmup: 1 },
      );
      ctx.reporter.record(`import.preview ${format} (${RECORDS} records; library of ${size})`, size, candidate, baseline);
      const sorted = [...candidate.wallMs].sort((a, b) => a - b);
      const median = sorted[Math.floor((sorted.length - 1) / 2)] ?? 1;
      ctx.reporter.add({ name: `import.preview ${format} throughput`, size, unit: 'records/s', median: (parsed.records.length / median) * 1000, p95: (parsed.records.length / (sorted.at(-1) ?? 1)) * 1000, baseline: null, ratio: null });
    }
  }
  ctx.reporter.flush('import');
}
