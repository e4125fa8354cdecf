import type { FulltextMatch } from '../../../shared/api/contract';
import { HighlightedText } from './HighlightedText';

interface Props {
  match: FulltextMatch;
  /** At most this many characters before the first match: a one-line row must show the match itself. */
  lead?: number;
}

/** The snippet from a little before its first match, so that a line cut short still shows the match. */
function leadIn(match: FulltextMatch, lead: number): { text: string; ranges: Array<[number, number]> } {
  const first = match.ranges[0]?.[0] ?? 0;
  if (first <= lead) return { text: match.snippet, ranges: match.ranges };
  let cut = first - lead;
  // Start at a word.
  while (cut < first && match.snippet[cut - 1] !== ' ') cut += 1;
  const shift = cut - 1;
  return { text: `…${match.snippet.slice(cut)}`, ranges: match.ranges.map(([start, end]) => [start - shift, end - shift]) };
}

/** Where a search found its words inside a paper's PDF: the page, and the text around the match. */
export function FulltextSnippet({ match, lead }: Props) {
  const { text, ranges } = lead === undefined ? { text: match.snippet, ranges: match.ranges } : leadIn(match, lead);
  return (
    <div className="fulltext-snippet" data-testid="fulltext-snippet" title={`Found in the PDF, page ${match.page}: ${match.snippet}`}>
      <span className="fulltext-page" data-testid="fulltext-page">
        p. {match.page}
      </span>
      <span className="fulltext-text">
        <HighlightedText text={text} ranges={ranges} />
      </span>
    </div>
  );
}
