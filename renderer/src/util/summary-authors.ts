import type { PaperSummary } from '../../../shared/api/contract';
import { authorName } from '../../../shared/model/format-authors';

/**
 * A compact author line from a summary, which holds only the first few authors and the count:
 * up to `max` names, then "et al." when the paper has more (as formatAuthors does for a whole paper).
 */
export function summaryAuthors(summary: Pick<PaperSummary, 'authors' | 'authorCount'>, max = 3): string {
  const names = summary.authors.slice(0, max).map(authorName);
  if (names.length === 0) return '';
  return summary.authorCount > names.length ? `${names.join(', ')} et al.` : names.join(', ');
}
