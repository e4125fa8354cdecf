import type { LibraryInfo } from '../../../shared/api/contract';
import { libraryStore } from '../state/library-store';
import { BackupList } from './BackupList';
import { TryAgainButton } from './TryAgainButton';

type Props = { info: LibraryInfo; unreachable?: undefined } | { info?: undefined; unreachable: string };

/** The library did not load: say why, never write to it, and offer a way out (a backup, another library). */
export function FailedLibraryScreen({ info, unreachable }: Props) {
  if (!info) {
    return (
      <main className="center-screen">
        <section className="card notice-card" data-testid="library-failed" aria-labelledby="failed-title">
          <h1 id="failed-title">Sift cannot reach its library</h1>
          <p className="lead">{unreachable}</p>
          <div className="card-actions">
            <TryAgainButton primary />
          </div>
        </section>
      </main>
    );
  }
  if (info.locked) {
    return (
      <main className="center-screen">
        <section className="card notice-card" data-testid="library-failed" data-locked="true" aria-labelledby="failed-title">
          <p className="eyebrow">Library in use</p>
          <h1 id="failed-title">This library is open in another Sift</h1>
          <p className="lead" data-testid="library-error">
            {info.error?.message ?? 'Another Sift has this library open.'}
          </p>
          <p className="muted">
            Folder: <code className="path">{info.path}</code>
          </p>
          <p className="muted">Nothing is wrong with the library. Close it in the other Sift, then try again here.</p>
          <div className="card-actions">
            <TryAgainButton primary />
          </div>
        </section>
      </main>
    );
  }
  return (
    <main className="center-screen">
      <section className="card notice-card failed-card" data-testid="library-failed" aria-labelledby="failed-title">
        <p className="eyebrow danger-text">Library not loaded</p>
        <h1 id="failed-title">This library could not be opened</h1>
        <p className="lead" data-testid="library-error">
          {info.error?.message ?? 'The library file could not be read.'}
        </p>
        {info.error?.detail && (
          <pre className="error-detail" data-testid="library-error-detail">
            {info.error.detail}
          </pre>
        )}
        <p className="muted">
          Folder: <code className="path">{info.path}</code>
        </p>
        <p className="muted">Sift has not changed the file. Restore a backup, fix the file in a text editor, or open another library.</p>
        <div className="card-actions">
          {info.canChooseLibrary && (
            <button type="button" className="button" data-testid="choose-library" onClick={() => void libraryStore.chooseAndOpen()}>
              Open another library…
            </button>
          )}
          <TryAgainButton />
        </div>
        {!info.canChooseLibrary && (
          <p className="hint">
            In browser mode, open another library by restarting with <code>npm run web -- --library DIR</code>.
          </p>
        )}
        <section className="backups-section" aria-labelledby="backups-title">
          <h2 id="backups-title" className="section-title">
            Backups
          </h2>
          <BackupList libraryFailed />
        </section>
      </section>
    </main>
  );
}
