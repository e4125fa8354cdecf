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
 * The open view, as remembered for a library across reloads and restarts: the review table and the
 * dashboard; compare with its papers; the reader with its paper, PDF and page; screening with its
 * list. It comes back only if what it shows is still there (a paper deleted since means the list).
 * A palette or a dialog never reopens.
 */
export type RememberedView =
  | { view: 'library' }
  | { view: 'review' }
  | { view: 'dashboard' }
  | { view: 'compare'; ids: string[] }
  | { view: 'reader'; paperId: string; attachmentId: string; page?: number }
  | { view: 'screening'; ids: string[]; scope: string };

/** A screening list longer than this is not stored (local storage is small); the list view comes back instead. */
export const MAX_REMEMBERED_SCREENING = 5_000;

const id = z.string().min(1).max(200);
const rememberedViewSchema = z.discriminatedUnion('view', [
  z.object({ view: z.literal('library') }),
  z.object({ view: z.literal('review') }),
  z.object({ view: z.literal('dashboard') }),
  z.object({ view: z.literal('compare'), ids: z.array(id).min(2).max(4) }),
  z.object({ view: z.literal('reader'), paperId: id, attachmentId: id, page: z.number().int().min(1).optional() }),
  z.object({ view: z.literal('screening'), ids: z.array(id).min(1).max(MAX_REMEMBERED_SCREENING), scope: z.string().max(500) }),
]);

export function rememberView(ui: Pick<UiState, 'view' | 'compareIds' | 'reader' | 'screening'>): RememberedView {
  switch (ui.view) {
    case 'review':
    case 'dashboard':
      return { view: ui.view };
    case 'compare':
      return ui.compareIds.length >= 2 ? { view: 'compare', ids: [...ui.compareIds] } : { view: 'library' };
    case 'reader':
      return ui.reader
        ? { view: 'reader', paperId: ui.reader.paperId, attachmentId: ui.reader.attachmentId, ...(ui.reader.page !== undefined ? { page: ui.reader.page } : {}) }
        : { view: 'library' };
    case 'screening':
      return ui.screening && ui.screening.ids.length <= MAX_REMEMBERED_SCREENING
        ? { view: 'screening', ids: [...ui.screening.ids], scope: ui.screening.scope }
        : { view: 'library' };
    default:
      return { view: 'library' };
  }
}

/** The stored form (JSON, so that the record can grow without a new key). */
export function serializeRememberedView(view: RememberedView): string {
  return JSON.stringify(view);
}

export function parseRememberedView(stored: string | null): RememberedView | undefined {
  const parsed = rememberedViewSchema.safeParse(parseJson(stored));
  return parsed.success ? (parsed.data as RememberedView) : undefined;
}

/** What reopens a remembered view, or undefined to stay on the list; `exists` says whether a paper is still there. */
export function restoreViewAction(remembered: RememberedView | undefined, exists: (paperId: string) => boolean = () => true): UiAction | undefined {
  switch (remembered?.view) {
    case 'review':
      return { type: 'openReview' };
    case 'dashboard':
      return { type: 'openDashboard' };
    case 'compare':
      return remembered.ids.every(exists) ? { type: 'openCompare', ids: remembered.ids } : undefined;
    case 'reader':
      return exists(remembered.paperId)
        ? { type: 'openReader', target: { paperId: remembered.paperId, attachmentId: remembered.attachmentId, ...(remembered.page !== undefined ? { page: remembered.page } : {}) } }
        : undefined;
    case 'screening': {
      const ids = remembered.ids.filter(exists);
      return ids.length > 0 ? { type: 'openScreening', target: { ids, scope: remembered.scope, criteriaOpen: false } } : undefined;
    }
    default:
      return undefined;
  }
}

function parseJson(text: string | null): unknown {
  if (text === null) return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}
