/**
 * The search query a click on a dashboard bar puts in the search box: `year:2021`, `tag:method/rct`,
 * `venue:"Nature Medicine"`. A value with white space is quoted; the query language has no escape for
 * a quote inside quotes, so quotes in a value become spaces (a venue phrase matches the same).
 */
export function filterQuery(field: 'year' | 'tag' | 'venue' | 'status', value: string | number): string {
  const text = String(value).replace(/"/g, ' ').trim();
  return /\s/.test(text) || text === '' ? `${field}:"${text.replace(/\s+/g, ' ')}"` : `${field}:${text}`;
}
