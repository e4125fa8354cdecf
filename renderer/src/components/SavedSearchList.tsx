import type { SavedSearchSummary } from '../../../shared/api/contract';
import { savedSearchesStore } from '../search/saved-searches-store';
import { useSavedSearches } from '../search/use-saved-searches';
import type { Workspace } from '../state/use-workspace';

interface Props {
  workspace: Workspace;
}

/** The sidebar's saved searches: each runs its query; ✎ renames or changes it, × deletes it. */
export function SavedSearchList({ workspace }: Props) {
  const { ui, dispatch, readOnly } = workspace;
  const { searches } = useSavedSearches();
  const noFilter = ui.filter.status === undefined && ui.filter.tag === undefined;

  const run = (search: SavedSearchSummary) => {
    dispatch({ type: 'runQuery', query: search.query });
  };

  return (
    <>
      <h2 className="sidebar-heading">Saved searches</h2>
      {searches.length === 0 ? (
        <p className="sidebar-empty" data-testid="saved-searches-empty">
          None yet. Type a query, then ☆ Save.
        </p>
      ) : (
        <ul className="sidebar-list" data-testid="saved-searches">
          {searches.map((search) => {
            const active = noFilter && ui.query.trim() === search.query;
            return (
              <li key={search.id} className="saved-search">
                <button
                  type="button"
                  className={`sidebar-item${active ? ' active' : ''}`}
                  aria-pressed={active}
                  data-testid="saved-search"
                  data-name={search.name}
                  title={`${search.name}: ${search.query}`}
                  onClick={() => run(search)}
                >
                  <svg className="saved-search-icon" viewBox="0 0 20 20" aria-hidden="true">
                    <circle cx="8.5" cy="8.5" r="5.5" fill="none" stroke="currentColor" strokeWidth="2.4" />
                    <path d="M12.8 12.8 17 17" stroke="currentColor" strokeWidth="2.4" strokeLinecap="round" />
                  </svg>
                  <span className="sidebar-label">{search.name}</span>
                  <span className="sidebar-count" data-testid="saved-search-count">
                    {search.count}
                  </span>
                </button>
                {readOnly === undefined && (
                  <span className="saved-search-actions">
                    <button
                      type="button"
                      className="icon-button"
                      data-testid="saved-search-edit"
                      aria-label={`Rename or change “${search.name}”`}
                      title="Rename or change"
                      onClick={() => dispatch({ type: 'editSavedSearch', draft: { id: search.id, name: search.name, query: search.query } })}
                    >
                      ✎
                    </button>
                    <button
                      type="button"
                      className="icon-button"
                      data-testid="saved-search-delete"
                      aria-label={`Delete “${search.name}”`}
                      title="Delete (the papers stay)"
                      onClick={() => void savedSearchesStore.delete(search)}
                    >
                      ×
                    </button>
                  </span>
                )}
              </li>
            );
          })}
        </ul>
      )}
    </>
  );
}
