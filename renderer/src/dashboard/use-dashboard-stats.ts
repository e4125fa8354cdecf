import type { LibraryStats } from '../../../shared/api/contract';
import { useLiveCall } from '../api/use-live-call';

/** How many tags and venues the dashboard lists. */
const TOP = 10;

/**
 * The library overview, kept current as the library changes. Undefined until the first answer;
 * `failed` when it could not be had.
 */
export function useDashboardStats(): { stats: LibraryStats | undefined; failed: boolean } {
  const { answer, failed } = useLiveCall('dashboard.stats', () => ({ top: TOP }), TOP);
  return { stats: answer, failed };
}
