import { useCallback, useEffect, useLayoutEffect, useMemo, useReducer, useRef, useSyncExternalStore, type Dispatch, type RefObject } from 'react';
import type { PaperSummary, SearchHit, SearchQueryOutput } from '../../../shared/api/contract';
import type { ReadStatus } from '../../../shared/model/library';
import { effectiveQuery, searchRequest } from '../search/search-request';
import { sameRequest, searchStore, type SearchState } from '../search/search-store';
import { useSettled } from '../search/use-settled';
import { libraryStore, summaryOf, type LibrarySnapshot } from './library-store';
import { copyReviewMarkdown, exportReviewMarkdown } from './review-export';
import { reviewExportTarget } from '../review/review-export-target';
import {
  moveSelection,
  selectAll,
  selectOnly,
  selectRange,
  toggleSelected,
  visibleSelection,
  type Movement,
} from './selection';
import { toasts } from './toast-store';
import { initialUiState, uiReducer, type UiAction, type UiState } from './ui-state';
import { visiblePapers } from './visible-papers';

/** Hints wait until typing pauses this long. */
const HINT_PAUSE_MS = 600;
const NO_HINTS: SearchQueryOutput['hints'] = [];

export interface TagInfo {
  name: string;
  color?: string;
  /** The number key (1–9) that toggles it on the selection. */
  pinned?: number;
  count: number;
}

export interface WorkspaceRefs {
  search: RefObject<HTMLInputElement | null>;
  list: RefObject<HTMLDivElement | null>;
  detailTitle: RefObject<HTMLHeadingElement | null>;
  tagInput: RefObject<HTMLInputElement | null>;
}

export type ClickMode = 'single' | 'toggle' | 'range';

/** Everything the library screen shows and does, derived from the library and the UI state. */
export interface Workspace {
  ui: UiState;
  dispatch: Dispatch<UiAction>;
  /** Every paper's summary, newest added first. */
  papers: readonly PaperSummary[];
  summaryOf: (id: string) => PaperSummary | undefined;
  /** The list as shown, in display order. */
  visible: readonly PaperSummary[];
  visibleIds: readonly string[];
  /** The list's search: what was asked, the newest answer (it trails typing while a search runs), whether one is running. */
  search: SearchState;
  /** The search hit of a listed paper, with its match ranges (undefined: no search, or its page of hits has not arrived). */
  hitOf: (id: string) => SearchHit | undefined;
  /** Problems in the typed query (ranges of the search box's text), from the answer to it. */
  hints: SearchQueryOutput['hints'];
  /** What a saved search of this list would hold: the typed query with the sidebar's filter as clauses. */
  currentQuery: string;
  /** Every venue in the library, for autocomplete (computed when first asked for). */
  venues: () => readonly string[];
  selectedIds: readonly string[];
  selectedPapers: readonly PaperSummary[];
  tags: readonly TagInfo[];
  statusCounts: Readonly<Record<ReadStatus, number>>;
  /** Why the library cannot be changed, when it cannot (a read-only folder). */
  readOnly: string | undefined;
  tagColors: ReadonlyMap<string, string>;
  /** Which tag each number key toggles (slot → tag name). */
  pinnedTags: ReadonlyMap<number, string>;
  refs: WorkspaceRefs;
  clickPaper: (id: string, mode: ClickMode) => void;
  move: (movement: Movement, extend: boolean) => void;
  selectAllVisible: () => void;
  openCursorPaper: () => void;
  /** Shows a paper in the detail pane (a link in a note), clearing the search and filter if they hide it. */
  openPaper: (id: string) => void;
  /** Number key `slot`: adds its pinned tag to the selection, or takes it off when every selected paper has it. */
  togglePinnedTag: (slot: number) => void;
  focusSearch: () => void;
  focusList: () => void;
  focusTagInput: () => void;
  /** Opens the "Save search" dialog for the current query. */
  saveSearch: () => void;
  addNote: () => Promise<void>;
  setStatus: (status: ReadStatus) => void;
  compareSelected: () => void;
  openReview: () => void;
  /** Opens the library dashboard (charts of the whole library). */
  openDashboard: () => void;
  /** Screens the list as shown now (query, filters, order), with the criteria panel open if asked. */
  openScreening: (criteriaOpen?: boolean) => void;
  closeView: () => void;
  copyReview: () => void;
  exportReview: () => void;
}

/**
 * Moves focus once React has drawn the element. If something else took focus in between (the
 * palette opened, the user clicked), that wins: a late focus() would yank the caret away.
 */
function focusAfterRender(run: () => void): void {
  const before = document.activeElement;
  window.requestAnimationFrame(() => {
    const now = document.activeElement;
    if (now && now !== before && now !== document.body && now.isConnected) return;
    run();
  });
}

/** The list in words: "all papers", or what narrows it ("matching “agents”, tagged #rl"). */
function listScope(ui: Pick<UiState, 'query' | 'filter'>): string {
  const parts = [
    ui.query.trim() ? `matching “${ui.query.trim()}”` : undefined,
    ui.filter.status ? `status ${ui.filter.status}` : undefined,
    ui.filter.tag !== undefined ? `tagged #${ui.filter.tag}` : undefined,
  ].filter(Boolean);
  return parts.length > 0 ? parts.join(', ') : 'all papers';
}

export function useWorkspace(library: LibrarySnapshot): Workspace {
  const [ui, dispatch] = useReducer(uiReducer, initialUiState);
  const refs: WorkspaceRefs = {
    search: useRef<HTMLInputElement>(null),
    list: useRef<HTMLDivElement>(null),
    detailTitle: useRef<HTMLHeadingElement>(null),
    tagInput: useRef<HTMLInputElement>(null),
  };
  const { papers, index } = library;
  const ready = library.phase === 'loaded' && library.info?.state === 'ready';
  const request = useMemo(
    () => (ready ? searchRequest(ui.query, ui.filter, ui.sort, ui.fulltext) : undefined),
    [ready, ui.query, ui.filter, ui.sort, ui.fulltext],
  );
  useEffect(() => searchStore.setRequest(request), [request]);
  const search = useSyncExternalStore(searchStore.subscribe, searchStore.getState);
  // Until the first answer to a search arrives, the list stays the library (filtered by the sidebar).
  const answer = search.request ? search.answer : undefined;
  const ids = answer?.ids;
  const hits = answer?.hits;
  const hitOf = useCallback((id: string) => hits?.get(id), [hits]);
  const current = answer !== undefined && sameRequest(answer.request, request);
  const pausedQuery = useSettled(ui.query, HINT_PAUSE_MS);
  const showHints = current && pausedQuery === ui.query;
  const hints = useMemo(
    () => (showHints && answer ? answer.hints.filter((hint) => hint.end <= ui.query.length) : NO_HINTS),
    [showHints, answer, ui.query.length],
  );
  const currentQuery = effectiveQuery(ui.query, ui.filter).trim();

  // The list is kept newest first by the store; each of these runs once per change, never per keystroke or render.
  const lookup = useCallback((id: string) => summaryOf({ papers, index }, id), [papers, index]);
  const visible = useMemo(() => visiblePapers(papers, ids, lookup, ui.filter), [papers, ids, lookup, ui.filter]);
  const visibleIds = useMemo(() => visible.map((paper) => paper.id), [visible]);
  // The unfiltered list needs no set of its own: the store's index says what is in it.
  const visibleSet = useMemo(() => (visible === papers ? undefined : new Set(visibleIds)), [visible, papers, visibleIds]);
  const selectedIds = useMemo(
    () => visibleSelection(ui.selection, (id) => (visibleSet ? visibleSet.has(id) : index.has(id))),
    [ui.selection, visibleSet, index],
  );
  const selectedPapers = useMemo(
    () => selectedIds.map(lookup).filter((paper): paper is PaperSummary => paper !== undefined),
    [selectedIds, lookup],
  );
  const statusCounts = useMemo(() => {
    const counts: Record<ReadStatus, number> = { unread: 0, reading: 0, read: 0 };
    for (const paper of papers) counts[paper.status] += 1;
    return counts;
  }, [papers]);

  const tagColors = useMemo(
    () => new Map(library.tags.flatMap((tag) => (tag.color ? [[tag.name, tag.color] as const] : []))),
    [library.tags],
  );
  const pinnedTags = useMemo(
    () => new Map(library.tags.flatMap((tag) => (tag.pinned !== undefined ? [[tag.pinned, tag.name] as const] : []))),
    [library.tags],
  );
  // The main side counts the tags (the store adjusts them for a change it shows before the answer).
  const tags = useMemo(
    () => [...library.tags].sort((a, b) => a.name.localeCompare(b.name, undefined, { sensitivity: 'base' })),
    [library.tags],
  );
  const readOnly = library.info?.readOnly;
  const venues = useMemo(() => {
    let cached: string[] | undefined;
    return () => {
      cached ??= [...new Set(papers.flatMap((paper) => (paper.venue ? [paper.venue] : [])))].sort((a, b) => a.localeCompare(b));
      return cached;
    };
  }, [papers]);

  // Actions read the latest state through a ref so that their identities stay stable for memoized children.
  const stateRef = useRef({ ui, visibleIds, selectedIds, currentQuery });
  useLayoutEffect(() => {
    stateRef.current = { ui, visibleIds, selectedIds, currentQuery };
  });

  const focusList = useCallback(() => focusAfterRender(() => refs.list.current?.focus()), [refs.list]);

  const closeView = useCallback(() => {
    dispatch({ type: 'closeView' });
    focusList();
  }, [focusList]);

  const leaveOverlayView = useCallback(() => {
    if (stateRef.current.ui.view !== 'library') dispatch({ type: 'closeView' });
  }, []);

  const clickPaper = useCallback((id: string, mode: ClickMode) => {
    const { ui: current, visibleIds: order } = stateRef.current;
    const selection =
      mode === 'toggle'
        ? toggleSelected(current.selection, id)
        : mode === 'range'
          ? selectRange(current.selection, id, order)
          : selectOnly(id);
    dispatch({ type: 'setSelection', selection });
  }, []);

  const move = useCallback((movement: Movement, extend: boolean) => {
    const { ui: current, visibleIds: order } = stateRef.current;
    dispatch({ type: 'setSelection', selection: moveSelection(current.selection, order, movement, extend) });
    if (!refs.list.current?.contains(document.activeElement)) refs.list.current?.focus();
  }, [refs.list]);

  const selectAllVisible = useCallback(() => {
    dispatch({ type: 'setSelection', selection: selectAll(stateRef.current.visibleIds) });
  }, []);

  const openCursorPaper = useCallback(() => {
    const { ui: current, visibleIds: order } = stateRef.current;
    const id = current.selection.cursor ?? current.selection.ids[0];
    if (!id || !order.includes(id)) return;
    leaveOverlayView();
    dispatch({ type: 'setSelection', selection: selectOnly(id) });
    focusAfterRender(() => refs.detailTitle.current?.focus());
  }, [leaveOverlayView, refs.detailTitle]);

  const openPaper = useCallback(
    (id: string) => {
      if (!summaryOf(libraryStore.getSnapshot(), id)) {
        toasts.info('That paper is not in this library');
        return;
      }
      leaveOverlayView();
      if (!stateRef.current.visibleIds.includes(id)) dispatch({ type: 'clearSearchAndFilter' });
      dispatch({ type: 'setSelection', selection: selectOnly(id) });
      focusAfterRender(() => refs.detailTitle.current?.focus());
    },
    [leaveOverlayView, refs.detailTitle],
  );

  const pinnedRef = useRef(pinnedTags);
  useLayoutEffect(() => {
    pinnedRef.current = pinnedTags;
  });
  const togglePinnedTag = useCallback((slot: number) => {
    const tag = pinnedRef.current.get(slot);
    const ids = stateRef.current.selectedIds;
    if (tag === undefined || ids.length === 0) return;
    const snapshot = libraryStore.getSnapshot();
    const lacking = ids.filter((id) => summaryOf(snapshot, id)?.tags.includes(tag) === false);
    const papers = (count: number) => `${count} ${count === 1 ? 'paper' : 'papers'}`;
    if (lacking.length > 0) {
      void libraryStore.addTag(lacking, tag).then((added) => added && toasts.info(`Tagged ${papers(lacking.length)} “${tag}”`));
    } else {
      void libraryStore.removeTag(ids, tag).then((removed) => removed && toasts.info(`Removed “${tag}” from ${papers(ids.length)}`));
    }
  }, []);

  const focusSearch = useCallback(() => {
    leaveOverlayView();
    // The user asked for the search box: take focus now, not only if nothing else took it meanwhile.
    const focus = () => {
      refs.search.current?.focus();
      refs.search.current?.select();
    };
    if (refs.search.current) focus();
    else window.requestAnimationFrame(focus);
  }, [leaveOverlayView, refs.search]);

  const focusTagInput = useCallback(() => {
    if (stateRef.current.selectedIds.length === 0) {
      toasts.info('Select a paper first');
      return;
    }
    leaveOverlayView();
    focusAfterRender(() => refs.tagInput.current?.focus());
  }, [leaveOverlayView, refs.tagInput]);

  const saveSearch = useCallback(() => {
    const query = stateRef.current.currentQuery;
    if (!query) {
      toasts.info('Type a query first, then save it');
      return;
    }
    leaveOverlayView();
    const typed = stateRef.current.ui.query.trim();
    dispatch({ type: 'editSavedSearch', draft: { name: (typed || query).slice(0, 80), query } });
  }, [leaveOverlayView]);

  const addNote = useCallback(async () => {
    const [id, ...others] = stateRef.current.selectedIds;
    if (!id || others.length > 0) {
      toasts.info('Select one paper to add a note');
      return;
    }
    leaveOverlayView();
    const note = await libraryStore.addNote(id);
    if (note) dispatch({ type: 'setFocusNote', noteId: note.id });
  }, [leaveOverlayView]);

  const setStatus = useCallback((status: ReadStatus) => {
    void libraryStore.setStatus(stateRef.current.selectedIds, status);
  }, []);

  const compareSelected = useCallback(() => {
    const ids = stateRef.current.selectedIds;
    if (ids.length < 2 || ids.length > 4) {
      toasts.info('Select 2–4 papers to compare');
      return;
    }
    dispatch({ type: 'openCompare', ids });
  }, []);

  const openReview = useCallback(() => dispatch({ type: 'openReview' }), []);
  const openDashboard = useCallback(() => dispatch({ type: 'openDashboard' }), []);
  const openScreening = useCallback((criteriaOpen = false) => {
    const { ui: current, visibleIds: ids } = stateRef.current;
    if (ids.length === 0) {
      toasts.info('The list is empty: nothing to screen');
      return;
    }
    dispatch({ type: 'openScreening', target: { ids, scope: listScope(current), criteriaOpen } });
  }, []);
  // With the review table open, its rows and visible columns; else the list with the default columns.
  const copyReview = useCallback(() => {
    const table = reviewExportTarget.get();
    void copyReviewMarkdown(table?.paperIds ?? stateRef.current.visibleIds, table?.columns);
  }, []);
  const exportReview = useCallback(() => {
    const table = reviewExportTarget.get();
    void exportReviewMarkdown(table?.paperIds ?? stateRef.current.visibleIds, table?.columns);
  }, []);

  return {
    ui,
    dispatch,
    papers,
    summaryOf: lookup,
    visible,
    visibleIds,
    search,
    hitOf,
    hints,
    currentQuery,
    venues,
    selectedIds,
    selectedPapers,
    tags,
    statusCounts,
    readOnly,
    tagColors,
    pinnedTags,
    refs,
    clickPaper,
    move,
    selectAllVisible,
    openCursorPaper,
    openPaper,
    togglePinnedTag,
    focusSearch,
    focusList,
    focusTagInput,
    saveSearch,
    addNote,
    setStatus,
    compareSelected,
    openReview,
    openDashboard,
    openScreening,
    closeView,
    copyReview,
    exportReview,
  };
}
