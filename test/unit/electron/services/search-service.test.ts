import { mkdir, readFile, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { emptyLibrary, newPaper } from '../../../../shared/model/library';
import { openSift, type Sift } from '../../../../electron/services/container';
import { SEARCH_INDEX_FILE } from '../../../../electron/services/search/search-index-file';
import { resourcesFolder, tempFolder } from '../../../helpers/temp-library';
import { call } from '../../../helpers/dispatch';

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function open(folder: string): Promise<Sift> {
  const sift = await openSift({ libraryFolder: folder, resourcesFolder, storage: { compactWhenIdleMs: 600_000 } });
  cleanups.push(() => sift.close());
  return sift;
}

async function sampleFolder(): Promise<string> {
  const { folder, cleanup } = await tempFolder();
  cleanups.push(cleanup);
  const sift = await openSift({ libraryFolder: folder, resourcesFolder });
  await call(sift, 'library.openSample', {});
  await sift.close();
  return folder;
}

async function titlesFor(sift: Sift, query: string, limit = 5): Promise<string[]> {
  const found = await call(sift, 'search.query', { query, limit });
  const { papers } = found.results.length > 0 ? await call(sift, 'papers.list', { ids: found.results.map((hit) => hit.id) }) : { papers: [] };
  return found.results.map((hit) => papers.find((paper) => paper.id === hit.id)?.title ?? '');
}

describe('search.query through dispatch', () => {
  it('finds a paper from a misspelt query, with ranges on the words and the time it took', async () => {
    const sift = await open(await sampleFolder());
    const found = await call(sift, 'search.query', { query: 'reinforcment lerning', limit: 3 });
    expect(found.total).toBeGreaterThan(3);
    expect(found.results).toHaveLength(3);
    expect(found.tookMs).toBeGreaterThanOrEqual(0);
    const [first] = await call(sift, 'papers.get', { ids: [found.results[0]?.id ?? ''] }).then((answer) => answer.papers);
    const titleRanges = found.results[0]?.ranges.filter((range) => range.field === 'title') ?? [];
    expect(titleRanges.map((range) => first?.title.slice(range.start, range.end).toLowerCase())).toEqual(expect.arrayContaining(['reinforcement', 'learning']));
  });

  it('explains a query it cannot read in hints, and still searches the rest', async () => {
    const sift = await open(await sampleFolder());
    const found = await call(sift, 'search.query', { query: 'poker year:abc', limit: 5 });
    expect(found.hints.map((hint) => hint.message).join(' ')).toMatch(/not a year/);
    expect(await titlesFor(sift, 'poker')).toContain((await titlesFor(sift, 'poker year:abc'))[0]);
  });

  it('sees an edit at once', async () => {
    const sift = await open(await sampleFolder());
    const [hit] = (await call(sift, 'search.query', { query: 'poker', limit: 1 })).results;
    await call(sift, 'papers.update', { id: hit?.id, changes: { title: 'A quokka census' } });
    expect(await titlesFor(sift, 'quokka')).toEqual(['A quokka census']);
    // Notes are searched too, and rank below papers whose own text matches.
    const [other] = (await call(sift, 'search.query', { query: 'starcraft', limit: 1 })).results;
    await call(sift, 'notes.add', { paperId: other?.id, body: 'Compare with the quokka census paper.' });
    const withNote = await call(sift, 'search.query', { query: 'quokka', limit: 5 });
    expect(withNote.results.map((result) => result.id)).toEqual([hit?.id, other?.id]);
    expect(withNote.results[1]?.ranges).toEqual([{ field: 'notes', index: 0, start: 17, end: 23 }]);
    await call(sift, 'tags.add', { paperIds: [hit?.id], tag: 'marsupials' });
    expect((await call(sift, 'search.query', { query: 'tag:marsupials', limit: 5 })).results.map((result) => result.id)).toEqual([hit?.id]);
  });
});

describe('the persisted index', () => {
  it('is written at close and read at the next open instead of being built', async () => {
    const folder = await sampleFolder();
    expect((await stat(path.join(folder, SEARCH_INDEX_FILE))).size).toBeGreaterThan(1000);
    const sift = await open(folder);
    expect(await titlesFor(sift, 'poker', 1)).toHaveLength(1);
    expect(sift.search.origin).toBe('file');
  });

  it('catches up with changes made while Sift was closed', async () => {
    const folder = await sampleFolder();
    const file = path.join(folder, 'library.json');
    const library = JSON.parse(await readFile(file, 'utf8')) as { papers: Array<{ title: string; updatedAt: string }> };
    const edited = library.papers[0];
    if (!edited) throw new Error('the sample library is empty');
    edited.title = 'Wombat burrows at scale';
    edited.updatedAt = '2030-01-01T00:00:00.000Z';
    library.papers.splice(1, 1);
    await writeFile(file, JSON.stringify(library));
    const sift = await open(folder);
    expect(await titlesFor(sift, 'wombat')).toEqual(['Wombat burrows at scale']);
    expect(sift.search.origin).toBe('file');
    expect((await call(sift, 'search.query', { query: '', limit: 0 })).total).toBe(library.papers.length);
  });

  it('is built again when the file is damaged', async () => {
    const folder = await sampleFolder();
    const indexFile = path.join(folder, SEARCH_INDEX_FILE);
    const bytes = await readFile(indexFile);
    await writeFile(indexFile, bytes.subarray(0, Math.floor(bytes.length / 2)));
    const sift = await open(folder);
    expect(await titlesFor(sift, 'poker', 1)).toHaveLength(1);
    expect(sift.search.origin).toBe('built');
  });
});

describe('saved searches', () => {
  it('are saved with a live count, renamed, kept across opens and deleted', async () => {
    const folder = await sampleFolder();
    let sift = await open(folder);
    const saved = await call(sift, 'searches.save', { name: 'Poker', query: 'poker' });
    const pokerCount = (await call(sift, 'search.query', { query: 'poker', limit: 0 })).total;
    expect(saved.count).toBe(pokerCount);
    const tagged = await call(sift, 'searches.save', { name: 'Starred', query: 'tag:starred' });
    expect(tagged.count).toBe(0);
    const [first] = (await call(sift, 'search.query', { query: '', limit: 2 })).results;
    await call(sift, 'tags.add', { paperIds: [first?.id], tag: 'starred' });
    expect((await call(sift, 'searches.list', {})).searches.map((search) => [search.name, search.count])).toEqual([
      ['Poker', pokerCount],
      ['Starred', 1],
    ]);
    await expect(call(sift, 'searches.save', { name: 'poker', query: 'x' })).rejects.toThrow(/already exists/);
    await call(sift, 'searches.save', { id: saved.id, name: 'Card games', query: 'poker OR chess' });
    await sift.close();
    sift = await open(folder);
    const listed = (await call(sift, 'searches.list', {})).searches;
    expect(listed.map((search) => search.name)).toEqual(['Card games', 'Starred']);
    expect(listed[0]?.count).toBe((await call(sift, 'search.query', { query: 'poker OR chess', limit: 0 })).total);
    expect((await call(sift, 'searches.delete', { id: tagged.id })).deleted).toBe(true);
    expect((await call(sift, 'searches.delete', { id: tagged.id })).deleted).toBe(false);
    expect((await call(sift, 'searches.list', {})).searches.map((search) => search.name)).toEqual(['Card games']);
  });
});

describe('searching inside PDFs', () => {
  it('finds words in extracted PDF text and says on which page', async () => {
    const { folder, cleanup } = await tempFolder();
    cleanups.push(cleanup);
    const sha = 'b'.repeat(64);
    const now = '2026-01-01T00:00:00.000Z';
    const withPdf = newPaper({ id: 'with-pdf', title: 'Cooperative games', authors: [], attachments: [{ id: 'att-1', file: 'cooperative.pdf', sha256: sha, bytes: 10 }] }, now);
    const without = newPaper({ id: 'no-pdf', title: 'Competitive games', authors: [] }, now);
    await writeFile(path.join(folder, 'library.json'), JSON.stringify({ ...emptyLibrary(), papers: [withPdf, without] }));
    await mkdir(path.join(folder, 'fulltext'));
    await writeFile(path.join(folder, 'fulltext', `${sha}.txt`), 'Introduction to games.\fMethods\nWe measured the Shapley\nvalue of every coalition.');
    const sift = await open(folder);

    const quoted = await call(sift, 'search.query', { query: 'fulltext:"shapley value"', limit: 5 });
    expect(quoted.results.map((hit) => hit.id)).toEqual(['with-pdf']);
    const match = quoted.results[0]?.fulltext;
    expect(match?.page).toBe(2);
    const [start, end] = match?.ranges[0] ?? [0, 0];
    expect(match?.snippet.slice(start, end)).toBe('Shapley value');

    expect((await call(sift, 'search.query', { query: 'coalition', limit: 5 })).total).toBe(0);
    const inside = await call(sift, 'search.query', { query: 'coalition', limit: 5, fulltext: true });
    expect(inside.results.map((hit) => [hit.id, hit.fulltext?.page])).toEqual([['with-pdf', 2]]);
    expect((await call(sift, 'search.query', { query: 'games -fulltext:coalition', limit: 5 })).results.map((hit) => hit.id)).toEqual(['no-pdf']);

    // Several words found together in the PDF: the snippet marks all of them.
    const together = (await call(sift, 'search.query', { query: 'shapley value', limit: 5, fulltext: true })).results[0]?.fulltext;
    const [from, to] = together?.ranges[0] ?? [0, 0];
    expect(together?.snippet.slice(from, to)).toBe('Shapley value');
  });
});
