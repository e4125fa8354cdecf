import { memo, type ReactNode } from 'react';
import type { TextRange } from '../search/hit-ranges';

interface Props {
  text: string;
  /** What the search matched in `text` (from the answer's ranges); none shows the text as is. */
  ranges: readonly TextRange[];
}

/** Untrusted text with the search's matches wrapped in <mark>; rendered as text nodes, never HTML. */
export const HighlightedText = memo(function HighlightedText({ text, ranges }: Props) {
  if (ranges.length === 0) return <>{text}</>;
  const parts: ReactNode[] = [];
  let last = 0;
  // Ranges come sorted from the engine; a text edited since the answer may be shorter, so clamp.
  for (const [from, to] of [...ranges].sort((a, b) => a[0] - b[0])) {
    const start = Math.max(from, last);
    const end = Math.min(to, text.length);
    if (end <= start) continue;
    if (start > last) parts.push(text.slice(last, start));
    parts.push(
      <mark key={start} className="match">
        {text.slice(start, end)}
      </mark>,
    );
    last = end;
  }
  if (last < text.length) parts.push(text.slice(last));
  return <>{parts}</>;
});
