import { useEffect, useRef, useState } from 'react';
import type { ImportFormat, ImportState } from '../state/import-store';
import { importStore } from '../state/import-store';
import { trapTab } from '../util/focus-trap';
import { ImportEndNotice } from './ImportEndNotice';
import { ImportPreviewStep } from './ImportPreviewStep';
import { ImportProgress } from './ImportProgress';
import { ImportSourceStep } from './ImportSourceStep';

interface Props {
  state: ImportState;
}

/**
 * "Import papers": choose files or paste text, watch them being read, review the preview, commit.
 * Closing it at any step before the commit cancels the import; the library is untouched until then.
 */
export function ImportDialog({ state }: Props) {
  // What the user typed survives going back from the preview; the store keeps the files.
  const [text, setText] = useState('');
  const [format, setFormat] = useState<ImportFormat>('auto');
  const [tagText, setTagText] = useState('');
  const dialog = useRef<HTMLDivElement>(null);
  const { phase } = state;
  const committing = phase.kind === 'preview' && phase.committing;

  useEffect(() => {
    const previous = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    // On the window, not the dialog: Esc must close it even when focus has fallen to the page (a button that disabled itself).
    const onEscape = (event: globalThis.KeyboardEvent) => {
      if (event.key !== 'Escape' || event.defaultPrevented || event.isComposing) return;
      event.preventDefault();
      importStore.close();
    };
    window.addEventListener('keydown', onEscape);
    return () => {
      window.removeEventListener('keydown', onEscape);
      if (previous?.isConnected) previous.focus();
    };
  }, []);

  return (
    <div className="dialog-backdrop import-backdrop" onMouseDown={(event) => event.target === event.currentTarget && !committing && importStore.close()}>
      <div
        ref={dialog}
        className={`dialog import-dialog${phase.kind === 'preview' ? ' wide' : ''}`}
        data-testid="import-dialog"
        data-phase={phase.kind}
        data-import-id={phase.kind === 'reading' || phase.kind === 'preview' ? phase.importId : undefined}
        role="dialog"
        aria-modal="true"
        aria-labelledby="import-title"
        aria-busy={phase.kind === 'reading' || committing || undefined}
        tabIndex={-1}
        onKeyDown={trapTab}
      >
        <header className="dialog-header">
          <h1 id="import-title" className="dialog-title">
            Import papers
          </h1>
          <button type="button" className="button ghost small" data-testid="import-close" disabled={committing} onClick={() => importStore.close()}>
            {phase.kind === 'preview' ? 'Cancel' : 'Close'} <kbd>Esc</kbd>
          </button>
        </header>
        {phase.kind === 'choose' && (
          <ImportSourceStep
            state={state}
            text={text}
            onTextChange={setText}
            format={format}
            onFormatChange={setFormat}
            tagText={tagText}
            onTagTextChange={setTagText}
          />
        )}
        {phase.kind === 'reading' && <ImportProgress phase={phase} onCancel={() => void importStore.cancel()} />}
        {phase.kind === 'preview' && (
          <ImportPreviewStep preview={phase.preview} committing={phase.committing} error={phase.error} tagText={tagText} onTagTextChange={setTagText} />
        )}
        {phase.kind === 'cancelled' && <ImportEndNotice kind="cancelled" message="The import was cancelled; nothing was changed." />}
        {phase.kind === 'failed' && <ImportEndNotice kind="failed" message={phase.message} />}
      </div>
    </div>
  );
}
