import { useEffect, useState } from 'react';
import { call, onEvent, onReconnect } from './client';
import type { MethodInput, MethodName, MethodOutput } from '../../../shared/api/contract';

export interface LiveAnswer<M extends MethodName> {
  answer: MethodOutput<M> | undefined;
  /** The last call failed (the previous answer, if any, is kept). */
  failed: boolean;
}

/**
 * An API answer kept current: asked once, then again after every change to the library (saved
 * searches aside) and after a reconnect. One call at a time; changes that arrive meanwhile ask
 * once more when it is answered. `input` is asked anew when `key` changes.
 */
export function useLiveCall<M extends MethodName>(method: M, input: () => MethodInput<M>, key: unknown): LiveAnswer<M> {
  const [state, setState] = useState<LiveAnswer<M>>({ answer: undefined, failed: false });
  useEffect(() => {
    let stopped = false;
    let fetching = false;
    let again = false;
    const refresh = () => {
      if (fetching) {
        again = true;
        return;
      }
      fetching = true;
      again = false;
      call(method, input())
        .then(
          (answer) => {
            if (!stopped) setState({ answer, failed: false });
          },
          () => {
            if (!stopped) setState((current) => ({ ...current, failed: true }));
          },
        )
        .finally(() => {
          fetching = false;
          if (again && !stopped) refresh();
        });
    };
    refresh();
    const stops = [
      onEvent('library.changed', ({ reason }) => {
        if (reason !== 'saved-searches') refresh();
      }),
      onReconnect(refresh),
    ];
    return () => {
      stopped = true;
      for (const stop of stops) stop();
    };
    // `input` is read when asking; `key` says when it asks something new.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [method, key]);
  return state;
}
