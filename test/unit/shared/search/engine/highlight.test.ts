import { describe, expect, it } from 'vitest';
import { highlightRanges } from '../../../../../shared/search/engine/highlight';

/** The highlighted pieces of `text`, easier to read in a table than offsets. */
function pieces(text: string, terms: string[], phrases: string[] = []): string[] {
  return highlightRanges(text, new Set(terms), phrases).map(([start, end]) => text.slice(start, end));
}

describe('highlightRanges', () => {
  it.each([
    ['Deep Reinforcement Learning for Robots', ['reinforcement'], ['Reinforcement']],
    ['RLHF, rlhf. Rlhf!', ['rlhf'], ['RLHF', 'rlhf', 'Rlhf']],
    ['Learning to learn', ['learning'], ['Learning']],
    ['Self-Play Preference Optimization', ['play'], ['Self-Play']],
    ['Self-Play Preference Optimization', ['self-play'], ['Self-Play']],
    ["Texas Hold'em via Large Language Model", ['hold'], ["Hold'em"]],
    ['Texas Hold’em', ['hold'], ['Hold’em']],
    ['Jörg Müller', ['muller'], ['Müller']],
    ['Jörg Müller', ['müller'], ['Müller']],
    ['MÜLLER', ['müller'], ['MÜLLER']],
    ['Naïve café-bar', ['naive', 'cafe'], ['Naïve', 'café-bar']],
    ['GPT-4 and gpt4', ['gpt'], ['GPT-4']],
    ['starcraft and StarCraft II', ['starcraft'], ['starcraft', 'StarCraft']],
    ['nothing here', ['absent'], []],
  ])('%j with terms %j highlights %j', (text, terms, expected) => {
    expect(pieces(text, terms)).toEqual(expected);
  });

  it('returns [start, end) offsets, sorted', () => {
    expect(highlightRanges('Deep Reinforcement Learning for Robots', new Set(['robots', 'deep', 'learning']))).toEqual([
      [0, 4],
      [19, 27],
      [32, 38],
    ]);
  });

  it('matches whole words only, never a part of a plain word', () => {
    expect(pieces('unlearning relearned learner', ['learn'])).toEqual([]);
    expect(pieces('preferences', ['preference'])).toEqual([]);
  });

  it('highlights words written with combining marks (decomposed text) through their folded form', () => {
    const decomposed = 'Jo\u0308rg Mu\u0308ller';
    expect(highlightRanges(decomposed, new Set(['muller']))).toEqual([[6, 13]]);
    expect(pieces(decomposed, ['jorg', 'muller'])).toEqual(['Jo\u0308rg', 'Mu\u0308ller']);
  });

  it.each([
    ['Reinforcement Learning from Human Feedback', ['reinforcement learning'], ['Reinforcement Learning']],
    ['reinforcement  learning,\nreinforcement\tlearning', ['reinforcement learning'], ['reinforcement  learning', 'reinforcement\tlearning']],
    ['learning reinforcement', ['reinforcement learning'], []],
    ['a+b (c) and a+b', ['a+b (c)'], ['a+b (c)']],
    ['Ünïcode Phrase here', ['ünïcode phrase'], ['Ünïcode Phrase']],
  ])('%j with phrases %j highlights %j', (text, phrases, expected) => {
    expect(pieces(text, [], phrases)).toEqual(expected);
  });

  it('merges a phrase with the words inside it into one range; words beside it stay apart', () => {
    expect(highlightRanges('a reinforcement learning b', new Set(['learning']), ['reinforcement learning'])).toEqual([[2, 24]]);
    expect(highlightRanges('deep reinforcement learning', new Set(['reinforcement', 'deep']), ['reinforcement learning'])).toEqual([
      [0, 4],
      [5, 27],
    ]);
    expect(highlightRanges('self-play', new Set(['self', 'play']), ['self-play'])).toEqual([[0, 9]]);
  });

  it('ignores empty phrases and empty text', () => {
    expect(highlightRanges('some text', new Set(), ['', '   '])).toEqual([]);
    expect(highlightRanges('', new Set(['x']), ['x'])).toEqual([]);
    expect(highlightRanges('some text', new Set())).toEqual([]);
  });
});
