import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { app, BrowserWindow, dialog, ipcMain, Menu, protocol, session, shell } from 'electron';
import { contentSecurityPolicy } from '../../shared/api/content-security-policy';
import { eventNames, ipcEventChannel } from '../../shared/api/contract';
import { openSift, type Sift } from '../services/container';
import { appPaths } from '../services/app-paths';
import { mimeTypeFor, resolveBundleFile } from './app-protocol';
import { registerIpc } from './ipc';
import { nativeDialogs } from './native-dialogs';
import { buildMenuTemplate } from './menu';
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

function libraryFromArguments(): string | undefined {
  try {
    const { values } = parseArgs({ args: process.argv.slice(app.isPackaged ? 1 : 2), options: { library: { type: 'string' } }, strict: false });
    return typeof values.library === 'string' ? path.resolve(values.library) : undefined;
  } catch {
    return undefined;
  }
}

function createWindow(): BrowserWindow {
  const window = new BrowserWindow({
    width: 1400,
    height: 900,
    minWidth: 900,
    minHeight: 560,
    title: 'Sift',
    show: false,
    webPreferences: secureWebPreferences(path.join(__dirname, 'preload.cjs')),
  });
  window.once('ready-to-show', () => window.show());
  void window.loadURL(APP_ENTRY_URL);
  return window;
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

  let mainWindow: BrowserWindow | undefined;
  let sift: Sift;
  try {
    sift = await openSift({
      libraryFolder: libraryFromArguments() ?? paths.defaultLibraryFolder,
      resourcesFolder: paths.resourcesFolder,
      app: 'Sift desktop app',
      storage: { validateInBackground: true },
      taskWorkerEntry: path.join(__dirname, 'task-worker.mjs'),
      dialogs: nativeDialogs(dialog, () => mainWindow),
      log: (message, error) => console.error(message, error),
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
  Menu.setApplicationMenu(
    Menu.buildFromTemplate(
      buildMenuTemplate({
        platform: process.platform,
        openLibrary: () => void sift.dispatch('library.chooseAndOpen', {}),
        openDataFolder: () => void shell.openPath(sift.store.folder),
        runCommand: (command) => mainWindow?.webContents.send(ipcEventChannel('app.command'), { command }),
      }),
    ),
  );
  mainWindow = createWindow();
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) mainWindow = createWindow();
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
    void sift.close().finally(() => {
      closeState = 'closed';
      app.quit();
    });
  });
}

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', () => {
    const [window] = BrowserWindow.getAllWindows();
    if (window) {
      if (window.isMinimized()) window.restore();
      window.focus();
    }
  });
  void start();
}
