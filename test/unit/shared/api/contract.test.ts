import { describe, expect, it } from 'vitest';
import { apiEvents, apiMethods, eventNames, methodNames } from '../../../../shared/api/contract';

describe('the API contract', () => {
  it('pins the method list', () => {
    expect([...methodNames]).toEqual([
      'library.info',
      'library.openSample',
      'library.chooseAndOpen',
      'backups.list',
      'backups.restore',
      'papers.list',
      'papers.get',
      'papers.update',
      'papers.updateMany',
      'tags.add',
      'tags.remove',
      'tags.rename',
      'tags.setColor',
      'tags.pin',
      'tags.delete',
      'tags.restore',
      'notes.add',
      'notes.update',
      'notes.delete',
      'annotations.add',
      'annotations.update',
      'annotations.delete',
      'attachments.read',
      'import.preview',
      'import.commit',
      'import.cancel',
      'export.markdown',
      'export.bibliography',
      'export.save',
      'export.table',
      'export.notes',
      'export.saveFolder',
      'search.query',
      'searches.list',
      'searches.save',
      'searches.delete',
      'columns.list',
      'columns.save',
      'columns.delete',
      'cells.get',
      'cells.set',
      'cells.setEvidence',
      'tables.list',
      'tables.save',
      'tables.delete',
      'screening.decide',
      'screening.restore',
      'screening.criteria.get',
      'screening.criteria.set',
      'screening.stats',
      'dashboard.stats',
      'papers.related',
      'compare.analyze',
      'comparisons.get',
      'comparisons.save',
      'history.state',
      'history.undo',
      'history.redo',
    ]);
    expect(Object.keys(apiMethods).sort()).toEqual([...methodNames].sort());
  });

  it('pins the event list', () => {
    expect([...eventNames]).toEqual(['library.changed', 'library.saveState', 'library.notice', 'import.progress', 'app.command', 'app.openFiles']);
    expect(Object.keys(apiEvents)).toEqual([...eventNames]);
  });

  it.each([
    ['papers.update', { id: 'a', changes: {} }, 'Nothing to change'],
    ['papers.update', { id: 'a', changes: { status: 'done' } }, 'status'],
    ['papers.update', { id: 'a', changes: { title: '   ' } }, 'A title cannot be empty'],
    ['papers.update', { id: 'a', changes: { rating: 9 } }, 'rating'],
    ['papers.update', { id: 'a', changes: { owner: 'x' } }, 'owner'],
    ['tags.add', { paperIds: [], tag: 'rl' }, 'Select at least one paper'],
    ['tags.add', { paperIds: ['a'], tag: '' }, 'Tag names cannot be empty'],
    ['tags.add', { paperIds: ['a'], tag: 'a\nb' }, 'Tag names must be on one line'],
    ['tags.add', { paperIds: ['a'], tag: '-x' }, 'cannot start with "-"'],
    ['tags.rename', { from: 'rl', to: 'rl' }, 'The new name is the same as the old one'],
    ['tags.setColor', { name: 'rl', color: 'url(x)' }, 'A tag color is #rrggbb or one of red'],
    ['tags.pin', { name: 'rl', slot: 10 }, 'Pin slots are 1 to 9'],
    ['annotations.add', { paperId: 'a', attachmentId: 'b', page: 1, rects: [[0, 0, 10, 10]], quote: 'q', color: 'orange' }, 'color'],
    ['annotations.add', { paperId: 'a', attachmentId: 'b', page: 1, rects: [[0, 0, 0, 10]], quote: 'q', color: 'blue' }, 'A highlight rectangle needs a width and a height'],
    ['annotations.add', { paperId: 'a', attachmentId: 'b', page: 1, rects: [], quote: 'q', color: 'blue' }, 'A highlight needs at least one rectangle'],
    ['annotations.add', { paperId: 'a', attachmentId: 'b', page: 1, rects: [[0, 0, 10, 10]], quote: '  ', color: 'blue' }, 'A highlight needs the text it marks'],
    ['annotations.update', { paperId: 'a', annotationId: 'b' }, 'Nothing to change'],
    ['screening.decide', { paperIds: ['a'], decision: 'maybe', reasonId: 'r1' }, 'reasonId: Only an exclusion takes a reason'],
    ['screening.criteria.set', { reasons: [{ label: 'Adults' }, { label: 'adults ' }], includeKeywords: [], excludeKeywords: [] }, 'Two exclusion reasons are both “adults”'],
    ['export.markdown', { paperIds: ['a'], columns: ['title', 'secret'] }, 'columns'],
    ['export.bibliography', { paperIds: ['a'], format: 'endnote' }, 'format'],
    ['export.save', { suggestedName: '../etc/passwd', content: '' }, 'slashes'],
    ['library.info', { extra: true }, 'extra'],
  ] as const)('%s rejects %j with a message naming the problem', (method, input, expected) => {
    const result = apiMethods[method].input.safeParse(input);
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('\n')).toContain(expected);
  });

  it('trims tag names', () => {
    expect(apiMethods['tags.add'].input.parse({ paperIds: ['a'], tag: '  rlhf ' }).tag).toBe('rlhf');
  });
});
