import { tokenizeTerms } from './tokenize-terms';

/** A paper's text as the model sees it. */
export interface TfidfDocument {
  id: string;
  text: string;
}

/** A TF-IDF vector: term ids in ascending order and their weights, L2-normalized (empty for a text without terms). */
export interface SparseVector {
  readonly ids: Uint32Array;
  readonly weights: Float64Array;
}

/** A paper and its cosine similarity to the paper asked about. */
export interface RelatedPaper {
  id: string;
  score: number;
}

/** Cosine similarity of two L2-normalized sparse vectors: their dot product, by a merge of the sorted ids. */
export function cosine(a: SparseVector, b: SparseVector): number {
  let i = 0;
  let j = 0;
  let dot = 0;
  while (i < a.ids.length && j < b.ids.length) {
    const x = a.ids[i]!;
    const y = b.ids[j]!;
    if (x === y) dot += a.weights[i++]! * b.weights[j++]!;
    else if (x < y) i++;
    else j++;
  }
  return Math.min(1, dot);
}

/** Papers that contain a term, with the term's sublinear tf in each; order does not matter. */
class Postings {
  slots = new Int32Array(4);
  tfs = new Float32Array(4);
  length = 0;

  push(slot: number, tf: number): void {
    if (this.length === this.slots.length) {
      const slots = new Int32Array(this.length * 2);
      slots.set(this.slots);
      this.slots = slots;
      const tfs = new Float32Array(this.length * 2);
      tfs.set(this.tfs);
      this.tfs = tfs;
    }
    this.slots[this.length] = slot;
    this.tfs[this.length] = tf;
    this.length++;
  }

  delete(slot: number): void {
    const index = this.slots.subarray(0, this.length).indexOf(slot);
    if (index < 0) return;
    this.length--;
    this.slots[index] = this.slots[this.length]!;
    this.tfs[index] = this.tfs[this.length]!;
  }
}

/** A paper's terms: ids ascending with their sublinear tf, 1 + ln(count). */
interface TermCounts {
  ids: Uint32Array;
  tfs: Float32Array;
}

/**
 * TF-IDF over a library: document frequencies over the library's vocabulary, idf = ln((N + 1) / (df + 1)) + 1,
 * sublinear tf (1 + ln count), vectors L2-normalized so that cosine similarity is a dot product.
 *
 * Papers can be added, replaced and removed one at a time. A change moves N and some document frequencies and so
 * every weight; nothing is recomputed eagerly: the idf table and each paper's vector norm carry the generation they
 * were computed for and are refreshed when next read.
 *
 * `related` scores only papers that share a term with the query, through an inverted index: O(Σ df(t) over the
 * query's distinct terms) accumulations, plus O(terms) per candidate whose norm is stale (all of them just after a
 * change, none on the next call), plus O(candidates · k) at worst for the top k. On 50,000 synthetic abstracts
 * (sentences of the sample library recombined) a call took about 4 ms, the first call after a change about 50-100 ms
 * (every candidate's norm refreshed), `update` and `remove` about 1 ms, building about 2-3 s (mostly tokenizing).
 * Memory is one entry (4 + 4 bytes) per distinct term of each paper, twice (postings and the paper's term list).
 */
export class TfidfModel {
  private readonly slotOf = new Map<string, number>();
  private readonly ids: (string | undefined)[] = [];
  private readonly counts: (TermCounts | undefined)[] = [];
  private norms = new Float64Array(0);
  private normGenerations = new Int32Array(0);
  private readonly freeSlots: number[] = [];
  private readonly vocabulary = new Map<string, number>();
  private readonly df: number[] = [];
  private readonly postings: Postings[] = [];
  private generation = 1;
  private idfTable = new Float64Array(0);
  private idfGeneration = 0;
  private scores = new Float64Array(0);

  constructor(documents: Iterable<TfidfDocument> = []) {
    for (const document of documents) this.update(document);
  }

  /** Number of papers in the model. */
  get size(): number {
    return this.slotOf.size;
  }

  has(id: string): boolean {
    return this.slotOf.has(id);
  }

  /** Adds a paper, or replaces the text of one already in the model. */
  update(document: TfidfDocument): void {
    this.remove(document.id);
    const counts = this.countTerms(tokenizeTerms(document.text).map((token) => token.term));
    const slot = this.freeSlots.pop() ?? this.ids.length;
    this.ids[slot] = document.id;
    this.counts[slot] = counts;
    this.slotOf.set(document.id, slot);
    for (let i = 0; i < counts.ids.length; i++) {
      const term = counts.ids[i]!;
      this.df[term]!++;
      this.postings[term]!.push(slot, counts.tfs[i]!);
    }
    this.generation++;
  }

  /** Removes a paper; false when it was not in the model. */
  remove(id: string): boolean {
    const slot = this.slotOf.get(id);
    if (slot === undefined) return false;
    const counts = this.counts[slot]!;
    for (const term of counts.ids) {
      this.df[term]!--;
      this.postings[term]!.delete(slot);
    }
    this.slotOf.delete(id);
    this.ids[slot] = undefined;
    this.counts[slot] = undefined;
    this.freeSlots.push(slot);
    this.generation++;
    return true;
  }

  /** The inverse document frequency of a term (a `tokenizeTerms` term); a term no paper has gets ln(N + 1) + 1. */
  idf(term: string): number {
    const id = this.vocabulary.get(term);
    return id === undefined ? Math.log(this.size + 1) + 1 : this.idfOf(id);
  }

  /** A paper's TF-IDF vector, or undefined when the paper is not in the model. */
  vector(id: string): SparseVector | undefined {
    const slot = this.slotOf.get(id);
    return slot === undefined ? undefined : this.weigh(this.counts[slot]!);
  }

  /** The TF-IDF vector of any text, with the library's idf. */
  vectorize(text: string): SparseVector {
    return this.vectorizeTerms(tokenizeTerms(text).map((token) => token.term));
  }

  /**
   * The TF-IDF vector of a list of terms (with repeats), with the library's idf. A term the library lacks is given
   * an id (its df stays 0), which changes no score.
   */
  vectorizeTerms(terms: readonly string[]): SparseVector {
    return this.weigh(this.countTerms(terms));
  }

  /** Cosine similarity of two papers in the model; 0 when either is missing or has no terms. */
  similarity(a: string, b: string): number {
    const x = this.vector(a);
    const y = this.vector(b);
    return x && y ? cosine(x, y) : 0;
  }

  /** The k papers most similar to a paper, most similar first (ties by id), never the paper itself. */
  related(id: string, k = 10): RelatedPaper[] {
    const slot = this.slotOf.get(id);
    if (slot === undefined || k <= 0) return [];
    const idf = this.currentIdf();
    const query = this.counts[slot]!;
    const queryNorm = this.normOf(slot);
    if (queryNorm === 0) return [];
    if (this.scores.length < this.ids.length) this.scores = new Float64Array(this.ids.length);
    const scores = this.scores;
    const touched: number[] = [];
    for (let i = 0; i < query.ids.length; i++) {
      const term = query.ids[i]!;
      const termIdf = idf[term]!;
      const factor = query.tfs[i]! * termIdf * termIdf;
      const postings = this.postings[term]!;
      for (let j = 0; j < postings.length; j++) {
        const other = postings.slots[j]!;
        if (other === slot) continue;
        if (scores[other] === 0) touched.push(other);
        scores[other]! += factor * postings.tfs[j]!;
      }
    }
    const top: RelatedPaper[] = [];
    for (const other of touched) {
      const score = Math.min(1, scores[other]! / (queryNorm * this.normOf(other)));
      scores[other] = 0;
      const otherId = this.ids[other]!;
      if (top.length === k && !ranksBefore(score, otherId, top[k - 1]!)) continue;
      let at = top.length === k ? k - 1 : top.length;
      while (at > 0 && ranksBefore(score, otherId, top[at - 1]!)) {
        top[at] = top[at - 1]!;
        at--;
      }
      top[at] = { id: otherId, score };
    }
    return top;
  }

  private termId(term: string): number {
    let id = this.vocabulary.get(term);
    if (id === undefined) {
      id = this.df.length;
      this.vocabulary.set(term, id);
      this.df.push(0);
      this.postings.push(new Postings());
    }
    return id;
  }

  private countTerms(terms: readonly string[]): TermCounts {
    const counts = new Map<number, number>();
    for (const term of terms) {
      const id = this.termId(term);
      counts.set(id, (counts.get(id) ?? 0) + 1);
    }
    const ids = Uint32Array.from(counts.keys()).sort();
    const tfs = new Float32Array(ids.length);
    for (let i = 0; i < ids.length; i++) tfs[i] = 1 + Math.log(counts.get(ids[i]!)!);
    return { ids, tfs };
  }

  private idfOf(term: number): number {
    return Math.log((this.size + 1) / ((this.df[term] ?? 0) + 1)) + 1;
  }

  private currentIdf(): Float64Array {
    if (this.idfGeneration !== this.generation) {
      const n = this.size;
      const table = new Float64Array(this.df.length);
      for (let term = 0; term < table.length; term++) table[term] = Math.log((n + 1) / (this.df[term]! + 1)) + 1;
      this.idfTable = table;
      this.idfGeneration = this.generation;
    }
    return this.idfTable;
  }

  private normOf(slot: number): number {
    if (this.norms.length < this.ids.length) {
      const grown = Math.max(this.ids.length, this.norms.length * 2);
      const norms = new Float64Array(grown);
      norms.set(this.norms);
      this.norms = norms;
      const generations = new Int32Array(grown);
      generations.set(this.normGenerations);
      this.normGenerations = generations;
    }
    if (this.normGenerations[slot] !== this.generation) {
      const idf = this.currentIdf();
      const counts = this.counts[slot]!;
      let sum = 0;
      for (let i = 0; i < counts.ids.length; i++) {
        const weight = counts.tfs[i]! * idf[counts.ids[i]!]!;
        sum += weight * weight;
      }
      this.norms[slot] = Math.sqrt(sum);
      this.normGenerations[slot] = this.generation;
    }
    return this.norms[slot]!;
  }

  private weigh(counts: TermCounts): SparseVector {
    const weights = new Float64Array(counts.ids.length);
    let sum = 0;
    for (let i = 0; i < weights.length; i++) {
      const weight = counts.tfs[i]! * this.idfOf(counts.ids[i]!);
      weights[i] = weight;
      sum += weight * weight;
    }
    const norm = Math.sqrt(sum);
    if (norm > 0) for (let i = 0; i < weights.length; i++) weights[i]! /= norm;
    return { ids: counts.ids, weights };
  }
}

function ranksBefore(score: number, id: string, other: RelatedPaper): boolean {
  return score > other.score || (score === other.score && id < other.id);
}
