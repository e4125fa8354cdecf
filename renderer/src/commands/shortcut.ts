import { isMac } from '../util/platform';

/** A key combination. `mod` is ⌘ on a Mac and Ctrl elsewhere. */
export interface Shortcut {
  /** `KeyboardEvent.key`: a character ("k", "/") or a named key ("ArrowDown", "Escape"). */
  key: string;
  mod?: boolean;
  shift?: boolean;
  alt?: boolean;
}

/**
 * Symbols and digits sit on shifted keys on some layouts ("/" is Shift+7 on a German keyboard,
 * "1" is Shift+& on a French one), so Shift is not compared for them.
 */
function shiftMatters(key: string): boolean {
  return key.length > 1 || /^\p{L}$/u.test(key);
}

export function matchesShortcut(event: KeyboardEvent, shortcut: Shortcut): boolean {
  const mod = isMac ? event.metaKey : event.ctrlKey;
  const foreignMod = isMac ? event.ctrlKey : event.metaKey;
  if (foreignMod || mod !== Boolean(shortcut.mod) || event.altKey !== Boolean(shortcut.alt)) return false;
  if (shiftMatters(shortcut.key) && event.shiftKey !== Boolean(shortcut.shift)) return false;
  const key = event.key.length === 1 ? event.key.toLowerCase() : event.key;
  return key === (shortcut.key.length === 1 ? shortcut.key.toLowerCase() : shortcut.key);
}

const keyLabels: Record<string, string> = {
  ArrowUp: '↑',
  ArrowDown: '↓',
  ArrowLeft: '←',
  ArrowRight: '→',
  Escape: 'Esc',
  Enter: 'Enter',
  Home: 'Home',
  End: 'End',
  ' ': 'Space',
};

/** The keys to press, one label per key, in the platform's words (⌘ ⇧ on a Mac, Ctrl Shift elsewhere). */
export function shortcutKeys(shortcut: Shortcut): string[] {
  const keys: string[] = [];
  if (shortcut.mod) keys.push(isMac ? '⌘' : 'Ctrl');
  if (shortcut.alt) keys.push(isMac ? '⌥' : 'Alt');
  if (shortcut.shift) keys.push(isMac ? '⇧' : 'Shift');
  keys.push(keyLabels[shortcut.key] ?? shortcut.key.toUpperCase());
  return keys;
}

export function shortcutLabel(shortcut: Shortcut): string {
  return shortcutKeys(shortcut).join(isMac ? '' : ' ');
}
