/** What the user picked: follow the operating system, or one theme always. */
export type ThemeChoice = 'system' | 'light' | 'dark';
/** The theme the page is drawn in (`data-theme` on `<html>`). */
export type Theme = 'light' | 'dark';

export const themeChoices: readonly ThemeChoice[] = ['system', 'light', 'dark'];

/** The stored choice, or System for anything else (nothing stored yet, a value from a newer version). */
export function parseThemeChoice(stored: string | null | undefined): ThemeChoice {
  return themeChoices.find((choice) => choice === stored) ?? 'system';
}

/** The theme to draw: the choice, or for System whatever the operating system prefers now. */
export function resolveTheme(choice: ThemeChoice, systemPrefersDark: boolean): Theme {
  if (choice === 'system') return systemPrefersDark ? 'dark' : 'light';
  return choice;
}
