import { describe, expect, it } from 'vitest';
import { termOf, tokenizeTerms } from '../../../../shared/text/tokenize-terms';

function words(text: string): [string, string][] {
  return tokenizeTerms(text).map((token) => [text.slice(token.start, token.end), token.term]);
}

describe('tokenizeTerms', () => {
  it.each([
    ['learning', 'learn'],
    ['learned', 'learn'],
    ['Learns', 'learn'],
    ['models', 'model'],
    ['alignment', 'align'],
    ["model's", 'model'],
    ['0.5', '0.5'],
    ['1,000', '1000'],
    ['GPT2', 'gpt2'],
  ])('%s → %s', (word, term) => {
    expect(termOf(word)).toBe(term);
  });

  it.each(['the', 'The', 'and', 'of', 'we', 'x'])('drops the stop word or lone letter %s', (word) => {
    expect(termOf(word)).toBeUndefined();
  });

  it('gives each term the range of its original word', () => {
    expect(words('The learned models, e.g. GPT-2, beat 0.5% of large-scale baselines.')).toEqual([
      ['learned', 'learn'],
      ['models', 'model'],
      ['GPT', 'gpt'],
      ['2', '2'],
      ['beat', 'beat'],
      ['0.5', '0.5'],
      ['large', 'larg'],
      ['scale', 'scale'],
      ['baselines', 'baselin'],
    ]);
  });

  it('keeps only the content words of a text of stop words', () => {
    expect(tokenizeTerms('It is what it is, and the rest.')).toEqual([{ term: 'rest', start: 26, end: 30 }]);
    expect(tokenizeTerms('')).toEqual([]);
  });
});
