import { useEffect } from 'react';
import { useCommandContext } from './commands/use-command-context';
import { useShortcuts } from './commands/use-shortcuts';
import { CommandPalette } from './components/CommandPalette';
import { FailedLibraryScreen } from './components/FailedLibraryScreen';
import { LoadingScreen } from './components/LoadingScreen';
import { RestoreDialog } from './components/RestoreDialog';
import { Toasts } from './components/Toasts';
import { WelcomeScreen } from './components/WelcomeScreen';
import { WorkspaceScreen } from './components/WorkspaceScreen';
import { libraryStore } from './state/library-store';
import { useLibrary } from './state/use-library';
import { useWorkspace } from './state/use-workspace';

export function App() {
  const library = useLibrary();
  useEffect(() => libraryStore.start(), []);
  const workspace = useWorkspace(library);
  const commandContext = useCommandContext(library, workspace);
  const libraryPath = library.info?.path;
  const { dispatch } = workspace;
  // Another library was opened: its papers share nothing with the old selection and filters.
  useEffect(() => dispatch({ type: 'reset' }), [libraryPath, dispatch]);
  useShortcuts(commandContext);

  const { info } = library;
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
      <Toasts />
    </>
  );
}
