import { useEffect, useRef } from 'react';
import { importStore } from '../state/import-store';

interface Props {
  kind: 'cancelled' | 'failed';
  message: string;
}

/** Where an import ends without a commit: cancelled, or refused with the main side's reason. The library is unchanged either way. */
export function ImportEndNotice({ kind, message }: Props) {
  const back = useRef<HTMLButtonElement>(null);
  useEffect(() => back.current?.focus(), []);
  return (
    <div className={`import-end import-${kind}`} data-testid={kind === 'cancelled' ? 'import-cancelled' : 'import-failed'} role={kind === 'failed' ? 'alert' : 'status'}>
      <p className="import-end-title">{kind === 'cancelled' ? 'Import cancelled' : 'The import could not be previewed'}</p>
      <p className="import-end-message">{message}</p>
      {kind === 'failed' && <p className="import-hint">Nothing was changed in the library.</p>}
      <div className="button-row">
        <button ref={back} type="button" className="button primary" data-testid="import-start-over" onClick={() => importStore.back()}>
          {kind === 'cancelled' ? 'Start over' : 'Back'}
        </button>
        <button type="button" className="button" onClick={() => importStore.close()}>
          Close
        </button>
      </div>
    </div>
  );
}
