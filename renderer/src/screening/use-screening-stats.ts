import { useEffect, useState } from 'react';
import type { ScreeningStats } from '../../../shared/api/contract';
import { call, onEvent, onReconnect } from '../api/client';

/**
 * Live screening counts for a fixed list of papers: asked once, then again after every change to
 * the library (a decision here or elsewhere, the criteria). One call at a time; changes that arrive
 * meanwhile ask once more when it is answered.
 */
export function useScreeningStats(ids: readonly string[]): ScreeningStats | undefined {
  const [stats, setStats] = useState<ScreeningStats | undefined>(undefined);
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
      call('screening.stats', { paperIds: [...ids] })
        .then(
          (answer) => {
            if (!stopped) setStats(answer);
          },
          // A library that failed is shown elsewhere; the next change asks again.
          () => undefined,
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
  }, [ids]);
  return stats;
}
