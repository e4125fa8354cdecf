import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  MAX_RECENT_LIBRARIES,
  appStateKeeper,
  loadAppState,
  restorableBounds,
  saveAppState,
  wholeBounds,
  withRecentLibrary,
  withoutRecentLibraries,
  withoutRecentLibrary,
  type AppState,
  type Rectangle,
} from '../../../../electron/main/app-state';

describe('app-state.json', () => {
  let folder: string;
  let file: string;
  beforeEach(async () => {
    folder = await mkdtemp(path.join(os.tmpdir(), 'sift-app-state-'));
    file = path.join(folder, 'app-state.json');
  });
  afterEach(() => rm(folder, { recursive: true, force: true }));

  it('round-trips what it saves', async () => {
    const state: AppState = { window: { bounds: { x: -1200, y: 40, width: 1100, height: 700 }, maximized: false }, recentLibraries: ['/a', '/b'] };
    await saveAppState(file, state);
    expect(await loadAppState(file)).toEqual(state);
  });

  it.each([
    ['missing', undefined],
    ['not JSON', '{"window": '],
    ['JSON of another shape', '[1, 2, 3]'],
    ['a size that is not a number', '{"window": {"bounds": {"x": 0, "y": 0, "width": "big", "height": 10}, "maximized": false}}'],
    ['a zero-width window', '{"window": {"bounds": {"x": 0, "y": 0, "width": 0, "height": 10}, "maximized": false}}'],
    ['recent libraries that are not paths', '{"recentLibraries": [1, null]}'],
    ['an empty file', ''],
  ])('gives the defaults for a file that is %s', async (_case, content) => {
    if (content !== undefined) await writeFile(file, content);
    expect(await loadAppState(file)).toEqual({ recentLibraries: [] });
  });

  it('keeps at most ten recent libraries from a file that holds more', async () => {
    await writeFile(file, JSON.stringify({ recentLibraries: Array.from({ length: 30 }, (_, index) => `/lib${index}`) }));
    expect((await loadAppState(file)).recentLibraries).toHaveLength(MAX_RECENT_LIBRARIES);
  });

  it('writes one after another, the last state winning, and logs a failed write instead of throwing', async () => {
    const logged: string[] = [];
    const keeper = appStateKeeper(file, { recentLibraries: [] }, (message) => logged.push(message));
    keeper.update((state) => withRecentLibrary(state, '/one'));
    keeper.update((state) => withRecentLibrary(state, '/two'));
    await keeper.flushed();
    expect(JSON.parse(await readFile(file, 'utf8'))).toEqual({ recentLibraries: ['/two', '/one'] });

    const failing = appStateKeeper(path.join(folder, 'no-such-folder', 'app-state.json'), { recentLibraries: [] }, (message) => logged.push(message));
    failing.update((state) => withRecentLibrary(state, '/three'));
    await failing.flushed();
    expect(failing.current.recentLibraries).toEqual(['/three']);
    expect(logged).toHaveLength(1);
  });
});

describe('recent libraries', () => {
  it.each([
    [[], '/a', ['/a']],
    [['/a', '/b'], '/b', ['/b', '/a']],
    [['/a', '/b'], '/b/', ['/b', '/a']],
    [['/a', '/b', '/c'], '/d', ['/d', '/a', '/b', '/c']],
  ])('%j after opening %s is %j', (before, opened, after) => {
    expect(withRecentLibrary({ recentLibraries: before }, opened).recentLibraries).toEqual(after);
  });

  it('keeps the ten most recent', () => {
    let state: AppState = { recentLibraries: [] };
    for (let index = 0; index < 15; index += 1) state = withRecentLibrary(state, `/lib${index}`);
    expect(state.recentLibraries).toEqual(Array.from({ length: 10 }, (_, index) => `/lib${14 - index}`));
  });

  it('forgets one that is gone', () => {
    expect(withoutRecentLibrary({ recentLibraries: ['/a', '/b', '/c'] }, '/b/').recentLibraries).toEqual(['/a', '/c']);
  });

  it('clears them and keeps the window', () => {
    const window = { bounds: { x: 0, y: 0, width: 10, height: 10 }, maximized: true };
    expect(withoutRecentLibraries({ window, recentLibraries: ['/a'] })).toEqual({ window, recentLibraries: [] });
  });
});

describe('restorableBounds', () => {
  const laptop: Rectangle = { x: 0, y: 0, width: 1440, height: 875 };
  const monitorOnTheLeft: Rectangle = { x: -1920, y: 0, width: 1920, height: 1050 };

  it.each<[string, Rectangle | undefined, Rectangle[], Rectangle | undefined]>([
    ['nothing saved', undefined, [laptop], undefined],
    ['on the display', { x: 100, y: 50, width: 1200, height: 800 }, [laptop], { x: 100, y: 50, width: 1200, height: 800 }],
    ['on a second display that is still there', { x: -1800, y: 100, width: 1400, height: 900 }, [laptop, monitorOnTheLeft], { x: -1800, y: 100, width: 1400, height: 900 }],
    ['on a display unplugged since', { x: -1800, y: 100, width: 1400, height: 900 }, [laptop], undefined],
    ['larger than the display it is on: cut to it', { x: 0, y: 0, width: 2560, height: 1400 }, [laptop], { x: 0, y: 0, width: 1440, height: 875 }],
    ['with its title bar above the display', { x: 100, y: -300, width: 1200, height: 800 }, [laptop], undefined],
    ['with its title bar below the display', { x: 100, y: 860, width: 1200, height: 800 }, [laptop], undefined],
    ['all but a sliver off the right edge', { x: 1400, y: 100, width: 1200, height: 800 }, [laptop], undefined],
    ['no displays at all', { x: 100, y: 50, width: 1200, height: 800 }, [], undefined],
  ])('%s', (_case, saved, displays, expected) => {
    expect(restorableBounds(saved, displays)).toEqual(expected);
  });

  it('rounds fractional bounds to whole pixels', () => {
    expect(wholeBounds({ x: 10.4, y: 20.6, width: 1111.5, height: 777.2 })).toEqual({ x: 10, y: 21, width: 1112, height: 777 });
  });
});
