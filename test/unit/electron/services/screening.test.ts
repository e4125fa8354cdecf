import { execFileSync } from 'node:child_process';
import { cp, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { emptyLibrary, newPaper, type Library } from '../../../../shared/model/library';
import type { Sift } from '../../../../electron/services/container';
import { LibraryStore } from '../../../../electron/services/library-store';
import { stableStringify } from '../../../../electron/services/stable-stringify';
import { listJournals, readJournal } from '../../../../electron/services/storage/journal';
import { folderContents } from '../../../helpers/folder-contents';
import { openPinnedSift, tempFolder } from '../../../helpers/temp-library';
import { call } from '../../../helpers/dispatch';

const added = '2026-01-01T00:00:00.000Z';
const decidedAt = '2026-03-04T05:06:07.000Z';

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

/** A library folder with papers p1…p6 (library.json written as Sift writes it). */
async function libraryFolder(): Promise<string> {
  const { folder, cleanup } = await tempFolder();
  cleanups.push(cleanup);
  const library: Library = {
    ...emptyLibrary(),
    papers: ['p1', 'p2', 'p3', 'p4', 'p5', 'p6'].map((id) => newPaper({ id, title: `Paper ${id}`, abstract: `About ${id}.` }, added)),
  };
  await writeFile(path.join(folder, 'library.json'), stableStringify(library));
  return folder;
}

async function open(folder: string): Promise<Sift> {
  const sift = await openPinnedSift(folder, decidedAt);
  cleanups.push(() => sift.close());
  return sift;
}

async function screeningOf(sift: Sift, ...ids: string[]) {
  return (await call(sift, 'papers.get', { ids })).papers.map((paper) => paper.screening);
}

const twoReasons = { reasons: [{ label: '  Wrong population ' }, { label: 'Not empirical' }], includeKeywords: ['agent'], excludeKeywords: ['survey'] };

describe('screening criteria', () => {
  it('are empty until set; set gives new reasons ids, trims labels and drops repeated keywords', async () => {
    const sift = await open(await libraryFolder());
    expect(await call(sift, 'screening.criteria.get', {})).toEqual({ criteria: { reasons: [], includeKeywords: [], excludeKeywords: [] } });
    const { criteria } = await call(sift, 'screening.criteria.set', { ...twoReasons, includeKeywords: ['agent', ' Agent ', 'RL'] });
    expect(criteria).toEqual({
      reasons: [
        { id: 'id-1', label: 'Wrong population' },
        { id: 'id-2', label: 'Not empirical' },
      ],
      includeKeywords: ['agent', 'RL'],
      excludeKeywords: ['survey'],
    });
    expect(await call(sift, 'screening.criteria.get', {})).toEqual({ criteria });
    // Reordering and renaming keeps ids.
    const reordered = await call(sift, 'screening.criteria.set', { ...twoReasons, reasons: [{ id: 'id-2', label: 'Not empirical' }, { id: 'id-1', label: 'Wrong population (adults)' }] });
    expect(reordered.criteria.reasons).toEqual([
      { id: 'id-2', label: 'Not empirical' },
      { id: 'id-1', label: 'Wrong population (adults)' },
    ]);
  });

  it.each([
    ['ten reasons', { ...twoReasons, reasons: Array.from({ length: 10 }, (_, index) => ({ label: `Reason ${index}` })) }, 'At most 9 exclusion reasons'],
    ['an empty label', { ...twoReasons, reasons: [{ label: '   ' }] }, 'An exclusion reason cannot be empty'],
    ['a label of 201 characters', { ...twoReasons, reasons: [{ label: 'x'.repeat(201) }] }, 'at most 200 characters'],
    ['a label on two lines', { ...twoReasons, reasons: [{ label: 'a\nb' }] }, 'must be on one line'],
    ['the same label twice', { ...twoReasons, reasons: [{ label: 'Wrong design' }, { label: 'wrong design' }] }, 'Two exclusion reasons are both'],
    ['a keyword of 101 characters', { ...twoReasons, includeKeywords: ['k'.repeat(101)] }, 'A keyword is at most 100 characters'],
    ['an empty keyword', { ...twoReasons, excludeKeywords: [''] }, 'A keyword cannot be empty'],
    ['101 keywords', { ...twoReasons, excludeKeywords: Array.from({ length: 101 }, (_, index) => `k${index}`) }, 'At most 100 exclusion keywords'],
    ['a keyword on both lists', { ...twoReasons, excludeKeywords: ['Agent'] }, 'both an inclusion and an exclusion keyword'],
    ['a missing list', { reasons: [], includeKeywords: [] }, 'excludeKeywords'],
    ['an unknown field', { ...twoReasons, owner: 'x' }, 'owner'],
  ])('refuse %s with a clear message and change nothing on disk', async (_name, input, message) => {
    const folder = await libraryFolder();
    const sift = await open(folder);
    await call(sift, 'screening.criteria.set', twoReasons);
    const before = await folderContents(folder);
    const result = await sift.dispatch('screening.criteria.set', input);
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    if (!result.ok) expect(result.error.message).toContain(message);
    expect(await folderContents(folder)).toEqual(before);
  });
});

describe('screening decisions', () => {
  it('records decision, reason (id and label) and time, and answers the previous states for undo', async () => {
    const sift = await open(await libraryFolder());
    const { criteria } = await call(sift, 'screening.criteria.set', twoReasons);
    const [population, empirical] = criteria.reasons;

    const included = await call(sift, 'screening.decide', { paperIds: ['p1', 'p2'], decision: 'include' });
    expect(included).toEqual({
      changed: 2,
      previous: [
        { paperId: 'p1', screening: { decision: 'undecided' } },
        { paperId: 'p2', screening: { decision: 'undecided' } },
      ],
    });
    const excluded = await call(sift, 'screening.decide', { paperIds: ['p2'], decision: 'exclude', reasonId: empirical?.id });
    expect(excluded.previous).toEqual([{ paperId: 'p2', screening: { decision: 'include', decidedAt } }]);
    expect(await screeningOf(sift, 'p1', 'p2')).toEqual([
      { decision: 'include', decidedAt },
      { decision: 'exclude', reason: 'Not empirical', reasonId: empirical?.id, decidedAt },
    ]);
    // The same decision again changes nothing.
    expect((await call(sift, 'screening.decide', { paperIds: ['p1'], decision: 'include' })).changed).toBe(0);

    await call(sift, 'screening.decide', { paperIds: ['p3'], decision: 'exclude', reasonId: population?.id });
    await call(sift, 'screening.restore', { states: excluded.previous });
    expect(await screeningOf(sift, 'p2', 'p3')).toEqual([
      { decision: 'include', decidedAt },
      { decision: 'exclude', reason: 'Wrong population', reasonId: population?.id, decidedAt },
    ]);
    expect((await call(sift, 'screening.restore', { states: included.previous })).changed).toBe(2);
    expect(await screeningOf(sift, 'p1', 'p2')).toEqual([{ decision: 'undecided' }, { decision: 'undecided' }]);
  });

  it.each([
    ['a reason on an inclusion', { paperIds: ['p1'], decision: 'include', reasonId: 'id-1' }, 'invalid-input', 'Only an exclusion takes a reason'],
    ['an unknown reason', { paperIds: ['p1'], decision: 'exclude', reasonId: 'nope' }, 'invalid-input', 'No exclusion reason with id "nope"'],
    ['an unknown decision', { paperIds: ['p1'], decision: 'reject' }, 'invalid-input', 'decision'],
    ['no papers', { paperIds: [], decision: 'include' }, 'invalid-input', 'Select at least one paper'],
    ['an unknown paper among known ones', { paperIds: ['p1', 'ghost'], decision: 'include' }, 'not-found', 'No paper with id "ghost"'],
  ])('refuse %s and change nothing on disk', async (_name, input, code, message) => {
    const folder = await libraryFolder();
    const sift = await open(folder);
    await call(sift, 'screening.criteria.set', twoReasons);
    const before = await folderContents(folder);
    const result = await sift.dispatch('screening.decide', input);
    expect(result).toMatchObject({ ok: false, error: { code } });
    if (!result.ok) expect(result.error.message).toContain(message);
    expect(await folderContents(folder)).toEqual(before);
    expect(await screeningOf(sift, 'p1')).toEqual([{ decision: 'undecided' }]);
  });

  it('restore refuses an unknown paper before changing any', async () => {
    const folder = await libraryFolder();
    const sift = await open(folder);
    await call(sift, 'screening.decide', { paperIds: ['p1'], decision: 'maybe' });
    const before = await folderContents(folder);
    const result = await sift.dispatch('screening.restore', {
      states: [
        { paperId: 'p1', screening: { decision: 'undecided' } },
        { paperId: 'ghost', screening: { decision: 'undecided' } },
      ],
    });
    expect(result).toMatchObject({ ok: false, error: { code: 'not-found' } });
    expect(await folderContents(folder)).toEqual(before);
    expect(await screeningOf(sift, 'p1')).toEqual([{ decision: 'maybe', decidedAt }]);
  });
});

describe('screening stats', () => {
  it('counts per decision and per reason, numbered as the criteria are, following renames and keeping deleted reasons by label', async () => {
    const sift = await open(await libraryFolder());
    const { criteria } = await call(sift, 'screening.criteria.set', twoReasons);
    const [population, empirical] = criteria.reasons;
    await call(sift, 'screening.decide', { paperIds: ['p1'], decision: 'include' });
    await call(sift, 'screening.decide', { paperIds: ['p2'], decision: 'maybe' });
    await call(sift, 'screening.decide', { paperIds: ['p3', 'p4'], decision: 'exclude', reasonId: population?.id });
    await call(sift, 'screening.decide', { paperIds: ['p5'], decision: 'exclude' });

    expect(await call(sift, 'screening.stats', {})).toEqual({
      identified: 6,
      screened: 5,
      undecided: 1,
      included: 1,
      maybe: 1,
      excluded: 3,
      reasons: [
        { reasonId: population?.id, number: 1, label: 'Wrong population', count: 2 },
        { reasonId: empirical?.id, number: 2, label: 'Not empirical', count: 0 },
      ],
      noReason: 1,
      missing: 0,
    });

    // Only the listed papers (a deleted one is reported as missing).
    expect(await call(sift, 'screening.stats', { paperIds: ['p1', 'p3', 'p6', 'gone', 'p1'] })).toMatchObject({
      identified: 3,
      screened: 2,
      undecided: 1,
      included: 1,
      excluded: 1,
      missing: 1,
    });

    // Renamed: the count follows the id. Deleted: the papers keep the label they were given.
    await call(sift, 'screening.criteria.set', { ...twoReasons, reasons: [{ id: empirical?.id, label: 'No data' }] });
    const after = await call(sift, 'screening.stats', {});
    expect(after.reasons).toEqual([
      { reasonId: empirical?.id, number: 1, label: 'No data', count: 0 },
      { label: 'Wrong population', count: 2 },
    ]);
    await call(sift, 'screening.criteria.set', { ...twoReasons, reasons: [{ id: population?.id, label: 'Adults only' }] });
    expect((await call(sift, 'screening.stats', {})).reasons).toEqual([{ reasonId: population?.id, number: 1, label: 'Adults only', count: 2 }]);
  });
});

describe('screening on disk', () => {
  it('criteria and decisions are still there after the library is closed and opened again', async () => {
    const folder = await libraryFolder();
    const sift = await open(folder);
    const { criteria } = await call(sift, 'screening.criteria.set', twoReasons);
    await call(sift, 'screening.decide', { paperIds: ['p4'], decision: 'exclude', reasonId: criteria.reasons[1]?.id });
    await sift.close();
    const written = JSON.parse(await readFile(path.join(folder, 'library.json'), 'utf8')) as Library;
    expect(written.screeningCriteria).toEqual(criteria);

    const reopened = await open(folder);
    expect(await call(reopened, 'screening.criteria.get', {})).toEqual({ criteria });
    expect(await screeningOf(reopened, 'p4')).toEqual([{ decision: 'exclude', reason: 'Not empirical', reasonId: criteria.reasons[1]?.id, decidedAt }]);
    expect((await call(reopened, 'search.query', { query: 'decision:exclude', allIds: true })).ids).toEqual(['p4']);
  });

  it('the criteria are one whole-value journal entry, replayed over library.json after a kill', async () => {
    const folder = await libraryFolder();
    const sift = await open(folder);
    const { criteria } = await call(sift, 'screening.criteria.set', twoReasons);
    const [journal] = await listJournals(folder);
    const { entries } = await readJournal(journal?.path ?? '');
    expect(entries.map((entry) => Object.keys(entry).sort())).toEqual([['at', 'screeningCriteria', 'seq']]);
    expect(entries[0]?.screeningCriteria).toEqual(criteria);
    expect(JSON.parse(await readFile(path.join(folder, 'library.json'), 'utf8'))).not.toHaveProperty('screeningCriteria');

    // What a SIGKILL now would leave: library.json without the criteria, the journal with them, a dead lock owner.
    const { folder: copy, cleanup } = await tempFolder('sift-killed-');
    cleanups.push(cleanup);
    await cp(folder, copy, { recursive: true });
    const deadPid = Number(execFileSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))']).toString());
    const lock = JSON.parse(await readFile(path.join(copy, 'library.lock'), 'utf8')) as Record<string, unknown>;
    await writeFile(path.join(copy, 'library.lock'), JSON.stringify({ ...lock, pid: deadPid, token: 'killed' }));
    const store = await LibraryStore.open(copy, { watchExternalChanges: false });
    expect(store.data.screeningCriteria).toEqual(criteria);
    await store.close();
  });

  it('a library.json without screeningCriteria (written before screening) opens with empty criteria', async () => {
    const folder = await libraryFolder();
    expect(await readFile(path.join(folder, 'library.json'), 'utf8')).not.toContain('screeningCriteria');
    const sift = await open(folder);
    expect(sift.store.state.kind).toBe('ready');
    expect((await call(sift, 'screening.criteria.get', {})).criteria.reasons).toEqual([]);
  });
});
