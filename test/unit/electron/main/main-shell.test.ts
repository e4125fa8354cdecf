import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { ipcChannel, ipcEventChannel, methodNames, type ApiResult } from '../../../../shared/api/contract';
import { isSafeExternalUrl } from '../../../../electron/main/security';
import { contentSecurityPolicy } from '../../../../shared/api/content-security-policy';

// A fake of the Electron objects main.ts touches, recording what the shell does with them.
const fake = vi.hoisted(() => {
  type Listener = (...args: unknown[]) => unknown;
  const state = {
    userData: '',
    windows: [] as Array<{
      options: Record<string, unknown>;
      loaded: string[];
      contents: Record<string, Listener>;
      openHandler?: Listener;
      listeners: Record<string, Listener>;
      sent: Array<[string, unknown]>;
      maximized: boolean;
      focused: number;
      destroyed: boolean;
    }>,
    errorBoxes: [] as string[],
    ipcHandlers: new Map<string, Listener>(),
    protocolHandler: undefined as undefined | ((request: { url: string }) => Promise<Response>),
    privilegedSchemes: [] as unknown[],
    permissionRequest: undefined as undefined | Listener,
    permissionCheck: undefined as undefined | Listener,
    externalOpened: [] as string[],
    appListeners: {} as Record<string, Listener>,
    menu: undefined as unknown,
    ready: Promise.resolve(),
    sandboxEnabled: false,
  };
  class BrowserWindow {
    static all: BrowserWindow[] = [];
    static getAllWindows = () => BrowserWindow.all;
    readonly webContents;
    readonly record;
    constructor(readonly options: Record<string, unknown>) {
      const record = {
        options,
        loaded: [] as string[],
        contents: {} as Record<string, Listener>,
        openHandler: undefined as undefined | Listener,
        listeners: {} as Record<string, Listener>,
        sent: [] as Array<[string, unknown]>,
        maximized: false,
        focused: 0,
        destroyed: false,
      };
      this.record = record;
      state.windows.push(record);
      BrowserWindow.all.push(this);
      this.webContents = {
        on: (event: string, listener: Listener) => {
          record.contents[event] = listener;
        },
        once: (event: string, listener: Listener) => {
          record.contents[event] = listener;
        },
        setWindowOpenHandler: (handler: Listener) => {
          record.openHandler = handler;
        },
        send: (channel: string, payload: unknown) => record.sent.push([channel, payload]),
      };
      // Electron announces every new web contents to the app, which is where main.ts adds its guards.
      state.appListeners['web-contents-created']?.({}, this.webContents);
      this.loadURL = (url: string) => {
        record.loaded.push(url);
        return Promise.resolve();
      };
    }
    loadURL: (url: string) => Promise<void>;
    once() {}
    show() {}
    on(event: string, listener: Listener) {
      this.record.listeners[event] = listener;
    }
    maximize() {
      this.record.maximized = true;
    }
    isMaximized() {
      return this.record.maximized;
    }
    getNormalBounds() {
      return { x: 40, y: 30, width: 1111.4, height: 777 };
    }
    isDestroyed() {
      return this.record.destroyed;
    }
    isMinimized() {
      return false;
    }
    restore() {}
    focus() {
      this.record.focused += 1;
    }
  }
  const electron = {
    app: {
      isPackaged: false,
      enableSandbox: () => {
        state.sandboxEnabled = true;
      },
      getPath: () => state.userData,
      getAppPath: () => '',
      whenReady: () => state.ready,
      requestSingleInstanceLock: () => true,
      on: (event: string, listener: Listener) => {
        state.appListeners[event] = listener;
      },
      quit: () => undefined,
      exit: () => undefined,
    },
    BrowserWindow,
    ipcMain: {
      handle: (channel: string, listener: Listener) => state.ipcHandlers.set(channel, listener),
      removeHandler: (channel: string) => state.ipcHandlers.delete(channel),
    },
    protocol: {
      registerSchemesAsPrivileged: (schemes: unknown[]) => state.privilegedSchemes.push(...schemes),
      handle: (_scheme: string, handler: (request: { url: string }) => Promise<Response>) => {
        state.protocolHandler = handler;
      },
    },
    session: {
      defaultSession: {
        setPermissionRequestHandler: (handler: Listener) => {
          state.permissionRequest = handler;
        },
        setPermissionCheckHandler: (handler: Listener) => {
          state.permissionCheck = handler;
        },
      },
    },
    shell: {
      openExternal: (url: string) => {
        state.externalOpened.push(url);
        return Promise.resolve();
      },
      openPath: () => Promise.resolve(''),
    },
    dialog: {
      showErrorBox: (title: string) => state.errorBoxes.push(title),
      showOpenDialog: () => undefined,
      showSaveDialog: () => undefined,
    },
    screen: { getAllDisplays: () => [{ workArea: { x: 0, y: 0, width: 1920, height: 1050 } }] },
    Menu: {
      buildFromTemplate: (template: unknown) => template,
      setApplicationMenu: (menu: unknown) => {
        state.menu = menu;
      },
    },
  };
  return { state, electron };
});

vi.mock('electron', () => ({ ...fake.electron, default: fake.electron }));

describe('the Electron shell (against fakes of Electron)', () => {
  let folder: string;
  const argv = process.argv;

  beforeAll(async () => {
    folder = await mkdtemp(path.join(os.tmpdir(), 'sift-shell-'));
    fake.state.userData = folder;
    // What an earlier run remembered: the window's place, maximized, and a library opened before.
    await mkdir(path.join(folder, 'earlier'));
    await writeFile(path.join(folder, 'earlier', 'library.json'), '{}');
    await writeFile(
      path.join(folder, 'app-state.json'),
      JSON.stringify({ window: { bounds: { x: 100, y: 80, width: 1200, height: 800 }, maximized: true }, recentLibraries: [path.join(folder, 'earlier')] }),
    );
    process.argv = [argv[0] ?? 'electron', '.', '--library', path.join(folder, 'lib')];
    await import('../../../../electron/main/main');
    await vi.waitFor(() => expect(fake.state.windows).toHaveLength(1));
  });
  afterAll(async () => {
    process.argv = argv;
    await rm(folder, { recursive: true, force: true });
  });

  it('opens one hardened window on the app origin', () => {
    const [window] = fake.state.windows;
    expect(window?.options.webPreferences).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
    });
    expect(String((window?.options.webPreferences as { preload: string }).preload)).toMatch(/preload\.cjs$/);
    expect(window?.loaded).toEqual(['app://bundle/index.html']);
  });

  it('registers exactly one IPC handler per method, serving the library given with --library', async () => {
    expect([...fake.state.ipcHandlers.keys()].sort()).toEqual(methodNames.map(ipcChannel).sort());
    const info = (await fake.state.ipcHandlers.get(ipcChannel('library.info'))?.(
      { senderFrame: { url: 'app://bundle/index.html', parent: null } },
      {},
    )) as ApiResult<{ path: string; canChooseLibrary: boolean }>;
    expect(info).toMatchObject({ ok: true, value: { path: path.join(folder, 'lib'), canChooseLibrary: true } });
  });

  it('blocks navigation away from the app and sends web links to the OS browser', () => {
    const [window] = fake.state.windows;
    const navigate = window?.contents['will-navigate'];
    let prevented = 0;
    const event = { preventDefault: () => (prevented += 1) };
    navigate?.(event, 'https://doi.org/10.1000/182');
    navigate?.(event, 'file:///etc/passwd');
    navigate?.(event, 'app://bundle/index.html');
    expect(prevented).toBe(2);
    expect(window?.openHandler?.({ url: 'javascript:alert(1)' })).toEqual({ action: 'deny' });
    expect(window?.openHandler?.({ url: 'https://arxiv.org/abs/2206.10883' })).toEqual({ action: 'deny' });
    expect(fake.state.externalOpened).toEqual(['https://doi.org/10.1000/182', 'https://arxiv.org/abs/2206.10883']);
  });

  it('hands a URL to shell.openExternal only when isSafeExternalUrl accepts it', () => {
    const [window] = fake.state.windows;
    const urls = [
      'https://example.org/a',
      'http://example.org/b',
      'mailto:someone@example.org',
      'file:///etc/passwd',
      'smb://server/share',
      'ms-msdt:/id PCWDiagnostic',
      'search-ms:query=x',
      'javascript:alert(1)',
      'data:text/html,x',
      '\\\\server\\share',
      'https://user:pw@example.org/',
      'app://bundle.evil/',
      'chrome://settings',
    ];
    fake.state.externalOpened.length = 0;
    for (const url of urls) {
      window?.contents['will-navigate']?.({ preventDefault: () => undefined }, url);
      expect(window?.openHandler?.({ url })).toEqual({ action: 'deny' });
    }
    const safe = urls.filter(isSafeExternalUrl);
    expect(safe).toEqual(['https://example.org/a', 'http://example.org/b', 'mailto:someone@example.org']);
    // Once from will-navigate and once from the window-open handler, never anything else.
    expect(fake.state.externalOpened).toEqual(safe.flatMap((url) => [url, url]));
  });

  it('serves the renderer over app:// with the CSP and nothing outside it', async () => {
    const handler = fake.state.protocolHandler;
    expect(handler).toBeDefined();
    const index = await handler?.({ url: 'app://bundle/index.html' });
    expect(index?.status).toBe(200);
    expect(index?.headers.get('content-security-policy')).toContain("default-src 'none'");
    expect(index?.headers.get('content-security-policy')).toBe(contentSecurityPolicy);
    expect(index?.headers.get('x-content-type-options')).toBe('nosniff');
    const escape = await handler?.({ url: 'app://bundle/..%2f..%2fpackage.json' });
    expect(escape?.status).toBe(404);
    expect(escape?.headers.get('content-security-policy')).toBe(contentSecurityPolicy);
    expect(escape?.headers.get('x-content-type-options')).toBe('nosniff');
    expect(fake.state.privilegedSchemes).toEqual([{ scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } }]);
  });

  it('sandboxes every renderer and refuses webviews in any web contents', () => {
    expect(fake.state.sandboxEnabled).toBe(true);
    const listeners: Record<string, (...args: unknown[]) => unknown> = {};
    let openHandler: ((details: { url: string }) => unknown) | undefined;
    const contents = {
      on: (event: string, listener: (...args: unknown[]) => unknown) => {
        listeners[event] = listener;
      },
      setWindowOpenHandler: (handler: (details: { url: string }) => unknown) => {
        openHandler = handler;
      },
    };
    fake.state.appListeners['web-contents-created']?.({}, contents);
    let prevented = 0;
    const event = { preventDefault: () => (prevented += 1) };
    listeners['will-attach-webview']?.(event, {}, {});
    listeners['will-navigate']?.(event, 'https://evil.example/');
    listeners['will-navigate']?.(event, 'app://bundle/index.html');
    expect(prevented).toBe(2);
    expect(openHandler?.({ url: 'app://bundle/index.html' })).toEqual({ action: 'deny' });
  });

  it('denies permission requests', () => {
    let granted: boolean | undefined;
    fake.state.permissionRequest?.({}, 'media', (answer: boolean) => (granted = answer));
    expect(granted).toBe(false);
    expect(fake.state.permissionCheck?.({}, 'geolocation')).toBe(false);
  });

  it('sets an application menu with File › Open Library…', () => {
    const menu = fake.state.menu as Array<{ label?: string; submenu?: Array<{ label?: string; accelerator?: string }> }>;
    const file = menu.find((item) => item.label === 'File');
    expect(file?.submenu?.find((item) => item.label === 'Open Library…')?.accelerator).toBe('CmdOrCtrl+O');
  });

  it('puts the window where it was, maximized as it was, and lists the libraries opened before', () => {
    const [window] = fake.state.windows;
    expect(window?.options).toMatchObject({ x: 100, y: 80, width: 1200, height: 800 });
    expect(window?.maximized).toBe(true);
    const menu = fake.state.menu as Array<{ label?: string; submenu?: Array<{ label?: string; submenu?: Array<{ label?: string }> }> }>;
    const recent = menu.find((item) => item.label === 'File')?.submenu?.find((item) => item.label === 'Open Recent');
    expect(recent?.submenu?.map((item) => item.label)).toEqual([path.join(folder, 'lib'), path.join(folder, 'earlier'), undefined, 'Clear Recent']);
  });

  it('a second Sift focuses this window; given a .bib it sends the file to the import dialog here, given a library it opens that', async () => {
    const [window] = fake.state.windows;
    const before = window?.focused ?? 0;
    await writeFile(path.join(folder, 'refs.bib'), '@article{a, title={A}}');
    fake.state.appListeners['second-instance']?.({}, ['sift', '.', '--some-chromium-switch', 'refs.bib', 'missing.ris'], folder);
    expect(window?.focused).toBe(before + 1);
    await vi.waitFor(() =>
      expect(window?.sent.filter(([channel]) => channel === ipcEventChannel('app.openFiles'))).toEqual([
        [ipcEventChannel('app.openFiles'), { files: [{ name: 'refs.bib', data: Buffer.from('@article{a, title={A}}').toString('base64') }] }],
      ]),
    );
    // The file that is not there is left out before anything is read: no error to show.
    expect(fake.state.errorBoxes).toEqual([]);

    fake.state.appListeners['second-instance']?.({}, ['sift', '.', path.join('..', 'earlier', 'library.json')], path.join(folder, 'lib'));
    await vi.waitFor(async () => {
      const info = (await fake.state.ipcHandlers.get(ipcChannel('library.info'))?.({ senderFrame: { url: 'app://bundle/index.html', parent: null } }, {})) as ApiResult<{ path: string }>;
      expect(info).toMatchObject({ ok: true, value: { path: path.join(folder, 'earlier') } });
    });
    const menu = fake.state.menu as Array<{ label?: string; submenu?: Array<{ label?: string; submenu?: Array<{ label?: string }> }> }>;
    const recent = menu.find((item) => item.label === 'File')?.submenu?.find((item) => item.label === 'Open Recent');
    expect(recent?.submenu?.map((item) => item.label)).toEqual([path.join(folder, 'earlier'), path.join(folder, 'lib'), undefined, 'Clear Recent']);
  });

  it('remembers the window’s normal bounds when it closes, in app-state.json', async () => {
    const [window] = fake.state.windows;
    window?.listeners.close?.({});
    await vi.waitFor(async () => {
      const saved = JSON.parse(await readFile(path.join(folder, 'app-state.json'), 'utf8')) as { window?: unknown; recentLibraries?: string[] };
      expect(saved.window).toEqual({ bounds: { x: 40, y: 30, width: 1111, height: 777 }, maximized: true });
      expect(saved.recentLibraries).toEqual([path.join(folder, 'earlier'), path.join(folder, 'lib')]);
    });
  });

  it('macOS open-file: takes the request from the OS and opens the library given, or forgets a recent one that is gone', async () => {
    let prevented = 0;
    fake.state.appListeners['open-file']?.({ preventDefault: () => (prevented += 1) }, path.join(folder, 'lib'));
    expect(prevented).toBe(1);
    await vi.waitFor(async () => {
      const info = (await fake.state.ipcHandlers.get(ipcChannel('library.info'))?.({ senderFrame: { url: 'app://bundle/index.html', parent: null } }, {})) as ApiResult<{ path: string }>;
      expect(info).toMatchObject({ ok: true, value: { path: path.join(folder, 'lib') } });
    });
    type Item = { label?: string; click?: () => void; submenu?: Item[] };
    const recent = () => (fake.state.menu as Item[]).find((item) => item.label === 'File')?.submenu?.find((item) => item.label === 'Open Recent')?.submenu ?? [];
    await rm(path.join(folder, 'earlier'), { recursive: true });
    recent().find((item) => item.label === path.join(folder, 'earlier'))?.click?.();
    expect(fake.state.errorBoxes).toEqual(['Library not found']);
    expect(recent().map((item) => item.label)).toEqual([path.join(folder, 'lib'), undefined, 'Clear Recent']);
    await vi.waitFor(async () => {
      const saved = JSON.parse(await readFile(path.join(folder, 'app-state.json'), 'utf8')) as { recentLibraries?: string[] };
      expect(saved.recentLibraries).toEqual([path.join(folder, 'lib')]);
    });
  });

  it('files opened after the window was closed (macOS keeps running) go to a new window once its page has loaded', async () => {
    const [first] = fake.state.windows;
    if (first) first.destroyed = true;
    fake.state.appListeners['second-instance']?.({}, ['sift', '.', 'refs.bib'], folder);
    await vi.waitFor(() => expect(fake.state.windows).toHaveLength(2));
    const second = fake.state.windows[1];
    expect(second?.sent).toEqual([]);
    second?.contents['did-finish-load']?.();
    await vi.waitFor(() => expect(second?.sent.map(([channel]) => channel)).toEqual([ipcEventChannel('app.openFiles')]));
  });
});
