import { eventNames, ipcChannel, ipcEventChannel, methodNames, type EventName } from '../../shared/api/channels';

/** The slice of Electron's ipcRenderer the bridge needs; tests pass a fake. */
export interface IpcRendererLike {
  invoke(channel: string, ...args: unknown[]): Promise<unknown>;
  on(channel: string, listener: (event: unknown, ...args: unknown[]) => void): unknown;
  removeListener(channel: string, listener: (event: unknown, ...args: unknown[]) => void): unknown;
}

/**
 * Builds `window.sift`: one function per contract method and a subscription to the contract's
 * events. No raw channel access leaves the preload, and listeners get the payload, never
 * Electron's event object (which would expose `sender`).
 */
export function buildBridge(ipc: IpcRendererLike): Record<string, unknown> {
  const bridge: Record<string, unknown> = {};
  for (const method of methodNames) {
    bridge[method] = (input: unknown) => ipc.invoke(ipcChannel(method), input);
  }
  bridge.on = (event: EventName, listener: (payload: unknown) => void) => {
    if (!(eventNames as readonly string[]).includes(event)) throw new Error(`Unknown event "${String(event)}"`);
    if (typeof listener !== 'function') throw new Error('A listener must be a function');
    const forward = (_event: unknown, payload: unknown) => listener(payload);
    ipc.on(ipcEventChannel(event), forward);
    return () => {
      ipc.removeListener(ipcEventChannel(event), forward);
    };
  };
  return Object.freeze(bridge);
}
