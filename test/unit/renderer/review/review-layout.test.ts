import { describe, expect, it } from 'vitest';
import type { PaperSummary } from '../../../../shared/api/contract';
import type { Column } from '../../../../shared/model/library';
import {
  arrangeRows,
  defaultLayout,
  exportKey,
  gridColumns,
  moveColumn,
  reconcile,
  setHidden,
  type CellValue,
  type ReviewLayout,
} from '../../../../renderer/src/review/review-layout';

function paper(id: string, year?: number): PaperSummary {
  return {
    id,
    type: 'article',
    title: `Paper ${id}`,
    tags: [],
    status: 'unread',
    addedAt: '2026-01-01T00:00:00.000Z',
    updatedAt: '2026-01-01T00:00:00.000Z',
    authors: [],
    authorCount: 0,
    decision: 'undecided',
    noteCount: 0,
    hasAbstract: false,
    ...(year === undefined ? {} : { year }),
  };
}

const method: Column = { id: 'm', name: 'Method', kind: 'text' };
const dataset: Column = { id: 'd', name: 'Dataset', kind: 'select', options: ['ImageNet', 'COCO'] };
const size: Column = { id: 'n', name: 'N', kind: 'number' };
const columns = [method, dataset, size];
const cells: Record<string, Record<string, CellValue>> = {
  a: { m: 'PPO', d: 'COCO', n: 120 },
  b: { m: 'dqn', d: 'ImageNet', n: 9 },
  c: { m: 'A2C' },
  d: {},
};
const rows = ['a', 'b', 'c', 'd'].map((id, index) => paper(id, [2021, 2019, undefined, 2020][index]));
const fieldsOf = (id: string) => cells[id];

function ids(layout: ReviewLayout): string[] {
  return arrangeRows(rows, gridColumns(layout, columns), layout, fieldsOf).map((row) => row.id);
}

describe('the review table layout', () => {
  it('starts with the default built-in columns and every custom column; keys for export', () => {
    const layout = defaultLayout(columns);
    expect(layout.columns.map((column) => column.id)).toEqual(['title', 'authors', 'year', 'venue', 'tags', 'status', 'm', 'd', 'n']);
    expect(gridColumns(layout, columns).map(exportKey)).toEqual(['title', 'authors', 'year', 'venue', 'tags', 'status', 'column:m', 'column:d', 'column:n']);
  });

  it('reconcile appends new columns and drops deleted ones, keeping order, hidden and widths', () => {
    const layout: ReviewLayout = { source: { kind: 'tag', value: 'x' }, columns: [{ id: 'd', width: 200 }, { id: 'title' }, { id: 'gone', hidden: true }], filters: {} };
    expect(reconcile(layout, columns).columns).toEqual([{ id: 'd', width: 200 }, { id: 'title' }, { id: 'm' }, { id: 'n' }]);
  });

  it.each([
    ['title', 1, ['authors', 'title', 'year']],
    ['title', -1, ['title', 'authors', 'year']],
    ['year', -1, ['title', 'year', 'authors']],
  ] as const)('moves %s by %i over hidden columns', (id, step, expected) => {
    const layout = setHidden({ source: { kind: 'query', value: '' }, columns: [{ id: 'title' }, { id: 'venue' }, { id: 'authors' }, { id: 'year' }], filters: {} }, 'venue', true);
    expect(moveColumn(layout, id, step).columns.filter((column) => !column.hidden).map((column) => column.id)).toEqual(expected);
  });

  it.each([
    [{ columnId: 'm', direction: 'asc' }, ['c', 'b', 'a', 'd']],
    [{ columnId: 'm', direction: 'desc' }, ['a', 'b', 'c', 'd']],
    [{ columnId: 'n', direction: 'asc' }, ['b', 'a', 'c', 'd']],
    [{ columnId: 'n', direction: 'desc' }, ['a', 'b', 'c', 'd']],
    [{ columnId: 'year', direction: 'asc' }, ['b', 'd', 'a', 'c']],
  ] as const)('sorts by %j with empty cells last', (sort, expected) => {
    expect(ids({ ...defaultLayout(columns), sort })).toEqual(expected);
  });

  it.each([
    [{ m: 'p' }, ['a']],
    [{ d: 'coco' }, ['a']],
    [{ d: 'COCO', m: 'dqn' }, []],
    [{ title: 'paper c' }, ['c']],
    [{ m: '   ' }, ['a', 'b', 'c', 'd']],
  ])('filters with %j (contains for text, equals for a select)', (filters, expected) => {
    expect(ids({ ...defaultLayout(columns), filters })).toEqual(expected);
  });
});
