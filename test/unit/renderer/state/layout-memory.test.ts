import { describe, expect, it } from 'vitest';
import {
  clampPaneWidth,
  defaultPaneWidths,
  MAX_REMEMBERED_SCREENING,
  paneWidthForKey,
  parsePaneWidths,
  parseRememberedView,
  rememberView,
  restoreViewAction,
  serializeRememberedView,
  type RememberedView,
} from '../../../../renderer/src/state/layout-memory';
import type { UiState, View } from '../../../../renderer/src/state/ui-state';

describe('pane widths', () => {
  it.each([
    ['sidebar', 244, 244],
    ['sidebar', 100, 180],
    ['sidebar', 9999, 420],
    ['sidebar', 250.6, 251],
    ['sidebar', Number.NaN, 244],
    ['list', 100, 280],
    ['list', 500, 500],
    ['list', 2000, 720],
    ['list', Number.POSITIVE_INFINITY, 420],
  ] as const)('clampPaneWidth(%s, %d) → %d', (pane, width, expected) => {
    expect(clampPaneWidth(pane, width)).toBe(expected);
  });

  it.each([
    [null, defaultPaneWidths],
    ['', defaultPaneWidths],
    ['not json', defaultPaneWidths],
    ['[1,2]', defaultPaneWidths],
    ['{"sidebar":"wide"}', defaultPaneWidths],
    ['{"sidebar":300,"list":500}', { sidebar: 300, list: 500 }],
    ['{"sidebar":300}', { sidebar: 300, list: 420 }],
    ['{"sidebar":10,"list":99999}', { sidebar: 180, list: 720 }],
  ])('parsePaneWidths(%j) → %j', (stored, expected) => {
    expect(parsePaneWidths(stored)).toEqual(expected);
  });

  it.each([
    ['sidebar', 244, 'ArrowRight', false, 260],
    ['sidebar', 244, 'ArrowLeft', false, 228],
    ['sidebar', 244, 'ArrowRight', true, 308],
    ['sidebar', 190, 'ArrowLeft', true, 180],
    ['list', 420, 'PageUp', false, 484],
    ['list', 420, 'PageDown', false, 356],
    ['list', 500, 'Home', false, 280],
    ['list', 500, 'End', false, 720],
    ['list', 500, 'Enter', false, 420],
    ['list', 420, 'ArrowUp', false, undefined],
    ['list', 420, 'a', false, undefined],
  ] as const)('%s at %d, key %s (shift %s) → %s', (pane, width, key, shift, expected) => {
    expect(paneWidthForKey(pane, width, key, shift)).toBe(expected);
  });
});

describe('the remembered view', () => {
  const ui = (view: View, more: Partial<Pick<UiState, 'compareIds' | 'reader' | 'screening'>> = {}) => ({ view, compareIds: [], ...more });

  it.each<[string, ReturnType<typeof ui>, RememberedView]>([
    ['the list', ui('library'), { view: 'library' }],
    ['the review table', ui('review'), { view: 'review' }],
    ['the dashboard', ui('dashboard'), { view: 'dashboard' }],
    ['compare with its papers', ui('compare', { compareIds: ['a', 'b', 'c'] }), { view: 'compare', ids: ['a', 'b', 'c'] }],
    ['the reader with its paper, PDF and page', ui('reader', { reader: { paperId: 'p', attachmentId: 'f', page: 3, request: 2 } }), { view: 'reader', paperId: 'p', attachmentId: 'f', page: 3 }],
    ['screening with its list', ui('screening', { screening: { ids: ['a', 'b'], scope: 'all papers', criteriaOpen: true } }), { view: 'screening', ids: ['a', 'b'], scope: 'all papers' }],
    ['a screening list too long to store, as the list', ui('screening', { screening: { ids: Array.from({ length: MAX_REMEMBERED_SCREENING + 1 }, (_, index) => `p${index}`), scope: 'all', criteriaOpen: false } }), { view: 'library' }],
  ])('remembers %s', (_label, state, expected) => {
    expect(rememberView(state)).toEqual(expected);
  });

  it.each([
    ['{"view":"review"}', { view: 'review' }],
    ['{"view":"dashboard"}', { view: 'dashboard' }],
    ['{"view":"compare","ids":["a","b"]}', { view: 'compare', ids: ['a', 'b'] }],
    ['{"view":"compare","ids":["a"]}', undefined],
    ['{"view":"reader","paperId":"p1"}', undefined],
    ['{"view":"palette"}', undefined],
    ['review', undefined],
    [null, undefined],
  ])('parseRememberedView(%j) → %j', (stored, expected) => {
    expect(parseRememberedView(stored)).toEqual(expected);
  });

  it('round-trips through its stored form', () => {
    const reader: RememberedView = { view: 'reader', paperId: 'p', attachmentId: 'f', page: 2 };
    expect(parseRememberedView(serializeRememberedView(reader))).toEqual(reader);
  });

  it('reopens a view only while what it shows is still there', () => {
    const exists = (id: string) => id !== 'gone';
    expect(restoreViewAction({ view: 'review' }, exists)).toEqual({ type: 'openReview' });
    expect(restoreViewAction({ view: 'dashboard' }, exists)).toEqual({ type: 'openDashboard' });
    expect(restoreViewAction({ view: 'compare', ids: ['a', 'b'] }, exists)).toEqual({ type: 'openCompare', ids: ['a', 'b'] });
    expect(restoreViewAction({ view: 'compare', ids: ['a', 'gone'] }, exists)).toBeUndefined();
    expect(restoreViewAction({ view: 'reader', paperId: 'p', attachmentId: 'f', page: 4 }, exists)).toEqual({ type: 'openReader', target: { paperId: 'p', attachmentId: 'f', page: 4 } });
    expect(restoreViewAction({ view: 'reader', paperId: 'gone', attachmentId: 'f' }, exists)).toBeUndefined();
    expect(restoreViewAction({ view: 'screening', ids: ['a', 'gone', 'b'], scope: 'all papers' }, exists)).toEqual({ type: 'openScreening', target: { ids: ['a', 'b'], scope: 'all papers', criteriaOpen: false } });
    expect(restoreViewAction({ view: 'screening', ids: ['gone'], scope: 'x' }, exists)).toBeUndefined();
    expect(restoreViewAction({ view: 'library' }, exists)).toBeUndefined();
    expect(restoreViewAction(undefined, exists)).toBeUndefined();
  });
});
