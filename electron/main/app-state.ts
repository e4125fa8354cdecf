import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { writeFileDurably } from '../services/storage/fs-durable';

// What the desktop app remembers between runs, in <userData>/app-state.json: the main window's
// place and the libraries opened lately (the first is the one opened at start). The renderer keeps
// its own layout (pane widths, open view); this is only what the main side owns.

/** How many libraries File › Open Recent lists. */
export const MAX_RECENT_LIBRARIES = 10;
export const APP_STATE_FILE = 'app-state.json';

const rectangleSchema = z.object({
  x: z.number().int().min(-100_000).max(100_000),
  y: z.number().int().min(-100_000).max(100_000),
  width: z.number().int().min(1).max(100_000),
  height: z.number().int().min(1).max(100_000),
});
export type Rectangle = z.infer<typeof rectangleSchema>;

const appStateSchema = z.object({
  window: z.object({ bounds: rectangleSchema, maximized: z.boolean() }).optional(),
  recentLibraries: z.array(z.string().min(1).max(4096)).max(100).default([]),
});
export type AppState = z.infer<typeof appStateSchema>;
export type WindowState = NonNullable<AppState['window']>;

export const defaultAppState = (): AppState => ({ recentLibraries: [] });

/** The state in `file`; a missing, unreadable or damaged file gives the defaults (it is only a convenience). */
export async function loadAppState(file: string): Promise<AppState> {
  try {
    const parsed = appStateSchema.safeParse(JSON.parse(await readFile(file, 'utf8')));
    if (!parsed.success) return defaultAppState();
    return { ...parsed.data, recentLibraries: parsed.data.recentLibraries.slice(0, MAX_RECENT_LIBRARIES) };
  } catch {
    return defaultAppState();
  }
}

/** Writes atomically (temp file, fsync, rename), so a crash leaves the old state or the new one. */
export function saveAppState(file: string, state: AppState): Promise<void> {
  return writeFileDurably(file, `${JSON.stringify(state, null, 2)}\n`);
}

/** `folder` first in the recent list, once, and the list at most MAX_RECENT_LIBRARIES long. */
export function withRecentLibrary(state: AppState, folder: string): AppState {
  const resolved = path.resolve(folder);
  const rest = state.recentLibraries.filter((known) => path.resolve(known) !== resolved);
  return { ...state, recentLibraries: [resolved, ...rest].slice(0, MAX_RECENT_LIBRARIES) };
}

/** The list without `folder` (a library that is gone). */
export function withoutRecentLibrary(state: AppState, folder: string): AppState {
  const resolved = path.resolve(folder);
  return { ...state, recentLibraries: state.recentLibraries.filter((known) => path.resolve(known) !== resolved) };
}

export function withoutRecentLibraries(state: AppState): AppState {
  return { ...state, recentLibraries: [] };
}

/** How much of the window must be on a display (and its top edge, where the title bar is) to restore it there. */
const MIN_VISIBLE = { width: 120, height: 60 };

function overlap(a: Rectangle, b: Rectangle): { width: number; height: number } {
  return {
    width: Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x),
    height: Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y),
  };
}

/**
 * The saved bounds if they can be used on the displays there are now: enough of the window and its
 * title bar on one display's work area (a monitor unplugged since must not leave the window off
 * screen), its size cut to that work area. Undefined means "open at the default size, centred".
 */
export function restorableBounds(saved: Rectangle | undefined, workAreas: readonly Rectangle[]): Rectangle | undefined {
  if (!saved) return undefined;
  for (const area of workAreas) {
    const visible = overlap(saved, area);
    const titleBarOnScreen = saved.y >= area.y && saved.y < area.y + area.height - MIN_VISIBLE.height;
    if (visible.width >= MIN_VISIBLE.width && visible.height >= MIN_VISIBLE.height && titleBarOnScreen) {
      return { x: saved.x, y: saved.y, width: Math.min(saved.width, area.width), height: Math.min(saved.height, area.height) };
    }
  }
  return undefined;
}

export interface AppStateKeeper {
  readonly current: AppState;
  /** Applies `change` and writes the result; writes run one after another, the last one wins. */
  update(change: (state: AppState) => AppState): AppState;
  /** Resolves when every write asked for so far has ended (failures are logged, not thrown). */
  flushed(): Promise<void>;
}

export function appStateKeeper(
  file: string,
  initial: AppState,
  log: (message: string, error: unknown) => void,
  save: (file: string, state: AppState) => Promise<void> = saveAppState,
): AppStateKeeper {
  let current = initial;
  let writing = Promise.resolve();
  return {
    get current() {
      return current;
    },
    update(change) {
      current = change(current);
      const state = current;
      writing = writing.then(() => save(file, state)).catch((error: unknown) => log(`Cannot save ${file}`, error));
      return current;
    },
    flushed: () => writing,
  };
}

/** A window's bounds in whole pixels (Electron may report fractions on scaled displays). */
export function wholeBounds(bounds: Rectangle): Rectangle {
  return { x: Math.round(bounds.x), y: Math.round(bounds.y), width: Math.round(bounds.width), height: Math.round(bounds.height) };
}
