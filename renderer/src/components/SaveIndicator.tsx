import { useSaveStatus } from '../state/use-save-status';

interface Props {
  /** Why the library cannot be changed, when it cannot. */
  readOnly: string | undefined;
}

/**
 * Whether the user's edits are on disk, quiet while they are. A failed save turns it red and
 * stays so until the main side's retry succeeds; the banner under the toolbar says why.
 */
export function SaveIndicator({ readOnly }: Props) {
  const status = useSaveStatus();
  let state: 'failed' | 'saving' | 'saved' | 'read-only';
  let label: string;
  if (status.state === 'failed') {
    state = 'failed';
    label = 'Not saved';
  } else if (readOnly) {
    state = 'read-only';
    label = 'Read-only';
  } else if (status.sending > 0 || status.pending > 0) {
    state = 'saving';
    label = 'Saving…';
  } else {
    state = 'saved';
    label = 'Saved';
  }
  return (
    <span
      className={`save-state save-state-${state}`}
      data-testid="save-state"
      data-state={state}
      role="status"
      title={state === 'failed' ? status.message : state === 'read-only' ? readOnly : 'Every change is on disk'}
    >
      <span className="save-state-dot" aria-hidden="true" />
      {label}
    </span>
  );
}
