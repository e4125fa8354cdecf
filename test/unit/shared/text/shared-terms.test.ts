import { describe, expect, it } from 'vitest';
import { segmentByTerms, sharedTerms } from '../../../../shared/text/shared-terms';

describe('shared terms for the compare view', () => {
  it('finds the content words every abstract shares, ignoring stop words and plurals', () => {
    const terms = sharedTerms([
      'We align language models with human preferences using a reward model.',
      'The reward models are trained on preference data for language model alignment.',
    ]);
    expect([...terms].sort()).toEqual(['language', 'model', 'preference', 'reward']);
  });

  it('needs at least two texts', () => {
    expect(sharedTerms(['only one text with words'])).toEqual(new Set());
  });

  it('segments text so that joining the segments gives it back', () => {
    const text = 'Reward models, and the reward.';
    const segments = segmentByTerms(text, new Set(['reward', 'model']));
    expect(segments.map((segment) => segment.text).join('')).toBe(text);
    expect(segments.filter((segment) => segment.shared).map((segment) => segment.text)).toEqual(['Reward', 'models', 'reward']);
  });
});
