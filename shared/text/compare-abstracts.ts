import { splitSentences } from './split-sentences';
import { cosine, TfidfModel, type SparseVector, type TfidfDocument } from './tfidf';
import { tokenizeTerms, type TermToken } from './tokenize-terms';

/** The sentence of another paper most similar to a sentence. */
export interface SentenceMatch {
  /** The other paper. */
  paperId: string;
  /** Index into that paper's `sentences`; null when none of its sentences shares a term. */
  sentence: number | null;
  /** TF-IDF cosine of the two sentences, 0–1. */
  score: number;
}

/** A sentence of an abstract and its best match in each other compared paper, in the order of the papers. */
export interface AlignedSentence {
  start: number;
  end: number;
  matches: SentenceMatch[];
}

/** One compared abstract: where to highlight, and its sentences aligned to the others'. */
export interface AbstractAnalysis {
  id: string;
  /** Words whose term every compared abstract contains (empty when fewer than two are compared). */
  shared: TermToken[];
  /** Words whose term no other compared abstract contains (empty when fewer than two are compared). */
  unique: TermToken[];
  sentences: AlignedSentence[];
}

export interface AbstractComparison {
  /** One analysis per compared paper, in the order given. */
  papers: AbstractAnalysis[];
  /** `similarity[i][j]`: TF-IDF cosine of papers i and j, symmetric, 1 on the diagonal (0 for a text without terms). */
  similarity: number[][];
}

/**
 * Compares abstracts for the Compare view. Weights come from `model` (the library's, so a term common in the library
 * counts little) or, without one, from a model of the compared texts alone. The texts are weighed as given, so a
 * paper whose abstract changed since the model saw it is compared by its current text.
 */
export function compareAbstracts(papers: readonly TfidfDocument[], model: TfidfModel = new TfidfModel(papers)): AbstractComparison {
  const tokens = papers.map((paper) => tokenizeTerms(paper.text));
  const vectors = tokens.map((paperTokens) => model.vectorizeTerms(paperTokens.map((token) => token.term)));
  const sentences = papers.map((paper, index) => sentenceVectors(paper.text, tokens[index]!, model));
  const { shared, unique } = sharedAndUnique(tokens);

  const similarity = papers.map(() => papers.map(() => 0));
  for (let i = 0; i < papers.length; i++) {
    similarity[i]![i] = vectors[i]!.ids.length > 0 ? 1 : 0;
    for (let j = i + 1; j < papers.length; j++) {
      const score = cosine(vectors[i]!, vectors[j]!);
      similarity[i]![j] = score;
      similarity[j]![i] = score;
    }
  }

  return {
    similarity,
    papers: papers.map((paper, index) => ({
      id: paper.id,
      shared: tokens[index]!.filter((token) => shared.has(token.term)),
      unique: tokens[index]!.filter((token) => unique[index]!.has(token.term)),
      sentences: sentences[index]!.map(({ start, end, vector }) => ({
        start,
        end,
        matches: papers.flatMap((other, otherIndex) =>
          otherIndex === index ? [] : [{ paperId: other.id, ...bestMatch(vector, sentences[otherIndex]!) }],
        ),
      })),
    })),
  };
}

interface SentenceVector {
  start: number;
  end: number;
  vector: SparseVector;
}

function sentenceVectors(text: string, tokens: readonly TermToken[], model: TfidfModel): SentenceVector[] {
  let next = 0;
  return splitSentences(text).map(({ start, end }) => {
    const terms: string[] = [];
    while (next < tokens.length && tokens[next]!.start < end) {
      if (tokens[next]!.start >= start) terms.push(tokens[next]!.term);
      next++;
    }
    return { start, end, vector: model.vectorizeTerms(terms) };
  });
}

function bestMatch(vector: SparseVector, candidates: readonly SentenceVector[]): { sentence: number | null; score: number } {
  let sentence: number | null = null;
  let score = 0;
  for (let index = 0; index < candidates.length; index++) {
    const candidateScore = cosine(vector, candidates[index]!.vector);
    if (candidateScore > score) {
      sentence = index;
      score = candidateScore;
    }
  }
  return { sentence, score };
}

function sharedAndUnique(tokens: readonly (readonly TermToken[])[]): { shared: Set<string>; unique: Set<string>[] } {
  const termSets = tokens.map((paperTokens) => new Set(paperTokens.map((token) => token.term)));
  if (termSets.length < 2) return { shared: new Set(), unique: termSets.map(() => new Set()) };
  const papersWith = new Map<string, number>();
  for (const terms of termSets) for (const term of terms) papersWith.set(term, (papersWith.get(term) ?? 0) + 1);
  return {
    shared: new Set([...papersWith].filter(([, count]) => count === termSets.length).map(([term]) => term)),
    unique: termSets.map((terms) => new Set([...terms].filter((term) => papersWith.get(term) === 1))),
  };
}
