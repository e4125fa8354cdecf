import { authorName } from '../../model/format-authors';
import { editDistance, normalizeWords } from '../query-words';
import type { SearchablePaper } from '../searchable-paper';

/**
 * An inverted index in front of the search engine (../engine/search-engine.ts), so that a query
 * costs what its matches cost, not what the library weighs. It answers one question: which papers
 * does a query word match, in which fields, with how many typos. Ranking is the engine's.
 *
 * - Every field is split at white space; each word is normalized with `normalizeWords`, a word
 *   with inner punctuation ("self-play") is also indexed by its parts ("self", "play"), one with
 *   apostrophes also joined ("hold'em" → "holdem"), and one with accents also folded ("muller").
 * - One posting list per term: parallel `Int32Array`s of paper slots and packed per-field term
 *   frequencies (4 bits a field, saturating at 15).
 * - Query words expand against the vocabulary: exactly, as a prefix (sorted vocabulary + binary
 *   search) and, from 4 letters on, with typos (1 edit for 4–7 letters, 2 from 8 on) found through a
 *   symmetric-deletion table (SymSpell) keyed by hashes of the deletion strings, checked with
 *   `editDistance`; a typo's correction also stands for the longer words it begins.
 */

const FIELD_COUNT = 6;
const TF_BITS = 4;
const TF_MAX = (1 << TF_BITS) - 1;

/** A short prefix ("a", "re") would pull in a large part of the vocabulary: keep the most frequent terms. */
const MAX_PREFIX_TERMS = 64;
const MAX_FUZZY_TERMS = 64;
/** Words of this many letters or more tolerate a typo (two from 8 on). */
export const FUZZY_MIN_LENGTH = 4;
/** Bounds the tokenizer's cache on libraries with an unusually large vocabulary. */
const MAX_CACHED_WORDS = 200_000;

/** Edits tolerated for a query word of this length. */
function allowedEdits(length: number): number {
  if (length >= 8) return 2;
  if (length >= FUZZY_MIN_LENGTH) return 1;
  return 0;
}

/** Which fields of one paper a query word matched, and how well: see `SearchIndex.matchWord`. */
export interface WordMatches {
  /** Document slots that match, each once. */
  slots: number[];
  /**
   * Per slot in `slots` (same position) and field (`FIELD_COUNT` entries each): the fewest edits of
   * a matching term in that field (0 for the word itself or a word it begins), `NO_MATCH` if none.
   */
  fieldEdits: Uint8Array;
  /** The vocabulary terms the word stood for, for highlighting. */
  terms: string[];
}
export const NO_MATCH = 255;
export const SEARCH_FIELD_COUNT = 6;
/** The index's fields, in slot order of `fieldEdits`. */
export const searchFields = ['title', 'authors', 'tags', 'venue', 'abstract', 'notes'] as const;

const MARKS = /\p{M}+/gu;
const NOT_LETTER_OR_NUMBER = /[^\p{L}\p{N}]+/u;

function fold(word: string): string {
  return word.normalize('NFD').replace(MARKS, '');
}

/** FNV-1a, cut to 30 bits so that V8 keeps the keys as small integers. Collisions only cost a check. */
function hashOf(text: string): number {
  let hash = 0x811c9dc5;
  for (let index = 0; index < text.length; index += 1) {
    hash ^= text.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash & 0x3fffffff;
}

/** The strings `word` becomes with `edits` or fewer characters deleted, itself included. */
function deletions(word: string, edits: number): Set<string> {
  const all = new Set<string>([word]);
  let frontier = [word];
  for (let round = 0; round < edits; round += 1) {
    const next: string[] = [];
    for (const text of frontier) {
      if (text.length <= 1) continue;
      for (let index = 0; index < text.length; index += 1) {
        const shorter = text.slice(0, index) + text.slice(index + 1);
        if (!all.has(shorter)) {
          all.add(shorter);
          next.push(shorter);
        }
      }
    }
    frontier = next;
  }
  return all;
}

const APOSTROPHES = /['’]/g;

/**
 * The index terms of one raw, lower-cased word (a run without spaces): what `normalizeWords` makes
 * of it, plus its parts and folded forms. Computed once per distinct raw word.
 */
function variantsOf(raw: string): string[] {
  const variants = new Set<string>();
  // "Hold'em" is also found as "holdem": normalizeWords splits at apostrophes (a fuse.js operator).
  const joined = raw.replace(APOSTROPHES, '');
  if (joined !== raw) {
    for (const token of normalizeWords(joined)) {
      variants.add(token);
      variants.add(fold(token));
    }
  }
  for (const token of normalizeWords(raw)) {
    variants.add(token);
    const folded = fold(token);
    variants.add(folded);
    if (NOT_LETTER_OR_NUMBER.test(token)) {
      for (const part of token.split(NOT_LETTER_OR_NUMBER)) if (part) variants.add(part);
      for (const part of folded.split(NOT_LETTER_OR_NUMBER)) if (part) variants.add(part);
    }
  }
  return [...variants];
}

function fieldTexts(paper: SearchablePaper): string[] {
  return [
    paper.title,
    paper.authors.map(authorName).join(' , '),
    paper.tags.join(' , '),
    paper.venue ?? '',
    paper.abstract ?? '',
    (paper.notes ?? []).map((note) => note.body).join('\n'),
  ];
}

/** A growable posting list: document slots and packed term frequencies, in parallel. */
class Postings {
  docs = new Int32Array(2);
  tfs = new Int32Array(2);
  length = 0;

  push(doc: number, tf: number): void {
    if (this.length === this.docs.length) {
      const capacity = this.length * 2;
      const docs = new Int32Array(capacity);
      docs.set(this.docs);
      this.docs = docs;
      const tfs = new Int32Array(capacity);
      tfs.set(this.tfs);
      this.tfs = tfs;
    }
    this.docs[this.length] = doc;
    this.tfs[this.length] = tf;
    this.length += 1;
  }

  /** Removes `doc` by moving the last posting into its place: order does not matter to the search. */
  delete(doc: number): void {
    const at = this.docs.subarray(0, this.length).lastIndexOf(doc);
    if (at < 0) return;
    const last = this.length - 1;
    this.docs[at] = this.docs[last] ?? 0;
    this.tfs[at] = this.tfs[last] ?? 0;
    this.length = last;
  }
}

function grown<T extends Int32Array | Float64Array>(array: T, capacity: number, make: (capacity: number) => T): T {
  if (array.length >= capacity) return array;
  const next = make(Math.max(capacity, array.length * 2));
  next.set(array);
  return next;
}

interface Expansion {
  term: number;
  /** 0 for the word itself or a word it begins. */
  edits: number;
}

/** White space as `\s` means it. */
function isSpace(code: number): boolean {
  if (code <= 32) return code === 32 || (code >= 9 && code <= 13);
  if (code < 0x85) return false;
  return (
    code === 0x85 ||
    code === 0xa0 ||
    code === 0x1680 ||
    (code >= 0x2000 && code <= 0x200a) ||
    code === 0x2028 ||
    code === 0x2029 ||
    code === 0x202f ||
    code === 0x205f ||
    code === 0x3000 ||
    code === 0xfeff
  );
}

/** Raw word (a run without white space, lower-cased) → its term ids, looked up without making the word's string. */
class RawWordTable {
  private readonly byHash = new Map<number, { raw: string; ids: number[] } | Array<{ raw: string; ids: number[] }>>();
  size = 0;

  find(hash: number, text: string, start: number, end: number): number[] | undefined {
    const entry = this.byHash.get(hash);
    if (entry === undefined) return undefined;
    if (!Array.isArray(entry)) return entry.raw.length === end - start && text.startsWith(entry.raw, start) ? entry.ids : undefined;
    for (const candidate of entry) if (candidate.raw.length === end - start && text.startsWith(candidate.raw, start)) return candidate.ids;
    return undefined;
  }

  add(hash: number, raw: string, ids: number[]): void {
    const entry = this.byHash.get(hash);
    if (entry === undefined) this.byHash.set(hash, { raw, ids });
    else if (Array.isArray(entry)) entry.push({ raw, ids });
    else this.byHash.set(hash, [entry, { raw, ids }]);
    this.size += 1;
  }
}

const TERM_BITS = 2 ** 22;

/**
 * The symmetric-deletion map (deletion hash → term ids) as one sorted array of packed numbers,
 * `hash × 2²² + term`: 8 bytes an entry where a Map of arrays takes 50–80, and a vocabulary of a
 * large library has about a million deletions. Entries are appended unsorted while a library is
 * indexed and sorted once, on the first lookup; terms first seen after that (one edited paper)
 * go to a small Map beside it.
 */
class DeletionTable {
  private packed = new Float64Array(1024);
  private length = 0;
  private sorted = true;
  private readonly late = new Map<number, number[]>();

  add(hash: number, term: number): void {
    if (term >= TERM_BITS) throw new Error('The search vocabulary is too large');
    if (this.sorted && this.length > 0) {
      const list = this.late.get(hash);
      if (list === undefined) this.late.set(hash, [term]);
      else if (list[list.length - 1] !== term) list.push(term);
      return;
    }
    this.append(hash * TERM_BITS + term);
    this.sorted = false;
  }

  private append(entry: number): void {
    if (this.length === this.packed.length) {
      const grown = new Float64Array(Math.max(1024, this.packed.length * 2));
      grown.set(this.packed);
      this.packed = grown;
    }
    this.packed[this.length] = entry;
    this.length += 1;
  }

  termsOf(hash: number): number[] {
    if (this.late.size > 20_000) {
      // Many terms came after the sort (a large import): fold them in.
      for (const [lateHash, terms] of this.late) for (const term of terms) this.append(lateHash * TERM_BITS + term);
      this.late.clear();
      this.sorted = false;
    }
    if (!this.sorted) {
      this.packed = this.packed.slice(0, this.length).sort();
      this.sorted = true;
    }
    const low = hash * TERM_BITS;
    let first = 0;
    let last = this.length;
    while (first < last) {
      const middle = (first + last) >> 1;
      if ((this.packed[middle] as number) < low) first = middle + 1;
      else last = middle;
    }
    const terms: number[] = [];
    for (let at = first; at < this.length && (this.packed[at] as number) < low + TERM_BITS; at += 1) terms.push((this.packed[at] as number) - low);
    const late = this.late.get(hash);
    // A loop, not push(...late): spread arguments overflow the stack past ~150,000 items.
    if (late) for (const term of late) terms.push(term);
    return terms;
  }
}

/**
 * Everything an index holds that cannot be derived quickly, as plain data (typed arrays and
 * strings) for writing to a file; the rest (term lookup, typo map, sorted vocabulary, per-paper
 * term lists) is rebuilt from it in one pass.
 */
export interface SearchIndexSnapshot {
  terms: string[];
  /** Per slot: the paper id, or null for a free slot. */
  ids: Array<string | null>;
  /** Per term, how many postings it has; `docs` and `tfs` hold them one term after another. */
  postingCounts: Int32Array;
  docs: Int32Array;
  tfs: Int32Array;
}

export class SearchIndex {
  // Vocabulary.
  private readonly termIds = new Map<string, number>();
  private readonly terms: string[] = [];
  private readonly postings: Postings[] = [];
  /** Every term, sorted, for prefix expansion. */
  private sortedTerms: string[] = [];
  private sortedDirty = false;
  /** Hash of a deletion string → the term ids (one number when single) that produce it. */
  private readonly deletions = new DeletionTable();
  /** Raw word → its index terms (see `tokenize`). */
  private readonly variantCache = new RawWordTable();
  /** Per-term scratch for `add`, all zero between calls. */
  private fieldCounts = new Int32Array(1024);
  private packedScratch = new Int32Array(1024);

  // Documents, by slot; freed slots are reused.
  private readonly slotOf = new Map<string, number>();
  private ids: Array<string | undefined> = [];
  private docTerms: Array<Int32Array | undefined> = [];
  private readonly freeSlots: number[] = [];

  // Query scratch, one entry per slot, reset by stamping instead of clearing.
  private wordStamp = new Int32Array(16);
  private rowOfSlot = new Int32Array(16);
  private stamp = 0;

  constructor(papers?: Iterable<SearchablePaper>) {
    if (papers) {
      this.sortedDirty = true;
      for (const paper of papers) this.add(paper);
      this.sortedTerms = [...this.terms].sort();
      this.sortedDirty = false;
    }
  }

  snapshot(): SearchIndexSnapshot {
    const postingCounts = new Int32Array(this.terms.length);
    let total = 0;
    this.postings.forEach((list, term) => {
      postingCounts[term] = list.length;
      total += list.length;
    });
    const docs = new Int32Array(total);
    const tfs = new Int32Array(total);
    let at = 0;
    for (const list of this.postings) {
      docs.set(list.docs.subarray(0, list.length), at);
      tfs.set(list.tfs.subarray(0, list.length), at);
      at += list.length;
    }
    return { terms: [...this.terms], ids: this.ids.map((id) => id ?? null), postingCounts, docs, tfs };
  }

  /** An index as it was when `snapshot` was taken. Throws on a snapshot whose parts do not agree. */
  static fromSnapshot(snapshot: SearchIndexSnapshot): SearchIndex {
    const { terms, ids, postingCounts, docs, tfs } = snapshot;
    const slots = ids.length;
    if (postingCounts.length !== terms.length || docs.length !== tfs.length) {
      throw new Error('The search index file is inconsistent');
    }
    const index = new SearchIndex();
    index.sortedDirty = true;
    for (const term of terms) index.termId(term);
    index.ensureCapacity(slots);
    // Per-paper term lists, as views into one array: counted first, then filled.
    const termCounts = new Int32Array(slots + 1);
    for (const doc of docs) {
      if (doc < 0 || doc >= slots || ids[doc] === null) throw new Error('The search index file is inconsistent');
      termCounts[doc + 1] = (termCounts[doc + 1] as number) + 1;
    }
    for (let slot = 0; slot < slots; slot += 1) termCounts[slot + 1] = (termCounts[slot + 1] as number) + (termCounts[slot] as number);
    const allTerms = new Int32Array(docs.length);
    const fill = termCounts.slice(0, slots);
    let at = 0;
    for (let term = 0; term < terms.length; term += 1) {
      const count = postingCounts[term] as number;
      const list = index.postings[term] as Postings;
      list.docs = docs.slice(at, at + count);
      list.tfs = tfs.slice(at, at + count);
      list.length = count;
      if (list.docs.length === 0) {
        list.docs = new Int32Array(2);
        list.tfs = new Int32Array(2);
      }
      for (let posting = at; posting < at + count; posting += 1) {
        const doc = docs[posting] as number;
        allTerms[fill[doc] as number] = term;
        fill[doc] = (fill[doc] as number) + 1;
      }
      at += count;
    }
    if (at !== docs.length) throw new Error('The search index file is inconsistent');
    ids.forEach((id, slot) => {
      index.ids[slot] = id ?? undefined;
      if (id === null) index.freeSlots.push(slot);
      else {
        index.slotOf.set(id, slot);
        index.docTerms[slot] = allTerms.subarray(termCounts[slot] as number, termCounts[slot + 1] as number);
      }
    });
    return index;
  }

  /** Papers in the index. */
  get size(): number {
    return this.slotOf.size;
  }

  /** Distinct terms ever indexed. */
  get vocabularySize(): number {
    return this.terms.length;
  }

  has(id: string): boolean {
    return this.slotOf.has(id);
  }

  /**
   * Adds the index terms of a field's text to the per-field counts in `fieldCounts` (term ids
   * first seen go to `touched`). The costly per-word normalization runs once per distinct raw word
   * (a run without white space); the cache maps a raw word straight to term ids.
   */
  private tokenize(text: string, touched: number[]): void {
    const counts = this.fieldCounts;
    const lower = text.toLowerCase();
    const end = lower.length;
    let at = 0;
    // Words are found and hashed in place: splitting every abstract into strings made most of the
    // build's garbage. A word's string is made only the first time it is seen.
    while (at < end) {
      while (at < end && isSpace(lower.charCodeAt(at))) at += 1;
      if (at >= end) break;
      const start = at;
      let hash = 0x811c9dc5;
      while (at < end) {
        const code = lower.charCodeAt(at);
        if (isSpace(code)) break;
        hash = Math.imul(hash ^ code, 0x01000193);
        at += 1;
      }
      let ids = this.variantCache.find(hash, lower, start, at);
      if (ids === undefined) {
        const raw = lower.slice(start, at);
        ids = variantsOf(raw).map((variant) => this.termId(variant));
        if (this.variantCache.size < MAX_CACHED_WORDS) this.variantCache.add(hash, raw, ids);
      }
      for (const id of ids) {
        if (counts[id] === 0) touched.push(id);
        counts[id] = (counts[id] as number) + 1;
      }
    }
  }

  /** Adds a paper; a paper already indexed under that id is replaced. */
  add(paper: SearchablePaper): void {
    if (this.slotOf.has(paper.id)) this.remove(paper.id);
    const slot = this.freeSlots.pop() ?? this.ids.length;
    this.ensureCapacity(slot + 1);
    const terms: number[] = [];
    const fieldTouched: number[] = [];
    fieldTexts(paper).forEach((text, field) => {
      fieldTouched.length = 0;
      this.tokenize(text, fieldTouched);
      for (const id of fieldTouched) {
        if (this.packedScratch[id] === 0) terms.push(id);
        this.packedScratch[id] = (this.packedScratch[id] as number) | (Math.min(this.fieldCounts[id] as number, TF_MAX) << (field * TF_BITS));
        this.fieldCounts[id] = 0;
      }
    });
    const termList = new Int32Array(terms);
    for (const term of terms) {
      (this.postings[term] as Postings).push(slot, this.packedScratch[term] as number);
      this.packedScratch[term] = 0;
    }
    this.ids[slot] = paper.id;
    this.docTerms[slot] = termList;
    this.slotOf.set(paper.id, slot);
  }

  /**
   * Adds many papers at once: the sorted vocabulary (for prefixes) is rebuilt once, on the next
   * query, instead of taking each new term in place.
   */
  addMany(papers: Iterable<SearchablePaper>): void {
    this.sortedDirty = true;
    for (const paper of papers) this.add(paper);
  }

  /** Removes the paper with this id; false when it was not indexed. */
  remove(id: string): boolean {
    const slot = this.slotOf.get(id);
    if (slot === undefined) return false;
    for (const term of this.docTerms[slot] ?? []) this.postings[term]?.delete(slot);
    this.ids[slot] = undefined;
    this.docTerms[slot] = undefined;
    this.slotOf.delete(id);
    this.freeSlots.push(slot);
    return true;
  }

  /** Re-indexes a paper whose fields changed (adds it if it was not indexed). */
  update(paper: SearchablePaper): void {
    this.add(paper);
  }

  /**
   * Every paper a query word matches (exactly, as the start of a word, or within the typos its
   * length allows when `fuzzy`), with the fewest edits per field. `last` lets a single letter
   * match as a prefix (the word being typed).
   */
  matchWord(word: string, last: boolean, fuzzy: boolean): WordMatches {
    const expansions = this.expand(word, last, fuzzy);
    const stamp = (this.stamp += 1);
    const slots: number[] = [];
    for (const { term } of expansions) {
      const list = this.postings[term] as Postings;
      for (let index = 0; index < list.length; index += 1) {
        const doc = list.docs[index] as number;
        if (this.wordStamp[doc] !== stamp) {
          this.wordStamp[doc] = stamp;
          this.rowOfSlot[doc] = slots.length;
          slots.push(doc);
        }
      }
    }
    const fieldEdits = new Uint8Array(slots.length * FIELD_COUNT).fill(NO_MATCH);
    for (const { term, edits } of expansions) {
      const list = this.postings[term] as Postings;
      for (let index = 0; index < list.length; index += 1) {
        const base = (this.rowOfSlot[list.docs[index] as number] as number) * FIELD_COUNT;
        const packed = list.tfs[index] as number;
        for (let field = 0; field < FIELD_COUNT; field += 1) {
          if (((packed >>> (field * TF_BITS)) & TF_MAX) !== 0 && edits < (fieldEdits[base + field] as number)) fieldEdits[base + field] = edits;
        }
      }
    }
    return { slots, fieldEdits, terms: expansions.map(({ term }) => this.terms[term] as string) };
  }

  /** Every indexed slot, in no particular order. */
  allSlots(): number[] {
    return [...this.slotOf.values()];
  }

  slotOfId(id: string): number | undefined {
    return this.slotOf.get(id);
  }

  idOfSlot(slot: number): string | undefined {
    return this.ids[slot];
  }

  /** One past the highest slot ever used: the length dense per-slot arrays need. */
  get slotCapacity(): number {
    return this.ids.length;
  }

  /** The vocabulary terms a query word stands for, each with the fewest edits it needs. */
  private expand(word: string, last: boolean, fuzzy = true): Expansion[] {
    const found = new Map<number, number>();
    const offer = (term: number, edits: number) => {
      if ((this.postings[term]?.length ?? 0) === 0) return;
      if (edits < (found.get(term) ?? Number.POSITIVE_INFINITY)) found.set(term, edits);
    };
    const forms = new Set([word, fold(word)]);
    for (const form of forms) {
      const exact = this.termIds.get(form);
      if (exact !== undefined) offer(exact, 0);
      // Any word may be a prefix ("optim"); a lone letter only while it is being typed.
      if (form.length >= 2 || last) for (const term of this.prefixTerms(form)) offer(term, 0);
      if (fuzzy && form.length >= FUZZY_MIN_LENGTH) {
        for (const [term, edits] of this.fuzzyTerms(form)) {
          offer(term, edits);
          // A misspelt word also stands for the longer words its correction begins ("transfromer" → "transformers").
          for (const longer of this.prefixTerms(this.terms[term] as string)) offer(longer, edits);
        }
      }
    }
    return [...found].map(([term, edits]) => ({ term, edits }));
  }

  private prefixTerms(prefix: string): number[] {
    if (this.sortedDirty) {
      this.sortedTerms = [...this.terms].sort();
      this.sortedDirty = false;
    }
    const sorted = this.sortedTerms;
    let low = 0;
    let high = sorted.length;
    while (low < high) {
      const middle = (low + high) >> 1;
      if ((sorted[middle] as string) < prefix) low = middle + 1;
      else high = middle;
    }
    const found: number[] = [];
    for (let index = low; index < sorted.length && (sorted[index] as string).startsWith(prefix); index += 1) {
      const term = this.termIds.get(sorted[index] as string) as number;
      if (sorted[index] !== prefix && (this.postings[term]?.length ?? 0) > 0) found.push(term);
    }
    return this.mostFrequent(found, MAX_PREFIX_TERMS);
  }

  /** Terms within the allowed edit distance of `word`, with that distance (≥ 1). */
  private fuzzyTerms(word: string): Array<[number, number]> {
    const edits = allowedEdits(word.length);
    if (edits === 0) return [];
    const seen = new Set<number>();
    const found: Array<[number, number]> = [];
    for (const deletion of deletions(word, edits)) {
      for (const term of this.deletions.termsOf(hashOf(deletion))) {
        if (seen.has(term)) continue;
        seen.add(term);
        const text = this.terms[term] as string;
        if (text === word || Math.abs(text.length - word.length) > edits) continue;
        const distance = editDistance(word, text, edits);
        if (distance <= edits) found.push([term, distance]);
      }
    }
    if (found.length <= MAX_FUZZY_TERMS) return found;
    const kept = new Set(this.mostFrequent(found.map(([term]) => term), MAX_FUZZY_TERMS));
    return found.filter(([term]) => kept.has(term));
  }

  private mostFrequent(terms: number[], count: number): number[] {
    if (terms.length <= count) return terms;
    return terms.sort((a, b) => (this.postings[b]?.length ?? 0) - (this.postings[a]?.length ?? 0)).slice(0, count);
  }

  private termId(term: string): number {
    const known = this.termIds.get(term);
    if (known !== undefined) return known;
    const id = this.terms.length;
    this.termIds.set(term, id);
    this.terms.push(term);
    this.postings.push(new Postings());
    this.fieldCounts = grown(this.fieldCounts, id + 1, (capacity) => new Int32Array(capacity));
    this.packedScratch = grown(this.packedScratch, id + 1, (capacity) => new Int32Array(capacity));
    this.addDeletions(term, id);
    if (!this.sortedDirty) {
      // One new term: insert in place rather than sort the whole vocabulary again.
      let low = 0;
      let high = this.sortedTerms.length;
      while (low < high) {
        const middle = (low + high) >> 1;
        if ((this.sortedTerms[middle] as string) < term) low = middle + 1;
        else high = middle;
      }
      this.sortedTerms.splice(low, 0, term);
    }
    return id;
  }

  /**
   * Terms of 4+ letters are reachable from a 5-letter query with one edit; terms of 6+ letters from
   * an 8-letter query with two. Fewer deletions for shorter terms keep the map small.
   */
  private addDeletions(term: string, id: number): void {
    if (term.length < FUZZY_MIN_LENGTH - 1) return;
    // A 4-letter query word reaches 3-letter terms with one edit; 5+ letter terms need two for 8-letter words.
    const edits = term.length >= 6 ? 2 : 1;
    for (const deletion of deletions(term, edits)) this.deletions.add(hashOf(deletion), id);
  }

  private ensureCapacity(slots: number): void {
    while (this.ids.length < slots) {
      this.ids.push(undefined);
      this.docTerms.push(undefined);
    }
    this.wordStamp = grown(this.wordStamp, slots, (capacity) => new Int32Array(capacity));
    this.rowOfSlot = grown(this.rowOfSlot, slots, (capacity) => new Int32Array(capacity));
  }
}
