import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { methodNames, type MethodName } from '../../../../shared/api/contract';
import type { Sift } from '../../../../electron/services/container';
import { folderContents } from '../../../helpers/folder-contents';
import { openTempSift } from '../../../helpers/temp-library';

/** Malformed calls a careless or hostile caller could make to each method. */
const badInputs: Record<MethodName, unknown[]> = {
  'library.info': [{ path: '/etc' }, 'info', 42],
  'library.openSample': [{ force: true }, []],
  'library.chooseAndOpen': [{ path: '/tmp' }],
  'backups.list': [{ all: true }],
  'backups.restore': [{}, { id: 7 }, { id: '' }, { id: 'x'.repeat(300) }],
  'papers.list': [{ limit: 'all' }, { ids: 'all' }, { ids: ['a'], page: { offset: 0, limit: 10 } }, { page: { offset: -1, limit: 10 } }],
  'papers.get': [{}, { ids: [] }, { ids: Array.from({ length: 1001 }, (_, index) => `p${index}`) }],
  'papers.updateMany': [{ paperIds: ['x'], changes: {} }, { paperIds: ['x'], changes: { title: 'bulk titles are not a thing' } }, { paperIds: [], changes: { status: 'read' } }],
  'papers.update': [
    { id: 'x' },
    { id: 42, changes: { title: 'x' } },
    { id: 'x', changes: { status: 'done' } },
    { id: 'x', changes: { title: 'x', __proto__: { polluted: true } } },
    JSON.parse('{"id":"x","changes":{"title":"t","__proto__":{"polluted":true}}}'),
    { id: 'x'.repeat(100_000), changes: { title: 'x' } },
  ],
  'tags.add': [{ paperIds: 'x', tag: 'a' }, { paperIds: ['x'], tag: 'a'.repeat(1000) }, { paperIds: ['x'], tag: 'a', extra: 1 }],
  'tags.remove': [{ paperIds: [], tag: 'a' }, { paperIds: [null], tag: 'a' }],
  'tags.rename': [{ from: 'a' }, { from: 'a', to: 'a' }, { from: 'a', to: '-b' }, { from: '', to: 'b' }, { from: 'a', to: 'b', merge: true }],
  'tags.setColor': [
    { name: 'a' },
    { name: 'a', color: 'url(javascript:alert(1))' },
    { name: 'a', color: '#12345' },
    { name: 'a', color: 'var(--x)' },
    { name: 'a', color: 7 },
  ],
  'tags.pin': [{ name: 'a' }, { name: 'a', slot: 0 }, { name: 'a', slot: 10 }, { name: 'a', slot: 1.5 }, { name: 'a', slot: '1' }],
  'tags.delete': [{}, { name: '' }, { name: ['a'] }, { name: 'a', children: false }],
  'tags.restore': [
    { tags: [] },
    { tags: [{ name: 'a' }] },
    { tags: [{ name: 'a', paperIds: [''] }] },
    { tags: [{ name: 'a', paperIds: [], pinned: 12 }] },
    { tags: [{ name: 'a', paperIds: [], extra: 1 }] },
  ],
  'notes.add': [{ paperId: 'x' }, { paperId: 'x', body: 7 }],
  'notes.update': [{ paperId: 'x', body: 'y' }],
  'notes.delete': [{ noteId: 'x' }],
  'annotations.add': [
    {},
    { paperId: 'x', attachmentId: 'a', page: 0, rects: [[1, 1, 1, 1]], quote: 'q', color: 'yellow' },
    { paperId: 'x', attachmentId: 'a', page: 1, rects: [[1, 1, 1, 1]], quote: 'q', color: 'red' },
    { paperId: 'x', attachmentId: 'a', page: 1, rects: [[-1, 1, 1, 1]], quote: 'q', color: 'yellow' },
    { paperId: 'x', attachmentId: 'a', page: 1, rects: [[1, 1, 1e9, 1]], quote: 'q', color: 'yellow' },
    { paperId: 'x', attachmentId: 'a', page: 1, rects: [[1, 1, 1]], quote: 'q', color: 'yellow' },
    { paperId: 'x', attachmentId: 'a', page: 1, rects: [[1, 1, 1, 1]], quote: 'q', color: 'yellow', tags: ['-x'] },
    { paperId: 'x', attachmentId: 'a', page: 1, rects: [[1, 1, 1, 1]], quote: 'q', color: 'yellow', path: '/etc/passwd' },
  ],
  'annotations.update': [{ paperId: 'x', annotationId: 'a' }, { paperId: 'x', annotationId: 'a', color: 'black' }, { paperId: 'x', annotationId: 'a', page: 2 }],
  'annotations.delete': [{ paperId: 'x' }, { annotationId: 'a' }, { paperId: 'x', annotationId: '' }],
  'attachments.read': [{ paperId: 'x' }, { paperId: 'x', attachmentId: 'a', path: '../../etc/passwd' }, { path: '/etc/passwd' }, { paperId: 'x', attachmentId: 'a'.repeat(200) }],
  'import.preview': [
    { importId: 'x', files: [] },
    { importId: 'import-0001', files: [{ name: 'a.bib', data: 'not base64!' }] },
    { importId: 'import-0001', files: [], format: 'docx' },
    { importId: '../../etc', files: [] },
  ],
  'import.commit': [{ importId: 'import-0001' }, { importId: 'import-0001', decisions: [{ index: 0, action: 'delete' }] }, { importId: 'import-0001', decisions: [], tags: ['-bad'] }],
  'import.cancel': [{}, { importId: 42 }],
  'export.markdown': [{ paperIds: 'all' }, { paperIds: [], columns: ['title', 'nope'] }, { paperIds: [], columns: [] }],
  'export.bibliography': [{ paperIds: [] }, { paperIds: 'all', format: 'ris' }, { paperIds: [], format: 'endnote' }, { paperIds: [''], format: 'bibtex' }, { paperIds: [], format: 'ris', columns: ['title'] }],
  'export.table': [
    { paperIds: [], format: 'docx' },
    { paperIds: 'all', format: 'csv' },
    { paperIds: [], format: 'csv', columns: ['nope'] },
    { paperIds: [], format: 'csv', options: { bom: 'yes' } },
    { paperIds: [], format: 'markdown', options: { linkTitles: true, script: true } },
  ],
  'export.notes': [{ paperIds: 'all' }, { paperIds: [''] }, { paperIds: [], naming: 'doi' }],
  'export.saveFolder': [
    { files: [] },
    { files: [{ fileName: '../evil.md', content: '' }] },
    { files: [{ fileName: 'a\\b.md', content: '' }] },
    { files: [{ fileName: '..', content: '' }] },
    { files: [{ fileName: 'a.md', content: 'x' }, { fileName: 'A.md', content: 'y' }] },
    { files: [{ fileName: 'a.md' }] },
  ],
  'export.save': [{ suggestedName: '../../x.md', content: '' }, { suggestedName: '', content: '' }, { content: 'x' }],
  'search.query': [{ query: 7 }, { query: 'x', limit: 5000 }, { query: 'x', sort: 'random' }, { query: 'x'.repeat(20_000) }, { query: 'x', extra: 1 }, { query: 'x', offset: -1 }],
  'searches.list': [{ all: true }],
  'searches.save': [{ name: '', query: 'x' }, { name: 'n', query: '   ' }, { name: 'x'.repeat(300), query: 'q' }, { name: 'n', query: 'q', id: 42 }],
  'searches.delete': [{}, { id: '' }, { id: 7 }],
  'columns.list': [{ all: true }],
  'columns.save': [
    { name: 'Method' },
    { name: '  ', kind: 'text' },
    { name: 'x'.repeat(201), kind: 'text' },
    { name: 'Two\nlines', kind: 'text' },
    { name: 'Kind', kind: 'date' },
    { name: 'Dataset', kind: 'select' },
    { name: 'Dataset', kind: 'select', options: [] },
    { name: 'Dataset', kind: 'select', options: ['a', 'A'] },
    { name: 'Dataset', kind: 'select', options: ['o'.repeat(201)] },
    { name: 'Dataset', kind: 'select', options: Array.from({ length: 201 }, (_, index) => `o${index}`) },
    { name: 'Method', kind: 'text', options: ['a'] },
    { name: 'Method', kind: 'text', extra: 1 },
  ],
  'columns.delete': [{}, { id: '' }, { id: 7 }],
  'cells.get': [{}, { paperIds: 'all' }, { paperIds: [''] }],
  'cells.set': [
    { paperId: 'p', columnId: 'c' },
    { paperId: 'p', columnId: 'c', value: { nested: 1 } },
    { paperId: 'p', columnId: 'c', value: 'x'.repeat(100_001) },
    { paperId: 'p', columnId: 'c', value: Number.POSITIVE_INFINITY },
    { paperId: '', columnId: 'c', value: 'x' },
    { paperId: 'p', columnId: 'c', value: ['a'] },
  ],
  'cells.setEvidence': [{ paperId: 'p', columnId: 'c' }, { paperId: 'p', columnId: 'c', annotationId: '' }, { paperId: 'p', columnId: 'c', annotationId: 3 }],
  'tables.list': [{ all: true }],
  'tables.save': [
    { name: 'T', columns: [] },
    { name: ' ', source: { kind: 'query', value: '' }, columns: [] },
    { name: 'T', source: { kind: 'folder', value: 'x' }, columns: [] },
    { name: 'T', source: { kind: 'tag', value: 'x' }, columns: [{ id: 'title', width: 10 }] },
    { name: 'T', source: { kind: 'tag', value: 'x' }, columns: [], sort: { columnId: 'title', direction: 'up' } },
    { name: 'T', source: { kind: 'tag', value: 'x' }, columns: [], extra: 1 },
  ],
  'tables.delete': [{}, { id: '' }],
  'screening.decide': [
    { paperIds: ['x'] },
    { paperIds: ['x'], decision: 'reject' },
    { paperIds: [], decision: 'include' },
    { paperIds: ['x'], decision: 'include', reasonId: 'r1' },
    { paperIds: ['x'], decision: 'exclude', reasonId: '' },
    { paperIds: ['x'], decision: 'exclude', reason: 'free text' },
  ],
  'screening.restore': [
    { states: [] },
    { states: [{ paperId: 'x' }] },
    { states: [{ paperId: 'x', screening: { decision: 'nope' } }] },
    { states: [{ paperId: 'x', screening: { decision: 'exclude', decidedAt: 'yesterday' } }] },
    { states: [{ paperId: 'x', screening: { decision: 'include', extra: 1 } }] },
  ],
  'screening.criteria.get': [{ all: true }],
  'screening.criteria.set': [
    {},
    { reasons: Array.from({ length: 10 }, (_, index) => ({ label: `r${index}` })), includeKeywords: [], excludeKeywords: [] },
    { reasons: [{ label: '  ' }], includeKeywords: [], excludeKeywords: [] },
    { reasons: [{ label: 'x'.repeat(201) }], includeKeywords: [], excludeKeywords: [] },
    { reasons: [{ label: 'a' }, { label: 'A' }], includeKeywords: [], excludeKeywords: [] },
    { reasons: [], includeKeywords: ['k'.repeat(101)], excludeKeywords: [] },
    { reasons: [], includeKeywords: ['rl'], excludeKeywords: ['RL'] },
    { reasons: [], includeKeywords: [], excludeKeywords: [], extra: 1 },
  ],
  'screening.stats': [{ paperIds: 'all' }, { query: 'decision:include' }, { paperIds: [''] }],
  'history.state': [{ all: true }, 'state', 7],
  'history.undo': [{ steps: 2 }, [], 'undo'],
  'history.redo': [{ steps: 2 }, [], 'redo'],
  'dashboard.stats': [{ paperIds: 'all' }, { query: 'year:2021' }, { paperIds: [''] }, { top: 0 }, { top: 1000 }, { top: 2.5 }, [], 'stats'],
  'papers.related': [{}, { paperId: '' }, { paperId: 'a', limit: 51 }, { paperId: 'a', limit: 0 }, { paperId: 'a', limit: 2.5 }, { paperId: 'a', extra: 1 }],
  'compare.analyze': [{}, { paperIds: ['a'] }, { paperIds: ['a', 'b', 'c', 'd', 'e'] }, { paperIds: ['a', 'a'] }, { paperIds: 'a,b' }],
  'comparisons.get': [{}, { paperIds: ['a'] }, { paperIds: ['a', 'b', 'c', 'd', 'e'] }, { paperIds: ['a', 'b', 'a'] }],
  'comparisons.save': [
    { paperIds: ['a', 'b'] },
    { paperIds: ['a'], note: 'x' },
    { paperIds: ['a', 'a'], note: 'x' },
    { paperIds: ['a', 'b'], note: 7 },
    { paperIds: ['a', 'b'], note: 'x'.repeat(200_001) },
    { id: '', paperIds: ['a', 'b'], note: 'x' },
    { paperIds: ['a', 'b'], note: 'x', updatedAt: '2026-01-01T00:00:00.000Z' },
  ],
};

describe('invalid input through dispatch', () => {
  let sift: Sift;
  let folder: string;
  let cleanup: () => Promise<void>;
  let before: Record<string, string>;

  beforeAll(async () => {
    ({ sift, folder, cleanup } = await openTempSift({ withSample: true, storage: { compactWhenIdleMs: 600_000 } }));
    before = await folderContents(folder);
  });
  afterAll(async () => cleanup());

  it('covers every method', () => {
    expect(Object.keys(badInputs).sort()).toEqual([...methodNames].sort());
  });

  it.each(methodNames.flatMap((method) => badInputs[method].map((input, index) => [method, index, input] as const)))(
    '%s bad input #%i gets a clear error and changes nothing on disk',
    async (method, _index, input) => {
      const result = await sift.dispatch(method, input);
      expect(result.ok).toBe(false);
      if (result.ok) return;
      expect(result.error.code).toBe('invalid-input');
      expect(result.error.message).toMatch(new RegExp(`^Invalid input for ${method.replace('.', '\\.')}: .+`));
      expect(result.error.message.length).toBeLessThan(2000);
      expect(await folderContents(folder)).toEqual(before);
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    },
  );

  it('an unknown paper id is a not-found error and changes nothing', async () => {
    const result = await sift.dispatch('tags.add', { paperIds: ['no-such-paper'], tag: 'x' });
    expect(result).toMatchObject({ ok: false, error: { code: 'not-found' } });
    expect(await folderContents(folder)).toEqual(before);
  });

  it('an unknown method is refused', async () => {
    expect(await sift.dispatch('papers.drop', {})).toMatchObject({ ok: false, error: { code: 'unknown-method' } });
    expect(await sift.dispatch('__proto__', {})).toMatchObject({ ok: false, error: { code: 'unknown-method' } });
  });
});
