import type { TextRange } from '../search/hit-ranges';
import { markPieces, type WordRange } from '../compare/abstract-marks';

interface Props {
  text: string;
  start: number;
  end: number;
  shared: readonly WordRange[];
  unique: readonly WordRange[];
  matches: readonly TextRange[];
  /** The sentence hovered or clicked. */
  active: boolean;
  /** The score when this is the best match, in its paper, of the active sentence of another paper. */
  alignedScore: number | undefined;
  onHover: (inside: boolean) => void;
  onPick: () => void;
}

/**
 * One sentence of a compared abstract: shared words in one highlight, unique words in another,
 * search matches on top. Hovering or clicking it marks its best match in the other columns.
 */
export function CompareSentence({ text, start, end, shared, unique, matches, active, alignedScore, onHover, onPick }: Props) {
  const className = ['sentence', active ? 'sentence-active' : '', alignedScore !== undefined ? 'sentence-aligned' : ''].filter(Boolean).join(' ');
  return (
    <span
      className={className}
      data-testid="abstract-sentence"
      role="button"
      tabIndex={0}
      aria-pressed={active}
      onMouseEnter={() => onHover(true)}
      onMouseLeave={() => onHover(false)}
      onClick={onPick}
      onKeyDown={(event) => {
        if (event.key !== 'Enter' && event.key !== ' ') return;
        event.preventDefault();
        onPick();
      }}
    >
      {markPieces(start, Math.min(end, text.length), shared, unique, matches).map((piece) => {
        const words = text.slice(piece.start, piece.end);
        if (!piece.term && !piece.match) return words;
        const classes = [piece.term === 'shared' ? 'shared-term' : piece.term === 'unique' ? 'unique-term' : '', piece.match ? 'match' : ''].filter(Boolean).join(' ');
        const testId = piece.term === 'shared' ? 'shared-term' : piece.term === 'unique' ? 'unique-term' : 'search-match';
        return (
          <mark key={piece.start} className={classes} data-testid={testId}>
            {words}
          </mark>
        );
      })}
      {alignedScore !== undefined && (
        <span className="align-score" data-testid="align-score" title="TF-IDF cosine similarity of the two sentences">
          {alignedScore.toFixed(2)}
        </span>
      )}
    </span>
  );
}
