import { describe, expect, it } from 'vitest';
import { historyMessage, historyTitle, nextState } from '../../../../renderer/src/commands/history';
import { matchesShortcut } from '../../../../renderer/src/commands/shortcut';

describe('Undo and Redo of library changes', () => {
  it('titles name the next step when the main side gave its label', () => {
    expect(historyTitle('undo', { undo: 'Add tag', redo: 'Set status' })).toBe('Undo Add tag');
    expect(historyTitle('redo', { undo: 'Add tag', redo: 'Set status' })).toBe('Redo Set status');
    expect(historyTitle('undo', {})).toBe('Undo');
    expect(historyTitle('redo', { undo: 'Add tag' })).toBe('Redo');
  });

  it('says what was undone or redone, or that there was nothing', () => {
    expect(historyMessage('undo', { done: true, label: 'Add tag' })).toBe('Undone: Add tag');
    expect(historyMessage('redo', { done: true, label: 'Screen papers', undo: 'Screen papers' })).toBe('Redone: Screen papers');
    expect(historyMessage('undo', { done: true })).toBe('Undone: the last change');
    expect(historyMessage('undo', { done: false })).toBe('Nothing to undo');
    expect(historyMessage('redo', { done: false, undo: 'Add tag' })).toBe('Nothing to redo');
  });

  it('keeps only the labels a step left next in line', () => {
    const step = { done: true, label: 'Add tag', undo: 'Set status', redo: 'Add tag' };
    expect(nextState(step)).toEqual({ undo: 'Set status', redo: 'Add tag' });
    expect(nextState({ undo: '' })).toEqual({});
    expect(nextState({})).toEqual({});
  });

  it('Ctrl+Z is Undo and Ctrl+Shift+Z is Redo, whatever case the key reports', () => {
    const key = (k: string, modifiers: { ctrlKey?: boolean; shiftKey?: boolean; altKey?: boolean; metaKey?: boolean } = {}) =>
      ({ key: k, ctrlKey: false, shiftKey: false, altKey: false, metaKey: false, ...modifiers }) as KeyboardEvent;
    const undo = { key: 'z', mod: true };
    const redo = { key: 'z', mod: true, shift: true };
    expect(matchesShortcut(key('z', { ctrlKey: true }), undo)).toBe(true);
    expect(matchesShortcut(key('Z', { ctrlKey: true, shiftKey: true }), undo)).toBe(false);
    expect(matchesShortcut(key('Z', { ctrlKey: true, shiftKey: true }), redo)).toBe(true);
    expect(matchesShortcut(key('z', { ctrlKey: true }), redo)).toBe(false);
    expect(matchesShortcut(key('z'), undo)).toBe(false);
    expect(matchesShortcut(key('z', { ctrlKey: true, altKey: true }), undo)).toBe(false);
  });
});
