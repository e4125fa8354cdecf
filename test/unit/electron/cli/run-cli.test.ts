import { readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { marked, type Tokens } from 'marked';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCli } from '../../../../electron/cli/run-cli';
import { openSift } from '../../../../electron/services/container';
import { parseBibtex } from '../../../../shared/import/bibtex/parse-bibtex';
import { parseImportText } from '../../../../shared/import/parse-import-text';
import type { Paper } from '../../../../shared/model/library';
import { fixturesFolder, openTempSift, resourcesFolder, tempFolder } from '../../../helpers/temp-library';

async function run(argv: string[], defaultLibraryFolder: string) {
  let stdout = '';
  let stderr = '';
  const code = await runCli(argv, {
    defaultLibraryFolder,
    openSift: (libraryFolder, { readOnly }) => openSift({ libraryFolder, resourcesFolder, app: 'Sift CLI', readOnly }),
    stdout: (text) => (stdout += text),
    stderr: (text) => (stderr += text),
  });
  return { code, stdout, stderr };
}

describe('the sift CLI', () => {
  let folder: string;
  let cleanup: () => Promise<void>;
  beforeEach(async () => {
    const opened = await openTempSift({ withSample: true });
    folder = opened.folder;
    const sift = opened.sift;
    const { papers } = await sift.handlers['papers.list']({});
    const starcraft = papers.find((paper) => paper.title.startsWith('StarCraft II'));
    if (!starcraft) throw new Error('sample library lacks the StarCraft paper');
    await sift.handlers['tags.add']({ paperIds: [starcraft.id], tag: 'games' });
    await sift.close();
    cleanup = opened.cleanup;
  });
  afterEach(async () => cleanup());

  it('lists papers matching a typo query as JSON', async () => {
    const { code, stdout } = await run(['--library', folder, 'list', '--query', 'starcarft', '--json'], '/nonexistent');
    expect(code).toBe(0);
    const papers = JSON.parse(stdout) as Paper[];
    expect(papers[0]?.title).toBe('StarCraft II: A New Challenge for Reinforcement Learning');
    expect(papers[0]?.tags).toEqual(['games']);
  });

  it('searches with the query language and prints the best matches', async () => {
    const { code, stdout, stderr } = await run(['--library', folder, 'search', 'starcarft', 'tag:games', '--limit', '3'], '/nonexistent');
    expect(code).toBe(0);
    expect(stdout.trimEnd().split('\n')).toEqual(['StarCraft II: A New Challenge for Reinforcement Learning']);
    expect(stderr).toMatch(/^1 of 1 matches \([\d.]+ ms\)\n$/);
  });

  it('searches as JSON: the search.query answer with titles', async () => {
    const { code, stdout } = await run(['--library', folder, 'search', 'reinforcment lerning', '--limit', '2', '--json', '--sort', 'title'], '/nonexistent');
    expect(code).toBe(0);
    const answer = JSON.parse(stdout) as { results: Array<{ title: string; ranges: unknown[] }>; total: number; tookMs: number };
    expect(answer.results).toHaveLength(2);
    expect(answer.total).toBeGreaterThan(2);
    const titles = answer.results.map((result) => result.title);
    expect(titles).toEqual([...titles].sort((a, b) => a.localeCompare(b)));
    for (const result of answer.results) expect(result.ranges.length).toBeGreaterThan(0);
  });

  it('refuses an unknown sort with the list of sorts', async () => {
    const { code, stderr } = await run(['--library', folder, 'search', 'x', '--sort', 'random'], '/nonexistent');
    expect(code).toBe(2);
    expect(stderr).toContain('Unknown sort "random" (available: relevance, year-desc');
  });

  it('lists every paper as text with a count on stderr', async () => {
    const { code, stdout, stderr } = await run(['--library', folder, 'list'], '/nonexistent');
    expect(code).toBe(0);
    expect(stdout.trimEnd().split('\n')).toHaveLength(66);
    expect(stdout).toContain('StarCraft II: A New Challenge for Reinforcement Learning  [games]');
    expect(stderr).toBe('66 of 66 papers\n');
  });

  it('exports a query as a Markdown table to a file', async () => {
    const out = path.join(folder, 'review.md');
    const { code, stderr } = await run(
      ['--library', folder, 'export', 'markdown', '--query', 'reinforcement learning', '--columns', 'title,tags', '--out', out],
      '/nonexistent',
    );
    expect(code).toBe(0);
    const markdown = await readFile(out, 'utf8');
    const table = marked.lexer(markdown).find((token): token is Tokens.Table => token.type === 'table');
    expect(table?.header.map((cell) => cell.text)).toEqual(['Title', 'Tags']);
    expect(table?.rows.length).toBeGreaterThan(10);
    expect(table?.rows.find((row) => row[0]?.text.startsWith('StarCraft II'))?.[1]?.text).toBe('games');
    expect(stderr).toBe(`Wrote ${table?.rows.length} rows to ${out}\n`);
  });

  it('uses the default library without --library', async () => {
    const { code, stdout } = await run(['export', 'markdown', '--columns', 'title'], folder);
    expect(code).toBe(0);
    expect(stdout.split('\n')[0]).toBe('| Title |');
  });

  it('exports a query as BibTeX to a file and lists on stderr what BibTeX could not carry', async () => {
    const out = path.join(folder, 'games.bib');
    const { code, stdout, stderr } = await run(['--library', folder, 'export', 'bibtex', '--query', 'starcraft', '--out', out], '/nonexistent');
    expect(code).toBe(0);
    expect(stdout).toBe('');
    const records = parseBibtex(await readFile(out, 'utf8')).records;
    expect(records.map((record) => record.paper.title)).toEqual(['StarCraft II: A New Challenge for Reinforcement Learning']);
    const key = records[0]?.paper.citationKey;
    // The sample papers are preprints without an arXiv id, which BibTeX cannot mark as preprints.
    expect(stderr).toBe(
      `1 field of 1 paper could not be carried in BibTeX:\n  ${key}: type (BibTeX has no entry type that reads back as preprint; written as @misc, read as misc)\nWrote 1 entry to ${out}\n`,
    );
  });

  it('exports the whole library as CSL-JSON to stdout', async () => {
    const { code, stdout } = await run(['--library', folder, 'export', 'csl-json'], '/nonexistent');
    expect(code).toBe(0);
    const items = JSON.parse(stdout) as Array<{ id: string; title: string }>;
    expect(items).toHaveLength(66);
    expect(new Set(items.map((item) => item.id)).size).toBe(66);
  });

  it.each([
    ['bibtex/jabref-complex.bib', 'bibtex', 'bibtex'],
    ['ris/rayyan-multiline-keywords.ris', 'ris', 'ris'],
    ['csl-json/zotero-better-csl-26-items.json', 'csl-json', 'csl-json'],
  ] as const)('imports %s and exports it as %s without losing a field', async (fixture, format, importFormat) => {
    const { folder: empty, cleanup: removeEmpty } = await tempFolder();
    try {
      expect((await run(['--library', empty, 'import', path.join(fixturesFolder, fixture)], folder)).code).toBe(0);
      const library = JSON.parse((await run(['--library', empty, 'list', '--json'], folder)).stdout) as Paper[];
      const out = path.join(empty, 'again');
      const exported = await run(['--library', empty, 'export', format, '--out', out], folder);
      expect(exported.code).toBe(0);
      expect(exported.stderr).toBe(`Wrote ${library.length} entries to ${out}\n`);
      const again = parseImportText(importFormat, await readFile(out, 'utf8')).records.map((record) => record.paper);
      expect(again).toHaveLength(library.length);
      library.forEach((paper, index) => {
        for (const field of ['type', 'title', 'authors', 'year', 'venue', 'doi', 'arxivId', 'url', 'abstract', 'keywords', 'extra'] as const) {
          expect(again[index]?.[field], `${paper.title}: ${field}`).toEqual(paper[field]);
        }
      });
    } finally {
      await removeEmpty();
    }
  });

  it.each([
    [[], 'Say what to do: "search", "list", "export markdown" or "import"'],
    [['frobnicate'], 'Unknown command "frobnicate"'],
    [['list', '--bogus'], "Unknown option '--bogus'"],
    [['export'], 'Say which format to export'],
    [['export', 'pdf'], 'Unknown export format "pdf"'],
    [['export', 'docx'], 'Unknown export format "docx" (available: markdown, csv, bibtex, biblatex, ris, csl-json, notes)'],
    [['export', 'notes'], 'Say which folder to write the notes into'],
    [['export', 'notes', '--out', 'n', '--columns', 'title'], '--columns does not go with "export notes"'],
    [['export', 'csv', '--force'], '--force does not go with "export csv"'],
    [['export', 'bibtex', '--bom'], '--bom does not go with "export bibtex"'],
    [['export', 'csv', '--link-titles'], '--link-titles does not go with "export csv"'],
    [['export', 'ris', '--columns', 'title'], '--columns does not go with "export ris"'],
    [['export', 'bibtex', 'extra'], 'Unexpected argument "extra"'],
    [['list', '--out', 'x.md'], '--out does not go with "list"'],
    [['export', 'markdown', '--json'], '--json does not go with "export markdown"'],
    [['import'], 'Say which files to import'],
    [['import', 'a.bib', '--columns', 'title'], '--columns does not go with "import"'],
  ])('%j is a usage error (exit 2) that says what is wrong', async (argv, message) => {
    const { code, stderr, stdout } = await run(argv, folder);
    expect(code).toBe(2);
    expect(stderr).toContain(message);
    expect(stderr).toContain('Usage:');
    expect(stdout).toBe('');
  });

  it('an unknown column is refused by the contract with the list of valid ones', async () => {
    const { code, stderr } = await run(['--library', folder, 'export', 'markdown', '--columns', 'title,secret'], folder);
    expect(code).toBe(1);
    expect(stderr).toMatch(/columns\.1: Invalid option: expected one of "title"\|"authors"/);
  });

  it('a broken library is reported and left untouched', async () => {
    const { folder: broken, cleanup: removeBroken } = await tempFolder();
    try {
      await writeFile(path.join(broken, 'library.json'), '{"schemaVersion": 1,');
      const { code, stderr } = await run(['--library', broken, 'list'], folder);
      expect(code).toBe(1);
      expect(stderr).toContain('library.json is not valid JSON');
      expect(stderr).toMatch(/at line 1, column \d+/);
      expect(await readFile(path.join(broken, 'library.json'), 'utf8')).toBe('{"schemaVersion": 1,');
    } finally {
      await removeBroken();
    }
  });

  it('imports a file, skipping exact duplicates, with tags; --dry-run changes nothing', async () => {
    const seed = path.join(fixturesFolder, 'paste', 'hf-daily-papers.txt');
    const { folder: empty, cleanup: removeEmpty } = await tempFolder();
    try {
      const dry = await run(['--library', empty, 'import', seed, '--dry-run', '--json'], folder);
      expect(dry.code).toBe(0);
      const preview = JSON.parse(dry.stdout) as { counts: { items: number } };
      expect(preview.counts.items).toBe(66);
      const afterDry = await run(['--library', empty, 'list'], folder);
      expect(afterDry.stderr).toBe('0 of 0 papers\n');

      const real = await run(['--library', empty, 'import', seed, '--tag', 'source:hf'], folder);
      expect(real.code).toBe(0);
      expect(real.stdout).toBe('Imported 66 papers, merged 0, skipped 0 duplicates (0 warnings).\n');
      const again = await run(['--library', empty, 'import', seed], folder);
      expect(again.stdout).toBe('Imported 0 papers, merged 0, skipped 66 duplicates (0 warnings).\n');
      const listed = await run(['--library', empty, 'list', '--query', 'starcraft', '--json'], folder);
      expect((JSON.parse(listed.stdout) as Paper[])[0]?.tags).toEqual(['source:hf']);
    } finally {
      await removeEmpty();
    }
  });

  it('exports a query as CSV with the chosen columns and a BOM, which a CSV parser reads back', async () => {
    const out = path.join(folder, 'table.csv');
    const { code, stderr } = await run(['--library', folder, 'export', 'csv', '--query', 'tag:games', '--columns', 'title,year,tags', '--bom', '--out', out], folder);
    expect(code).toBe(0);
    expect(stderr).toBe(`Wrote 1 rows to ${out}\n`);
    const text = await readFile(out, 'utf8');
    expect(text.startsWith('\ufeffTitle,Year,Tags\r\n')).toBe(true);
    expect(parse(text, { bom: true, columns: true })).toEqual([{ Title: 'StarCraft II: A New Challenge for Reinforcement Learning', Year: '', Tags: 'games' }]);
  });

  it('exports Markdown with titles linked to their DOI to stdout', async () => {
    const sift = await openSift({ libraryFolder: folder, resourcesFolder });
    const { papers } = await sift.handlers['papers.list']({});
    const starcraft = papers.find((paper) => paper.title.startsWith('StarCraft II'));
    await sift.handlers['papers.update']({ id: starcraft?.id ?? '', changes: { doi: '10.48550/arXiv.1708.04782' } });
    await sift.close();
    const { code, stdout } = await run(['--library', folder, 'export', 'markdown', '--query', 'tag:games', '--columns', 'title', '--link-titles'], folder);
    expect(code).toBe(0);
    expect(stdout).toBe('| Title |\n| - |\n| [StarCraft II: A New Challenge for Reinforcement Learning](https://doi.org/10.48550/arXiv.1708.04782) |\n');
  });

  it('exports notes into a folder, never over existing notes unless --force', async () => {
    const out = path.join(folder, 'notes');
    const first = await run(['--library', folder, 'export', 'notes', '--query', 'reinforcement', '--out', out], folder);
    expect(first.code).toBe(0);
    const names = await readdir(out);
    expect(first.stderr).toBe(`Wrote ${names.length} notes to ${out}\n`);
    expect(names.length).toBeGreaterThan(1);
    for (const name of names) expect((await readFile(path.join(out, name), 'utf8')).startsWith('---\n')).toBe(true);

    await writeFile(path.join(out, names[0] ?? ''), 'my own edits', 'utf8');
    const again = await run(['--library', folder, 'export', 'notes', '--query', 'reinforcement', '--out', out], folder);
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(new RegExp(`^sift: ${names.length} notes exist already in .*nothing was written\\. Use --force to replace them\n$`));
    expect(await readFile(path.join(out, names[0] ?? ''), 'utf8')).toBe('my own edits');

    const forced = await run(['--library', folder, 'export', 'notes', '--query', 'reinforcement', '--out', out, '--force'], folder);
    expect(forced.code).toBe(0);
    expect(await readFile(path.join(out, names[0] ?? ''), 'utf8')).not.toBe('my own edits');
  });

  it('a missing import file is a clear error', async () => {
    const { code, stderr } = await run(['--library', folder, 'import', path.join(folder, 'nope.bib')], folder);
    expect(code).toBe(1);
    expect(stderr).toMatch(/^sift: Cannot read .*nope\.bib: no such file\n$/);
  });
});
