import { useEffect, useState } from 'react';
import type { BackupInfo } from '../../../shared/api/contract';
import { call } from '../api/client';
import { libraryStore } from '../state/library-store';
import { toasts } from '../state/toast-store';
import { errorMessage } from '../util/error-message';
import { formatBytes } from '../util/format-bytes';

interface Props {
  /** The library failed to load: restoring keeps its file aside instead of backing it up. */
  libraryFailed: boolean;
  /** Called once a backup has been restored and the library reloaded. */
  onRestored?: () => void;
}

type Listing = { state: 'loading' } | { state: 'failed'; message: string } | { state: 'loaded'; backups: readonly BackupInfo[] };

const dateTime = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

function when(iso: string | undefined): string | undefined {
  if (!iso) return undefined;
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? undefined : dateTime.format(date);
}

function papersLabel(count: number): string {
  if (count < 0) return 'paper count unknown';
  return `${count.toLocaleString()} ${count === 1 ? 'paper' : 'papers'}`;
}

/**
 * The library's backups, newest first, each restorable after an inline confirmation that says
 * what happens to the current file. Shared by the failed-library screen and the restore dialog.
 */
export function BackupList({ libraryFailed, onRestored }: Props) {
  const [listing, setListing] = useState<Listing>({ state: 'loading' });
  const [confirming, setConfirming] = useState<string>();
  const [restoring, setRestoring] = useState<string>();
  const [failure, setFailure] = useState<{ id: string; message: string }>();

  useEffect(() => {
    let current = true;
    call('backups.list', {}).then(
      ({ backups }) => current && setListing({ state: 'loaded', backups }),
      (error: unknown) => current && setListing({ state: 'failed', message: errorMessage(error) }),
    );
    return () => {
      current = false;
    };
  }, []);

  const restore = async (backup: BackupInfo) => {
    setRestoring(backup.id);
    setFailure(undefined);
    try {
      const { restoredPapers } = await libraryStore.restoreBackup(backup.id);
      toasts.info(`Restored the backup of ${when(backup.createdAt) ?? backup.id}: ${papersLabel(restoredPapers)}`);
      onRestored?.();
    } catch (error) {
      setFailure({ id: backup.id, message: errorMessage(error) });
    } finally {
      setRestoring(undefined);
      setConfirming(undefined);
    }
  };

  if (listing.state === 'loading') return <p className="muted loading-text">Looking for backups…</p>;
  if (listing.state === 'failed') {
    return (
      <p className="field-error" role="alert">
        The backups could not be listed: {listing.message}
      </p>
    );
  }
  if (listing.backups.length === 0) {
    return (
      <p className="muted" data-testid="backup-list-empty">
        No backups yet. Sift keeps one each time it rewrites library.json (at most every 10 minutes, and when the library is
        closed).
      </p>
    );
  }
  const keptAside = libraryFailed
    ? 'The damaged library.json is not deleted: it is kept beside the restored one as library.json.damaged-<time>.'
    : 'Your library as it is now is backed up first, so you can come back to it.';

  return (
    <ul className="backup-list" data-testid="backup-list" aria-label="Backups, newest first">
      {listing.backups.map((backup) => {
        const created = when(backup.createdAt) ?? backup.id;
        const lastChange = when(backup.lastChange);
        const isConfirming = confirming === backup.id;
        const isRestoring = restoring === backup.id;
        return (
          <li key={backup.id} className={`backup-row${isConfirming ? ' confirming' : ''}`} data-testid="backup-row" data-backup-id={backup.id}>
            <div className="backup-facts">
              <span className="backup-date">{created}</span>
              <span className="backup-meta">
                <span>{papersLabel(backup.paperCount)}</span>
                {lastChange && <span>last change {lastChange}</span>}
                {backup.bytes >= 0 && <span>{formatBytes(backup.bytes)}</span>}
              </span>
            </div>
            {!isConfirming && (
              <button
                type="button"
                className="button small"
                data-testid="restore-backup"
                disabled={restoring !== undefined}
                onClick={() => {
                  setConfirming(backup.id);
                  setFailure(undefined);
                }}
              >
                Restore…
              </button>
            )}
            {isConfirming && (
              <div className="backup-confirm" data-testid="confirm-restore" role="group" aria-label={`Restore the backup of ${created}`}>
                <p>
                  Replace the library with this backup of {created} ({papersLabel(backup.paperCount)})? {keptAside}
                </p>
                <div className="button-row">
                  <button
                    type="button"
                    className="button primary small"
                    data-testid="confirm-restore-button"
                    disabled={isRestoring}
                    onClick={() => void restore(backup)}
                  >
                    {isRestoring ? 'Restoring…' : 'Restore this backup'}
                  </button>
                  <button type="button" className="button small" disabled={isRestoring} onClick={() => setConfirming(undefined)}>
                    Cancel
                  </button>
                </div>
              </div>
            )}
            {failure?.id === backup.id && (
              <p className="field-error backup-error" role="alert">
                Not restored: {failure.message}
              </p>
            )}
          </li>
        );
      })}
    </ul>
  );
}
