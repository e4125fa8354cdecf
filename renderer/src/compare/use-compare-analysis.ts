import { useEffect, useState } from 'react';
import type { AbstractComparisonOutput } from '../../../shared/api/contract';
import { call } from '../api/client';

/**
 * The main side's analysis of the compared abstracts (library-weighted TF-IDF: shared and unique
 * words, similarity, sentence alignment). `textKey` changes when an abstract does, so the analysis
 * follows edits; until the first answer (or after a failure) it is undefined.
 */
export function useCompareAnalysis(paperIds: readonly string[], textKey: string | undefined): AbstractComparisonOutput | undefined {
  const [answer, setAnswer] = useState<{ key: string; analysis: AbstractComparisonOutput } | undefined>();
  const idsKey = paperIds.join('\u0000');
  const key = textKey === undefined ? undefined : `${idsKey}\u0001${textKey}`;
  useEffect(() => {
    if (key === undefined || idsKey.split('\u0000').length < 2) return;
    let current = true;
    call('compare.analyze', { paperIds: idsKey.split('\u0000') })
      .then((analysis) => {
        if (current) setAnswer({ key, analysis });
      })
      .catch(() => undefined);
    return () => {
      current = false;
    };
  }, [key, idsKey]);
  // An answer for other papers or older texts would mark the wrong words.
  return answer && answer.key === key ? answer.analysis : undefined;
}
