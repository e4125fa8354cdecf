import { useEffect, useState } from 'react';
import type { LibraryStats } from '../../../shared/api/contract';
import { call, onEvent, onReconnect } from '../api/client';

/** How many tags and venues the dashboard lists. */
const TOP = 10;

/**
 * The library overview, asked once and again after every change to the library (one call at a
 * time; changes that arrive meanwhile ask once more when it is answered). Undefined until the first
 * answer; `failed` when it could not be had.
 */
export function useDashboardStats(): { stats: LibraryStats | undefined; failed: boolean } {
  const [state, setState] = useState<{ stats: LibraryStats | undefined; failed: boolean }>({ stats: undefined, failed: false });
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
      call('dashboard.stats', { top: TOP })
        .then(
          (stats) => {
            if (!stopped) setState({ stats, failed: false });
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
  }, []);
  return state;
}
