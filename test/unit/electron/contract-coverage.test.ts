import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { ipcChannel, methodNames, type ApiResult } from '../../../shared/api/contract';
import { registerIpc, type IpcMainLike, type InvokeEventLike } from '../../../electron/main/ipc';
import { startWebServer, type RunningWebServer } from '../../../electron/web/server';
import { openTempSift, repoRoot } from '../../helpers/temp-library';
import type { Sift } from '../../../electron/services/container';

const exposed = vi.hoisted(() => ({ name: '', api: {} as Record<string, unknown>, invoked: [] as string[] }));
vi.mock('electron', () => ({
  contextBridge: {
    exposeInMainWorld: (name: string, api: Record<string, unknown>) => {
      exposed.name = name;
      exposed.api = api;
    },
  },
  ipcRenderer: {
    invoke: (channel: string) => {
      exposed.invoked.push(channel);
      return Promise.resolve({ ok: true, value: null });
    },
    on: () => undefined,
    removeListener: () => undefined,
  },
}));

class FakeIpcMain implements IpcMainLike {
  readonly handlers = new Map<string, (event: InvokeEventLike, input: unknown) => Promise<ApiResult<unknown>>>();
  handle(channel: string, listener: (event: InvokeEventLike, input: unknown) => Promise<ApiResult<unknown>>) {
    if (this.handlers.has(channel)) throw new Error(`second handler for ${channel}`);
    this.handlers.set(channel, listener);
  }
  removeHandler(channel: string) {
    this.handlers.delete(channel);
  }
}

const appFrame: InvokeEventLike = { senderFrame: { url: 'app://bundle/index.html', parent: null } };

describe('every door covers exactly the contract', () => {
  let sift: Sift;
  let cleanup: () => Promise<void>;
  let server: RunningWebServer;

  beforeAll(async () => {
    ({ sift, cleanup } = await openTempSift());
    server = await startWebServer({ sift, staticFolder: path.join(repoRoot, 'renderer'), token: 'test-token' });
  });
  afterAll(async () => {
    await server.close();
    await cleanup();
  });

  it('the preload exposes window.sift with one function per method and nothing else but `on`', async () => {
    await import('../../../electron/preload/preload');
    expect(exposed.name).toBe('sift');
    expect(Object.keys(exposed.api).sort()).toEqual([...methodNames, 'on'].sort());
    for (const method of methodNames) {
      await (exposed.api[method] as (input: unknown) => Promise<unknown>)({});
    }
    expect(exposed.invoked).toEqual(methodNames.map(ipcChannel));
    expect(Object.values(exposed.api).some((value) => typeof value === 'object')).toBe(false);
  });

  it('IPC registers one handler per method and they reach the services', async () => {
    const ipcMain = new FakeIpcMain();
    registerIpc(ipcMain, sift.dispatch);
    expect([...ipcMain.handlers.keys()].sort()).toEqual(methodNames.map(ipcChannel).sort());
    const info = await ipcMain.handlers.get(ipcChannel('library.info'))?.(appFrame, {});
    expect(info).toMatchObject({ ok: true, value: { state: 'ready', paperCount: 0 } });
  });

  it.each([
    ['another origin', { url: 'https://evil.example/', parent: null }],
    ['a file page', { url: 'file:///tmp/x.html', parent: null }],
    ['a look-alike host', { url: 'app://bundle.evil/index.html', parent: null }],
    ['a subframe', { url: 'app://bundle/index.html', parent: {} }],
  ])('IPC refuses calls from %s', async (_label, senderFrame) => {
    const ipcMain = new FakeIpcMain();
    registerIpc(ipcMain, sift.dispatch);
    const result = await ipcMain.handlers.get(ipcChannel('library.info'))?.({ senderFrame }, {});
    expect(result).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });

  it('browser mode answers every method at POST /api/<method>, and no other', async () => {
    const origin = `http://127.0.0.1:${server.port}`;
    for (const method of methodNames) {
      const response = await fetch(`${origin}/api/${method}`, { method: 'POST', headers: { 'x-sift-token': 'test-token' }, body: '{}' });
      expect(response.status, method).not.toBe(404);
      const body = (await response.json()) as ApiResult<unknown>;
      if (!body.ok) expect(body.error.code, method).not.toBe('unknown-method');
    }
    const unknown = await fetch(`${origin}/api/papers.destroyAll`, { method: 'POST', headers: { 'x-sift-token': 'test-token' }, body: '{}' });
    expect(unknown.status).toBe(404);
  });

  it('browser mode refuses requests without the right token or from another origin', async () => {
    const origin = `http://127.0.0.1:${server.port}`;
    const noToken = await fetch(`${origin}/api/library.info`, { method: 'POST', body: '{}' });
    expect(noToken.status).toBe(401);
    const wrongToken = await fetch(`${origin}/api/library.info`, { method: 'POST', headers: { 'x-sift-token': 'test-tokem' }, body: '{}' });
    expect(wrongToken.status).toBe(401);
    const crossOrigin = await fetch(`${origin}/api/library.info`, {
      method: 'POST',
      headers: { 'x-sift-token': 'test-token', origin: 'https://evil.example' },
      body: '{}',
    });
    expect(crossOrigin.status).toBe(403);
    const events = await fetch(`${origin}/api/events?token=nope`);
    expect(events.status).toBe(401);
  });

  it('browser mode never serves files outside the renderer folder', async () => {
    const origin = `http://127.0.0.1:${server.port}`;
    for (const probe of ['/..%2fpackage.json', '/%2e%2e/package.json', '/../package.json', '/index.html%00.js']) {
      const response = await fetch(`${origin}${probe}`);
      expect(response.status, probe).toBe(404);
    }
    const index = await fetch(`${origin}/index.html`);
    expect(index.status).toBe(200);
    expect(index.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(await index.text()).toBe(await readFile(path.join(repoRoot, 'renderer', 'index.html'), 'utf8'));
  });

});
