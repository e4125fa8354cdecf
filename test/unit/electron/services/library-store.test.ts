import { execFileSync } from 'node:child_process';
import { chmod, cp, readFile, readdir, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DurableJsonFile } from '../../../../electron/services/durable-json-file';
import { LibraryStore, type StoreEvent } from '../../../../electron/services/library-store';
import { stableStringify } from '../../../../electron/services/stable-stringify';
import { readJournal, listJournals } from '../../../../electron/services/storage/journal';
import { emptyLibrary, librarySchema, newPaper, type Paper } from '../../../../shared/model/library';
import { tempFolder } from '../../../helpers/temp-library';

const now = '2026-01-02T03:04:05.000Z';
/** The pid of a process that has exited. */
const deadPid = () => Number(execFileSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))']).toString());
const paper = (id: string, fields: Partial<Paper> = {}) => newPaper({ id, title: `Paper ${id}`, ...fields }, now);

describe('LibraryStore', () => {
  let folder: string;
  let cleanup: () => Promise<void>;
  const open: LibraryStore[] = [];
  const openStore = async (options: Parameters<typeof LibraryStore.open>[1] = {}) => {
    const store = await LibraryStore.open(folder, { watchExternalChanges: false, ...options });
    open.push(store);
    return store;
  };
  beforeEach(async () => ({ folder, cleanup } = await tempFolder()));
  afterEach(async () => {
    for (const store of open.splice(0)) await store.close();
    await cleanup();
  });

  const libraryFile = () => path.join(folder, 'library.json');
  const readLibraryFile = async () => librarySchema.parse(JSON.parse(await readFile(libraryFile(), 'utf8')));
  /** What a SIGKILL at this moment would leave: the folder as it is on disk now, its lock owner dead. */
  const copyAsIfKilled = async () => {
    const { folder: copy, cleanup: removeCopy } = await tempFolder('sift-killed-');
    await cp(folder, copy, { recursive: true });
    const lock = JSON.parse(await readFile(path.join(copy, 'library.lock'), 'utf8')) as Record<string, unknown>;
    await writeFile(path.join(copy, 'library.lock'), JSON.stringify({ ...lock, pid: deadPid(), token: 'killed' }));
    return { copy, removeCopy };
  };

  it('creates library.json on first open, through the file adapter (not an in-memory store)', async () => {
    const store = await openStore();
    expect(store.state.kind).toBe('ready');
    expect(await readLibraryFile()).toEqual(emptyLibrary());
    expect((await readdir(folder)).sort()).toEqual(['journal-000001.jsonl', 'library.json', 'library.lock']);
  });

  it('an acknowledged edit is on disk at once, in the journal, before any snapshot', async () => {
    const store = await openStore({ compactWhenIdleMs: 60_000 });
    await store.transact((tx) => tx.addPapers([paper('p1', { tags: ['rl'] })]));
    expect((await readLibraryFile()).papers).toEqual([]);
    const { copy, removeCopy } = await copyAsIfKilled();
    try {
      const reopened = await LibraryStore.open(copy, { watchExternalChanges: false });
      expect(reopened.data.papers.map((p) => [p.id, p.tags])).toEqual([['p1', ['rl']]]);
      await reopened.close();
    } finally {
      await removeCopy();
    }
  });

  it('round-trips a paper with every kind of field through close and reopen', async () => {
    const store = await openStore();
    const full = paper('p1', {
      title: 'Ünïcode — “quotes” | pipes',
      authors: [{ family: 'Curie', given: 'Marie' }, { literal: 'CERN Collaboration' }],
      year: 2024,
      tags: ['rl', 'to read'],
      notes: [{ id: 'n1', body: '# Heading\n\n- point', createdAt: now, updatedAt: now }],
      extra: { 'x-custom': 'value' },
    });
    await store.transact((tx) => tx.addPapers([full]));
    await store.close();
    expect((await readLibraryFile()).papers).toEqual([full]);
    expect((await listJournals(folder)).length).toBe(0);
    const reopened = await openStore();
    expect(reopened.data.papers).toEqual([full]);
  });

  it('writes library.json exactly as stableStringify would: pretty, keys sorted, same library same text', async () => {
    const store = await openStore();
    await store.transact((tx) => {
      tx.addPapers([paper('b', { year: 2020, authors: [{ given: 'A', family: 'Z' }] }), paper('a')]);
      tx.collection('tags').push({ name: 'rl', color: '#f00' });
    });
    await store.compact();
    const text = await readFile(libraryFile(), 'utf8');
    expect(text).toBe(stableStringify(store.data));
    expect(text).toContain('\n  "papers": [\n    {\n      "addedAt"');
  });

  it('keeps every one of many concurrent edits, in order, and leaves no temp files', async () => {
    const store = await openStore();
    await store.transact((tx) => tx.addPapers([paper('p1')]));
    await Promise.all(
      Array.from({ length: 50 }, (_, index) =>
        store.transact((tx) => {
          tx.paper('p1').tags.push(`tag-${index}`);
        }),
      ),
    );
    const expected = Array.from({ length: 50 }, (_, index) => `tag-${index}`);
    const journal = (await listJournals(folder)).at(-1);
    const entries = (await readJournal(journal?.path ?? '')).entries;
    expect(entries.at(-1)?.papers?.[0]?.tags).toEqual(expected);
    expect(entries.map((entry) => entry.seq)).toEqual([...entries.map((entry) => entry.seq)].sort((a, b) => a - b));
    await store.close();
    expect((await readLibraryFile()).papers[0]?.tags).toEqual(expected);
    expect((await readdir(folder)).filter((name) => name.endsWith('.tmp'))).toEqual([]);
  });

  it('an edit that throws half-way changes nothing, in memory or on disk', async () => {
    const store = await openStore();
    await store.transact((tx) => tx.addPapers([paper('p1', { tags: ['keep'] })]));
    await expect(
      store.transact((tx) => {
        tx.paper('p1').tags.push('half');
        tx.addPapers([paper('p2')]);
        tx.removePapers(['p1']);
        tx.paper('missing');
      }),
    ).rejects.toThrow('No paper with id "missing"');
    expect(store.data.papers).toEqual([paper('p1', { tags: ['keep'] })]);
    expect(store.getPaper('p2')).toBeUndefined();
    await store.close();
    expect((await readLibraryFile()).papers).toEqual([paper('p1', { tags: ['keep'] })]);
  });

  it('keeps the file mode when it replaces library.json', async () => {
    const store = await openStore();
    await chmod(libraryFile(), 0o600);
    await store.transact((tx) => tx.addPapers([paper('p1')]));
    await store.compact();
    expect((await stat(libraryFile())).mode & 0o777).toBe(0o600);
  });

  it.each([
    ['a truncated file', '{"schemaVersion": 1, "papers": [', 'is not valid JSON', /^Close bracket expected at line 1, column 33$/],
    ['a file that is not JSON', 'hello\nworld', 'is not valid JSON', /^Invalid symbol at line 1, column 1$/],
    ['an empty file', '', 'is not valid JSON', /The file is empty/],
    ['a wrong schema', JSON.stringify({ ...emptyLibrary(), papers: [{ id: 'x', title: 5 }] }), 'does not match the library format', /papers\.0\./],
    ['a newer format', JSON.stringify({ ...emptyLibrary(), schemaVersion: 99 }), 'written by a newer Sift (format 99', undefined],
    ['no version', JSON.stringify({ papers: [] }), 'The file has no valid schemaVersion', undefined],
  ])('refuses %s with a reason, never overwrites it and refuses edits', async (_label, content, message, detail) => {
    await writeFile(libraryFile(), content);
    const store = await openStore();
    expect(store.state.kind).toBe('failed');
    if (store.state.kind !== 'failed') return;
    expect(store.state.message).toContain(message);
    if (detail) expect(store.state.detail).toMatch(detail);
    await expect(store.transact((tx) => tx.addPapers([paper('p')]))).rejects.toThrow(/read-only/);
    await store.close();
    expect(await readFile(libraryFile(), 'utf8')).toBe(content);
    expect(await readdir(folder)).toEqual(['library.json']);
  });

  it('with background validation, shows the library at once and turns read-only if a paper is invalid', async () => {
    const papers = Array.from({ length: 1200 }, (_, index) => paper(`p${index}`));
    const text = JSON.stringify({ ...emptyLibrary(), papers }).replace('"title":"Paper p1100"', '"title":1100');
    await writeFile(libraryFile(), text);
    const events: StoreEvent[] = [];
    const store = await openStore({ validateInBackground: true, onEvent: (event) => events.push(event) });
    expect(store.state.kind).toBe('ready');
    expect(store.data.papers).toHaveLength(1200);
    await store.whenValidated();
    expect(store.state).toMatchObject({ kind: 'failed', message: 'library.json does not match the library format' });
    expect(events).toContainEqual({
      kind: 'validation-failed',
      message: 'library.json does not match the library format',
      detail: 'papers.1100.title: Invalid input: expected string, received number',
    });
    await expect(store.transact((tx) => tx.addPapers([paper('new')]))).rejects.toThrow(/read-only/);
    await store.compact();
    await store.close();
    expect(await readFile(libraryFile(), 'utf8')).toBe(text);
  });

  it('background validation normalizes papers as a full validation would', async () => {
    await writeFile(libraryFile(), JSON.stringify({ ...emptyLibrary(), papers: [{ ...paper('p1'), tags: ['  padded  '] }] }));
    const store = await openStore({ validateInBackground: true });
    await store.whenValidated();
    expect(store.state.kind).toBe('ready');
    expect(store.getPaper('p1')?.tags).toEqual(['padded']);
  });

  it('a "__proto__" key in the file pollutes nothing', async () => {
    const text = JSON.stringify({ ...emptyLibrary(), papers: [{ ...paper('p1'), extra: { ok: 'yes' } }] }).replace(
      '"ok":"yes"',
      '"__proto__":{"polluted":"yes"},"ok":"yes"',
    );
    await writeFile(libraryFile(), text);
    const store = await openStore();
    expect(store.state.kind).toBe('ready');
    expect(store.data.papers[0]?.extra).toEqual({ ok: 'yes' });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('drops a torn last journal line (a write cut short) and keeps everything before it', async () => {
    const store = await openStore({ compactWhenIdleMs: 60_000 });
    await store.transact((tx) => tx.addPapers([paper('p1')]));
    await store.transact((tx) => {
      tx.paper('p1').tags.push('second');
    });
    const { copy, removeCopy } = await copyAsIfKilled();
    try {
      const journal = (await listJournals(copy)).at(-1)?.path ?? '';
      const text = await readFile(journal, 'utf8');
      await writeFile(journal, `${text}{"seq":99,"at":"x","papers":[{"id":"p1","ti`);
      const reopened = await LibraryStore.open(copy, { watchExternalChanges: false });
      expect(reopened.state.kind).toBe('ready');
      expect(reopened.data.papers[0]?.tags).toEqual(['second']);
      await reopened.close();
    } finally {
      await removeCopy();
    }
  });

  it('refuses a journal damaged in the middle instead of guessing', async () => {
    const store = await openStore({ compactWhenIdleMs: 60_000 });
    await store.transact((tx) => tx.addPapers([paper('p1')]));
    await store.transact((tx) => tx.addPapers([paper('p2')]));
    const { copy, removeCopy } = await copyAsIfKilled();
    try {
      const journal = (await listJournals(copy)).at(-1)?.path ?? '';
      const lines = (await readFile(journal, 'utf8')).split('\n');
      await writeFile(journal, [lines[0]?.slice(0, 20), ...lines.slice(1)].join('\n'));
      const reopened = await LibraryStore.open(copy, { watchExternalChanges: false });
      expect(reopened.state).toMatchObject({ kind: 'failed', message: 'The library journal is damaged' });
      await reopened.close();
    } finally {
      await removeCopy();
    }
  });

  describe('one owner at a time', () => {
    it('a second open gets "open in another Sift" and changes nothing', async () => {
      const first = await openStore({ app: 'Sift desktop' });
      await first.transact((tx) => tx.addPapers([paper('p1')]));
      const second = await openStore({ app: 'Sift CLI' });
      expect(second.state).toMatchObject({ kind: 'failed', locked: true });
      if (second.state.kind === 'failed') expect(second.state.message).toMatch(/open in another Sift \(Sift desktop, process \d+/);
      await second.close();
      await first.close();
      const third = await openStore();
      expect(third.state.kind).toBe('ready');
      expect(third.data.papers.map((p) => p.id)).toEqual(['p1']);
    });

    it('recovers the stale lock of a killed process at once', async () => {
      const store = await openStore();
      await store.close();
      open.splice(0);
      await writeFile(
        path.join(folder, 'library.lock'),
        JSON.stringify({ pid: deadPid(), host: (await import('node:os')).hostname(), app: 'Sift', token: 'dead', since: now }),
      );
      const reopened = await openStore();
      expect(reopened.state.kind).toBe('ready');
    });

    it('a read-only open (the CLI listing) works beside the owner and writes nothing', async () => {
      const owner = await openStore({ compactWhenIdleMs: 60_000 });
      await owner.transact((tx) => tx.addPapers([paper('p1')]));
      const before = (await readdir(folder)).sort();
      const reader = await openStore({ readOnly: true });
      expect(reader.state.kind).toBe('ready');
      expect(reader.data.papers.map((p) => p.id)).toEqual(['p1']);
      await expect(reader.transact((tx) => tx.addPapers([paper('p2')]))).rejects.toThrow(/read-only/);
      expect((await readdir(folder)).sort()).toEqual(before);
    });
  });

  describe('backups', () => {
    it('makes a backup when a snapshot replaces library.json, with count and last change', async () => {
      let clock = new Date('2026-03-01T10:00:00.000Z');
      const store = await openStore({ now: () => clock, backupEveryMs: 0 });
      await store.transact((tx) => tx.addPapers([paper('p1', { updatedAt: '2026-03-01T09:00:00.000Z' })]));
      await store.compact();
      clock = new Date('2026-03-01T11:00:00.000Z');
      await store.transact((tx) => tx.addPapers([paper('p2')]));
      await store.compact();
      const backups = await store.backups.list();
      expect(backups.map((backup) => [backup.createdAt, backup.paperCount, backup.lastChange])).toEqual([
        ['2026-03-01T11:00:00.000Z', 1, '2026-03-01T09:00:00.000Z'],
        ['2026-03-01T10:00:00.000Z', 0, undefined],
      ]);
      const newest = await new DurableJsonFile(path.join(store.backups.folder, backups[0]?.id ?? ''), { schema: librarySchema }).read();
      expect(newest?.papers.map((p) => p.id)).toEqual(['p1']);
    });

    it('keeps the last 10 plus the newest of each of the last 7 days', async () => {
      const store = await openStore({ backupEveryMs: 0 });
      const days = ['2026-03-01', '2026-03-02', '2026-03-03', '2026-03-05', '2026-03-09'];
      let index = 0;
      for (const day of days) {
        for (let hour = 0; hour < 4; hour += 1) {
          await store.backups.create(libraryFile(), { paperCount: index, bytes: 1 }, new Date(`${day}T0${hour}:00:00.000Z`));
          index += 1;
        }
      }
      await store.backups.prune(new Date('2026-03-09T12:00:00.000Z'));
      const kept = (await store.backups.list()).map((backup) => backup.createdAt.slice(0, 13));
      expect(kept).toEqual([
        '2026-03-09T03', '2026-03-09T02', '2026-03-09T01', '2026-03-09T00',
        '2026-03-05T03', '2026-03-05T02', '2026-03-05T01', '2026-03-05T00',
        '2026-03-03T03', '2026-03-03T02',
        '2026-03-02T03',
      ]);
    });

    it('never hands out a path outside the backups folder', async () => {
      const store = await openStore();
      expect(store.backups.pathOf('../library.json')).toBeUndefined();
      expect(store.backups.pathOf('library-2026-03-01T10-00-00-000Z.json')).toBe(path.join(folder, 'backups', 'library-2026-03-01T10-00-00-000Z.json'));
    });
  });

  describe('changes made by other programs', () => {
    it('adopts a valid library.json written by someone else and keeps our unsaved-to-snapshot edits on top', async () => {
      const events: StoreEvent[] = [];
      const store = await openStore({ compactWhenIdleMs: 60_000, onEvent: (event) => events.push(event) });
      await store.transact((tx) => tx.addPapers([paper('shared'), paper('theirs')]));
      await store.compact();
      await store.transact((tx) => {
        tx.paper('shared').tags.push('ours');
        tx.paper('shared').updatedAt = '2026-05-01T00:00:00.000Z';
      });
      const external = await readLibraryFile();
      external.papers[1] = { ...external.papers[1]!, title: 'Edited elsewhere', updatedAt: '2026-04-01T00:00:00.000Z' };
      external.papers.push(paper('added-elsewhere'));
      await writeFile(libraryFile(), JSON.stringify(external));
      expect(await store.checkExternalChange()).toBe(true);
      expect(store.data.papers.map((p) => [p.id, p.title, p.tags])).toEqual([
        ['shared', 'Paper shared', ['ours']],
        ['theirs', 'Edited elsewhere', []],
        ['added-elsewhere', 'Paper added-elsewhere', []],
      ]);
      expect(events).toContainEqual({ kind: 'external-change', conflicts: 0 });
      await store.close();
      expect((await readLibraryFile()).papers.map((p) => p.title)).toEqual(['Paper shared', 'Edited elsewhere', 'Paper added-elsewhere']);
    });

    it('keeps their version of a paper both sides changed in a conflict file', async () => {
      const events: StoreEvent[] = [];
      const store = await openStore({ compactWhenIdleMs: 60_000, onEvent: (event) => events.push(event) });
      await store.transact((tx) => tx.addPapers([paper('p1')]));
      await store.compact();
      await store.transact((tx) => {
        tx.paper('p1').title = 'Ours';
        tx.paper('p1').updatedAt = '2026-05-01T00:00:00.000Z';
      });
      const external = await readLibraryFile();
      external.papers[0] = { ...external.papers[0]!, title: 'Theirs', updatedAt: '2026-04-01T00:00:00.000Z' };
      await writeFile(libraryFile(), JSON.stringify(external));
      await store.checkExternalChange();
      expect(store.data.papers[0]?.title).toBe('Ours');
      const event = events.find((candidate) => candidate.kind === 'external-change');
      expect(event).toMatchObject({ kind: 'external-change', conflicts: 1 });
      const conflictFile = event?.kind === 'external-change' ? (event.conflictFile ?? '') : '';
      expect((JSON.parse(await readFile(conflictFile, 'utf8')) as { theirs: Paper[] }).theirs[0]?.title).toBe('Theirs');
    });

    it('never overwrites an unreadable file another program wrote', async () => {
      const events: StoreEvent[] = [];
      const store = await openStore({ compactWhenIdleMs: 60_000, onEvent: (event) => events.push(event) });
      await store.transact((tx) => tx.addPapers([paper('p1')]));
      await writeFile(libraryFile(), '{ half written');
      expect(await store.checkExternalChange()).toBe(false);
      expect(events.at(-1)).toMatchObject({ kind: 'external-change-unreadable' });
      await expect(store.compact()).rejects.toThrow(/will not overwrite/);
      await store.transact((tx) => tx.addPapers([paper('p2')]));
      await store.close();
      expect(await readFile(libraryFile(), 'utf8')).toBe('{ half written');
      const journals = await listJournals(folder);
      expect(journals.length).toBeGreaterThan(0);
    });
  });
});
