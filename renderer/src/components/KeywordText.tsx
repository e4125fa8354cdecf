import { memo, useMemo } from 'react';
import { segmentByKeywords, type ScreeningKeywords } from '../../../shared/screening/keyword-ranges';

interface Props {
  text: string;
  keywords: ScreeningKeywords;
}

/** Untrusted text with the screening keywords marked (green: include, red: exclude); rendered as text nodes, never HTML. */
export const KeywordText = memo(function KeywordText({ text, keywords }: Props) {
  const segments = useMemo(() => segmentByKeywords(text, keywords), [text, keywords]);
  return (
    <>
      {segments.map((segment, index) =>
        segment.kind ? (
          <mark key={index} className={`keyword keyword-${segment.kind}`} data-keyword={segment.kind}>
            {segment.text}
          </mark>
        ) : (
          segment.text
        ),
      )}
    </>
  );
});
