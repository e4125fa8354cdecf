import { useEffect } from 'react';
import { useAppCommandEvents } from './commands/use-app-command-events';
import { useCommandContext } from './commands/use-command-context';
import { useShortcuts } from './commands/use-shortcuts';
import { CommandPalette } from './components/CommandPalette';
import { DropOverlay } from './components/DropOverlay';
import { ExportDialog } from './components/ExportDialog';
import { FailedLibraryScreen } from './components/FailedLibraryScreen';
import { ImportDialog } from './components/ImportDialog';
import { LoadingScreen } from './components/LoadingScreen';
import { RestoreDialog } from './components/RestoreDialog';
import { SavedSearchDialog } from './components/SavedSearchDialog';
import { Toasts } from './components/Toasts';
import { useFileDrop } from './components/use-file-drop';
import { WelcomeScreen } from './components/WelcomeScreen';
import { WorkspaceScreen } from './components/WorkspaceScreen';
import { savedSearchesStore } from './search/saved-searches-store';
import { searchStore } from './search/search-store';
import { reviewExportTarget } from './review/review-export-target';
import { importStore } from './state/import-store';
import { libraryStore } from './state/library-store';
import { useImport } from './state/use-import';
import { useLibrary } from './state/use-library';
import { useRememberedView } from './state/use-remembered-view';
import { useWorkspace } from './state/use-workspace';

export function App() {
  const library = useLibrary();
  useEffect(() => libraryStore.start(), []);
  useEffect(() => searchStore.start(), []);
  useEffect(() => savedSearchesStore.start(), []);
  const workspace = useWorkspace(library);
  const commandContext = useCommandContext(library, workspace);
  const importState = useImport();
  const libraryPath = library.info?.path;
  const { dispatch } = workspace;
  // Another library was opened: its papers share nothing with the old selection, filters or import preview.
  useEffect(() => {
    dispatch({ type: 'reset' });
    importStore.close();
  }, [libraryPath, dispatch]);
  useRememberedView(libraryPath, commandContext.hasPapers, workspace.ui, dispatch, (paperId) => workspace.summaryOf(paperId) !== undefined);
  const { libraryLoaded } = commandContext;
  // A library that failed (or was closed) takes no import: let go of the preview the main side holds.
  useEffect(() => {
    if (!libraryLoaded) importStore.close();
  }, [libraryLoaded]);
  useShortcuts(commandContext);
  useAppCommandEvents(commandContext);
  const dropBlocked = commandContext.readOnly;
  const dragging = useFileDrop({
    enabled: libraryLoaded,
    blockedReason: dropBlocked,
    onDrop: (files) => {
      dispatch({ type: 'setPaletteOpen', open: false });
      importStore.drop(files);
    },
  });

  const { info } = library;
  // Opened over the review table, the Export dialog offers the table as shown (its rows and columns).
  const reviewTarget = workspace.ui.view === 'review' ? reviewExportTarget.get() : undefined;
  let screen;
  if (library.phase === 'loading') screen = <LoadingScreen />;
  else if (library.phase === 'unreachable' || !info) screen = <FailedLibraryScreen unreachable={library.loadError ?? 'The library could not be loaded'} />;
  else if (info.state === 'failed') screen = <FailedLibraryScreen info={info} />;
  else if (info.isEmpty) screen = <WelcomeScreen info={info} commandContext={commandContext} />;
  else screen = <WorkspaceScreen workspace={workspace} commandContext={commandContext} />;

  return (
    <>
      {screen}
      {workspace.ui.paletteOpen && (
        <CommandPalette context={commandContext} onClose={() => workspace.dispatch({ type: 'setPaletteOpen', open: false })} />
      )}
      {workspace.ui.restoreOpen && info?.state === 'ready' && (
        <RestoreDialog onClose={() => workspace.dispatch({ type: 'setRestoreOpen', open: false })} />
      )}
      {workspace.ui.savedSearchDraft && info?.state === 'ready' && (
        <SavedSearchDialog draft={workspace.ui.savedSearchDraft} onClose={() => workspace.dispatch({ type: 'editSavedSearch', draft: undefined })} />
      )}
      {workspace.ui.exportOpen && info?.state === 'ready' && (
        <ExportDialog
          selectedIds={commandContext.selectedIds}
          visibleIds={commandContext.visibleIds}
          {...(reviewTarget ? { reviewTable: reviewTarget } : {})}
          onClose={() => workspace.dispatch({ type: 'setExportOpen', open: false })}
        />
      )}
      {importState.open && info?.state === 'ready' && <ImportDialog state={importState} />}
      {dragging && <DropOverlay blockedReason={dropBlocked} />}
      <Toasts />
    </>
  );
}
