import { startTransition, useEffect, useState } from 'react';
import { libraryStore, type LibrarySnapshot } from './library-store';

/**
 * The library snapshot, rendered as a transition. A change to thousands of papers re-renders the
 * whole screen; useSyncExternalStore would do that in one uninterrupted task, while a transition
 * lets React yield to input and painting every few milliseconds. Every update takes the store's
 * latest snapshot, so a slower render never shows older data than a faster one did.
 */
export function useLibrary(): LibrarySnapshot {
  const [snapshot, setSnapshot] = useState(libraryStore.getSnapshot);
  useEffect(() => {
    const update = () => startTransition(() => setSnapshot(libraryStore.getSnapshot()));
    // Catch up with a change made between the first render and this subscription.
    update();
    return libraryStore.subscribe(update);
  }, []);
  return snapshot;
}
