import { describe, expect, it } from 'vitest';
import { parseThemeChoice, resolveTheme, type Theme, type ThemeChoice } from '../../../../renderer/src/theme/theme';

describe('parseThemeChoice', () => {
  it.each([
    ['system', 'system'],
    ['light', 'light'],
    ['dark', 'dark'],
    [null, 'system'],
    [undefined, 'system'],
    ['', 'system'],
    ['Dark', 'system'],
    ['sepia', 'system'],
  ] as const)('%j → %s', (stored, expected) => {
    expect(parseThemeChoice(stored)).toBe(expected);
  });
});

describe('resolveTheme', () => {
  it.each<[ThemeChoice, boolean, Theme]>([
    ['system', false, 'light'],
    ['system', true, 'dark'],
    ['light', false, 'light'],
    ['light', true, 'light'],
    ['dark', false, 'dark'],
    ['dark', true, 'dark'],
  ])('%s with the system preferring dark: %s → %s', (choice, systemPrefersDark, expected) => {
    expect(resolveTheme(choice, systemPrefersDark)).toBe(expected);
  });
});
