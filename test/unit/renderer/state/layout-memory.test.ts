import { describe, expect, it } from 'vitest';
import {
  clampPaneWidth,
  defaultPaneWidths,
  paneWidthForKey,
  parsePaneWidths,
  parseRememberedView,
  rememberView,
  restoreViewAction,
  serializeRememberedView,
} from '../../../../renderer/src/state/layout-memory';
import type { View } from '../../../../renderer/src/state/ui-state';

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
  it.each<[View, string]>([
    ['library', 'library'],
    ['review', 'review'],
    ['dashboard', 'dashboard'],
    ['compare', 'library'],
    ['screening', 'library'],
    ['reader', 'library'],
  ])('%s is remembered as %s', (view, expected) => {
    expect(rememberView({ view })).toBe(expected);
  });

  it.each([
    ['{"view":"review"}', 'review'],
    ['{"view":"library"}', 'library'],
    ['{"view":"reader","paperId":"p1"}', undefined],
    ['{"view":"dashboard"}', 'dashboard'],
    ['{"view":"compare"}', undefined],
    ['review', undefined],
    [null, undefined],
  ])('parseRememberedView(%j) → %s', (stored, expected) => {
    expect(parseRememberedView(stored)).toBe(expected);
  });

  it('round-trips through its stored form', () => {
    expect(parseRememberedView(serializeRememberedView('review'))).toBe('review');
    expect(serializeRememberedView('review')).toBe('{"view":"review"}');
  });

  it('reopens the review table and the dashboard, and nothing else', () => {
    expect(restoreViewAction('review')).toEqual({ type: 'openReview' });
    expect(restoreViewAction('dashboard')).toEqual({ type: 'openDashboard' });
    expect(restoreViewAction('library')).toBeUndefined();
    expect(restoreViewAction(undefined)).toBeUndefined();
  });
});
