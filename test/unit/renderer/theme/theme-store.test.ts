import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

// The store touches only document.documentElement.dataset, localStorage, matchMedia and window's storage event:
// small fakes of those stand in for a browser.
function fakeBrowser(stored: Record<string, string>, prefersDark: boolean) {
  const dataset: Record<string, string> = {};
  const mediaListeners: Array<() => void> = [];
  const media = { matches: prefersDark, addEventListener: (_type: string, listener: () => void) => mediaListeners.push(listener) };
  vi.stubGlobal('document', { documentElement: { dataset } });
  vi.stubGlobal('window', { addEventListener: () => undefined });
  vi.stubGlobal('localStorage', {
    getItem: (key: string) => stored[key] ?? null,
    setItem: (key: string, value: string) => void (stored[key] = value),
  });
  vi.stubGlobal('matchMedia', () => media);
  return {
    dataset,
    stored,
    /** The operating system switches its preference. */
    systemPrefersDark(dark: boolean) {
      media.matches = dark;
      for (const listener of mediaListeners) listener();
    },
  };
}

async function freshStore() {
  vi.resetModules();
  return (await import('../../../../renderer/src/theme/theme-store')).themeStore;
}

describe('themeStore', () => {
  beforeEach(() => vi.unstubAllGlobals());
  afterEach(() => vi.unstubAllGlobals());

  it('starts on System and follows the operating system live', async () => {
    const browser = fakeBrowser({}, false);
    const store = await freshStore();
    store.start();
    expect(browser.dataset).toEqual({ theme: 'light', themeChoice: 'system' });
    browser.systemPrefersDark(true);
    expect(browser.dataset.theme).toBe('dark');
  });

  it('applies and remembers a fixed choice, which the system no longer changes', async () => {
    const browser = fakeBrowser({}, true);
    const store = await freshStore();
    store.start();
    store.setChoice('light');
    expect(browser.dataset).toEqual({ theme: 'light', themeChoice: 'light' });
    expect(browser.stored).toEqual({ 'sift.theme': 'light' });
    browser.systemPrefersDark(true);
    expect(browser.dataset.theme).toBe('light');
    expect(store.getChoice()).toBe('light');
  });

  it('starts on the stored choice', async () => {
    const browser = fakeBrowser({ 'sift.theme': 'dark' }, false);
    const store = await freshStore();
    store.start();
    expect(browser.dataset).toEqual({ theme: 'dark', themeChoice: 'dark' });
  });

  it('still works when storage refuses', async () => {
    const browser = fakeBrowser({}, false);
    vi.stubGlobal('localStorage', {
      getItem: () => {
        throw new Error('SecurityError');
      },
      setItem: () => {
        throw new Error('QuotaExceededError');
      },
    });
    const store = await freshStore();
    store.start();
    store.setChoice('dark');
    expect(browser.dataset).toEqual({ theme: 'dark', themeChoice: 'dark' });
  });
});
