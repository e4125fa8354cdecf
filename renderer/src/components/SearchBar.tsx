import { useCallback } from 'react';
import type { Workspace } from '../state/use-workspace';
import { SearchBox } from './SearchBox';
import { SearchSyntaxHelp } from './SearchSyntaxHelp';

interface Props {
  workspace: Workspace;
}

/** The search box and what goes with it: syntax help, "Save search" and "Search inside PDFs". */
export function SearchBar({ workspace }: Props) {
  const { ui, dispatch, refs, currentQuery, readOnly } = workspace;
  const closeHelp = useCallback(() => dispatch({ type: 'setSyntaxHelpOpen', open: false }), [dispatch]);
  const canSave = currentQuery !== '' && readOnly === undefined;
  return (
    <div className="search-bar">
      <SearchBox workspace={workspace} />
      <button
        type="button"
        className={`icon-button search-tool${ui.syntaxHelpOpen ? ' active' : ''}`}
        data-testid="syntax-help-button"
        aria-label="Search syntax"
        aria-expanded={ui.syntaxHelpOpen}
        title="Search syntax"
        onClick={() => dispatch({ type: 'setSyntaxHelpOpen', open: !ui.syntaxHelpOpen })}
      >
        ?
      </button>
      <button
        type="button"
        className="button small search-save"
        data-testid="save-search"
        disabled={!canSave}
        title={readOnly ? 'The library is read-only' : canSave ? `Save “${currentQuery}” in the sidebar` : 'Type a query to save it'}
        onClick={workspace.saveSearch}
      >
        <span aria-hidden="true">☆</span> Save
      </button>
      <label className="search-option" title="Search inside PDFs: words also match the text of attached PDFs, with the page">
        <input
          type="checkbox"
          data-testid="fulltext-toggle"
          checked={ui.fulltext}
          onChange={(event) => dispatch({ type: 'setFulltext', fulltext: event.target.checked })}
        />
        <span>
          In PDFs<span className="visually-hidden"> (search inside PDFs)</span>
        </span>
      </label>
      {ui.syntaxHelpOpen && (
        <SearchSyntaxHelp
          onClose={closeHelp}
          onExample={(example) => {
            dispatch({ type: 'setQuery', query: example });
            closeHelp();
            refs.search.current?.focus();
          }}
        />
      )}
    </div>
  );
}
