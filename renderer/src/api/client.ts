import {
  eventNames,
  type ApiResult,
  type EventName,
  type EventPayload,
  type MethodInput,
  type MethodName,
  type MethodOutput,
  type SiftBridge,
} from '../../../shared/api/contract';

/** A failed call, with the main side's error code and message (shown to the user as is). */
export class ApiCallError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'ApiCallError';
  }
}

type Transport = {
  call(method: MethodName, input: unknown): Promise<ApiResult<unknown>>;
  on(event: EventName, listener: (payload: unknown) => void): () => void;
  /** Called when the event stream reconnects after a drop: events sent meanwhile are lost. */
  onReconnect(listener: () => void): () => void;
};

declare global {
  interface Window {
    sift?: SiftBridge;
  }
}

function unwrap<T>(result: ApiResult<T>): T {
  if (!result.ok) throw new ApiCallError(result.error.code, result.error.message);
  return result.value;
}

/** Electron: the preload's `window.sift`, one function per method. */
function bridgeTransport(bridge: SiftBridge): Transport {
  const call = (method: MethodName, input: unknown) => (bridge[method] as (input: unknown) => Promise<ApiResult<unknown>>)(input);
  return {
    call,
    on: (event, listener) => bridge.on(event, listener as (payload: EventPayload<typeof event>) => void),
    // IPC events are not dropped while the window lives.
    onReconnect: () => () => undefined,
  };
}

/** Browser mode: the same methods at POST /api/<method>, events over Server-Sent Events, with the run's token. */
function httpTransport(token: string): Transport {
  let source: EventSource | undefined;
  let dropped = false;
  const listeners = new Map<EventName, Set<(payload: unknown) => void>>();
  const reconnectListeners = new Set<() => void>();
  const connect = () => {
    if (source) return;
    source = new EventSource(`/api/events?token=${encodeURIComponent(token)}`);
    for (const event of eventNames) {
      source.addEventListener(event, (message) => {
        const payload: unknown = JSON.parse((message as MessageEvent<string>).data);
        for (const listener of listeners.get(event) ?? []) listener(payload);
      });
    }
    // EventSource reconnects by itself; what was sent while it was away is gone.
    source.addEventListener('error', () => {
      dropped = true;
    });
    source.addEventListener('open', () => {
      if (!dropped) return;
      dropped = false;
      for (const listener of reconnectListeners) listener();
    });
  };
  const post = (method: MethodName, input: unknown) =>
    fetch(`/api/${method}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-sift-token': token },
      body: JSON.stringify(input ?? {}),
    });
  return {
    async call(method, input) {
      return (await (await post(method, input)).json()) as ApiResult<unknown>;
    },
    on(event, listener) {
      connect();
      const set = listeners.get(event) ?? new Set();
      set.add(listener);
      listeners.set(event, set);
      return () => set.delete(listener);
    },
    onReconnect(listener) {
      connect();
      reconnectListeners.add(listener);
      return () => reconnectListeners.delete(listener);
    },
  };
}

function tokenFromLocation(): string {
  const hash = new URLSearchParams(window.location.hash.replace(/^#/, ''));
  return hash.get('token') ?? '';
}

function pickTransport(): Transport {
  return window.sift ? bridgeTransport(window.sift) : httpTransport(tokenFromLocation());
}

let transport: Transport | undefined;

/** Calls a method of the contract; resolves to its output or throws ApiCallError with the main side's message. */
export async function call<M extends MethodName>(method: M, input: MethodInput<M>): Promise<MethodOutput<M>> {
  transport ??= pickTransport();
  return unwrap(await transport.call(method, input)) as MethodOutput<M>;
}

export function onEvent<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void {
  transport ??= pickTransport();
  return transport.on(event, listener as (payload: unknown) => void);
}

/** Subscribes to "the event stream came back after a drop": whoever follows changes must catch up. */
export function onReconnect(listener: () => void): () => void {
  transport ??= pickTransport();
  return transport.onReconnect(listener);
}
