import { describe, expect, it, vi } from 'vitest';
import { ipcChannel, methodNames, type ApiResult } from '../../../../shared/api/contract';
import { registerIpc, type InvokeEventLike, type IpcMainLike } from '../../../../electron/main/ipc';

// Checklist E3: every IPC handler checks who calls before anything else runs. The dispatch here is
// a spy, so "refused" also means "nothing reached the services".

type Handler = (event: InvokeEventLike, input: unknown) => Promise<ApiResult<unknown>>;

function fakeIpcMain() {
  const handlers = new Map<string, Handler>();
  const ipcMain: IpcMainLike = {
    handle(channel, listener) {
      if (handlers.has(channel)) throw new Error(`second handler for ${channel}`);
      handlers.set(channel, listener);
    },
    removeHandler(channel) {
      handlers.delete(channel);
    },
  };
  return { ipcMain, handlers };
}

const refusedFrames: Array<[string, InvokeEventLike['senderFrame']]> = [
  ['another origin', { url: 'https://evil.example/', parent: null }],
  ['a local page', { url: 'file:///x.html', parent: null }],
  ['another app:// host', { url: 'app://evil/', parent: null }],
  ['a look-alike host', { url: 'app://bundle.evil/', parent: null }],
  ['credentials that name the host', { url: 'app://bundle@evil/', parent: null }],
  ['credentials before the host', { url: 'app://user:pw@bundle/index.html', parent: null }],
  ['the dev server', { url: 'http://localhost:5173/', parent: null }],
  ['about:blank', { url: 'about:blank', parent: null }],
  ['a data URL', { url: 'data:text/html,<script>x</script>', parent: null }],
  ['an empty URL', { url: '', parent: null }],
  ['a destroyed frame (null)', null],
  ['a subframe of the app', { url: 'app://bundle/index.html', parent: {} }],
  ['a subframe whose parent is undefined', { url: 'app://bundle/index.html', parent: undefined }],
];

describe('registerIpc refuses every caller but the app page in the top frame', () => {
  it('registers exactly one handler per contract method and removes them all again', () => {
    const { ipcMain, handlers } = fakeIpcMain();
    const unregister = registerIpc(ipcMain, vi.fn());
    expect([...handlers.keys()].sort()).toEqual(methodNames.map(ipcChannel).sort());
    unregister();
    expect(handlers.size).toBe(0);
  });

  it.each(refusedFrames)('every method refuses %s, and nothing reaches dispatch', async (_label, senderFrame) => {
    const dispatch = vi.fn(async () => ({ ok: true as const, value: 'reached' }));
    const { ipcMain, handlers } = fakeIpcMain();
    registerIpc(ipcMain, dispatch);
    for (const method of methodNames) {
      const result = await handlers.get(ipcChannel(method))?.({ senderFrame }, {});
      expect(result, method).toEqual({ ok: false, error: { code: 'forbidden', message: `Refused ${method}: the caller is not Sift's own window` } });
    }
    expect(dispatch).not.toHaveBeenCalled();
  });

  it.each(['app://bundle/index.html', 'app://bundle/', 'app://bundle/index.html#/papers'])('every method passes %s through to dispatch with its own name and input', async (url) => {
    const dispatch = vi.fn(async (method: string) => ({ ok: true as const, value: method }));
    const { ipcMain, handlers } = fakeIpcMain();
    registerIpc(ipcMain, dispatch);
    for (const method of methodNames) {
      const input = { marker: method };
      const result = await handlers.get(ipcChannel(method))?.({ senderFrame: { url, parent: null } }, input);
      expect(result).toEqual({ ok: true, value: method });
      expect(dispatch).toHaveBeenLastCalledWith(method, input);
    }
    expect(dispatch).toHaveBeenCalledTimes(methodNames.length);
  });
});
