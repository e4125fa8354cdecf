import { useEffect, useId, useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import { savedSearchesStore } from '../search/saved-searches-store';
import type { SavedSearchDraft } from '../state/ui-state';
import { toasts } from '../state/toast-store';
import { errorMessage } from '../util/error-message';
import { trapTab } from '../util/focus-trap';

interface Props {
  draft: SavedSearchDraft;
  onClose: () => void;
}

/** Names a query to keep in the sidebar as a saved search, or renames and changes one (`draft.id`). */
export function SavedSearchDialog({ draft, onClose }: Props) {
  const [name, setName] = useState(draft.name);
  const [query, setQuery] = useState(draft.query);
  const [error, setError] = useState<string | undefined>();
  const [saving, setSaving] = useState(false);
  const nameInput = useRef<HTMLInputElement>(null);
  const ids = useId();
  const editing = draft.id !== undefined;

  useEffect(() => {
    const previous = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    nameInput.current?.focus();
    nameInput.current?.select();
    return () => {
      if (previous?.isConnected) previous.focus();
    };
  }, []);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (saving) return;
    setSaving(true);
    setError(undefined);
    try {
      const saved = await savedSearchesStore.save({ ...(draft.id ? { id: draft.id } : {}), name: name.trim(), query: query.trim() });
      toasts.info(editing ? `Saved “${saved.name}”` : `Saved search “${saved.name}”: ${saved.count} ${saved.count === 1 ? 'paper' : 'papers'}`);
      onClose();
    } catch (failure) {
      setError(errorMessage(failure));
      setSaving(false);
    }
  };

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.key === 'Escape') {
      event.preventDefault();
      onClose();
    }
    trapTab(event);
  };

  return (
    <div className="dialog-backdrop" onMouseDown={(event) => event.target === event.currentTarget && onClose()}>
      <div
        className="dialog saved-search-dialog"
        data-testid="saved-search-dialog"
        role="dialog"
        aria-modal="true"
        aria-labelledby={`${ids}-title`}
        onKeyDown={onKeyDown}
      >
        <form onSubmit={(event) => void submit(event)}>
          <header className="dialog-header">
            <h1 id={`${ids}-title`} className="dialog-title">
              {editing ? 'Edit saved search' : 'Save search'}
            </h1>
          </header>
          <p className="muted dialog-lead">
            {editing
              ? 'Rename it, or change what it searches for.'
              : 'It appears under Saved searches in the sidebar with a live count: papers you add or tag later are in it too.'}
          </p>
          <div className="form-field">
            <label htmlFor={`${ids}-name`}>Name</label>
            <input
              ref={nameInput}
              id={`${ids}-name`}
              className="text-input"
              data-testid="saved-search-name"
              value={name}
              maxLength={200}
              spellCheck={false}
              autoComplete="off"
              onChange={(event) => setName(event.target.value)}
            />
          </div>
          <div className="form-field">
            <label htmlFor={`${ids}-query`}>Query</label>
            <input
              id={`${ids}-query`}
              className="text-input mono"
              data-testid="saved-search-query"
              value={query}
              spellCheck={false}
              autoComplete="off"
              onChange={(event) => setQuery(event.target.value)}
            />
          </div>
          {error && (
            <p className="form-error" role="alert" data-testid="saved-search-error">
              {error}
            </p>
          )}
          <div className="button-row dialog-actions">
            <button type="button" className="button" onClick={onClose}>
              Cancel
            </button>
            <button
              type="submit"
              className="button primary"
              data-testid="saved-search-submit"
              disabled={saving || name.trim() === '' || query.trim() === ''}
            >
              {editing ? 'Save changes' : 'Save search'}
            </button>
          </div>
        </form>
      </div>
    </div>
  );
}
