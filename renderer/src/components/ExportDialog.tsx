import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import { call } from '../api/client';
import {
  exportKindLabels,
  exportKinds,
  prepareExport,
  reportSummary,
  savePrepared,
  type ExportChoices,
  type ExportColumns,
  type ExportKind,
  type PreparedExport,
} from '../state/export-actions';
import { toasts } from '../state/toast-store';
import { copyText } from '../util/clipboard';
import { errorMessage } from '../util/error-message';
import { trapTab } from '../util/focus-trap';
import './export-dialog.css';

export type ExportScope = 'table' | 'selection' | 'list' | 'library';

interface Props {
  /** Selected papers in the list, in display order. */
  selectedIds: readonly string[];
  /** The list as shown (search and filters applied), in display order. */
  visibleIds: readonly string[];
  /** The open review table (its rows as shown, its visible columns in order), when opened from it. */
  reviewTable?: { paperIds: readonly string[]; columns: ExportColumns };
  onClose: () => void;
}

const PREVIEW_LINES = 12;
const REPORT_LINES = 100;

function papersLabel(count: number): string {
  return `${count.toLocaleString()} ${count === 1 ? 'paper' : 'papers'}`;
}

/**
 * Exports the selection, the current list or the whole library as a review table (Markdown, CSV),
 * a bibliography (BibTeX, BibLaTeX, RIS, CSL-JSON) or a notes bundle. The export is made as soon as
 * the choices change, so what a format cannot carry is listed before anything is saved.
 */
export function ExportDialog({ selectedIds, visibleIds, reviewTable, onClose }: Props) {
  const ids = useId();
  const [scope, setScope] = useState<ExportScope>(reviewTable ? 'table' : selectedIds.length > 0 ? 'selection' : 'list');
  const columns = reviewTable?.columns;
  const [choices, setChoices] = useState<ExportChoices>({ kind: 'markdown', linkTitles: true, footnotes: false, bom: false });
  const [libraryIds, setLibraryIds] = useState<string[] | undefined>();
  const [prepared, setPrepared] = useState<PreparedExport | undefined>();
  const [error, setError] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);
  const dialog = useRef<HTMLDivElement>(null);
  const formatSelect = useRef<HTMLSelectElement>(null);

  useEffect(() => {
    const previous = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    formatSelect.current?.focus();
    return () => {
      if (previous?.isConnected) previous.focus();
    };
  }, []);

  useEffect(() => {
    if (scope !== 'library' || libraryIds) return;
    let live = true;
    call('search.query', { query: '', limit: 0, allIds: true }).then(
      (found) => live && setLibraryIds(found.ids ?? []),
      (failure: unknown) => live && setError(errorMessage(failure)),
    );
    return () => {
      live = false;
    };
  }, [scope, libraryIds]);

  const paperIds = scope === 'table' ? reviewTable?.paperIds : scope === 'selection' ? selectedIds : scope === 'list' ? visibleIds : libraryIds;

  useEffect(() => {
    if (!paperIds) return;
    let live = true;
    setPrepared(undefined);
    setError(undefined);
    prepareExport(paperIds, choices, choices.kind === 'markdown' || choices.kind === 'csv' ? columns : undefined).then(
      (result) => live && setPrepared(result),
      (failure: unknown) => live && setError(errorMessage(failure)),
    );
    return () => {
      live = false;
    };
  }, [paperIds, choices, columns]);

  const setKind = (kind: ExportKind) => setChoices((current) => ({ ...current, kind }));
  const toggle = (option: 'linkTitles' | 'footnotes' | 'bom') => setChoices((current) => ({ ...current, [option]: !current[option] }));

  const copy = async () => {
    if (prepared?.kind !== 'text') return;
    try {
      await copyText(prepared.text);
      toasts.info(`Copied ${papersLabel(prepared.count)} as ${exportKindLabels[choices.kind]}`);
      onClose();
    } catch (failure) {
      setError(errorMessage(failure));
    }
  };

  const save = async () => {
    if (!prepared || busy) return;
    setBusy(true);
    try {
      const outcome = await savePrepared(prepared);
      if (outcome.saved) {
        const what = prepared.kind === 'files' ? `${outcome.files} ${outcome.files === 1 ? 'note' : 'notes'}` : papersLabel(prepared.count);
        toasts.info(`${outcome.downloaded ? 'Downloaded' : 'Exported'} ${what}${outcome.where ? ` to ${outcome.where}` : ''}`);
        onClose();
      } else setBusy(false);
    } catch (failure) {
      setError(errorMessage(failure));
      setBusy(false);
    }
  };

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.key === 'Escape') {
      event.preventDefault();
      onClose();
    }
    trapTab(event);
  };

  const summary = prepared ? reportSummary(prepared) : '';
  const scopes: Array<{ value: ExportScope; label: string; count: number | undefined; disabled: boolean }> = [
    ...(reviewTable ? [{ value: 'table' as const, label: 'Review table', count: reviewTable.paperIds.length, disabled: false }] : []),
    { value: 'selection', label: 'Selection', count: selectedIds.length, disabled: selectedIds.length === 0 },
    { value: 'list', label: 'Current list', count: visibleIds.length, disabled: false },
    { value: 'library', label: 'Whole library', count: libraryIds?.length, disabled: false },
  ];

  return (
    <div className="dialog-backdrop" onMouseDown={(event) => event.target === event.currentTarget && onClose()}>
      <div
        ref={dialog}
        className="dialog export-dialog"
        data-testid="export-dialog"
        role="dialog"
        aria-modal="true"
        aria-labelledby={`${ids}-title`}
        onKeyDown={onKeyDown}
      >
        <header className="dialog-header">
          <h1 id={`${ids}-title`} className="dialog-title">
            Export
          </h1>
        </header>
        <fieldset className="export-scope">
          <legend>Papers</legend>
          {scopes.map((option) => (
            <label key={option.value} className={option.disabled ? 'disabled' : undefined}>
              <input
                type="radio"
                name={`${ids}-scope`}
                value={option.value}
                data-testid={`export-scope-${option.value}`}
                checked={scope === option.value}
                disabled={option.disabled}
                onChange={() => setScope(option.value)}
              />
              {option.label}
              {option.count !== undefined && <span className="muted"> ({option.count.toLocaleString()})</span>}
            </label>
          ))}
        </fieldset>
        <div className="form-field">
          <label htmlFor={`${ids}-format`}>Format</label>
          <select
            ref={formatSelect}
            id={`${ids}-format`}
            className="text-input"
            data-testid="export-format"
            value={choices.kind}
            onChange={(event) => setKind(event.target.value as ExportKind)}
          >
            {exportKinds.map((kind) => (
              <option key={kind} value={kind}>
                {exportKindLabels[kind]}
              </option>
            ))}
          </select>
        </div>
        {choices.kind === 'markdown' && (
          <div className="export-options">
            <label>
              <input type="checkbox" data-testid="export-link-titles" checked={choices.linkTitles} onChange={() => toggle('linkTitles')} />
              Link titles to DOI, arXiv or URL
            </label>
            <label>
              <input type="checkbox" data-testid="export-footnotes" checked={choices.footnotes} onChange={() => toggle('footnotes')} />
              Evidence quotes as footnotes
            </label>
          </div>
        )}
        {choices.kind === 'csv' && (
          <div className="export-options">
            <label>
              <input type="checkbox" data-testid="export-bom" checked={choices.bom} onChange={() => toggle('bom')} />
              Byte order mark (for Excel on Windows)
            </label>
          </div>
        )}
        <div className="export-status" aria-live="polite" data-testid="export-status">
          {!prepared && !error && <p className="muted">Preparing…</p>}
          {prepared?.kind === 'text' && (
            <>
              <p className="muted">
                {papersLabel(prepared.count)} · {prepared.fileName}
                {summary ? '' : prepared.formatName !== 'Markdown' && prepared.formatName !== 'CSV' ? ' · every field carried' : ''}
              </p>
              {summary && (
                <details className="export-report" data-testid="export-report" open={prepared.report.length <= 5}>
                  <summary>{summary}</summary>
                  <ul>
                    {prepared.report.slice(0, REPORT_LINES).map((entry) => (
                      <li key={entry.paperId}>
                        <span className="export-report-title">{entry.title}</span>:{' '}
                        {entry.dropped.map((dropped) => `${dropped.field} (${dropped.reason})`).join('; ')}
                      </li>
                    ))}
                    {prepared.report.length > REPORT_LINES && <li className="muted">and {prepared.report.length - REPORT_LINES} more papers</li>}
                  </ul>
                </details>
              )}
              <pre className="export-preview" data-testid="export-preview">
                {prepared.text.replace(/^\ufeff/, '').split('\n').slice(0, PREVIEW_LINES).join('\n')}
              </pre>
            </>
          )}
          {prepared?.kind === 'files' && (
            <>
              <p className="muted">
                {prepared.count.toLocaleString()} Markdown {prepared.count === 1 ? 'file' : 'files'} with YAML front matter, for Obsidian or Zettlr
              </p>
              <ul className="export-file-list">
                {prepared.files.slice(0, 8).map((file) => (
                  <li key={file.fileName} className="mono">
                    {file.fileName}
                  </li>
                ))}
                {prepared.files.length > 8 && <li className="muted">and {prepared.files.length - 8} more</li>}
              </ul>
            </>
          )}
          {error && (
            <p className="form-error" role="alert" data-testid="export-error">
              {error}
            </p>
          )}
        </div>
        <div className="button-row dialog-actions">
          <button type="button" className="button" onClick={onClose}>
            Cancel
          </button>
          {choices.kind !== 'notes' && (
            <button type="button" className="button" data-testid="export-copy" disabled={prepared?.kind !== 'text'} onClick={() => void copy()}>
              Copy
            </button>
          )}
          <button type="button" className="button primary" data-testid="export-save" disabled={!prepared || prepared.count === 0 || busy} onClick={() => void save()}>
            {choices.kind === 'notes' ? 'Save to folder…' : 'Save…'}
          </button>
        </div>
      </div>
    </div>
  );
}
