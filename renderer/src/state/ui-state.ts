import type { SearchSort } from '../../../shared/api/contract';
import type { ReadStatus } from '../../../shared/model/library';
import type { ReaderTarget } from '../pdf/reader-target';
import { emptySelection, type Selection } from './selection';
import type { ListFilter } from './visible-papers';

export type View = 'library' | 'compare' | 'review' | 'reader' | 'screening' | 'dashboard';

/** The "Save search" dialog: a new saved search, or (with `id`) renaming or changing one. */
export interface SavedSearchDraft {
  id?: string;
  name: string;
  query: string;
}

/** What the screening view works through: the list as shown when it opened (screening must not reorder it). */
export interface ScreeningTarget {
  ids: readonly string[];
  /** The list in words ("all papers", "matching “agents”, tagged #rl"), for the header and the PRISMA text. */
  scope: string;
  /** Open with the criteria panel showing. */
  criteriaOpen: boolean;
}

export interface UiState {
  query: string;
  filter: ListFilter;
  sort: SearchSort;
  /** "Search inside PDFs": free words also match the PDFs' text. */
  fulltext: boolean;
  /** The search syntax popover beside the search box is open. */
  syntaxHelpOpen: boolean;
  savedSearchDraft?: SavedSearchDraft;
  selection: Selection;
  view: View;
  /** The papers the compare view shows, fixed when it opens. */
  compareIds: readonly string[];
  /** The PDF the reader shows (kept after it closes, so it reopens where it was asked to go). */
  reader?: ReaderTarget;
  paletteOpen: boolean;
  /** The "Restore from backup" dialog is open. */
  restoreOpen: boolean;
  /** The Export dialog is open. */
  exportOpen: boolean;
  /** A note just created from the UI, whose editor should take focus when it appears. */
  focusNoteId?: string;
  /** The screening view's list, fixed when it opens. */
  screening?: ScreeningTarget;
}

export const initialUiState: UiState = {
  query: '',
  filter: {},
  sort: 'relevance',
  fulltext: false,
  syntaxHelpOpen: false,
  selection: emptySelection,
  view: 'library',
  compareIds: [],
  paletteOpen: false,
  restoreOpen: false,
  exportOpen: false,
};

export type UiAction =
  | { type: 'setQuery'; query: string }
  | { type: 'runQuery'; query: string }
  | { type: 'setSort'; sort: SearchSort }
  | { type: 'setFulltext'; fulltext: boolean }
  | { type: 'setSyntaxHelpOpen'; open: boolean }
  | { type: 'editSavedSearch'; draft: SavedSearchDraft | undefined }
  | { type: 'toggleStatusFilter'; status: ReadStatus }
  | { type: 'toggleTagFilter'; tag: string }
  | { type: 'clearFilter' }
  | { type: 'clearSearchAndFilter' }
  | { type: 'setSelection'; selection: Selection }
  | { type: 'openCompare'; ids: readonly string[] }
  | { type: 'openReview' }
  | { type: 'openDashboard' }
  | { type: 'openReader'; target: Omit<ReaderTarget, 'request'> }
  | { type: 'closeView' }
  | { type: 'setPaletteOpen'; open: boolean }
  | { type: 'setRestoreOpen'; open: boolean }
  | { type: 'setExportOpen'; open: boolean }
  | { type: 'setFocusNote'; noteId: string | undefined }
  | { type: 'openScreening'; target: ScreeningTarget }
  | { type: 'reset' };

export function uiReducer(state: UiState, action: UiAction): UiState {
  switch (action.type) {
    case 'setQuery':
      return { ...state, query: action.query };
    case 'runQuery':
      // A saved search stands alone: the sidebar's filter would narrow it out of sight.
      return { ...state, query: action.query, filter: {}, view: 'library', syntaxHelpOpen: false };
    case 'setSort':
      return { ...state, sort: action.sort };
    case 'setFulltext':
      return { ...state, fulltext: action.fulltext };
    case 'setSyntaxHelpOpen':
      return { ...state, syntaxHelpOpen: action.open };
    case 'editSavedSearch': {
      if (action.draft) return { ...state, savedSearchDraft: action.draft, paletteOpen: false, syntaxHelpOpen: false };
      const { savedSearchDraft: _closed, ...rest } = state;
      return rest;
    }
    case 'toggleStatusFilter':
      return { ...state, filter: { ...state.filter, status: state.filter.status === action.status ? undefined : action.status } };
    case 'toggleTagFilter':
      return { ...state, filter: { ...state.filter, tag: state.filter.tag === action.tag ? undefined : action.tag } };
    case 'clearFilter':
      return { ...state, filter: {} };
    case 'clearSearchAndFilter':
      return { ...state, filter: {}, query: '' };
    case 'setSelection':
      return { ...state, selection: action.selection };
    case 'openCompare':
      return { ...state, view: 'compare', compareIds: action.ids, paletteOpen: false };
    case 'openReview':
      return { ...state, view: 'review', paletteOpen: false };
    case 'openDashboard':
      return { ...state, view: 'dashboard', paletteOpen: false };
    case 'openReader':
      return { ...state, view: 'reader', reader: { ...action.target, request: (state.reader?.request ?? 0) + 1 }, paletteOpen: false };
    case 'closeView':
      return { ...state, view: 'library' };
    case 'setPaletteOpen':
      return { ...state, paletteOpen: action.open };
    case 'setRestoreOpen':
      return { ...state, restoreOpen: action.open, paletteOpen: false };
    case 'setExportOpen':
      return { ...state, exportOpen: action.open, paletteOpen: false };
    case 'setFocusNote':
      return { ...state, focusNoteId: action.noteId };
    case 'openScreening':
      return { ...state, view: 'screening', screening: action.target, paletteOpen: false };
    case 'reset':
      return initialUiState;
  }
}
