import { execFileSync } from 'node:child_process';
import { cp, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { MethodName } from '../../../../shared/api/contract';
import { emptyLibrary, newPaper, type Library } from '../../../../shared/model/library';
import type { Sift } from '../../../../electron/services/container';
import { LibraryStore } from '../../../../electron/services/library-store';
import { stableStringify } from '../../../../electron/services/stable-stringify';
import { folderContents } from '../../../helpers/folder-contents';
import { openPinnedSift, tempFolder } from '../../../helpers/temp-library';
import { call } from '../../../helpers/dispatch';

const added = '2026-01-01T00:00:00.000Z';
const editedAt = '2026-03-04T05:06:07.000Z';

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

/** A library folder with papers p1…p3; p1 has two highlights (h1 on page 3, h2 on page 5). */
async function libraryFolder(): Promise<string> {
  const { folder, cleanup } = await tempFolder();
  cleanups.push(cleanup);
  const highlight = (id: string, page: number, quote: string) => ({ id, attachmentId: 'a1', page, rects: [[10, 10, 100, 12] as [number, number, number, number]], quote, color: 'yellow', createdAt: added });
  const library: Library = {
    ...emptyLibrary(),
    papers: ['p1', 'p2', 'p3'].map((id) =>
      newPaper({ id, title: `Paper ${id}`, ...(id === 'p1' ? { annotations: [highlight('h1', 3, 'We train on  ImageNet.'), highlight('h2', 5, 'Accuracy 91%')] } : {}) }, added),
    ),
  };
  await writeFile(path.join(folder, 'library.json'), stableStringify(library));
  return folder;
}

async function open(folder: string): Promise<Sift> {
  const sift = await openPinnedSift(folder, editedAt);
  cleanups.push(() => sift.close());
  return sift;
}

async function refused(sift: Sift, method: MethodName, input: unknown): Promise<{ code: string; message: string }> {
  const result = await sift.dispatch(method, input);
  if (result.ok) throw new Error(`${method} accepted ${JSON.stringify(input)}`);
  return result.error;
}

async function fieldsOf(sift: Sift, id: string) {
  const [paper] = (await call(sift, 'papers.get', { ids: [id] })).papers;
  return { fields: paper?.fields, evidence: paper?.evidence };
}

/** Method (text), Dataset (select: ImageNet, COCO), Participants (number), Open code (yes/no). */
async function fourColumns(sift: Sift) {
  const method = (await call(sift, 'columns.save', { name: ' Method ', kind: 'text' })).column;
  const dataset = (await call(sift, 'columns.save', { name: 'Dataset', kind: 'select', options: ['ImageNet', ' COCO '] })).column;
  const participants = (await call(sift, 'columns.save', { name: 'Participants', kind: 'number' })).column;
  const code = (await call(sift, 'columns.save', { name: 'Open code', kind: 'boolean' })).column;
  return { method, dataset, participants, code };
}

describe('review-table columns', () => {
  it('are added with ids, trimmed names and options, listed in order, and renamed by id', async () => {
    const sift = await open(await libraryFolder());
    const { method, dataset } = await fourColumns(sift);
    expect(method).toEqual({ id: 'id-1', name: 'Method', kind: 'text' });
    expect(dataset).toEqual({ id: 'id-2', name: 'Dataset', kind: 'select', options: ['ImageNet', 'COCO'] });
    expect((await call(sift, 'columns.list', {})).columns.map((column) => column.name)).toEqual(['Method', 'Dataset', 'Participants', 'Open code']);
    await call(sift, 'columns.save', { id: method.id, name: 'Approach', kind: 'text' });
    expect((await call(sift, 'columns.list', {})).columns.map((column) => column.name)).toEqual(['Approach', 'Dataset', 'Participants', 'Open code']);
  });

  it('refuse a name another column has (without case), an unknown id and a 51st column, changing nothing', async () => {
    const folder = await libraryFolder();
    const sift = await open(folder);
    const { method } = await fourColumns(sift);
    for (let index = 4; index < 50; index += 1) await call(sift, 'columns.save', { name: `Column ${index}`, kind: 'text' });
    const before = await folderContents(folder);
    expect(await refused(sift, 'columns.save', { name: 'DATASET', kind: 'text' })).toEqual({ code: 'invalid-input', message: 'There is already a column named “Dataset”' });
    expect(await refused(sift, 'columns.save', { id: method.id, name: 'dataset', kind: 'text' })).toMatchObject({ code: 'invalid-input' });
    expect(await refused(sift, 'columns.save', { id: 'nope', name: 'New', kind: 'text' })).toMatchObject({ code: 'not-found' });
    expect(await refused(sift, 'columns.save', { name: 'One too many', kind: 'text' })).toEqual({ code: 'invalid-input', message: 'A review table has at most 50 columns' });
    expect(await folderContents(folder)).toEqual(before);
    expect((await call(sift, 'columns.list', {})).columns).toHaveLength(50);
  });

  it('delete takes the column, its cells and evidence off every paper and out of the presets', async () => {
    const sift = await open(await libraryFolder());
    const { method, dataset } = await fourColumns(sift);
    await call(sift, 'cells.set', { paperId: 'p1', columnId: method.id, value: 'Transformer' });
    await call(sift, 'cells.setEvidence', { paperId: 'p1', columnId: method.id, annotationId: 'h1' });
    await call(sift, 'cells.set', { paperId: 'p2', columnId: method.id, value: 'CNN' });
    await call(sift, 'cells.set', { paperId: 'p2', columnId: dataset.id, value: 'COCO' });
    await call(sift, 'tables.save', {
      name: 'Main',
      source: { kind: 'tag', value: 'core' },
      columns: [{ id: 'title' }, { id: method.id, width: 200 }, { id: dataset.id }],
      sort: { columnId: method.id, direction: 'asc' },
    });
    expect(await call(sift, 'columns.delete', { id: method.id })).toEqual({ deleted: true, cleared: 2 });
    expect(await fieldsOf(sift, 'p1')).toEqual({ fields: {}, evidence: undefined });
    expect(await fieldsOf(sift, 'p2')).toEqual({ fields: { [dataset.id]: 'COCO' }, evidence: undefined });
    expect((await call(sift, 'tables.list', {})).tables).toEqual([
      { id: 'id-5', name: 'Main', source: { kind: 'tag', value: 'core' }, columns: [{ id: 'title' }, { id: dataset.id }] },
    ]);
    expect(await call(sift, 'columns.delete', { id: method.id })).toEqual({ deleted: false, cleared: 0 });
  });

  it('a changed option list or kind clears the cells that no longer fit', async () => {
    const sift = await open(await libraryFolder());
    const { dataset } = await fourColumns(sift);
    await call(sift, 'cells.set', { paperId: 'p1', columnId: dataset.id, value: 'ImageNet' });
    await call(sift, 'cells.set', { paperId: 'p2', columnId: dataset.id, value: 'COCO' });
    expect((await call(sift, 'columns.save', { id: dataset.id, name: 'Dataset', kind: 'select', options: ['COCO', 'MNIST'] })).cleared).toBe(1);
    expect((await fieldsOf(sift, 'p1')).fields).toEqual({});
    expect((await fieldsOf(sift, 'p2')).fields).toEqual({ [dataset.id]: 'COCO' });
    expect((await call(sift, 'columns.save', { id: dataset.id, name: 'Dataset', kind: 'text' })).cleared).toBe(0);
    expect((await call(sift, 'columns.save', { id: dataset.id, name: 'Dataset', kind: 'number' })).cleared).toBe(1);
  });
});

describe('review-table cells', () => {
  it.each([
    ['text', 'method', 'Transformer', 'Transformer'],
    ['text', 'method', 'two\nlines | pipe', 'two\nlines | pipe'],
    ['select', 'dataset', 'COCO', 'COCO'],
    ['number', 'participants', 12.5, 12.5],
    ['number', 'participants', 0, 0],
    ['yes/no', 'code', false, false],
  ] as const)('a %s cell takes %s = %j', async (_kind, column, value, stored) => {
    const sift = await open(await libraryFolder());
    const columns = await fourColumns(sift);
    const columnId = columns[column].id;
    expect(await call(sift, 'cells.set', { paperId: 'p1', columnId, value })).toEqual({ value: stored });
    expect((await fieldsOf(sift, 'p1')).fields).toEqual({ [columnId]: stored });
  });

  it.each([
    ['method', 42, 'invalid-input', '“Method” holds text'],
    ['method', true, 'invalid-input', '“Method” holds text'],
    ['dataset', 'MNIST', 'invalid-input', '“MNIST” is not an option of “Dataset”'],
    ['dataset', 'coco', 'invalid-input', '“coco” is not an option of “Dataset”'],
    ['participants', '12', 'invalid-input', '“Participants” holds numbers'],
    ['code', 'yes', 'invalid-input', '“Open code” holds yes or no'],
    ['code', 1, 'invalid-input', '“Open code” holds yes or no'],
  ] as const)('%s refuses %j and nothing changes on disk', async (column, value, code, message) => {
    const folder = await libraryFolder();
    const sift = await open(folder);
    const columns = await fourColumns(sift);
    const before = await folderContents(folder);
    expect(await refused(sift, 'cells.set', { paperId: 'p1', columnId: columns[column].id, value })).toEqual({ code, message });
    expect(await folderContents(folder)).toEqual(before);
  });

  it('refuses an unknown paper or column; null and empty text clear a cell and its evidence', async () => {
    const sift = await open(await libraryFolder());
    const { method, code } = await fourColumns(sift);
    expect(await refused(sift, 'cells.set', { paperId: 'nope', columnId: method.id, value: 'x' })).toMatchObject({ code: 'not-found' });
    expect(await refused(sift, 'cells.set', { paperId: 'p1', columnId: 'nope', value: 'x' })).toMatchObject({ code: 'not-found' });
    await call(sift, 'cells.set', { paperId: 'p1', columnId: method.id, value: 'Transformer' });
    await call(sift, 'cells.set', { paperId: 'p1', columnId: code.id, value: true });
    await call(sift, 'cells.setEvidence', { paperId: 'p1', columnId: method.id, annotationId: 'h1' });
    expect(await call(sift, 'cells.set', { paperId: 'p1', columnId: method.id, value: '' })).toEqual({ value: null });
    expect(await fieldsOf(sift, 'p1')).toEqual({ fields: { [code.id]: true }, evidence: undefined });
    expect(await call(sift, 'cells.set', { paperId: 'p1', columnId: code.id, value: null })).toEqual({ value: null });
    expect((await fieldsOf(sift, 'p1')).fields).toEqual({});
  });

  it('evidence cites one of the paper’s highlights and cells.get answers it with page and quote', async () => {
    const sift = await open(await libraryFolder());
    const { method, dataset } = await fourColumns(sift);
    await call(sift, 'cells.set', { paperId: 'p1', columnId: dataset.id, value: 'ImageNet' });
    expect(await call(sift, 'cells.setEvidence', { paperId: 'p1', columnId: dataset.id, annotationId: 'h1' })).toEqual({
      evidence: { annotationId: 'h1', page: 3, quote: 'We train on ImageNet.' },
    });
    expect(await refused(sift, 'cells.setEvidence', { paperId: 'p2', columnId: dataset.id, annotationId: 'h1' })).toMatchObject({ code: 'not-found' });
    expect(await refused(sift, 'cells.setEvidence', { paperId: 'p1', columnId: 'nope', annotationId: 'h1' })).toMatchObject({ code: 'not-found' });
    expect((await fieldsOf(sift, 'p1')).evidence).toEqual({ [dataset.id]: 'h1' });
    const { rows } = await call(sift, 'cells.get', { paperIds: ['p2', 'p1'] });
    expect(rows).toEqual([
      { paperId: 'p2', fields: {}, evidence: [], highlights: [] },
      {
        paperId: 'p1',
        fields: { [dataset.id]: 'ImageNet' },
        evidence: [{ columnId: dataset.id, annotationId: 'h1', page: 3, quote: 'We train on ImageNet.' }],
        highlights: [
          { id: 'h1', page: 3, quote: 'We train on ImageNet.' },
          { id: 'h2', page: 5, quote: 'Accuracy 91%' },
        ],
      },
    ]);
    expect(await call(sift, 'cells.setEvidence', { paperId: 'p1', columnId: dataset.id, annotationId: null })).toEqual({ evidence: null });
    expect((await fieldsOf(sift, 'p1')).evidence).toBeUndefined();
    expect(method.id).not.toBe(dataset.id);
  });

  it('exports custom columns to Markdown as column:<id>, with yes/no and empty cells', async () => {
    const sift = await open(await libraryFolder());
    const { method, code } = await fourColumns(sift);
    await call(sift, 'cells.set', { paperId: 'p1', columnId: method.id, value: 'A | B' });
    await call(sift, 'cells.set', { paperId: 'p1', columnId: code.id, value: true });
    const { markdown } = await call(sift, 'export.markdown', { paperIds: ['p1', 'p2'], columns: ['title', `column:${method.id}`, `column:${code.id}`] });
    expect(markdown).toBe('| Title | Method | Open code |\n| - | - | - |\n| Paper p1 | A \\| B | yes |\n| Paper p2 | | |\n');
    expect(await refused(sift, 'export.markdown', { paperIds: ['p1'], columns: ['title', 'column:nope'] })).toMatchObject({ code: 'not-found' });
  });
});

describe('review-table presets', () => {
  const layout = {
    name: 'Extraction',
    source: { kind: 'savedSearch', value: 's1' },
    columns: [{ id: 'title', width: 320 }, { id: 'year', hidden: true }, { id: 'authors' }],
    sort: { columnId: 'year', direction: 'desc' },
  } as const;

  it('are saved, changed by id, refused with a taken name, deleted', async () => {
    const sift = await open(await libraryFolder());
    const { table } = await call(sift, 'tables.save', layout);
    expect(table).toEqual({ id: 'id-1', ...layout });
    await call(sift, 'tables.save', { ...table, name: 'Extraction v2', sort: undefined });
    expect((await call(sift, 'tables.list', {})).tables).toEqual([{ id: 'id-1', name: 'Extraction v2', source: layout.source, columns: layout.columns }]);
    await call(sift, 'tables.save', { ...layout, name: 'Other' });
    expect(await refused(sift, 'tables.save', { ...layout, name: 'other' })).toEqual({ code: 'invalid-input', message: 'There is already a preset named “Other”' });
    expect(await refused(sift, 'tables.save', { ...layout, id: 'nope' })).toMatchObject({ code: 'not-found' });
    expect(await call(sift, 'tables.delete', { id: 'id-1' })).toEqual({ deleted: true });
    expect(await call(sift, 'tables.delete', { id: 'id-1' })).toEqual({ deleted: false });
    expect((await call(sift, 'tables.list', {})).tables.map((saved) => saved.name)).toEqual(['Other']);
  });

  it('columns, cells, evidence and presets are still there after the library is closed and opened again', async () => {
    const folder = await libraryFolder();
    const sift = await open(folder);
    const { method } = await fourColumns(sift);
    await call(sift, 'cells.set', { paperId: 'p1', columnId: method.id, value: 'Transformer' });
    await call(sift, 'cells.setEvidence', { paperId: 'p1', columnId: method.id, annotationId: 'h2' });
    const { table } = await call(sift, 'tables.save', layout);
    await sift.close();
    const written = JSON.parse(await readFile(path.join(folder, 'library.json'), 'utf8')) as Library;
    expect(written.reviewTables).toEqual([table]);

    const reopened = await open(folder);
    expect((await call(reopened, 'columns.list', {})).columns.map((column) => column.name)).toEqual(['Method', 'Dataset', 'Participants', 'Open code']);
    expect(await fieldsOf(reopened, 'p1')).toEqual({ fields: { [method.id]: 'Transformer' }, evidence: { [method.id]: 'h2' } });
    expect((await call(reopened, 'tables.list', {})).tables).toEqual([table]);
  });

  it('a preset is a whole-value journal entry, replayed over library.json after a kill', async () => {
    const folder = await libraryFolder();
    const sift = await open(folder);
    const { table } = await call(sift, 'tables.save', layout);
    expect(JSON.parse(await readFile(path.join(folder, 'library.json'), 'utf8'))).not.toHaveProperty('reviewTables');
    const { folder: copy, cleanup } = await tempFolder('sift-killed-');
    cleanups.push(cleanup);
    await cp(folder, copy, { recursive: true });
    const deadPid = Number(execFileSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))']).toString());
    const lock = JSON.parse(await readFile(path.join(copy, 'library.lock'), 'utf8')) as Record<string, unknown>;
    await writeFile(path.join(copy, 'library.lock'), JSON.stringify({ ...lock, pid: deadPid, token: 'killed' }));
    const store = await LibraryStore.open(copy, { watchExternalChanges: false });
    expect(store.data.reviewTables).toEqual([table]);
    await store.close();
  });
});
