import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { compareAbstracts, type AbstractAnalysis } from '../../../../shared/text/compare-abstracts';
import { TfidfModel, type TfidfDocument } from '../../../../shared/text/tfidf';

const sample = JSON.parse(readFileSync(new URL('../../../../resources/sample-library.json', import.meta.url), 'utf8')) as {
  papers: { id: string; title: string; abstract?: string }[];
};
const library: TfidfDocument[] = sample.papers.map((paper) => ({ id: paper.id, text: paper.abstract ?? '' }));

const retrieval = {
  id: 'a',
  text:
    'Retrieval helps language models answer questions. ' +
    'We propose a contrastive retriever trained with hard negatives mined from Wikipedia. ' +
    'On open-domain QA benchmarks, accuracy improves by 4.2 points.',
};
const retriever = {
  id: 'b',
  text:
    'On three QA benchmarks, our system improves exact match by 3 points. ' +
    'Open-domain question answering needs evidence from large corpora. ' +
    'Our retriever is trained contrastively on hard negatives mined from Wikipedia passages.',
};

function words(text: string, ranges: readonly { start: number; end: number }[]): string[] {
  return ranges.map(({ start, end }) => text.slice(start, end));
}

function sentenceTexts(text: string, analysis: AbstractAnalysis): string[] {
  return words(text, analysis.sentences);
}

describe('compareAbstracts', () => {
  const comparison = compareAbstracts([retrieval, retriever]);
  const [a, b] = comparison.papers as [AbstractAnalysis, AbstractAnalysis];

  it('marks the words whose stem both abstracts contain, with ranges on the original words', () => {
    expect(words(retrieval.text, a.shared)).toEqual([
      'Retrieval', 'answer', 'questions', 'contrastive', 'retriever', 'trained', 'hard', 'negatives', 'mined',
      'Wikipedia', 'open', 'domain', 'QA', 'benchmarks', 'improves', 'points',
    ]);
    expect(words(retriever.text, b.shared)).toEqual([
      'QA', 'benchmarks', 'improves', 'points', 'Open', 'domain', 'question', 'answering', 'retriever', 'trained',
      'contrastively', 'hard', 'negatives', 'mined', 'Wikipedia',
    ]);
    expect(a.shared[0]).toEqual({ term: 'retriev', start: 0, end: 9 });
  });

  it('marks the words only one abstract has', () => {
    expect(words(retrieval.text, a.unique)).toEqual(['helps', 'language', 'models', 'propose', 'accuracy', '4.2']);
    expect(words(retriever.text, b.unique)).toEqual([
      'three', 'system', 'exact', 'match', '3', 'needs', 'evidence', 'large', 'corpora', 'passages',
    ]);
  });

  it('gives a symmetric similarity matrix with 1 on the diagonal', () => {
    const [[aa, ab], [ba, bb]] = comparison.similarity as [[number, number], [number, number]];
    expect([aa, bb]).toEqual([1, 1]);
    expect(ab).toBe(ba);
    expect(ab).toBeGreaterThan(0.3);
    expect(ab).toBeLessThan(0.7);
  });

  it('aligns the method sentence with the method sentence and the results with the results', () => {
    expect(sentenceTexts(retrieval.text, a)).toHaveLength(3);
    expect(a.sentences.map((sentence) => sentence.matches.map((match) => [match.paperId, match.sentence]))).toEqual([
      [['b', 1]],
      [['b', 2]],
      [['b', 0]],
    ]);
    expect(b.sentences.map((sentence) => sentence.matches[0]!.sentence)).toEqual([2, 0, 1]);
    const method = a.sentences[1]!.matches[0]!;
    expect(sentenceTexts(retrieval.text, a)[1]).toMatch(/^We propose/);
    expect(sentenceTexts(retriever.text, b)[method.sentence!]).toMatch(/^Our retriever is trained/);
    expect(method.score).toBeGreaterThan(a.sentences[2]!.matches[0]!.score);
    expect(b.sentences[2]!.matches[0]!.score).toBe(method.score);
  });

  it('leaves a sentence unmatched when no sentence of the other shares a term', () => {
    const result = compareAbstracts([
      { id: 'x', text: 'Kittens purr loudly. Reward models rank answers.' },
      { id: 'y', text: 'Reward models rank answers well.' },
    ]);
    expect(result.papers[0]!.sentences.map((sentence) => sentence.matches)).toEqual([
      [{ paperId: 'y', sentence: null, score: 0 }],
      [{ paperId: 'y', sentence: 0, score: expect.any(Number) as number }],
    ]);
  });

  it('counts a term found in two of three abstracts as neither shared nor unique', () => {
    const result = compareAbstracts([
      { id: 'x', text: 'Reward models learn preferences.' },
      { id: 'y', text: 'Reward models rank policies.' },
      { id: 'z', text: 'Reward shaping helps.' },
    ]);
    const [x, y, z] = result.papers as [AbstractAnalysis, AbstractAnalysis, AbstractAnalysis];
    expect([x, y, z].map((paper) => paper.shared.map((token) => token.term))).toEqual([['reward'], ['reward'], ['reward']]);
    expect(x.unique.map((token) => token.term)).toEqual(['learn', 'prefer']);
    expect(y.unique.map((token) => token.term)).toEqual(['rank', 'polici']);
    expect(z.unique.map((token) => token.term)).toEqual(['shape', 'help']);
    expect(x.sentences[0]!.matches.map((match) => match.paperId)).toEqual(['y', 'z']);
  });

  it('has nothing to mark for a single abstract', () => {
    const [only] = compareAbstracts([retrieval]).papers;
    expect(only!.shared).toEqual([]);
    expect(only!.unique).toEqual([]);
    expect(only!.sentences.every((sentence) => sentence.matches.length === 0)).toBe(true);
  });

  it('scores 1 for identical abstracts and 0 for disjoint ones', () => {
    const result = compareAbstracts([
      { id: 'x', text: 'Reward models rank answers.' },
      { id: 'y', text: 'Reward models rank answers.' },
      { id: 'z', text: 'Kittens purr.' },
      { id: 'empty', text: 'The and of.' },
    ]);
    expect(result.similarity.map((row) => row.map((score) => Math.round(score * 1e9) / 1e9))).toEqual([
      [1, 1, 0, 0],
      [1, 1, 0, 0],
      [0, 0, 1, 0],
      [0, 0, 0, 0],
    ]);
  });

  it('with the library model, scores pairs of the sample library as the model does', () => {
    const model = new TfidfModel(library);
    const papers = [library[0]!, library[7]!, library[30]!];
    const result = compareAbstracts(papers, model);
    for (const [i, j] of [[0, 1], [0, 2], [1, 2]] as const) {
      expect(result.similarity[i]![j]).toBeCloseTo(model.similarity(papers[i]!.id, papers[j]!.id), 9);
    }
    expect(model.size).toBe(66);
    for (const [index, analysis] of result.papers.entries()) {
      const text = papers[index]!.text;
      expect(analysis.sentences.length).toBeGreaterThan(2);
      for (const token of [...analysis.shared, ...analysis.unique]) expect(text.slice(token.start, token.end)).toMatch(/^[\p{L}\p{N}]/u);
      for (const sentence of analysis.sentences) {
        expect(sentence.matches).toHaveLength(2);
        for (const match of sentence.matches) {
          expect(match.score).toBeGreaterThanOrEqual(0);
          expect(match.score).toBeLessThanOrEqual(1);
        }
      }
    }
  });
});
