import type { KeyboardEvent } from 'react';
import type { Workspace } from '../state/use-workspace';

interface Props {
  workspace: Workspace;
}

export function SearchBox({ workspace }: Props) {
  const { ui, dispatch, refs } = workspace;

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'Escape') {
      // Leaving the search keeps the query: Esc is "back to the list", x clears.
      event.preventDefault();
      workspace.focusList();
    } else if (event.key === 'ArrowDown' || event.key === 'Enter') {
      event.preventDefault();
      if (workspace.visibleIds.length === 0) return;
      if (!ui.selection.cursor || !workspace.visibleIds.includes(ui.selection.cursor)) workspace.move('first', false);
      workspace.focusList();
    }
  };

  return (
    <div className="search" role="search">
      <svg className="search-icon" viewBox="0 0 20 20" aria-hidden="true">
        <circle cx="8.5" cy="8.5" r="5.5" fill="none" stroke="currentColor" strokeWidth="1.8" />
        <path d="M12.8 12.8 17 17" stroke="currentColor" strokeWidth="1.8" strokeLinecap="round" />
      </svg>
      <input
        ref={refs.search}
        type="text"
        role="searchbox"
        className="search-input"
        data-testid="search-input"
        placeholder="Search… ( / )"
        aria-label="Search papers"
        spellCheck={false}
        autoComplete="off"
        value={ui.query}
        onChange={(event) => dispatch({ type: 'setQuery', query: event.target.value })}
        onKeyDown={onKeyDown}
      />
      {ui.query && (
        <button
          type="button"
          className="search-clear"
          aria-label="Clear search"
          data-testid="search-clear"
          onClick={() => {
            dispatch({ type: 'setQuery', query: '' });
            refs.search.current?.focus();
          }}
        >
          ×
        </button>
      )}
    </div>
  );
}
