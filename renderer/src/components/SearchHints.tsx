import type { SearchQueryOutput } from '../../../shared/api/contract';

interface Props {
  /** The search box's text, which the hints' ranges point into. */
  query: string;
  hints: SearchQueryOutput['hints'];
  error: string | undefined;
}

/** What the search did not understand in the query (also underlined in the box), or why it failed. */
export function SearchHints({ query, hints, error }: Props) {
  if (hints.length === 0 && !error) return null;
  return (
    <div id="search-hints" className="search-hints" data-testid="search-hints" role="status">
      {error && (
        <p className="search-hint search-error" data-testid="search-error">
          <span className="search-hint-icon" aria-hidden="true">
            !
          </span>
          Search failed: {error}
        </p>
      )}
      {hints.map((hint) => (
        <p
          key={`${hint.start}-${hint.end}-${hint.message}`}
          className="search-hint"
          data-testid="search-hint"
          data-fragment={query.slice(hint.start, hint.end)}
        >
          <span className="search-hint-icon" aria-hidden="true">
            ?
          </span>
          <span className="search-hint-message">{hint.message}</span>
        </p>
      ))}
    </div>
  );
}
