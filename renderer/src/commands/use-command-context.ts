import { useEffect, useSyncExternalStore } from 'react';
import { importStore } from '../state/import-store';
import { toasts } from '../state/toast-store';
import { libraryStore, type LibrarySnapshot } from '../state/library-store';
import { useImport } from '../state/use-import';
import type { Workspace } from '../state/use-workspace';
import type { CommandContext } from './commands';
import { historyStore } from './history-store';
import { copyHighlightsMarkdown } from '../pdf/highlight-actions';
import { openSelectedPdf } from '../pdf/open-selected-pdf';

/** Binds the command list to the open library and the workspace. */
export function useCommandContext(library: LibrarySnapshot, workspace: Workspace): CommandContext {
  const { ui, dispatch } = workspace;
  const ready = library.phase === 'loaded' && library.info?.state === 'ready';
  const hasFilter = ui.filter.status !== undefined || ui.filter.tag !== undefined;
  const importOpen = useImport().open;
  useEffect(() => historyStore.start(), []);
  const history = useSyncExternalStore(historyStore.subscribe, historyStore.getState);
  return {
      view: ui.view,
      paletteOpen: ui.paletteOpen,
      dialogOpen: ui.restoreOpen || ui.exportOpen || importOpen || ui.savedSearchDraft !== undefined,
      hasPapers: ready && library.papers.length > 0,
      isEmptyLibrary: ready && library.papers.length === 0,
      libraryLoaded: ready,
      readOnly: library.info?.readOnly,
      history,
      canChooseLibrary: library.info?.canChooseLibrary ?? false,
      selectedIds: workspace.selectedIds,
      visibleIds: workspace.visibleIds,
      hasSearchOrFilter: hasFilter || ui.query.trim() !== '',
      currentQuery: workspace.currentQuery,
      fulltext: ui.fulltext,
      hasFilter,
      cursorId: ui.selection.cursor,
      togglePalette: () => dispatch({ type: 'setPaletteOpen', open: !ui.paletteOpen }),
      focusSearch: workspace.focusSearch,
      clearSearchAndFilter: () => dispatch({ type: 'clearSearchAndFilter' }),
      saveSearch: workspace.saveSearch,
      toggleSyntaxHelp: () => {
        dispatch({ type: 'closeView' });
        dispatch({ type: 'setSyntaxHelpOpen', open: !ui.syntaxHelpOpen });
      },
      toggleFulltext: () => {
        dispatch({ type: 'setFulltext', fulltext: !ui.fulltext });
        toasts.info(ui.fulltext ? 'Searching titles, authors, tags, venues and abstracts' : 'Searching inside PDFs too');
      },
      showAllPapers: () => dispatch({ type: 'clearFilter' }),
      compareSelected: workspace.compareSelected,
      openReview: workspace.openReview,
      openDashboard: workspace.openDashboard,
      openScreening: workspace.openScreening,
      copyReview: workspace.copyReview,
      exportReview: workspace.exportReview,
      openExport: () => dispatch({ type: 'setExportOpen', open: true }),
      focusTagInput: workspace.focusTagInput,
      addNote: () => void workspace.addNote(),
      setStatus: workspace.setStatus,
      pinnedTags: workspace.pinnedTags,
      togglePinnedTag: workspace.togglePinnedTag,
      selectAll: workspace.selectAllVisible,
      move: workspace.move,
      openCursorPaper: workspace.openCursorPaper,
      openSampleLibrary: () => void libraryStore.openSample(),
      chooseLibrary: () => void libraryStore.chooseAndOpen(),
      openRestore: () => {
        importStore.close();
        dispatch({ type: 'setRestoreOpen', open: true });
      },
      openImport: (tab) => {
        dispatch({ type: 'setRestoreOpen', open: false });
        importStore.open(tab);
      },
      closeView: workspace.closeView,
      openPdf: () => void openSelectedPdf(workspace.selectedIds, (target) => dispatch({ type: 'openReader', target })),
      copyHighlights: () => void copyHighlightsMarkdown(ui.view === 'reader' && ui.reader ? [ui.reader.paperId] : workspace.selectedIds),
  };
}
