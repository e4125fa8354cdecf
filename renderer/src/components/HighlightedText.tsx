import { memo, type ReactNode } from 'react';
import { matchRanges } from '../../../shared/search/paper-search';

interface Props {
  text: string;
  query: string;
}

/** Untrusted text with the words a search matched wrapped in <mark>; rendered as text nodes, never HTML. */
export const HighlightedText = memo(function HighlightedText({ text, query }: Props) {
  const ranges = query ? matchRanges(text, query) : [];
  if (ranges.length === 0) return <>{text}</>;
  const parts: ReactNode[] = [];
  let last = 0;
  for (const [start, end] of ranges) {
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
