import type { LibraryInfo } from '../../../shared/api/contract';
import { libraryStore } from '../state/library-store';

type Props = { info: LibraryInfo; unreachable?: undefined } | { info?: undefined; unreachable: string };

/** The library did not load: say why, never write to it, and offer a way out. */
export function FailedLibraryScreen({ info, unreachable }: Props) {
  if (!info) {
    return (
      <main className="center-screen">
        <section className="card notice-card" data-testid="library-failed" aria-labelledby="failed-title">
          <h1 id="failed-title">Sift cannot reach its library</h1>
          <p className="lead">{unreachable}</p>
          <div className="card-actions">
            <button type="button" className="button primary" onClick={() => void libraryStore.reload()}>
              Try again
            </button>
          </div>
        </section>
      </main>
    );
  }
  return (
    <main className="center-screen">
      <section className="card notice-card" data-testid="library-failed" aria-labelledby="failed-title">
        <p className="eyebrow danger-text">Library not loaded</p>
        <h1 id="failed-title">This library could not be opened</h1>
        <p className="lead" data-testid="library-error">
          {info.error?.message ?? 'The library file could not be read.'}
        </p>
        {info.error?.detail && <pre className="error-detail">{info.error.detail}</pre>}
        <p className="muted">
          Folder: <code className="path">{info.path}</code>
        </p>
        <p className="muted">Sift has not changed the file. Fix it in a text editor, or open another library.</p>
        <div className="card-actions">
          {info.canChooseLibrary ? (
            <button type="button" className="button primary" data-testid="choose-library" onClick={() => void libraryStore.chooseAndOpen()}>
              Open another library…
            </button>
          ) : (
            <p className="hint">
              In browser mode, open another library by restarting with <code>npm run web -- --library DIR</code>.
            </p>
          )}
          <button type="button" className="button" onClick={() => void libraryStore.reload()}>
            Try again
          </button>
        </div>
      </section>
    </main>
  );
}
