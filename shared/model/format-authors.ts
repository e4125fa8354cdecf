import type { Author } from './library';

/** "Given Family" for a person, the literal name for an institution. */
export function authorName(author: Author): string {
  if ('literal' in author) return author.literal;
  return author.given ? `${author.given} ${author.family}` : author.family;
}

/** A compact author line for lists and tables: up to `max` names, then "et al.". */
export function formatAuthors(authors: readonly Author[], max = 3): string {
  if (authors.length === 0) return '';
  const names = authors.slice(0, max).map(authorName);
  return authors.length > max ? `${names.join(', ')} et al.` : names.join(', ');
}
