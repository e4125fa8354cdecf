import { useEffect, useState } from 'react';
import { call } from '../api/client';

export interface RelatedEntry {
  id: string;
  score: number;
}

/** How many related papers the detail pane lists. */
export const RELATED_SHOWN = 10;

/**
 * The papers most similar to one paper (TF-IDF over title and abstract, in the main process).
 * Asked again when the paper changes or the library does (`libraryKey`); undefined while asking.
 */
export function useRelatedPapers(paperId: string, libraryKey: string): RelatedEntry[] | undefined {
  const [answer, setAnswer] = useState<{ key: string; related: RelatedEntry[] } | undefined>();
  const key = `${paperId}\u0000${libraryKey}`;
  useEffect(() => {
    let current = true;
    call('papers.related', { paperId, limit: RELATED_SHOWN })
      .then(({ related }) => {
        if (current) setAnswer({ key, related });
      })
      .catch(() => {
        if (current) setAnswer({ key, related: [] });
      });
    return () => {
      current = false;
    };
  }, [key, paperId]);
  // Keep showing the last list while a changed library is asked again, so the section does not flicker.
  return answer && answer.key.startsWith(`${paperId}\u0000`) ? answer.related : undefined;
}
