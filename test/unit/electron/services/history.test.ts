import { afterEach, describe, expect, it } from 'vitest';
import { openSift, type Sift } from '../../../../electron/services/container';
import { HISTORY_LIMIT, HISTORY_PAPER_BUDGET, LibraryHistory, type HistoryStep } from '../../../../electron/services/storage/history';
import { call } from '../../../helpers/dispatch';
import { openTempSift, resourcesFolder } from '../../../helpers/temp-library';

describe('undo and redo of library changes, across kinds of change', () => {
  let cleanup: (() => Promise<void>) | undefined;
  afterEach(async () => cleanup?.());

  async function sample(): Promise<{ sift: Sift; folder: string; ids: string[] }> {
    const opened = await openTempSift({ withSample: true, storage: { compactWhenIdleMs: 600_000 } });
    cleanup = opened.cleanup;
    // Opening the sample is itself a change; start each test with nothing to undo.
    const ids = opened.sift.store.data.papers.map((paper) => paper.id);
    return { sift: opened.sift, folder: opened.folder, ids };
  }
  const paper = (sift: Sift, id: string) => sift.store.data.papers.find((candidate) => candidate.id === id);

  it('takes back changes in reverse order, each labelled, and redoes them', async () => {
    const { sift, ids } = await sample();
    const [first = '', second = ''] = ids;
    const screeningBefore = structuredClone(paper(sift, first)?.screening);
    await call(sift, 'tags.add', { paperIds: [first, second], tag: 'rl' });
    await call(sift, 'papers.update', { id: first, changes: { status: 'read' } });
    await call(sift, 'notes.add', { paperId: second, body: 'A note' });
    await call(sift, 'screening.decide', { paperIds: [first], decision: 'include' });
    expect(await call(sift, 'history.state', {})).toEqual({ undo: 'Screening decision' });

    expect(await call(sift, 'history.undo', {})).toEqual({ done: true, label: 'Screening decision', undo: 'Add note', redo: 'Screening decision' });
    expect(paper(sift, first)?.screening).toEqual(screeningBefore);
    expect(await call(sift, 'history.undo', {})).toMatchObject({ label: 'Add note' });
    expect(paper(sift, second)?.notes).toEqual([]);
    expect(await call(sift, 'history.undo', {})).toMatchObject({ label: 'Edit paper' });
    expect(paper(sift, first)?.status).toBe('unread');
    expect(await call(sift, 'history.undo', {})).toMatchObject({ label: 'Add tag', redo: 'Add tag' });
    expect(paper(sift, first)?.tags).toEqual([]);
    expect(paper(sift, second)?.tags).toEqual([]);

    expect(await call(sift, 'history.redo', {})).toMatchObject({ done: true, label: 'Add tag', redo: 'Edit paper' });
    expect(paper(sift, first)?.tags).toEqual(['rl']);
    expect(await call(sift, 'history.redo', {})).toMatchObject({ label: 'Edit paper' });
    expect(paper(sift, first)?.status).toBe('read');
  });

  it('writes undo and redo like any change: a reopened library has them', async () => {
    const { sift, folder, ids } = await sample();
    const [first = ''] = ids;
    await call(sift, 'tags.add', { paperIds: [first], tag: 'kept-then-undone' });
    await call(sift, 'history.undo', {});
    await sift.close();
    const reopened = await openSift({ libraryFolder: folder, resourcesFolder });
    try {
      expect(reopened.store.data.papers.find((candidate) => candidate.id === first)?.tags).toEqual([]);
      // The history belongs to a session: a reopened library starts with nothing to undo.
      expect(await call(reopened, 'history.state', {})).toEqual({});
    } finally {
      await reopened.close();
    }
  });

  it('undoes an import: its papers leave, and come back in the same places on redo', async () => {
    const { sift, ids } = await sample();
    const bib = Buffer.from('@article{a, title = {Undoable imports for careful reviewers}, author = {Ann, Li}, year = 2021}\n').toString('base64');
    await call(sift, 'import.preview', { importId: 'import-undo-1', files: [{ name: 'a.bib', data: bib }] });
    const { paperIds } = await call(sift, 'import.commit', { importId: 'import-undo-1', decisions: [] });
    expect(sift.store.data.papers).toHaveLength(ids.length + 1);
    expect(await call(sift, 'history.undo', {})).toMatchObject({ done: true, label: 'Import' });
    expect(sift.store.data.papers.map((candidate) => candidate.id)).toEqual(ids);
    expect((await call(sift, 'search.query', { query: 'undoable imports', limit: 5 })).total).toBe(0);
    await call(sift, 'history.redo', {});
    expect(sift.store.data.papers.map((candidate) => candidate.id)).toEqual([...ids, ...paperIds]);
    expect((await call(sift, 'search.query', { query: 'undoable imports', limit: 5 })).results.map((result) => result.id)).toEqual(paperIds);
  });

  it('undoes changes to collections: a renamed tag, a new column and its cells', async () => {
    const { sift, ids } = await sample();
    const [first = ''] = ids;
    await call(sift, 'tags.add', { paperIds: [first], tag: 'method' });
    await call(sift, 'tags.rename', { from: 'method', to: 'approach' });
    const { column } = await call(sift, 'columns.save', { name: 'Dataset', kind: 'text' });
    await call(sift, 'cells.set', { paperId: first, columnId: column.id, value: 'ImageNet' });
    await call(sift, 'history.undo', {});
    expect(paper(sift, first)?.fields).toEqual({});
    await call(sift, 'history.undo', {});
    expect(sift.store.data.columns).toEqual([]);
    await call(sift, 'history.undo', {});
    expect(paper(sift, first)?.tags).toEqual(['method']);
    expect(sift.store.data.tags.map((tag) => tag.name)).not.toContain('approach');
  });

  it('forgets what could be redone once a new change is made, and says when there is nothing to do', async () => {
    const { sift, ids } = await sample();
    const [first = ''] = ids;
    await call(sift, 'tags.add', { paperIds: [first], tag: 'a' });
    await call(sift, 'history.undo', {});
    await call(sift, 'tags.add', { paperIds: [first], tag: 'b' });
    expect(await call(sift, 'history.redo', {})).toEqual({ done: false, undo: 'Add tag' });
    await call(sift, 'history.undo', {});
    await call(sift, 'history.undo', {});
    expect(await call(sift, 'history.undo', {})).toMatchObject({ done: false });
  });
});

describe('the history of one library', () => {
  const step = (callId: number, papers: number): HistoryStep => ({
    label: `step ${callId}`,
    callId,
    before: { papers: new Map(Array.from({ length: papers }, (_, index) => [`p${index}`, { paper: undefined }])), collections: new Map() },
    after: { papers: new Map(), collections: new Map() },
  });

  it('keeps the newest 100 steps', () => {
    const history = new LibraryHistory();
    for (let callId = 1; callId <= HISTORY_LIMIT + 5; callId += 1) history.record(step(callId, 1));
    const labels: string[] = [];
    for (let taken = history.takeUndo(); taken; taken = history.takeUndo()) labels.push(taken.label);
    expect(labels).toHaveLength(HISTORY_LIMIT);
    expect(labels.at(-1)).toBe('step 6');
  });

  it('drops old steps when the copies they hold pass the budget, but always keeps the newest', () => {
    const history = new LibraryHistory();
    history.record(step(1, 10));
    history.record(step(2, HISTORY_PAPER_BUDGET - 5));
    expect(history.takeUndo()?.label).toBe('step 2');
    expect(history.takeUndo()).toBeUndefined();
    history.record(step(3, HISTORY_PAPER_BUDGET * 2));
    expect(history.state()).toEqual({ undo: 'step 3' });
  });

  it('makes the transactions of one API call one step', () => {
    const history = new LibraryHistory();
    history.record(step(7, 1));
    history.record({ ...step(7, 2), label: 'second part' });
    expect(history.takeUndo()?.before.papers.size).toBe(2);
    expect(history.takeUndo()).toBeUndefined();
  });
});
