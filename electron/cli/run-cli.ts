import { randomBytes } from 'node:crypto';
import { mkdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import type { ImportPreview, MethodName, MethodOutput } from '../../shared/api/contract';
import { formatAuthors } from '../../shared/model/format-authors';
import type { Paper } from '../../shared/model/library';
import { searchSorts, type SearchSort } from '../../shared/api/contract';
import { bibliographyFormatName, bibliographyFormats } from '../../shared/export/bibliography-formats';
import { describeReport } from '../../shared/export/export-report';
import type { Sift } from '../services/container';
import { isPlainFileName } from '../services/export-folder';
import { writeFileDurably } from '../services/storage/fs-durable';

export const cliUsage = `Usage:
  sift [--library DIR] search QUERY [--limit N] [--sort S] [--fulltext] [--json]
  sift [--library DIR] list [--query Q] [--json]
  sift [--library DIR] export markdown|csv|bibtex|biblatex|ris|csl-json [--query Q] [--columns title,authors,year,...] [--out FILE]
  sift [--library DIR] export notes --out DIR [--query Q] [--force]
  sift [--library DIR] import FILE... [--tag TAG]... [--dry-run] [--json]

QUERY uses the search box's language: words (typos forgiven), "a phrase", -word, a OR b,
title: author: venue: abstract: tag: year:2020..2024 status: decision: has:pdf fulltext:"…".
Sorts: ${searchSorts.join(', ')}. --fulltext also looks inside PDFs' text.
Columns (markdown and csv): title, authors, year, venue, tags, status, decision, doi
Markdown: --link-titles links titles to DOI/arXiv/URL; --footnotes adds evidence quotes.
CSV (RFC 4180, formulas neutralized): --bom starts it with a UTF-8 byte order mark (Excel).
Notes: one Markdown file per paper into DIR; existing files are never overwritten unless --force.
BibTeX, BibLaTeX, RIS and CSL-JSON exports list on stderr every field a format could not carry.
Import reads BibTeX/BibLaTeX, RIS, CSL-JSON, pasted lists (text) and PDFs; exact duplicates
are skipped. --dry-run shows what would be imported and changes nothing.
Without --library, the desktop app's default library is used.
`;

export interface CliDeps {
  defaultLibraryFolder: string;
  /** Opens the library; read-only for commands that do not change it (they work while the app has it open). */
  openSift: (libraryFolder: string, options: { readOnly: boolean }) => Promise<Sift>;
  stdout: (text: string) => void;
  stderr: (text: string) => void;
}

class UsageError extends Error {}

const exportFormats = ['markdown', 'csv', ...bibliographyFormats, 'notes'] as const;
type ExportFormat = (typeof exportFormats)[number];

type Command =
  | { name: 'search'; query: string; limit: number; sort: SearchSort; fulltext: boolean; json: boolean }
  | { name: 'list'; query?: string; json: boolean }
  | { name: 'export'; format: ExportFormat; query?: string; columns?: string[]; out?: string; linkTitles: boolean; footnotes: boolean; bom: boolean; force: boolean }
  | { name: 'import'; files: string[]; tags: string[]; dryRun: boolean; json: boolean };

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
  let parsed: { help: true } | { help: false; library?: string; command: Command };
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
  const { command } = parsed;
  let sift: Sift | undefined;
  try {
    sift = await deps.openSift(parsed.library ?? deps.defaultLibraryFolder, { readOnly: command.name !== 'import' || command.dryRun });
    const info = await call(sift, 'library.info', {});
    if (info.state === 'failed') throw new Error(`${info.error?.message ?? 'The library could not be loaded'}\n${info.error?.detail ?? ''}`.trim());
    if (command.name === 'import') return await runImport(sift, command, deps);
    if (command.name === 'search') return await runSearch(sift, command, deps);
    return await runListOrExport(sift, command, deps);
  } catch (error) {
    deps.stderr(`sift: ${(error as Error).message}\n`);
    return 1;
  } finally {
    await sift?.close();
  }
}

async function runSearch(sift: Sift, command: Extract<Command, { name: 'search' }>, deps: CliDeps): Promise<number> {
  const found = await call(sift, 'search.query', { query: command.query, limit: command.limit, sort: command.sort, fulltext: command.fulltext });
  for (const hint of found.hints) deps.stderr(`sift: ${hint.message} (at “${command.query.slice(hint.start, hint.end)}”)\n`);
  const { papers } = found.results.length > 0 ? await call(sift, 'papers.list', { ids: found.results.map((hit) => hit.id) }) : { papers: [] };
  const byId = new Map(papers.map((paper) => [paper.id, paper]));
  if (command.json) {
    const results = found.results.map((hit) => ({ ...hit, title: byId.get(hit.id)?.title ?? '', year: byId.get(hit.id)?.year }));
    deps.stdout(`${JSON.stringify({ ...found, results }, null, 2)}\n`);
    return 0;
  }
  for (const hit of found.results) {
    const paper = byId.get(hit.id);
    if (!paper) continue;
    const byline = [formatAuthors(paper.authors), paper.year].filter(Boolean).join(', ');
    deps.stdout(`${paper.title}${byline ? ` — ${byline}` : ''}\n`);
    if (hit.fulltext) deps.stdout(`    p. ${hit.fulltext.page}: ${hit.fulltext.snippet}\n`);
  }
  deps.stderr(`${found.results.length} of ${found.total} matches (${found.tookMs} ms)\n`);
  return 0;
}

/** Every paper a query selects, best first: the whole library for no query. */
async function selectIds(sift: Sift, query: string | undefined): Promise<{ ids: string[]; total: number }> {
  const libraryTotal = (await call(sift, 'library.info', {})).paperCount;
  const found = await call(sift, 'search.query', { query: query ?? '', limit: 0, allIds: true });
  return { ids: found.ids ?? [], total: libraryTotal };
}

async function runListOrExport(sift: Sift, command: Extract<Command, { name: 'list' | 'export' }>, deps: CliDeps): Promise<number> {
  const { ids: selectedIds, total } = await selectIds(sift, command.query);
  if (command.name === 'list') {
    if (command.json) {
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
      deps.stderr(`${selected.length} of ${total} papers\n`);
    }
    return 0;
  }
  if (command.format === 'notes') return await runNotesExport(sift, selectedIds, command.out ?? '', command.force, deps);
  if (command.format === 'csv' || (command.format === 'markdown' && (command.linkTitles || command.footnotes))) {
    const options = command.format === 'csv' ? { bom: command.bom } : { linkTitles: command.linkTitles, footnotes: command.footnotes };
    const { text, rows } = await call(sift, 'export.table', { paperIds: selectedIds, format: command.format, ...(command.columns ? { columns: command.columns } : {}), options });
    if (command.out) {
      await writeFileDurably(path.resolve(command.out), text);
      deps.stderr(`Wrote ${rows} rows to ${command.out}\n`);
    } else deps.stdout(text);
    return 0;
  }
  if (command.format !== 'markdown') {
    const { text, report, count } = await call(sift, 'export.bibliography', { paperIds: selectedIds, format: command.format });
    if (command.out) await writeFileDurably(path.resolve(command.out), text);
    else deps.stdout(text);
    deps.stderr(describeReport(report, bibliographyFormatName(command.format)));
    if (command.out) deps.stderr(`Wrote ${count} ${count === 1 ? 'entry' : 'entries'} to ${command.out}\n`);
    return 0;
  }
  const { markdown, rows } = await call(sift, 'export.markdown', { paperIds: selectedIds, ...(command.columns ? { columns: command.columns } : {}) });
  if (command.out) {
    await writeFileDurably(path.resolve(command.out), markdown);
    deps.stderr(`Wrote ${rows} rows to ${command.out}\n`);
  } else deps.stdout(markdown);
  return 0;
}

/**
 * `export notes --out DIR`: one Markdown note per paper into DIR (made if missing). Nothing is
 * written when a note's file exists already, unless --force says to replace it.
 */
async function runNotesExport(sift: Sift, paperIds: string[], out: string, force: boolean, deps: CliDeps): Promise<number> {
  const folder = path.resolve(out);
  const { files } = await call(sift, 'export.notes', { paperIds });
  const unsafe = files.find((file) => !isPlainFileName(file.fileName));
  if (unsafe) throw new Error(`Refusing to write "${unsafe.fileName}": not a plain file name`);
  await mkdir(folder, { recursive: true });
  if (!force) {
    const existing: string[] = [];
    for (const file of files) {
      if (await stat(path.join(folder, file.fileName)).then(() => true, () => false)) existing.push(file.fileName);
    }
    if (existing.length > 0) {
      const listed = existing.slice(0, 5).join(', ') + (existing.length > 5 ? `, and ${existing.length - 5} more` : '');
      throw new Error(`${existing.length} ${existing.length === 1 ? 'note exists' : 'notes exist'} already in ${out} (${listed}); nothing was written. Use --force to replace them`);
    }
  }
  for (const file of files) await writeFileDurably(path.join(folder, file.fileName), file.content);
  deps.stderr(`Wrote ${files.length} ${files.length === 1 ? 'note' : 'notes'} to ${out}\n`);
  return 0;
}

async function runImport(sift: Sift, command: Extract<Command, { name: 'import' }>, deps: CliDeps): Promise<number> {
  const files = await Promise.all(
    command.files.map(async (file) => {
      try {
        return { name: path.basename(file), data: (await readFile(file)).toString('base64') };
      } catch (error) {
        throw new Error(`Cannot read ${file}: ${(error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (error as Error).message}`);
      }
    }),
  );
  const importId = `cli-${randomBytes(8).toString('hex')}`;
  const unsubscribe = sift.subscribe((event, payload) => {
    if (event === 'import.progress' && !command.json) {
      const progress = payload as { done: number; total: number; current?: string };
      if (progress.current) deps.stderr(`Reading ${progress.current} (${progress.done + 1}/${progress.total})\n`);
    }
  });
  let preview: ImportPreview;
  try {
    preview = await call(sift, 'import.preview', { importId, files });
  } finally {
    unsubscribe();
  }
  if (command.dryRun) {
    await call(sift, 'import.cancel', { importId });
    if (command.json) deps.stdout(`${JSON.stringify(preview, null, 2)}\n`);
    else printPreview(preview, deps);
    return 0;
  }
  const result = await call(sift, 'import.commit', { importId, decisions: [], ...(command.tags.length > 0 ? { tags: command.tags } : {}) });
  if (command.json) deps.stdout(`${JSON.stringify({ ...result, files: preview.files, counts: preview.counts }, null, 2)}\n`);
  else {
    for (const file of preview.files) if (file.error) deps.stderr(`${file.name}: ${file.error}\n`);
    deps.stdout(`Imported ${result.added} papers, merged ${result.merged}, skipped ${result.skipped} duplicates (${preview.counts.warnings} warnings).\n`);
  }
  return preview.files.every((file) => file.error) ? 1 : 0;
}

function printPreview(preview: ImportPreview, deps: CliDeps): void {
  for (const file of preview.files) {
    deps.stdout(`${file.name}: ${file.format}, ${file.records} records${file.error ? ` — ${file.error}` : ''}\n`);
    for (const warning of file.warnings) deps.stdout(`  warning${warning.line ? ` (line ${warning.line})` : ''}: ${warning.message}\n`);
  }
  for (const item of preview.items) {
    const duplicate = item.duplicate ? ` [duplicate of "${item.duplicate.title}" by ${item.duplicate.reason}${item.duplicate.reason === 'fuzzy-title' ? ` ${item.duplicate.score.toFixed(2)}` : ''}; ${item.action}]` : '';
    deps.stdout(`${item.paper.title}${item.paper.year ? ` (${item.paper.year})` : ''}${duplicate}\n`);
    for (const warning of item.warnings) deps.stdout(`  warning${warning.line ? ` (line ${warning.line})` : ''}: ${warning.message}\n`);
  }
  deps.stdout(`${preview.counts.items} papers, ${preview.counts.duplicates} duplicates, ${preview.counts.warnings} warnings. Nothing was changed (--dry-run).\n`);
}

function parse(argv: readonly string[]): { help: true } | { help: false; library?: string; command: Command } {
  const { values, positionals } = parseArgs({
    args: [...argv],
    allowPositionals: true,
    strict: true,
    options: {
      library: { type: 'string' },
      query: { type: 'string', short: 'q' },
      limit: { type: 'string' },
      sort: { type: 'string' },
      fulltext: { type: 'boolean' },
      json: { type: 'boolean' },
      columns: { type: 'string' },
      out: { type: 'string', short: 'o' },
      tag: { type: 'string', multiple: true },
      'dry-run': { type: 'boolean' },
      'link-titles': { type: 'boolean' },
      footnotes: { type: 'boolean' },
      bom: { type: 'boolean' },
      force: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) return { help: true };
  const [name, ...rest] = positionals;
  const only = (allowed: string[], command: string) => {
    const misplaced = (['query', 'json', 'columns', 'out', 'tag', 'dry-run', 'limit', 'sort', 'fulltext', 'link-titles', 'footnotes', 'bom', 'force'] as const).find((option) => values[option] !== undefined && !allowed.includes(option));
    if (misplaced) throw new UsageError(`--${misplaced} does not go with "${command}"`);
  };
  const library = values.library !== undefined ? { library: values.library } : {};
  if (name === 'search') {
    if (rest.length === 0) throw new UsageError('Say what to search for: search "reinforcement learning"');
    only(['json', 'limit', 'sort', 'fulltext'], 'search');
    const limit = values.limit === undefined ? 20 : Number(values.limit);
    if (!Number.isInteger(limit) || limit < 1 || limit > 1000) throw new UsageError('--limit takes a whole number from 1 to 1000');
    const sort = values.sort ?? 'relevance';
    if (!(searchSorts as readonly string[]).includes(sort)) throw new UsageError(`Unknown sort "${sort}" (available: ${searchSorts.join(', ')})`);
    return {
      help: false,
      ...library,
      command: { name: 'search', query: rest.join(' '), limit, sort: sort as SearchSort, fulltext: values.fulltext ?? false, json: values.json ?? false },
    };
  }
  if (name === 'list') {
    if (rest.length > 0) throw new UsageError(`"list" takes no argument, got "${rest[0]}"`);
    only(['query', 'json'], 'list');
    return { help: false, ...library, command: { name: 'list', ...(values.query !== undefined ? { query: values.query } : {}), json: values.json ?? false } };
  }
  if (name === 'export') {
    const [format, ...extra] = rest;
    if (!(exportFormats as readonly string[]).includes(format ?? '')) {
      throw new UsageError(format ? `Unknown export format "${format}" (available: ${exportFormats.join(', ')})` : 'Say which format to export: "export markdown", "export bibtex"…');
    }
    if (extra.length > 0) throw new UsageError(`Unexpected argument "${extra[0]}"`);
    const allowed: Record<string, string[]> = {
      markdown: ['query', 'columns', 'out', 'link-titles', 'footnotes'],
      csv: ['query', 'columns', 'out', 'bom'],
      notes: ['query', 'out', 'force'],
    };
    only(allowed[format ?? ''] ?? ['query', 'out'], `export ${format}`);
    if (format === 'notes' && values.out === undefined) throw new UsageError('Say which folder to write the notes into: "export notes --out DIR"');
    const columns = values.columns
      ?.split(',')
      .map((column) => column.trim())
      .filter(Boolean);
    if (columns && columns.length === 0) throw new UsageError('--columns needs at least one column');
    return {
      help: false,
      ...library,
      command: {
        name: 'export',
        format: format as ExportFormat,
        ...(values.query !== undefined ? { query: values.query } : {}),
        ...(columns ? { columns } : {}),
        ...(values.out !== undefined ? { out: values.out } : {}),
        linkTitles: values['link-titles'] ?? false,
        footnotes: values.footnotes ?? false,
        bom: values.bom ?? false,
        force: values.force ?? false,
      },
    };
  }
  if (name === 'import') {
    if (rest.length === 0) throw new UsageError('Say which files to import: "import refs.bib export.ris paper.pdf"');
    only(['tag', 'dry-run', 'json'], 'import');
    return { help: false, ...library, command: { name: 'import', files: rest, tags: values.tag ?? [], dryRun: values['dry-run'] ?? false, json: values.json ?? false } };
  }
  throw new UsageError(name ? `Unknown command "${name}"` : 'Say what to do: "search", "list", "export markdown" or "import"');
}
