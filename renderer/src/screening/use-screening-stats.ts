import type { ScreeningStats } from '../../../shared/api/contract';
import { useLiveCall } from '../api/use-live-call';

/**
 * Live screening counts for a fixed list of papers: asked once, then again after every change to
 * the library (a decision here or elsewhere, the criteria). One call at a time; changes that arrive
 * meanwhile ask once more when it is answered.
 */
export function useScreeningStats(ids: readonly string[]): ScreeningStats | undefined {
  // A failed call (a library that failed is shown elsewhere) keeps the last counts; the next change asks again.
  return useLiveCall('screening.stats', () => ({ paperIds: [...ids] }), ids).answer;
}
