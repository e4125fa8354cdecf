import { useState } from 'react';
import { libraryStore } from '../state/library-store';

interface Props {
  primary?: boolean;
}

/** Asks the main side again how the library is (it may have been fixed, or released by another Sift). */
export function TryAgainButton({ primary = false }: Props) {
  const [trying, setTrying] = useState(false);
  return (
    <button
      type="button"
      className={`button${primary ? ' primary' : ''}`}
      data-testid="try-again"
      disabled={trying}
      onClick={() => {
        setTrying(true);
        void libraryStore.reload().finally(() => setTrying(false));
      }}
    >
      {trying ? 'Trying…' : 'Try again'}
    </button>
  );
}
