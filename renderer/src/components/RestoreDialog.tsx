import { useEffect, useRef, type KeyboardEvent } from 'react';
import { BackupList } from './BackupList';

interface Props {
  onClose: () => void;
}

/** "Restore from backup…" for a library that loaded: the same list the failed-library screen shows. */
export function RestoreDialog({ onClose }: Props) {
  const dialog = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const previous = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    dialog.current?.focus();
    return () => {
      if (previous?.isConnected) previous.focus();
    };
  }, []);

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.key === 'Escape') {
      event.preventDefault();
      onClose();
    }
  };

  return (
    <div className="dialog-backdrop" onMouseDown={(event) => event.target === event.currentTarget && onClose()}>
      <div
        ref={dialog}
        className="dialog"
        data-testid="restore-dialog"
        role="dialog"
        aria-modal="true"
        aria-labelledby="restore-title"
        tabIndex={-1}
        onKeyDown={onKeyDown}
      >
        <header className="dialog-header">
          <h1 id="restore-title" className="dialog-title">
            Restore from backup
          </h1>
          <button type="button" className="button ghost small" data-testid="close-dialog" onClick={onClose}>
            Close <kbd>Esc</kbd>
          </button>
        </header>
        <p className="muted dialog-lead">
          Sift keeps a copy of library.json each time it rewrites it. Restoring one replaces the library with it; your library as it
          is now is backed up first.
        </p>
        <div className="dialog-body">
          <BackupList libraryFailed={false} onRestored={onClose} />
        </div>
      </div>
    </div>
  );
}
