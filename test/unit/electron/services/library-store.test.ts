import { chmod, readFile, readdir, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DurableJsonFile } from '../../../../electron/services/durable-json-file';
import { LibraryStore } from '../../../../electron/services/library-store';
import { emptyLibrary, librarySchema, newPaper } from '../../../../shared/model/library';
import { tempFolder } from '../../../helpers/temp-library';

const now = '2026-01-02T03:04:05.000Z';

describe('LibraryStore', () => {
  let folder: string;
  let cleanup: () => Promise<void>;
  beforeEach(async () => ({ folder, cleanup } = await tempFolder()));
  afterEach(async () => cleanup());

  const libraryFile = () => path.join(folder, 'library.json');

  it('creates library.json on first open, through the file adapter (not an in-memory store)', async () => {
    const store = await LibraryStore.open(folder);
    expect(store.state.kind).toBe('ready');
    const onDisk: unknown = JSON.parse(await readFile(libraryFile(), 'utf8'));
    expect(onDisk).toEqual(emptyLibrary());
  });

  it('round-trips a paper with every kind of field', async () => {
    const store = await LibraryStore.open(folder);
    const paper = newPaper(
      {
        id: 'p1',
        title: 'Ünïcode — “quotes” | pipes',
        authors: [{ family: 'Curie', given: 'Marie' }, { literal: 'CERN Collaboration' }],
        year: 2024,
        tags: ['rl', 'to read'],
        notes: [{ id: 'n1', body: '# Heading\n\n- point', createdAt: now, updatedAt: now }],
        extra: { 'x-custom': 'value' },
      },
      now,
    );
    await store.mutate((library) => library.papers.push(paper));
    await store.close();
    const reopened = await LibraryStore.open(folder);
    expect(reopened.data.papers).toEqual([paper]);
  });

  it('a "__proto__" key in the file pollutes nothing', async () => {
    const paper = { ...newPaper({ id: 'p1', title: 'T' }, now), extra: { ok: 'yes' } };
    const text = JSON.stringify({ ...emptyLibrary(), papers: [paper] }).replace('"ok":"yes"', '"__proto__":{"polluted":"yes"},"ok":"yes"');
    await writeFile(libraryFile(), text);
    const store = await LibraryStore.open(folder);
    expect(store.state.kind).toBe('ready');
    expect(store.data.papers[0]?.extra).toEqual({ ok: 'yes' });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.getPrototypeOf(store.data.papers[0]?.extra)).toBe(Object.prototype);
  });

  it('writes pretty-printed JSON with sorted keys, so the same library is always the same text', async () => {
    const store = await LibraryStore.open(folder);
    await store.mutate((library) => library.papers.push(newPaper({ id: 'p1', title: 'T', year: 2020 }, now)));
    const text = await readFile(libraryFile(), 'utf8');
    expect(text).toContain('\n  "papers": [\n');
    const keys = Object.keys((JSON.parse(text) as { papers: Array<Record<string, unknown>> }).papers[0] ?? {});
    expect(keys).toEqual([...keys].sort());
    await store.mutate(() => undefined);
    expect(await readFile(libraryFile(), 'utf8')).toBe(text);
  });

  it('keeps every one of many concurrent edits, in order, and leaves no temp files', async () => {
    const store = await LibraryStore.open(folder);
    await store.mutate((library) => library.papers.push(newPaper({ id: 'p1', title: 'T' }, now)));
    await Promise.all(
      Array.from({ length: 50 }, (_, index) =>
        store.mutate((library) => {
          library.papers[0]?.tags.push(`tag-${index}`);
        }),
      ),
    );
    const onDisk = librarySchema.parse(JSON.parse(await readFile(libraryFile(), 'utf8')));
    expect(onDisk.papers[0]?.tags).toEqual(Array.from({ length: 50 }, (_, index) => `tag-${index}`));
    expect((await readdir(folder)).filter((name) => name.endsWith('.tmp'))).toEqual([]);
  });

  it('keeps the file mode when it replaces the file', async () => {
    const store = await LibraryStore.open(folder);
    await chmod(libraryFile(), 0o600);
    await store.mutate((library) => library.papers.push(newPaper({ id: 'p1', title: 'T' }, now)));
    expect((await stat(libraryFile())).mode & 0o777).toBe(0o600);
  });

  it.each([
    ['a truncated file', '{"schemaVersion": 1, "papers": [', 'is not valid JSON', /^Close bracket expected at line 1, column 33$/],
    ['a file that is not JSON', 'hello\nworld', 'is not valid JSON', /^Invalid symbol at line 1, column 1$/],
    ['an empty file', '', 'is not valid JSON', /The file is empty/],
    ['a wrong schema', JSON.stringify({ ...emptyLibrary(), papers: [{ id: 'x', title: 5 }] }), 'does not match the library format', /papers\.0\./],
    ['a newer format', JSON.stringify({ ...emptyLibrary(), schemaVersion: 99 }), 'written by a newer Sift (format 99', undefined],
  ])('refuses %s with a reason, never overwrites it and refuses edits', async (_label, content, message, detail) => {
    await writeFile(libraryFile(), content);
    const store = await LibraryStore.open(folder);
    expect(store.state.kind).toBe('failed');
    if (store.state.kind !== 'failed') return;
    expect(store.state.message).toContain(message);
    if (detail) expect(store.state.detail).toMatch(detail);
    await expect(store.mutate((library) => library.papers.push(newPaper({ id: 'p', title: 'T' }, now)))).rejects.toThrow(/read-only/);
    await store.close();
    expect(await readFile(libraryFile(), 'utf8')).toBe(content);
  });

  it('the adapter reads a missing file as null, so first run is explicit', async () => {
    const adapter = new DurableJsonFile(path.join(folder, 'none.json'), { schema: librarySchema });
    expect(await adapter.read()).toBeNull();
  });
});
