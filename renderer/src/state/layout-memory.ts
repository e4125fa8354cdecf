import { z } from 'zod';
import type { UiAction, UiState } from './ui-state';

/** The two panes with a drag handle on their right edge; the detail pane takes what is left. */
export type ResizablePane = 'sidebar' | 'list';
export type PaneWidths = Readonly<Record<ResizablePane, number>>;

/** Widths in CSS pixels: the default, and the range a handle (or a stored value) may set. */
export const paneLimits: Readonly<Record<ResizablePane, { min: number; max: number; initial: number }>> = {
  sidebar: { min: 180, max: 420, initial: 244 },
  list: { min: 280, max: 720, initial: 420 },
};

export const defaultPaneWidths: PaneWidths = { sidebar: paneLimits.sidebar.initial, list: paneLimits.list.initial };

/** Arrow keys move a handle this far; with Shift (or Page Up/Down), by the larger step. */
const SMALL_STEP = 16;
const LARGE_STEP = 64;

export function clampPaneWidth(pane: ResizablePane, width: number): number {
  const { min, max, initial } = paneLimits[pane];
  if (!Number.isFinite(width)) return initial;
  return Math.round(Math.min(max, Math.max(min, width)));
}

const storedWidthsSchema = z.object({ sidebar: z.number().optional(), list: z.number().optional() });

/** Widths as stored (JSON), each clamped; anything unreadable gives the defaults. */
export function parsePaneWidths(stored: string | null): PaneWidths {
  const parsed = storedWidthsSchema.safeParse(parseJson(stored));
  if (!parsed.success) return defaultPaneWidths;
  return {
    sidebar: clampPaneWidth('sidebar', parsed.data.sidebar ?? paneLimits.sidebar.initial),
    list: clampPaneWidth('list', parsed.data.list ?? paneLimits.list.initial),
  };
}

/** The width a key pressed on a focused handle asks for (the WAI-ARIA window splitter keys), or undefined for other keys. */
export function paneWidthForKey(pane: ResizablePane, width: number, key: string, shift: boolean): number | undefined {
  const step = shift ? LARGE_STEP : SMALL_STEP;
  switch (key) {
    case 'ArrowLeft':
      return clampPaneWidth(pane, width - step);
    case 'ArrowRight':
      return clampPaneWidth(pane, width + step);
    case 'PageDown':
      return clampPaneWidth(pane, width - LARGE_STEP);
    case 'PageUp':
      return clampPaneWidth(pane, width + LARGE_STEP);
    case 'Home':
      return paneLimits[pane].min;
    case 'End':
      return paneLimits[pane].max;
    case 'Enter':
      return paneLimits[pane].initial;
    default:
      return undefined;
  }
}

/**
 * The open view, as remembered for a library across reloads and restarts. The review table and the dashboard come
 * back: places one works in, or looks at, over days. Compare, screening and the reader are opened on a selection for one task (and a
 * reader's PDF may be gone), so after a restart the library list is the better start; a palette or dialog never
 * reopens.
 */
export type RememberedView = 'library' | 'review' | 'dashboard';

const rememberedViewSchema = z.object({ view: z.enum(['library', 'review', 'dashboard']) });

export function rememberView(ui: Pick<UiState, 'view'>): RememberedView {
  return ui.view === 'review' || ui.view === 'dashboard' ? ui.view : 'library';
}

/** The stored form (JSON, so that the record can grow without a new key). */
export function serializeRememberedView(view: RememberedView): string {
  return JSON.stringify({ view });
}

export function parseRememberedView(stored: string | null): RememberedView | undefined {
  const parsed = rememberedViewSchema.safeParse(parseJson(stored));
  return parsed.success ? parsed.data.view : undefined;
}

/** What reopens a remembered view, or undefined to stay on the list. */
export function restoreViewAction(remembered: RememberedView | undefined): UiAction | undefined {
  if (remembered === 'review') return { type: 'openReview' };
  return remembered === 'dashboard' ? { type: 'openDashboard' } : undefined;
}

function parseJson(text: string | null): unknown {
  if (text === null) return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}
