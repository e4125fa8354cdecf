import path from 'node:path';
import { parseArgs } from 'node:util';
import type { MethodName, MethodOutput } from '../../shared/api/contract';
import { formatAuthors } from '../../shared/model/format-authors';
import type { Paper } from '../../shared/model/library';
import { searchPapers } from '../../shared/search/paper-search';
import type { SearchablePaper } from '../../shared/search/searchable-paper';
import type { Sift } from '../services/container';
import { writeFileDurably } from '../services/storage/fs-durable';

export const cliUsage = `Usage:
  sift [--library DIR] list [--query Q] [--json]
  sift [--library DIR] export markdown [--query Q] [--columns title,authors,year,...] [--out FILE]

Columns: title, authors, year, venue, tags, status, decision, doi
Without --library, the desktop app's default library is used.
`;

export interface CliDeps {
  defaultLibraryFolder: string;
  openSift: (libraryFolder: string) => Promise<Sift>;
  stdout: (text: string) => void;
  stderr: (text: string) => void;
}

class UsageError extends Error {}

/** Calls one method through the same dispatch as IPC and HTTP; a failure becomes the CLI's error message. */
async function call<M extends MethodName>(sift: Sift, method: M, input: unknown): Promise<MethodOutput<M>> {
  const result = await sift.dispatch(method, input);
  if (!result.ok) throw new Error(result.error.message);
  return result.value as MethodOutput<M>;
}

/**
 * The `sift` command line: the third door onto the same services. Returns the exit code:
 * 0 done, 1 the work failed (message on stderr), 2 the command line was wrong (usage on stderr).
 */
export async function runCli(argv: readonly string[], deps: CliDeps): Promise<number> {
  let parsed: ReturnType<typeof parse>;
  try {
    parsed = parse(argv);
  } catch (error) {
    deps.stderr(`sift: ${(error as Error).message}\n\n${cliUsage}`);
    return 2;
  }
  if (parsed.help) {
    deps.stdout(cliUsage);
    return 0;
  }
  let sift: Sift | undefined;
  try {
    sift = await deps.openSift(parsed.library ?? deps.defaultLibraryFolder);
    const info = await call(sift, 'library.info', {});
    if (info.state === 'failed') throw new Error(`${info.error?.message ?? 'The library could not be loaded'}\n${info.error?.detail ?? ''}`.trim());
    const corpus = JSON.parse((await call(sift, 'papers.searchCorpus', {})).json) as SearchablePaper[];
    const selectedIds = searchPapers(corpus, parsed.query ?? '').map((paper) => paper.id);
    if (parsed.command === 'list') {
      if (parsed.json) {
        const papers: Paper[] = [];
        for (let start = 0; start < selectedIds.length; start += 1000) {
          papers.push(...(await call(sift, 'papers.get', { ids: selectedIds.slice(start, start + 1000) })).papers);
        }
        deps.stdout(`${JSON.stringify(papers, null, 2)}\n`);
      } else {
        const { papers: selected } = await call(sift, 'papers.list', { ids: selectedIds });
        for (const paper of selected) {
          const byline = [formatAuthors(paper.authors), paper.year].filter(Boolean).join(', ');
          const tags = paper.tags.length > 0 ? `  [${paper.tags.join(', ')}]` : '';
          deps.stdout(`${paper.title}${byline ? ` — ${byline}` : ''}${tags}\n`);
        }
        deps.stderr(`${selected.length} of ${corpus.length} papers\n`);
      }
      return 0;
    }
    const { markdown, rows } = await call(sift, 'export.markdown', {
      paperIds: selectedIds,
      ...(parsed.columns ? { columns: parsed.columns } : {}),
    });
    if (parsed.out) {
      await writeFileDurably(path.resolve(parsed.out), markdown);
      deps.stderr(`Wrote ${rows} rows to ${parsed.out}\n`);
    } else deps.stdout(markdown);
    return 0;
  } catch (error) {
    deps.stderr(`sift: ${(error as Error).message}\n`);
    return 1;
  } finally {
    await sift?.close();
  }
}

function parse(argv: readonly string[]) {
  const { values, positionals } = parseArgs({
    args: [...argv],
    allowPositionals: true,
    strict: true,
    options: {
      library: { type: 'string' },
      query: { type: 'string', short: 'q' },
      json: { type: 'boolean' },
      columns: { type: 'string' },
      out: { type: 'string', short: 'o' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) return { help: true as const };
  const [command, format, ...rest] = positionals;
  if (command === 'list') {
    if (format !== undefined) throw new UsageError(`"list" takes no argument, got "${format}"`);
    if (values.columns !== undefined || values.out !== undefined) throw new UsageError('--columns and --out go with "export markdown"');
  } else if (command === 'export') {
    if (format !== 'markdown') throw new UsageError(format ? `Unknown export format "${format}" (available: markdown)` : 'Say which format to export: "export markdown"');
    if (rest.length > 0) throw new UsageError(`Unexpected argument "${rest[0]}"`);
    if (values.json) throw new UsageError('--json goes with "list"');
  } else {
    throw new UsageError(command ? `Unknown command "${command}"` : 'Say what to do: "list" or "export markdown"');
  }
  const columns = values.columns
    ?.split(',')
    .map((column) => column.trim())
    .filter(Boolean);
  if (columns && columns.length === 0) throw new UsageError('--columns needs at least one column');
  return {
    help: false as const,
    command: command as 'list' | 'export',
    library: values.library,
    query: values.query,
    json: values.json ?? false,
    columns,
    out: values.out,
  };
}
