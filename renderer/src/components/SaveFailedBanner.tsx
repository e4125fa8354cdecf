import { useSaveStatus } from '../state/use-save-status';

/** A save the disk refused: shown until a retry gets through, because closing Sift now would lose the edits. */
export function SaveFailedBanner() {
  const status = useSaveStatus();
  if (status.state !== 'failed') return null;
  const waiting = status.pending === 1 ? '1 change is waiting to be written.' : `${status.pending} changes are waiting to be written.`;
  return (
    <div className="banner banner-danger" role="alert" data-testid="save-failed-banner">
      <span className="banner-icon" aria-hidden="true">
        !
      </span>
      <div className="banner-text">
        <strong>{status.message ?? 'Not saved yet: the disk did not take the change.'}</strong>
        <span className="banner-detail">
          {status.pending > 0 ? `${waiting} ` : ''}This banner goes away once they are on disk.
        </span>
      </div>
    </div>
  );
}
