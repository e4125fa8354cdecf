import {
  eventNames,
  methodNames,
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
};

declare global {
  interface Window {
    sift?: SiftBridge;
  }
}

/** Electron: the preload's `window.sift`, one function per method. */
function bridgeTransport(bridge: SiftBridge): Transport {
  return {
    call: (method, input) => (bridge[method] as (input: unknown) => Promise<ApiResult<unknown>>)(input),
    on: (event, listener) => bridge.on(event, listener as (payload: EventPayload<typeof event>) => void),
  };
}

/** Browser mode: the same methods at POST /api/<method>, events over Server-Sent Events, with the run's token. */
function httpTransport(token: string): Transport {
  let source: EventSource | undefined;
  const listeners = new Map<EventName, Set<(payload: unknown) => void>>();
  const connect = () => {
    if (source) return;
    source = new EventSource(`/api/events?token=${encodeURIComponent(token)}`);
    for (const event of eventNames) {
      source.addEventListener(event, (message) => {
        const payload: unknown = JSON.parse((message as MessageEvent<string>).data);
        for (const listener of listeners.get(event) ?? []) listener(payload);
      });
    }
  };
  return {
    async call(method, input) {
      const response = await fetch(`/api/${method}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-sift-token': token },
        body: JSON.stringify(input ?? {}),
      });
      return (await response.json()) as ApiResult<unknown>;
    },
    on(event, listener) {
      connect();
      const set = listeners.get(event) ?? new Set();
      set.add(listener);
      listeners.set(event, set);
      return () => set.delete(listener);
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
  const result = await transport.call(method, input);
  if (!result.ok) throw new ApiCallError(result.error.code, result.error.message);
  return result.value as MethodOutput<M>;
}

export function onEvent<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void {
  transport ??= pickTransport();
  return transport.on(event, listener as (payload: unknown) => void);
}

/** Every method the client can call, for the contract-coverage test. */
export const clientMethods: readonly MethodName[] = methodNames;
