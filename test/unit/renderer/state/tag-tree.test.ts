import { describe, expect, it } from 'vitest';
import type { PaperSummary, TagSummary } from '../../../../shared/api/contract';
import { buildTagTree, visibleTagRows, type TagNode } from '../../../../renderer/src/state/tag-tree';
import { matchesFilter } from '../../../../renderer/src/state/visible-papers';

function paper(id: string, tags: string[]): PaperSummary {
  return {
    id,
    type: 'article',
    title: id,
    tags,
    status: 'unread',
    addedAt: '2026-01-01T00:00:00.000Z',
    updatedAt: '2026-01-01T00:00:00.000Z',
    authors: [],
    authorCount: 0,
    decision: 'undecided',
    noteCount: 0,
    hasAbstract: false,
  };
}

/** The tree as `name count` lines, indented by depth, with color and pin when set. */
function outline(nodes: readonly TagNode[]): string[] {
  return visibleTagRows(nodes, new Set()).map(
    (node) => `${'  '.repeat(node.depth)}${node.label} ${node.count}${node.color ? ` ${node.color}` : ''}${node.pinned ? ` [${node.pinned}]` : ''}`,
  );
}

describe('the sidebar tag tree', () => {
  const papers = [
    paper('a', ['method', 'method/rct']),
    paper('b', ['method/rct', 'method/survey/online']),
    paper('c', ['methods', 'topic/vision']),
    paper('d', ['Zebra']),
  ];
  const tags: TagSummary[] = [
    { name: 'method', count: 1, color: 'teal', pinned: 2 },
    { name: 'method/rct', count: 2 },
    { name: 'method/survey/online', count: 1 },
    { name: 'methods', count: 1 },
    { name: 'topic/vision', count: 1 },
    { name: 'Zebra', count: 1, pinned: 1 },
  ];

  it('nests by "/", counts each paper once per parent, and keeps colors and pins', () => {
    expect(outline(buildTagTree(tags, papers))).toEqual([
      'method 2 teal [2]',
      '  rct 2',
      '  survey 1',
      '    online 1',
      'methods 1',
      'topic 1',
      '  vision 1',
      'Zebra 1 [1]',
    ]);
  });

  it('hides the children of collapsed parents', () => {
    const rows = visibleTagRows(buildTagTree(tags, papers), new Set(['method', 'topic']));
    expect(rows.map((node) => node.name)).toEqual(['method', 'methods', 'topic', 'Zebra']);
  });

  it.each([
    ['method', ['a', 'b']],
    ['method/rct', ['a', 'b']],
    ['method/survey', ['b']],
    ['methods', ['c']],
    ['topic', ['c']],
    ['zebra', []],
  ])('filtering by %j lists %j (a parent includes its children; look-alike names do not count)', (tag, expected) => {
    expect(papers.filter((entry) => matchesFilter(entry, { tag })).map((entry) => entry.id)).toEqual(expected);
  });
});
