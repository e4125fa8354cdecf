import { parseThemeChoice, resolveTheme, type Theme, type ThemeChoice } from './theme';

/**
 * The theme is a per-machine UI preference, not library data: it lives in the renderer's localStorage
 * (which persists in Electron's app:// origin as in browser mode) and never travels to library.json.
 */
const STORAGE_KEY = 'sift.theme';
const DARK_QUERY = '(prefers-color-scheme: dark)';

function storedChoice(): ThemeChoice {
  try {
    return parseThemeChoice(localStorage.getItem(STORAGE_KEY));
  } catch {
    // Storage can be unavailable (a locked-down profile): the theme still follows the system.
    return 'system';
  }
}

function systemPrefersDark(): boolean {
  return typeof matchMedia === 'function' && matchMedia(DARK_QUERY).matches;
}

let choice: ThemeChoice = 'system';
let started = false;

function apply(): void {
  const theme: Theme = resolveTheme(choice, systemPrefersDark());
  const root = document.documentElement;
  root.dataset.theme = theme;
  root.dataset.themeChoice = choice;
}

/** The theme choice and the `data-theme` attribute the stylesheets switch on. */
export const themeStore = {
  /** Applies the stored choice before the first render, and follows the system's preference live. */
  start(): void {
    if (started) return;
    started = true;
    choice = storedChoice();
    apply();
    if (typeof matchMedia === 'function') matchMedia(DARK_QUERY).addEventListener('change', apply);
    // Another window of the app changed the choice.
    window.addEventListener('storage', (event) => {
      if (event.key !== STORAGE_KEY) return;
      choice = parseThemeChoice(event.newValue);
      apply();
    });
  },
  getChoice(): ThemeChoice {
    return choice;
  },
  setChoice(next: ThemeChoice): void {
    choice = next;
    try {
      localStorage.setItem(STORAGE_KEY, next);
    } catch {
      // Not remembered, but still applied for this session.
    }
    apply();
  },
};
