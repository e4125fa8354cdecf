import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { eventNames, ipcChannel, ipcEventChannel, methodNames } from '../../../../shared/api/contract';

// Checklist E4: the preload, loaded with a fake `electron`, exposes one function per contract
// method plus `on`, and nothing that reaches a raw channel.

type Listener = (event: unknown, ...args: unknown[]) => void;
const fake = vi.hoisted(() => {
  const state = {
    exposed: [] as Array<{ name: string; api: Record<string, unknown> }>,
    invoked: [] as unknown[][],
    listeners: new Map<string, Set<(event: unknown, ...args: unknown[]) => void>>(),
    raw: [] as string[],
  };
  const ipcRenderer = {
    invoke: (...args: unknown[]) => {
      state.invoked.push(args);
      return Promise.resolve({ ok: true, value: args[0] });
    },
    on: (channel: string, listener: (event: unknown, ...args: unknown[]) => void) => {
      const set = state.listeners.get(channel) ?? new Set();
      set.add(listener);
      state.listeners.set(channel, set);
      return ipcRenderer;
    },
    removeListener: (channel: string, listener: (event: unknown, ...args: unknown[]) => void) => {
      state.listeners.get(channel)?.delete(listener);
      return ipcRenderer;
    },
    // Raw messaging the bridge must never use.
    send: (channel: string) => state.raw.push(`send ${channel}`),
    sendSync: (channel: string) => state.raw.push(`sendSync ${channel}`),
    postMessage: (channel: string) => state.raw.push(`postMessage ${channel}`),
    once: (channel: string) => state.raw.push(`once ${channel}`),
  };
  const contextBridge = {
    exposeInMainWorld: (name: string, api: Record<string, unknown>) => state.exposed.push({ name, api }),
  };
  return { state, ipcRenderer, contextBridge };
});

vi.mock('electron', () => ({ contextBridge: fake.contextBridge, ipcRenderer: fake.ipcRenderer, default: { contextBridge: fake.contextBridge, ipcRenderer: fake.ipcRenderer } }));

function emit(channel: string, ...args: unknown[]): void {
  for (const listener of fake.state.listeners.get(channel) ?? []) (listener as Listener)({ sender: { send: () => 'leaked' }, senderId: 0 }, ...args);
}

describe('the preload bridge', () => {
  let api: Record<string, unknown>;

  beforeAll(async () => {
    await import('../../../../electron/preload/preload');
    expect(fake.state.exposed).toHaveLength(1);
    expect(fake.state.exposed[0]?.name).toBe('sift');
    api = fake.state.exposed[0]?.api ?? {};
  });
  beforeEach(() => {
    fake.state.invoked.length = 0;
    fake.state.raw.length = 0;
  });

  it('exposes exactly the contract methods and `on`, all functions, frozen', () => {
    expect(Object.keys(api).sort()).toEqual([...methodNames, 'on'].sort());
    expect(Object.getOwnPropertyNames(api).sort()).toEqual([...methodNames, 'on'].sort());
    for (const value of Object.values(api)) expect(typeof value).toBe('function');
    expect(Object.isFrozen(api)).toBe(true);
  });

  it('exposes nothing of ipcRenderer: no raw invoke, send, on or the object itself', () => {
    const rawFunctions = new Set<unknown>(Object.values(fake.ipcRenderer));
    for (const [key, value] of Object.entries(api)) {
      expect(value, key).not.toBe(fake.ipcRenderer);
      expect(rawFunctions.has(value), key).toBe(false);
    }
    for (const key of ['invoke', 'send', 'sendSync', 'postMessage', 'ipcRenderer', 'removeListener', 'once', 'emit']) expect(api).not.toHaveProperty(key);
  });

  it('each method invokes only its own channel, with only its input', async () => {
    for (const method of methodNames) {
      const call = api[method] as (...args: unknown[]) => Promise<unknown>;
      // A page that passes a channel name or more arguments still reaches this method's channel alone.
      await call({ marker: method }, 'sift:library.chooseAndOpen', { extra: true });
    }
    expect(fake.state.invoked).toEqual(methodNames.map((method) => [ipcChannel(method), { marker: method }]));
    expect(fake.state.raw).toEqual([]);
  });

  it('an event listener gets the payload alone, never the Electron event', () => {
    for (const event of eventNames) {
      const received: unknown[][] = [];
      const unsubscribe = (api.on as (event: string, listener: (...args: unknown[]) => void) => () => void)(event, (...args) => received.push(args));
      emit(ipcEventChannel(event), { payload: event }, 'second argument');
      expect(received, event).toEqual([[{ payload: event }]]);
      unsubscribe();
      emit(ipcEventChannel(event), { payload: 'after' });
      expect(received, event).toHaveLength(1);
      expect(fake.state.listeners.get(ipcEventChannel(event))?.size ?? 0).toBe(0);
    }
  });

  it.each([
    'sift:papers.update',
    'sift-event:library.changed',
    'library.changed ',
    'Library.changed',
    '__proto__',
    'constructor',
    'toString',
    '',
    'papers.update',
  ])('refuses to subscribe to the unknown event %j', (event) => {
    const before = [...fake.state.listeners.values()].reduce((sum, set) => sum + set.size, 0);
    expect(() => (api.on as (event: string, listener: () => void) => unknown)(event, () => undefined)).toThrow(/Unknown event/);
    expect([...fake.state.listeners.values()].reduce((sum, set) => sum + set.size, 0)).toBe(before);
  });

  it.each([undefined, null, 'alert(1)', {}, 42])('refuses a listener that is not a function (%j)', (listener) => {
    expect(() => (api.on as (event: string, listener: unknown) => unknown)('library.changed', listener)).toThrow(/must be a function/);
  });
});
