import type { LibraryStats } from '../../shared/api/contract';
import { libraryStats } from '../../shared/dashboard/library-stats';
import type { Paper } from '../../shared/model/library';
import type { LibraryStore } from './library-store';
import type { ScreeningService } from './screening-service';

/**
 * The dashboard's overview of the library, or of the given papers (ids not in the library are
 * left out). Screening comes from the screening service, so the dashboard and the screening view
 * never disagree.
 */
export function dashboardStats(store: LibraryStore, screening: Pick<ScreeningService, 'stats'>, paperIds?: readonly string[], top?: number): LibraryStats {
  let papers: readonly Paper[] = store.data.papers;
  if (paperIds) {
    papers = [...new Set(paperIds)].flatMap((id) => {
      const paper = store.getPaper(id);
      return paper ? [paper] : [];
    });
  }
  return { ...libraryStats(papers, top), screening: screening.stats(paperIds) };
}
