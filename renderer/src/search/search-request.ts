import type { SearchSort } from '../../../shared/api/contract';
import { parseQuery, type QueryTerm } from '../../../shared/search/parse-query';
import type { ListFilter } from '../state/visible-papers';
import type { SearchRequest } from './search-store';

/**
 * The sidebar's filter as clauses of the query language. A tag that cannot be written as one (it
 * holds both a quote and white space) is left out: the list also filters by the sidebar itself.
 */
export function filterClauses(filter: ListFilter): string[] {
  const clauses: string[] = [];
  if (filter.tag !== undefined) {
    const { tag } = filter;
    if (!tag.includes('"')) clauses.push(`tag:"${tag}"`);
    else if (!/\s/.test(tag) && !tag.startsWith('"')) clauses.push(`tag:${tag}`);
  }
  if (filter.status) clauses.push(`status:${filter.status}`);
  return clauses;
}

/**
 * What is searched: the typed text as typed (so the answer's hint ranges are ranges of the search
 * box), then the filter's clauses. The text in the box never changes.
 */
export function effectiveQuery(typed: string, filter: ListFilter): string {
  const text = typed.trim() === '' ? '' : typed;
  return [text, ...filterClauses(filter)].filter((part) => part !== '').join(' ');
}

function ranks(term: QueryTerm): boolean {
  return !term.negated && (term.kind === 'word' || term.kind === 'phrase' || term.kind === 'field');
}

/** True when the query has words to rank by; a query of filters alone (`tag:x year:2024`) does not. */
export function ranksByRelevance(query: string): boolean {
  return parseQuery(query).clauses.some((clause) => (clause.kind === 'or' ? clause.terms.some(ranks) : ranks(clause)));
}

/**
 * The request for the list, or undefined when the list is the library in its own order (nothing
 * typed, no filter, the default sort). Relevance without words to rank by means newest first,
 * the library's own order.
 */
export function searchRequest(typed: string, filter: ListFilter, sort: SearchSort, fulltext: boolean): SearchRequest | undefined {
  const query = effectiveQuery(typed, filter);
  if (query === '' && sort === 'relevance') return undefined;
  return { query, sort: sort === 'relevance' && !ranksByRelevance(typed) ? 'added-desc' : sort, fulltext };
}
