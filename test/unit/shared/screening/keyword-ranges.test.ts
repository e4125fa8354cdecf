import { describe, expect, it } from 'vitest';
import { keywordRanges, segmentByKeywords, type ScreeningKeywords } from '../../../../shared/screening/keyword-ranges';

/** The matched pieces of `text`, each with its kind, in order. */
function marked(text: string, keywords: Partial<ScreeningKeywords>): string[] {
  return keywordRanges(text, { include: [], exclude: [], ...keywords }).map((range) => `${range.kind}:${text.slice(range.start, range.end)}`);
}

describe('screening keyword highlights', () => {
  it.each([
    ['case-insensitive, whole words', 'Agents and AGENT play.', { include: ['agent'] }, ['include:Agents', 'include:AGENT']],
    ['a keyword matches the start of longer words, highlighted whole', 'Children and childhood.', { include: ['child'] }, ['include:Children', 'include:childhood']],
    ['never the middle or end of a word', 'unlearning relearn', { include: ['learn'] }, []],
    ['short keywords match whole words (and a plural) only', 'AI aims at RL and RLs; airline', { include: ['ai', 'RL'] }, ['include:AI', 'include:RL', 'include:RLs']],
    ['a trailing * asks for prefixes of short keywords', 'Biology and bioinformatics.', { include: ['bio*'] }, ['include:Biology', 'include:bioinformatics']],
    ['phrases, with spaces or hyphens between words', 'Self-supervised and self  supervised learning.', { include: ['self supervised'] }, ['include:Self-supervised', 'include:self  supervised']],
    ['both lists, each with its kind', 'A survey of agents.', { include: ['agent'], exclude: ['survey'] }, ['exclude:survey', 'include:agents']],
    ['the longer of two overlapping matches wins', 'large language models', { include: ['language'], exclude: ['large language model'] }, ['exclude:large language models']],
    ['an exclusion wins a tie', 'reviews', { include: ['review'], exclude: ['reviews'] }, ['exclude:reviews']],
    ['letters beyond ASCII, and offsets stay right', 'Über Änderungen im Straßenverkehr', { include: ['änderung', 'straße'] }, ['include:Änderungen', 'include:Straßenverkehr']],
    ['regular-expression characters are literal', 'C++ and C# (and Cxx)', { include: ['c++', 'c#'] }, ['include:C++', 'include:C#']],
    ['empty keywords and text are harmless', 'text', { include: ['', '*', '  '] }, []],
  ])('%s', (_name, text, keywords, expected) => {
    expect(marked(text, keywords)).toEqual(expected);
  });

  it('gives offsets into the text as it is', () => {
    expect(keywordRanges('🙂 Agents', { include: ['agent'], exclude: [] })).toEqual([{ start: 3, end: 9, kind: 'include', keyword: 'agent' }]);
  });

  it('segments the text so that joining the segments gives it back', () => {
    const text = 'A survey of agents, for agents.';
    const segments = segmentByKeywords(text, { include: ['agent'], exclude: ['survey'] });
    expect(segments.map((segment) => segment.text).join('')).toBe(text);
    expect(segments).toEqual([
      { text: 'A ' },
      { text: 'survey', kind: 'exclude' },
      { text: ' of ' },
      { text: 'agents', kind: 'include' },
      { text: ', for ' },
      { text: 'agents', kind: 'include' },
      { text: '.' },
    ]);
  });
});
