import { statSync } from 'node:fs';
import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { app, BrowserWindow, dialog, ipcMain, Menu, protocol, screen, session, shell, type OpenDialogOptions } from 'electron';
import { contentSecurityPolicy } from '../../shared/api/content-security-policy';
import { eventNames, ipcEventChannel } from '../../shared/api/contract';
import { openSift, type Sift } from '../services/container';
import { appPaths } from '../services/app-paths';
import { mimeTypeFor, resolveBundleFile } from './app-protocol';
import { registerIpc } from './ipc';
import { nativeDialogs } from './native-dialogs';
import { buildMenuTemplate } from './menu';
import {
  APP_STATE_FILE,
  appStateKeeper,
  loadAppState,
  restorableBounds,
  wholeBounds,
  withoutRecentLibraries,
  withoutRecentLibrary,
  withRecentLibrary,
  type AppStateKeeper,
} from './app-state';
import { folderOpener, newLibraryProblem } from './library-opener';
import {
  documentArguments,
  libraryArgument,
  LIBRARY_FILE,
  openRequests,
  readOpenedFiles,
  type OpenedFileReader,
  type OpenRequest,
  type PathProbe,
} from './open-requests';
import {
  APP_ENTRY_URL,
  APP_SCHEME,
  decideNavigation,
  decideWindowOpen,
  isPermissionAllowed,
  isSafeExternalUrl,
  secureWebPreferences,
} from './security';

// The Electron shell: it wires Electron's hooks to the policy in security.ts and to the services
// built by openSift. Everything it decides is in modules that are unit-tested without Electron.

// Every renderer sandboxed, whatever its webPreferences say (must run before the app is ready).
app.enableSandbox();

protocol.registerSchemesAsPrivileged([
  { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
]);

const paths = appPaths(app.isPackaged ? app.getAppPath() : __dirname, app.getPath('userData'));

const log = (message: string, error: unknown) => console.error(message, error);

const probe: PathProbe = {
  kind(target) {
    try {
      const stats = statSync(target);
      return stats.isDirectory() ? 'folder' : stats.isFile() ? 'file' : 'missing';
    } catch {
      return 'missing';
    }
  },
};

/** `--library DIR`, and the documents (files to import, a library folder) given on a command line. */
function requestsFromArgv(argv: readonly string[], cwd: string): { library?: string; requests: OpenRequest[] } {
  const library = libraryArgument(argv.slice(app.isPackaged ? 1 : 2));
  return {
    ...(library !== undefined ? { library: path.resolve(cwd, library) } : {}),
    requests: openRequests(documentArguments(argv, app.isPackaged), cwd, probe),
  };
}

const fileReader: OpenedFileReader = { size: async (file) => (await stat(file)).size, read: (file) => readFile(file) };

const isLibraryFolder = (folder: string) => probe.kind(path.join(folder, LIBRARY_FILE)) === 'file';

function createWindow(state: AppStateKeeper): BrowserWindow {
  const saved = state.current.window;
  const bounds = restorableBounds(saved?.bounds, screen.getAllDisplays().map((display) => display.workArea));
  const window = new BrowserWindow({
    ...(bounds ?? { width: 1400, height: 900 }),
    minWidth: 900,
    minHeight: 560,
    title: 'Sift',
    show: false,
    webPreferences: secureWebPreferences(path.join(__dirname, 'preload.cjs')),
  });
  if (saved?.maximized) window.maximize();
  window.once('ready-to-show', () => window.show());
  window.on('close', () => rememberWindow(state, window));
  void window.loadURL(APP_ENTRY_URL);
  return window;
}

/** The window's size when not maximized (so un-maximizing next time goes back to it), and whether it is. */
function rememberWindow(state: AppStateKeeper, window: BrowserWindow | undefined): void {
  if (!window || window.isDestroyed()) return;
  const remembered = { bounds: wholeBounds(window.getNormalBounds()), maximized: window.isMaximized() };
  state.update((current) => ({ ...current, window: remembered }));
}

function focus(window: BrowserWindow | undefined): void {
  if (!window) return;
  if (window.isMinimized()) window.restore();
  window.focus();
}

/** Requests that arrive before the app is ready (macOS open-file at launch, a second instance early on). */
let handleRequests: ((requests: OpenRequest[]) => void) | undefined;
const pendingRequests: OpenRequest[] = [];
function request(requests: OpenRequest[]): void {
  if (handleRequests) handleRequests(requests);
  else pendingRequests.push(...requests);
}

async function start(): Promise<void> {
  await app.whenReady();
  // The same security headers as browser mode, on every answer.
  const headers = { 'content-security-policy': contentSecurityPolicy, 'x-content-type-options': 'nosniff' };
  const notFound = () => new Response('Not found', { status: 404, headers: { ...headers, 'content-type': 'text/plain; charset=utf-8' } });
  protocol.handle(APP_SCHEME, async (request) => {
    const file = await resolveBundleFile(request.url, paths.rendererFolder);
    if (!file) return notFound();
    try {
      return new Response(await readFile(file), { headers: { ...headers, 'content-type': mimeTypeFor(file) } });
    } catch {
      return notFound();
    }
  });
  session.defaultSession.setPermissionRequestHandler((_contents, permission, callback) => callback(isPermissionAllowed(permission)));
  session.defaultSession.setPermissionCheckHandler((_contents, permission) => isPermissionAllowed(permission));
  // Every web contents, not only the main window's (DevTools, anything added later), gets the guards.
  app.on('web-contents-created', (_event, contents) => {
    contents.on('will-attach-webview', (event) => event.preventDefault());
    contents.on('will-navigate', (event, url) => {
      const decision = decideNavigation(url);
      if (decision.allow) return;
      event.preventDefault();
      if (decision.openExternally && isSafeExternalUrl(url)) void shell.openExternal(url);
    });
    contents.setWindowOpenHandler(({ url }) => {
      const decision = decideWindowOpen(url);
      if (decision.openExternally && isSafeExternalUrl(url)) void shell.openExternal(url);
      return { action: decision.action };
    });
  });

  const state = appStateKeeper(path.join(app.getPath('userData'), APP_STATE_FILE), await loadAppState(path.join(app.getPath('userData'), APP_STATE_FILE)), log);
  const launch = requestsFromArgv(process.argv, process.cwd());
  // A library named at launch (command line, macOS open-file) is the one opened; imports wait for the window.
  const early = [...pendingRequests.splice(0), ...launch.requests];
  const launchLibrary = early.filter((item) => item.kind === 'open-library').at(-1);
  pendingRequests.push(...early.filter((item) => item.kind === 'import'));
  // Else the last library opened, if it is still there.
  const lastLibrary = state.current.recentLibraries.slice(0, 1).find(isLibraryFolder);

  let mainWindow: BrowserWindow | undefined;
  let sift: Sift;
  const opener = folderOpener(nativeDialogs(dialog, () => mainWindow));
  try {
    sift = await openSift({
      libraryFolder: launch.library ?? launchLibrary?.folder ?? lastLibrary ?? paths.defaultLibraryFolder,
      resourcesFolder: paths.resourcesFolder,
      app: 'Sift desktop app',
      storage: { validateInBackground: true },
      taskWorkerEntry: path.join(__dirname, 'task-worker.mjs'),
      dialogs: opener.dialogs,
      log,
    });
  } catch (error) {
    dialog.showErrorBox('Sift cannot start', (error as Error).message);
    app.exit(1);
    return;
  }
  registerIpc(ipcMain, sift.dispatch);
  sift.subscribe((event, payload) => {
    if (eventNames.includes(event)) mainWindow?.webContents.send(ipcEventChannel(event), payload);
  });
  const openLibraryFolder = (folder: string) => {
    opener.answerNextWith(folder);
    void sift.dispatch('library.chooseAndOpen', {});
  };
  const newLibrary = async () => {
    const window = mainWindow;
    const options = { title: 'New Library', buttonLabel: 'Create Library', properties: ['openDirectory', 'createDirectory'] } satisfies OpenDialogOptions;
    const result = window ? await dialog.showOpenDialog(window, options) : await dialog.showOpenDialog(options);
    const folder = result.canceled ? undefined : result.filePaths[0];
    if (!folder) return;
    const problem = newLibraryProblem(await readdir(folder).catch(() => []));
    if (problem) dialog.showErrorBox('Cannot start a library here', problem);
    else openLibraryFolder(folder);
  };
  const setMenu = () =>
    Menu.setApplicationMenu(
      Menu.buildFromTemplate(
        buildMenuTemplate({
          platform: process.platform,
          newLibrary: () => void newLibrary(),
          openLibrary: () => void sift.dispatch('library.chooseAndOpen', {}),
          recentLibraries: state.current.recentLibraries,
          openRecentLibrary: (folder) => {
            if (isLibraryFolder(folder)) return openLibraryFolder(folder);
            dialog.showErrorBox('Library not found', `There is no Sift library in ${folder} any more.`);
            state.update((current) => withoutRecentLibrary(current, folder));
            setMenu();
          },
          clearRecentLibraries: () => {
            state.update(withoutRecentLibraries);
            setMenu();
          },
          openDataFolder: () => void shell.openPath(sift.store.folder),
          runCommand: (command) => mainWindow?.webContents.send(ipcEventChannel('app.command'), { command }),
        }),
      ),
    );
  const rememberLibrary = () => {
    state.update((current) => withRecentLibrary(current, sift.store.folder));
    setMenu();
  };
  // However a library gets opened (menu, renderer, a second instance), it becomes the most recent.
  sift.subscribe((event, payload) => {
    if (event === 'library.changed' && (payload as { reason: string }).reason === 'library-opened') rememberLibrary();
  });
  rememberLibrary();
  mainWindow = createWindow(state);
  // The main window, made again if it was closed (macOS keeps running without one), once its page has loaded.
  const loadedWindow = (): Promise<BrowserWindow> => {
    if (mainWindow && !mainWindow.isDestroyed()) return Promise.resolve(mainWindow);
    const window = createWindow(state);
    mainWindow = window;
    return new Promise((resolve) => window.webContents.once('did-finish-load', () => resolve(window)));
  };
  // Files to import go to the renderer's import dialog, which previews them as it does dropped files.
  const importFiles = async (files: readonly string[]) => {
    const { files: opened, problems } = await readOpenedFiles(files, fileReader);
    if (problems.length > 0) dialog.showErrorBox('Some files cannot be imported', problems.join('\n'));
    if (opened.length > 0) (await loadedWindow()).webContents.send(ipcEventChannel('app.openFiles'), { files: opened });
  };
  handleRequests = (requests) => {
    for (const item of requests) {
      if (item.kind === 'open-library') openLibraryFolder(item.folder);
      else void importFiles(item.files);
    }
  };
  if (pendingRequests.length > 0) {
    const requests = pendingRequests.splice(0, pendingRequests.length);
    // Once the page listens for commands.
    mainWindow.webContents.once('did-finish-load', () => handleRequests?.(requests));
  }
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) mainWindow = createWindow(state);
  });
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  // Closing folds the journal into library.json and releases the lock; quit only once that is done.
  // (Every acknowledged edit is already durable in the journal, so a crash here loses nothing.)
  let closeState: 'open' | 'closing' | 'closed' = 'open';
  app.on('before-quit', (event) => {
    if (closeState === 'closed') return;
    event.preventDefault();
    if (closeState === 'closing') return;
    closeState = 'closing';
    // Before the windows close: quitting does not wait for what their close handlers write.
    rememberWindow(state, mainWindow);
    void Promise.all([sift.close(), state.flushed()]).finally(() => {
      closeState = 'closed';
      app.quit();
    });
  });
}

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  // A second Sift (a .bib opened from the file manager, `Sift <folder>`) hands its argv here and quits.
  app.on('second-instance', (_event, argv, workingDirectory) => {
    focus(BrowserWindow.getAllWindows()[0]);
    const { library, requests } = requestsFromArgv(argv, workingDirectory);
    request([...(library !== undefined && isLibraryFolder(library) ? [{ kind: 'open-library' as const, folder: library }] : []), ...requests]);
  });
  // macOS: a file or folder opened with Sift (Finder, the Dock icon), possibly before the app is ready.
  app.on('open-file', (event, file) => {
    event.preventDefault();
    focus(BrowserWindow.getAllWindows()[0]);
    request(openRequests([file], '/', probe));
  });
  void start();
}
