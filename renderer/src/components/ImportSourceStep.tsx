import { useEffect, useId, useRef, type ChangeEvent, type KeyboardEvent } from 'react';
import type { ImportFormat, ImportState, ImportTab } from '../state/import-store';
import { importStore } from '../state/import-store';
import { plural } from '../state/import-choices';
import { collectFolderFiles } from '../util/dropped-files';
import { formatBytes } from '../util/format-bytes';
import { ImportTagsField } from './ImportTagsField';

interface Props {
  state: ImportState;
  text: string;
  onTextChange: (text: string) => void;
  format: ImportFormat;
  onFormatChange: (format: ImportFormat) => void;
  tagText: string;
  onTagTextChange: (text: string) => void;
}

const formatOptions: Array<{ value: ImportFormat; label: string }> = [
  { value: 'auto', label: 'Detect from the content' },
  { value: 'bibtex', label: 'BibTeX / BibLaTeX' },
  { value: 'ris', label: 'RIS' },
  { value: 'csl-json', label: 'CSL-JSON' },
  { value: 'paste', label: 'Pasted list (arXiv, DOIs, titles)' },
];

/** The chosen files shown at most; a dropped folder can hold thousands. */
const MAX_LISTED_FILES = 200;

const tabs: Array<{ id: ImportTab; label: string }> = [
  { id: 'files', label: 'Files' },
  { id: 'paste', label: 'Paste text' },
];

/** The first step of an import: files (picked or dropped) and/or pasted text, the format, the tags. */
export function ImportSourceStep({ state, text, onTextChange, format, onFormatChange, tagText, onTagTextChange }: Props) {
  const fileInput = useRef<HTMLInputElement>(null);
  const folderInput = useRef<HTMLInputElement>(null);
  const chooseButton = useRef<HTMLButtonElement>(null);
  const textArea = useRef<HTMLTextAreaElement>(null);
  const tabRefs = useRef(new Map<ImportTab, HTMLButtonElement>());
  const baseId = useId();
  const formatId = useId();
  const { files, tab, skipped, request } = state;
  const error = state.phase.kind === 'choose' ? state.phase.error : undefined;

  // Each request to open the dialog (Ctrl+I, Ctrl+Shift+V, the menu) lands on what it asked for.
  useEffect(() => {
    if (tab === 'paste') textArea.current?.focus();
    else chooseButton.current?.focus();
  }, [request, tab]);

  useEffect(() => {
    // React has no prop for it: the folder picker is an <input type="file"> with this flag.
    if (folderInput.current) folderInput.current.webkitdirectory = true;
  }, []);

  const onFiles = (event: ChangeEvent<HTMLInputElement>) => {
    const chosen = Array.from(event.target.files ?? []);
    event.target.value = '';
    importStore.addFiles(chosen.map((file) => ({ file, name: file.name })));
  };
  const onFolder = (event: ChangeEvent<HTMLInputElement>) => {
    const chosen = Array.from(event.target.files ?? []);
    event.target.value = '';
    void collectFolderFiles(chosen).then(({ files: kept, skipped: left }) => importStore.addFiles(kept, left));
  };

  // Arrow keys move between the tabs, as in any tab list.
  const onTabKeyDown = (event: KeyboardEvent<HTMLButtonElement>) => {
    if (event.key !== 'ArrowLeft' && event.key !== 'ArrowRight') return;
    event.preventDefault();
    const next = tab === 'files' ? 'paste' : 'files';
    importStore.setTab(next);
    tabRefs.current.get(next)?.focus();
  };

  const hasText = text.trim() !== '';
  const sources = [files.length > 0 ? plural(files.length, 'file') : undefined, hasText ? 'the pasted text' : undefined].filter(Boolean);
  const totalBytes = files.reduce((sum, picked) => sum + picked.file.size, 0);

  return (
    <div className="import-step">
      <div className="segmented import-tabs" role="tablist" aria-label="What to import">
        {tabs.map((item) => (
          <button
            key={item.id}
            ref={(element) => {
              if (element) tabRefs.current.set(item.id, element);
            }}
            type="button"
            role="tab"
            id={`${baseId}-tab-${item.id}`}
            aria-selected={tab === item.id}
            aria-controls={`${baseId}-panel-${item.id}`}
            tabIndex={tab === item.id ? 0 : -1}
            className={`segment${tab === item.id ? ' active' : ''}`}
            data-testid={`import-tab-${item.id}`}
            onClick={() => importStore.setTab(item.id)}
            onKeyDown={onTabKeyDown}
          >
            {item.label}
            {item.id === 'files' && files.length > 0 && <span className="segment-count">{files.length.toLocaleString()}</span>}
            {item.id === 'paste' && hasText && <span className="segment-count">✓</span>}
          </button>
        ))}
      </div>

      <div
        className="import-panel"
        role="tabpanel"
        id={`${baseId}-panel-files`}
        aria-labelledby={`${baseId}-tab-files`}
        hidden={tab !== 'files'}
      >
        <div className="import-dropzone">
          <div className="button-row">
            <button ref={chooseButton} type="button" className="button" data-testid="import-choose-files" onClick={() => fileInput.current?.click()}>
              Choose files…
            </button>
            <button type="button" className="button" data-testid="import-choose-folder" onClick={() => folderInput.current?.click()}>
              Choose a folder…
            </button>
          </div>
          <p className="import-hint">
            BibTeX, RIS, CSL-JSON (Zotero, Mendeley, Scopus, Web of Science, Lens…), PDFs, or text lists. You can also drop files
            and folders anywhere on this window.
          </p>
          <input ref={fileInput} type="file" multiple className="visually-hidden" tabIndex={-1} aria-hidden="true" data-testid="import-file-input" onChange={onFiles} />
          <input ref={folderInput} type="file" multiple className="visually-hidden" tabIndex={-1} aria-hidden="true" data-testid="import-folder-input" onChange={onFolder} />
        </div>
        {files.length > 0 && (
          <div className="import-chosen">
            <div className="import-chosen-header">
              <span>
                {plural(files.length, 'file')} · {formatBytes(totalBytes)}
              </span>
              <button type="button" className="button ghost small" onClick={() => importStore.clearFiles()}>
                Remove all
              </button>
            </div>
            <ul className="import-chosen-list" data-testid="import-chosen-files">
              {files.slice(0, MAX_LISTED_FILES).map((picked) => (
                <li key={`${picked.name}:${picked.file.size}:${picked.file.lastModified}`} className="import-chosen-file">
                  <span className="import-chosen-name" title={picked.name}>
                    {picked.name}
                  </span>
                  <span className="import-chosen-size">{formatBytes(picked.file.size)}</span>
                  <button type="button" className="icon-button" aria-label={`Remove ${picked.name}`} onClick={() => importStore.removeFile(picked)}>
                    ×
                  </button>
                </li>
              ))}
              {files.length > MAX_LISTED_FILES && <li className="import-chosen-more">and {plural(files.length - MAX_LISTED_FILES, 'more file')}</li>}
            </ul>
          </div>
        )}
        {skipped > 0 && (
          <p className="import-hint" data-testid="import-skipped-files">
            {plural(skipped, 'file')} in the folders left out: not a bibliography, a list or a PDF.
          </p>
        )}
      </div>

      <div
        className="import-panel"
        role="tabpanel"
        id={`${baseId}-panel-paste`}
        aria-labelledby={`${baseId}-tab-paste`}
        hidden={tab !== 'paste'}
      >
        <textarea
          ref={textArea}
          className="import-textarea"
          data-testid="import-text"
          aria-label="Text to import"
          placeholder={'Paste BibTeX, RIS or CSL-JSON, an arXiv listing, a Hugging Face papers page,\na list of DOIs or arXiv ids, or one title per line.'}
          spellCheck={false}
          value={text}
          onChange={(event) => onTextChange(event.target.value)}
        />
      </div>

      <div className="import-options">
        <div className="import-field">
          <label className="import-label" htmlFor={formatId}>
            Format
          </label>
          <select
            id={formatId}
            className="import-select"
            data-testid="import-format"
            value={format}
            onChange={(event) => onFormatChange(formatOptions.find((option) => option.value === event.target.value)?.value ?? 'auto')}
          >
            {formatOptions.map((option) => (
              <option key={option.value} value={option.value}>
                {option.label}
              </option>
            ))}
          </select>
          <p className="import-hint">PDFs are always read as PDFs.</p>
        </div>
        <ImportTagsField value={tagText} onChange={onTagTextChange} />
      </div>

      {error && (
        <p className="field-error" role="alert" data-testid="import-error">
          {error}
        </p>
      )}
      <footer className="import-footer">
        <span className="import-footer-summary">
          {sources.length > 0 ? <>Sift will read {sources.join(' and ')}. Nothing is added before you confirm.</> : 'Choose files or paste text to preview.'}
        </span>
        <button
          type="button"
          className="button primary"
          data-testid="import-preview-button"
          disabled={sources.length === 0}
          onClick={() => void importStore.preview(text, format)}
        >
          Preview
        </button>
      </footer>
    </div>
  );
}
