import { useEffect, useRef } from 'react';
import type { ImportPhase } from '../state/import-store';

interface Props {
  phase: Extract<ImportPhase, { kind: 'reading' }>;
  onCancel: () => void;
}

/**
 * Loading the files in this page is quick next to parsing them on the main side, so it fills the
 * first tenth of the bar and parsing the rest.
 */
const LOADING_SHARE = 0.1;

/** While a preview is made: which file, how far, and a way out that changes nothing. */
export function ImportProgress({ phase, onCancel }: Props) {
  const cancelButton = useRef<HTMLButtonElement>(null);
  useEffect(() => cancelButton.current?.focus(), []);

  const { stage, done, total, current, cancelling } = phase;
  const share = total === 0 ? 0 : done / total;
  const value = stage === 'loading' ? share * LOADING_SHARE : LOADING_SHARE + share * (1 - LOADING_SHARE);
  const position = `(${Math.min(done + 1, total)}/${total})`;
  const label = cancelling
    ? 'Cancelling…'
    : done >= total
      ? 'Finishing…'
      : `${stage === 'loading' ? 'Loading' : 'Reading'} ${current ?? ''} ${position}`;

  return (
    <div className="import-progress" data-testid="import-progress" role="status" aria-live="polite">
      <p className="import-progress-label" data-testid="import-progress-label">
        {label}
      </p>
      <progress className="import-progress-bar" max={1} value={value} aria-label="Import progress" />
      <p className="import-hint">Nothing is added to the library until you have seen the preview and confirmed it.</p>
      <div className="button-row">
        <button ref={cancelButton} type="button" className="button" data-testid="import-cancel" aria-disabled={cancelling || undefined} onClick={onCancel}>
          {cancelling ? 'Cancelling…' : 'Cancel'}
        </button>
      </div>
    </div>
  );
}
