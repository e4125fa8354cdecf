import { useEffect, useRef, useState } from 'react';
import type { LibraryInfo } from '../../../shared/api/contract';
import type { CommandContext } from '../commands/commands';
import { libraryStore } from '../state/library-store';
import { isMac } from '../util/platform';

interface Props {
  info: LibraryInfo;
  commandContext: CommandContext;
}

export function WelcomeScreen({ info, commandContext }: Props) {
  const [opening, setOpening] = useState(false);
  const primary = useRef<HTMLButtonElement>(null);
  useEffect(() => primary.current?.focus(), []);

  const openSample = async () => {
    setOpening(true);
    try {
      await libraryStore.openSample();
    } finally {
      setOpening(false);
    }
  };

  return (
    <main className="center-screen welcome">
      <section className="card welcome-card" aria-labelledby="welcome-title">
        <div className="brand-mark large" aria-hidden="true">
          S
        </div>
        <h1 id="welcome-title">Welcome to Sift</h1>
        <p className="lead">
          A quiet place to read, tag, annotate and compare the papers of a literature review. Everything stays on this
          computer.
        </p>
        <p className="muted">
          This library is empty. Import the papers you already have (BibTeX, RIS, CSL-JSON, PDFs), or start with the sample
          library to look around. You can also drop files or folders anywhere on this window.
        </p>
        <div className="card-actions">
          <button
            ref={primary}
            type="button"
            className="button primary large"
            data-testid="open-sample"
            disabled={opening}
            onClick={() => void openSample()}
          >
            {opening ? 'Opening…' : 'Open the sample library'}
          </button>
          <button
            type="button"
            className="button large"
            data-testid="welcome-import"
            disabled={info.readOnly !== undefined}
            title={info.readOnly}
            onClick={() => commandContext.openImport('files')}
          >
            Import files…
          </button>
          {info.canChooseLibrary && (
            <button type="button" className="button large" data-testid="choose-library" onClick={() => commandContext.chooseLibrary()}>
              Open another library…
            </button>
          )}
        </div>
        <p className="muted small">
          Library folder: <code className="path">{info.path}</code>
        </p>
        <p className="muted small">
          Press <kbd>{isMac ? '⌘' : 'Ctrl'}</kbd> <kbd>K</kbd> for every command.
        </p>
      </section>
    </main>
  );
}
