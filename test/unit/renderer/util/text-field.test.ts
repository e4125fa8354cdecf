import { describe, expect, it } from 'vitest';
import { isTextField } from '../../../../renderer/src/util/text-field';

describe('whether the focus is in a text field (where Undo is the field’s own)', () => {
  it.each([
    [{ tagName: 'INPUT', type: 'text' }, true],
    [{ tagName: 'INPUT', type: 'search' }, true],
    [{ tagName: 'INPUT', type: 'email' }, true],
    [{ tagName: 'INPUT', type: 'number' }, true],
    [{ tagName: 'INPUT', type: '' }, true],
    [{ tagName: 'INPUT' }, true],
    [{ tagName: 'input', type: 'TEXT' }, true],
    [{ tagName: 'TEXTAREA' }, true],
    [{ tagName: 'DIV', isContentEditable: true }, true],
    [{ tagName: 'INPUT', type: 'checkbox' }, false],
    [{ tagName: 'INPUT', type: 'radio' }, false],
    [{ tagName: 'INPUT', type: 'button' }, false],
    [{ tagName: 'INPUT', type: 'range' }, false],
    [{ tagName: 'INPUT', type: 'file' }, false],
    [{ tagName: 'SELECT' }, false],
    [{ tagName: 'BUTTON' }, false],
    [{ tagName: 'BODY' }, false],
    [{ tagName: 'DIV', isContentEditable: false }, false],
    [null, false],
    [undefined, false],
  ])('%j: %s', (element, expected) => {
    expect(isTextField(element)).toBe(expected);
  });
});
