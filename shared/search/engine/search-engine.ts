import type { FulltextMatch, MatchRange, SearchHit, SearchSort } from '../../api/contract';
import { authorName } from '../../model/format-authors';
import type { Paper } from '../../model/library';
import { NO_MATCH, SEARCH_FIELD_COUNT, SearchIndex, searchFields, type SearchIndexSnapshot, type WordMatches } from '../index/search-index';
import { parseQuery, type ParsedQuery, type QueryHint, type QueryTerm, type TextField } from '../parse-query';
import { normalizeWords } from '../query-words';
import { FUSE_THRESHOLD, FusePattern, fuseFactor, fuseNorm, isBlank } from './fuse-score';
import { highlightRanges, type HighlightTerms } from './highlight';

/** What the engine reads of a paper; the main process passes its papers as they are, never copied. */
export type EnginePaper = Pick<
  Paper,
  'id' | 'title' | 'authors' | 'tags' | 'venue' | 'abstract' | 'year' | 'status' | 'screening' | 'notes' | 'annotations' | 'attachments' | 'addedAt' | 'updatedAt'
>;

/**
 * What decides whether a paper must be indexed again: its last change and the shape of its
 * searchable fields. A status or note change keeps the signature's text fields and only moves `updatedAt`,
 * which costs one needless re-index of one paper; a searchable change always changes it.
 */
export function searchSignature(paper: EnginePaper): string {
  const notes = paper.notes.map((note) => `${note.updatedAt}:${note.body.length}`).join('\u0001');
  return `${paper.updatedAt}\u0000${paper.title.length}\u0000${paper.abstract?.length ?? -1}\u0000${paper.venue ?? ''}\u0000${paper.authors.length}\u0000${paper.tags.join('\u0001')}\u0000${notes}`;
}

/** Extracted PDF text, looked up synchronously; the caller loads what a query needs first. */
export interface FulltextSource {
  /** The first place `needle` (lower-cased, white space collapsed) occurs in the paper's PDF text. */
  find(paper: EnginePaper, needle: string): FulltextMatch | undefined;
}

export interface EngineQuery {
  query: string;
  limit: number;
  offset?: number;
  sort?: SearchSort;
  /** Free words and phrases may also match inside PDF text. */
  fulltext?: boolean;
  allIds?: boolean;
}

export interface EngineResult {
  results: SearchHit[];
  total: number;
  hints: QueryHint[];
  ids?: string[];
}

/** fuse.js's keys are the first five fields (notes are searched but not ranked), of equal weight. */
const FUSE_KEYS = 5;
const KEY_WEIGHT = 1 / FUSE_KEYS;
/** Candidates ranked by the index's estimate whose exact fuse.js score is then computed. */
const RESCORED = 200;
const FIELD_OF: Record<Exclude<TextField, 'fulltext'>, number> = { title: 0, author: 1, venue: 3, abstract: 4 };
const FIELD_NAMES = searchFields;

type TextTerm = Extract<QueryTerm, { kind: 'word' | 'phrase' | 'field' }>;

/** A text condition, resolved against the index: which slots match and how well per field. */
interface Resolved {
  /** Slot → 1 + its row in `fieldEdits`, 0 for slots that do not match. */
  rowOf: Int32Array;
  /** How many slots match. */
  size: number;
  fieldEdits: Uint8Array;
  /** Fields this condition looks at (bit per field). */
  fieldMask: number;
  /** Letters of the condition, for estimating fuse.js's score. */
  length: number;
  terms: string[];
  phrase?: string;
}

const ALL_FIELDS = (1 << SEARCH_FIELD_COUNT) - 1;

function lowerFieldValues(paper: EnginePaper, field: number): string[] {
  switch (field) {
    case 0:
      return [paper.title];
    case 1:
      return paper.authors.map(authorName);
    case 2:
      return paper.tags;
    case 3:
      return paper.venue !== undefined ? [paper.venue] : [];
    case 4:
      return paper.abstract !== undefined ? [paper.abstract] : [];
    default:
      return paper.notes.map((note) => note.body);
  }
}

function collapse(text: string): string {
  return text.toLowerCase().split(/\s+/).filter(Boolean).join(' ');
}

/**
 * The search behind every door (IPC, browser mode, CLI): the query language over an inverted
 * index, ranked like fuse.js.
 *
 * A query is parsed (never throws; problems become hints), each text condition is resolved against
 * the index (typo and prefix expansion against the vocabulary), the conditions are intersected, and
 * filters (tags, year, status, decision, has:) run over what is left. Ranking: the index estimates
 * fuse.js's score from which fields each word matched, with how many edits, and those fields'
 * lengths; the best `RESCORED` by that estimate get their exact fuse.js score (see fuse-score.ts),
 * so the top of the list is what fuse.js over the same fields would put there. Ties keep library order.
 */
export class SearchEngine {
  private readonly index: SearchIndex;
  private readonly papers: Array<EnginePaper | undefined> = [];
  /** Library order, for ties and for queries without text. */
  private order = new Float64Array(16);
  private nextOrder = 0;

  /** fuse.js's norm of title and abstract per slot (two entries a slot): computing it walks the whole text. */
  private norms = new Float64Array(16 * 2);
  /** Scratch for `estimate`. */
  private readonly freeEdits = new Float64Array(SEARCH_FIELD_COUNT);
  private readonly freeMissing = new Float64Array(SEARCH_FIELD_COUNT);
  /** Scratch for `rank`: the estimate per slot. */
  private estimates = new Float64Array(0);

  /** With `index`, a persisted index that already holds these papers; otherwise they are indexed now. */
  constructor(papers: Iterable<EnginePaper> = [], index?: SearchIndex) {
    this.index = index ?? new SearchIndex();
    for (const paper of papers) {
      if (!index) this.index.add(paper);
      const slot = this.index.slotOfId(paper.id);
      if (slot !== undefined) this.place(slot, paper, this.nextOrder++);
      this.signatures.set(paper.id, searchSignature(paper));
    }
  }

  get size(): number {
    return this.index.size;
  }

  /** The index (for persisting it). */
  get searchIndex(): SearchIndex {
    return this.index;
  }

  private place(slot: number, paper: EnginePaper, order: number): void {
    if (this.order.length <= slot) {
      const capacity = Math.max(slot + 1, this.order.length * 2);
      const order = new Float64Array(capacity);
      order.set(this.order);
      this.order = order;
      const norms = new Float64Array(capacity * 2);
      norms.set(this.norms);
      this.norms = norms;
    }
    this.order[slot] = order;
    this.papers[slot] = paper;
    this.rememberShortValues(slot, paper, paper.authors.map(authorName));
    this.norms[slot * 2] = fuseNorm(paper.title);
    this.norms[slot * 2 + 1] = fuseNorm(paper.abstract ?? '');
  }

  /** Distinct author names, tags and venues, numbered: their fuse.js factor is computed once per query. */
  private readonly valueIds = new Map<string, number>();
  private readonly values: string[] = [];
  /** Per slot, the numbers of its author names, tags and venue (see `shortFieldsLog`). */
  private readonly shortValueIds: Array<Int32Array | undefined> = [];

  /** Signature (see `searchSignature`) of each paper as indexed. */
  private readonly signatures = new Map<string, string>();

  /** Indexes papers in bulk (a library being built in slices); they go last in the library order. */
  addMany(papers: readonly EnginePaper[]): void {
    const known = papers.filter((paper) => this.index.has(paper.id));
    const fresh = papers.filter((paper) => !this.index.has(paper.id));
    this.index.addMany(fresh);
    for (const paper of fresh) {
      this.place(this.index.slotOfId(paper.id) as number, paper, this.nextOrder++);
      this.signatures.set(paper.id, searchSignature(paper));
    }
    for (const paper of known) this.sync(paper);
  }

  /**
   * Brings the engine in line with the library: papers whose signature changed are indexed again,
   * the others only re-pointed at the current objects, papers gone are removed, and the library
   * order is taken from `papers`. Returns how many papers were indexed again.
   */
  reconcile(papers: readonly EnginePaper[]): number {
    let reindexed = 0;
    const present = new Set<string>();
    for (const paper of papers) {
      present.add(paper.id);
      if (this.sync(paper)) reindexed += 1;
    }
    for (const id of [...this.signatures.keys()]) if (!present.has(id)) this.remove(id);
    this.setOrder(papers.map((paper) => paper.id));
    return reindexed;
  }

  /** Re-indexes `paper` if its searchable content changed, else only points at it; true if re-indexed. */
  sync(paper: EnginePaper): boolean {
    const signature = searchSignature(paper);
    if (this.signatures.get(paper.id) === signature && this.index.has(paper.id)) {
      this.refresh(paper);
      return false;
    }
    this.upsert(paper);
    return true;
  }

  /** Adds or re-indexes a paper; it keeps its place in the library order, new ones go last. */
  upsert(paper: EnginePaper): void {
    this.signatures.set(paper.id, searchSignature(paper));
    const before = this.index.slotOfId(paper.id);
    const order = before !== undefined ? (this.order[before] as number) : this.nextOrder++;
    if (before !== undefined) this.papers[before] = undefined;
    this.index.update(paper);
    this.place(this.index.slotOfId(paper.id) as number, paper, order);
  }

  /** Points the engine at a new object for a paper whose searchable text did not change (status, notes…). */
  refresh(paper: EnginePaper): void {
    const slot = this.index.slotOfId(paper.id);
    if (slot === undefined) return;
    if (this.papers[slot] === undefined) this.place(slot, paper, this.nextOrder++);
    else {
      this.papers[slot] = paper;
      this.rememberShortValues(slot, paper, paper.authors.map(authorName));
    }
  }

  /** What to write to a file: the index and what each paper looked like when indexed. */
  snapshot(): { index: SearchIndexSnapshot; signatures: Array<[string, string]> } {
    return { index: this.index.snapshot(), signatures: [...this.signatures] };
  }

  /**
   * An engine from a file's snapshot, brought up to date with `papers`: only papers changed since
   * the snapshot are indexed again.
   */
  static restore(snapshot: { index: SearchIndexSnapshot; signatures: Array<[string, string]> }, papers: readonly EnginePaper[]): SearchEngine {
    const engine = new SearchEngine([], SearchIndex.fromSnapshot(snapshot.index));
    for (const [id, signature] of snapshot.signatures) engine.signatures.set(id, signature);
    // Indexed papers missing from the signatures would never be reconciled away.
    for (const slot of engine.index.allSlots()) {
      const id = engine.index.idOfSlot(slot) as string;
      if (!engine.signatures.has(id)) engine.signatures.set(id, '');
    }
    engine.staleAtRestore = engine.reconcile(papers);
    return engine;
  }

  /** After `restore`: how many papers had changed since the snapshot (and were indexed again). */
  staleAtRestore = 0;

  remove(id: string): void {
    const slot = this.index.slotOfId(id);
    this.signatures.delete(id);
    if (slot === undefined) return;
    this.index.remove(id);
    this.papers[slot] = undefined;
  }

  /** Sets the library order (ties and unsorted results follow it) from the papers in order. */
  setOrder(ids: readonly string[]): void {
    ids.forEach((id, position) => {
      const slot = this.index.slotOfId(id);
      if (slot !== undefined) this.order[slot] = position;
    });
    this.nextOrder = ids.length;
  }

  query(request: EngineQuery, fulltext?: FulltextSource): EngineResult {
    const parsed = parseQuery(request.query);
    return this.run(parsed, request, fulltext);
  }

  /** How many papers a query matches (saved searches' live counts). */
  count(query: string, fulltext?: FulltextSource): number {
    return this.run(parseQuery(query), { query, limit: 0 }, fulltext).total;
  }

  private run(parsed: ParsedQuery, request: EngineQuery, fulltext: FulltextSource | undefined): EngineResult {
    const limit = request.limit;
    const offset = request.offset ?? 0;
    const sort = request.sort ?? 'relevance';
    const withFulltext = request.fulltext === true && fulltext !== undefined;
    const hints = parsed.hints;

    // Text conditions that must match, text conditions that must not, OR groups, and filters.
    const required: Array<{ term: TextTerm; resolved: Resolved }> = [];
    const excluded: Resolved[] = [];
    const groups: Array<Array<{ term: QueryTerm; resolved?: Resolved }>> = [];
    const filters: QueryTerm[] = [];
    const fulltextNeedles: string[] = [];
    const lastWord = this.lastWordOf(request.query);

    for (const clause of parsed.clauses) {
      if (clause.kind === 'or') {
        groups.push(clause.terms.map((term) => (isIndexText(term) ? { term, resolved: this.resolve(term, term.kind === 'word' && term.text === lastWord) } : { term })));
        continue;
      }
      if (clause.kind === 'field' && clause.field === 'fulltext') {
        if (clause.negated) filters.push(clause);
        else fulltextNeedles.push(clause.value.text);
        continue;
      }
      if (isIndexText(clause)) {
        const resolved = this.resolve(clause, clause.kind === 'word' && clause.text === lastWord && !clause.negated);
        if (clause.negated) excluded.push(resolved);
        else required.push({ term: clause, resolved });
        continue;
      }
      filters.push(clause);
    }

    // Candidates: the rarest required condition first, then the others intersected.
    const fulltextHits = new Map<number, FulltextMatch>();
    /** Whether a text condition holds in the paper's metadata: its words, and as a phrase if it is one. */
    const inMetadata = (resolved: Resolved, slot: number) => resolved.rowOf[slot] !== 0 && (resolved.phrase === undefined || this.hasPhrase(slot, resolved));
    /** "Search inside PDFs": free words and phrases may also be met by the PDF text (field conditions never). */
    // The snippet shows the whole free text where the PDF has it together, else the first word found.
    const freeText = collapse(required.filter(({ term }) => term.kind !== 'field').map(({ term }) => textOf(term)).join(' '));
    const holds = (term: TextTerm, resolved: Resolved, slot: number) => {
      if (inMetadata(resolved, slot)) return true;
      if (!withFulltext || term.kind === 'field') return false;
      const paper = this.papers[slot];
      const match = paper ? fulltext.find(paper, textOf(term)) : undefined;
      if (match && paper && !fulltextHits.has(slot)) fulltextHits.set(slot, (freeText.includes(' ') ? fulltext.find(paper, freeText) : undefined) ?? match);
      return match !== undefined;
    };
    let candidates: number[];
    const usesPdfText = withFulltext && required.some(({ term }) => term.kind !== 'field');
    if (required.length > 0 && !usesPdfText) {
      const ordered = [...required].sort((a, b) => a.resolved.size - b.resolved.size);
      candidates = slotsOf(ordered[0]?.resolved);
    } else {
      candidates = this.index.allSlots();
    }
    for (const { term, resolved } of required) candidates = candidates.filter((slot) => holds(term, resolved, slot));
    for (const resolved of excluded) candidates = candidates.filter((slot) => !inMetadata(resolved, slot));
    for (const group of groups) {
      candidates = candidates.filter((slot) => group.some(({ term, resolved }) => (resolved ? inMetadata(resolved, slot) !== term.negated : this.passes(term, slot, fulltext))));
    }
    for (const filter of filters) candidates = candidates.filter((slot) => this.passes(filter, slot, fulltext));
    for (const needle of fulltextNeedles) {
      candidates = candidates.filter((slot) => {
        const paper = this.papers[slot];
        const match = paper && fulltext ? fulltext.find(paper, needle) : undefined;
        if (match && !fulltextHits.has(slot)) fulltextHits.set(slot, match);
        return match !== undefined;
      });
    }

    const total = candidates.length;
    const scoring = required.filter(({ resolved }) => resolved.fieldMask !== 0);
    const orderedSlots = this.rank(candidates, scoring, groups, sort, offset + limit, request.allIds === true);
    const page = orderedSlots.slice(offset, offset + limit);
    const highlight = this.highlightTerms(required, groups);
    const results: SearchHit[] = page.map(({ slot, score }) => {
      const paper = this.papers[slot] as EnginePaper;
      const hit: SearchHit = { id: paper.id, score, ranges: this.rangesOf(paper, highlight) };
      const inPdf = fulltextHits.get(slot);
      if (inPdf) hit.fulltext = inPdf;
      return hit;
    });
    const result: EngineResult = { results, total, hints };
    if (request.allIds) result.ids = orderedSlots.map(({ slot }) => (this.papers[slot] as EnginePaper).id);
    return result;
  }

  /** The word the cursor is probably still typing: the query's last word, if the query ends in it. */
  private lastWordOf(query: string): string | undefined {
    if (/\s$/.test(query)) return undefined;
    return normalizeWords(query.split(/\s+/).at(-1) ?? '').at(-1);
  }

  private resolve(term: TextTerm, last: boolean): Resolved {
    const fieldMask = term.kind === 'field' ? 1 << (FIELD_OF[term.field as Exclude<TextField, 'fulltext'>] ?? 0) : ALL_FIELDS;
    const value = term.kind === 'field' ? term.value : term;
    const isPhrase = value.kind === 'phrase';
    const words = isPhrase ? normalizeWords(value.text) : [value.text];
    // Negated words match exactly or as a prefix only: a typo must not hide papers.
    const fuzzy = !term.negated && !isPhrase;
    const perWord = words.map((word) => this.index.matchWord(word, last && !isPhrase, fuzzy));
    const combined = intersect(perWord, fieldMask, this.index.slotCapacity);
    return {
      ...combined,
      fieldMask,
      length: value.text.length,
      terms: perWord.flatMap((match) => match.terms),
      ...(isPhrase ? { phrase: collapse(value.text) } : {}),
    };
  }

  private hasPhrase(slot: number, resolved: Resolved): boolean {
    const paper = this.papers[slot];
    if (!paper || resolved.phrase === undefined) return false;
    for (let field = 0; field < SEARCH_FIELD_COUNT; field += 1) {
      if ((resolved.fieldMask & (1 << field)) === 0) continue;
      for (const value of lowerFieldValues(paper, field)) if (collapse(value).includes(resolved.phrase)) return true;
    }
    return false;
  }

  private passes(term: QueryTerm, slot: number, fulltext: FulltextSource | undefined): boolean {
    const paper = this.papers[slot];
    if (!paper) return false;
    return matchesFilter(term, paper, fulltext) !== term.negated;
  }

  /**
   * Candidates in result order. For relevance: the index's estimate of fuse.js's score for all,
   * then the exact score for the best `RESCORED` (at least as many as the page needs).
   */
  private rank(
    candidates: number[],
    scoring: Array<{ term: TextTerm; resolved: Resolved }>,
    groups: Array<Array<{ term: QueryTerm; resolved?: Resolved }>>,
    sort: SearchSort,
    needed: number,
    all: boolean,
  ): Array<{ slot: number; score: number }> {
    const order = this.order;
    if (sort !== 'relevance' || (scoring.length === 0 && groups.length === 0)) {
      const compare = this.comparatorFor(sort);
      const sorted = all || needed >= candidates.length ? candidates.sort(compare) : topK(candidates, needed, compare);
      return sorted.map((slot) => ({ slot, score: 0 }));
    }
    if (this.estimates.length < this.index.slotCapacity) this.estimates = new Float64Array(this.index.slotCapacity);
    const estimate = this.estimates;
    const patterns = preparePatterns(scoring, groups);
    const memo: ShortFieldMemo = new Map();
    if (scoring.every(({ term }) => term.kind !== 'field') && patterns.free) this.estimateFreeText(candidates, scoring, patterns.free, estimate, memo);
    else for (const slot of candidates) estimate[slot] = this.estimate(slot, scoring, patterns, memo);
    const byEstimate = (a: number, b: number) => (estimate[a] as number) - (estimate[b] as number) || (order[a] as number) - (order[b] as number);
    // The first RESCORED by the estimate get their exact score; the rest follow in estimate order.
    // The same RESCORED are rescored for every page, so pages and `allIds` agree.
    const ordered = all ? candidates.sort(byEstimate) : topK(candidates, Math.max(RESCORED, needed), byEstimate);
    const head = ordered.slice(0, RESCORED);
    const exact = new Map<number, number>();
    for (const slot of head) exact.set(slot, this.exactScore(slot, patterns, memo));
    head.sort((a, b) => (exact.get(a) as number) - (exact.get(b) as number) || (order[a] as number) - (order[b] as number));
    const ranked = head.map((slot) => ({ slot, score: exact.get(slot) as number }));
    for (const slot of ordered.slice(RESCORED)) ranked.push({ slot, score: Math.min(1, Math.exp(estimate[slot] as number)) });
    return ranked;
  }

  private comparatorFor(sort: SearchSort): (a: number, b: number) => number {
    const papers = this.papers;
    const order = this.order;
    const byOrder = (a: number, b: number) => (order[a] as number) - (order[b] as number);
    switch (sort) {
      case 'year-desc':
        return (a, b) => (papers[b]?.year ?? -1) - (papers[a]?.year ?? -1) || byOrder(a, b);
      case 'year-asc':
        return (a, b) => (papers[a]?.year ?? 10_000) - (papers[b]?.year ?? 10_000) || byOrder(a, b);
      case 'title':
        return (a, b) => titleCollator.compare(papers[a]?.title ?? '', papers[b]?.title ?? '') || byOrder(a, b);
      case 'added-desc':
        return (a, b) => compareText(papers[b]?.addedAt, papers[a]?.addedAt) || byOrder(a, b);
      case 'added-asc':
        return (a, b) => compareText(papers[a]?.addedAt, papers[b]?.addedAt) || byOrder(a, b);
      default:
        return byOrder;
    }
  }

  /**
   * The natural log of fuse.js's score, estimated. Authors, tags and venue are short and repeat
   * across papers, so their exact fuse.js factor is computed once per distinct value and query
   * (`memo`); title and abstract are estimated from the index: per field, the edits the condition's
   * words needed (their letters when missing) over its length, 0.001 for an exact match.
   */
  private estimate(slot: number, scoring: Array<{ term: TextTerm; resolved: Resolved }>, patterns: PreparedPatterns, memo: ShortFieldMemo): number {
    let logScore = 0;
    // Free words and phrases are scored together, as one fuse.js pattern.
    let freeLength = 0;
    const { freeEdits, freeMissing } = this;
    freeEdits.fill(0);
    freeMissing.fill(0);
    let fieldTerm = 0;
    for (const { term, resolved } of scoring) {
      if (term.kind === 'field') {
        const pattern = patterns.fields[fieldTerm++];
        const at = (resolved.rowOf[slot] as number) - 1;
        if (at < 0 || !pattern) continue;
        for (const field of LONG_FIELDS) {
          const edits = resolved.fieldEdits[at * SEARCH_FIELD_COUNT + field] as number;
          if (edits !== NO_MATCH) logScore += this.fieldLog(slot, field, edits / Math.max(1, resolved.length));
        }
        logScore += this.shortFieldsLog(slot, pattern.pattern, pattern.fieldMask, memo);
        continue;
      }
      const at = (resolved.rowOf[slot] as number) - 1;
      freeLength += resolved.length + (freeLength > 0 ? 1 : 0);
      for (const field of LONG_FIELDS) {
        const edits = at < 0 ? NO_MATCH : (resolved.fieldEdits[at * SEARCH_FIELD_COUNT + field] as number);
        if (edits === NO_MATCH) freeMissing[field] = (freeMissing[field] as number) + resolved.length;
        else freeEdits[field] = (freeEdits[field] as number) + edits;
      }
    }
    if (freeLength > 0) {
      for (const field of LONG_FIELDS) {
        const share = ((freeEdits[field] as number) + (freeMissing[field] as number)) / freeLength;
        if (share <= FUSE_THRESHOLD && (freeMissing[field] as number) < freeLength) logScore += this.fieldLog(slot, field, share);
      }
      if (patterns.free) logScore += this.shortFieldsLog(slot, patterns.free, ALL_FIELDS, memo);
    }
    return logScore;
  }

  /**
   * `estimate` for the usual query of free words and phrases only, over every candidate at once:
   * the same figure, with what is constant for the query (the pattern's length, the log of each
   * possible share of edits, the factor of each author, tag and venue) worked out once.
   */
  private estimateFreeText(candidates: readonly number[], scoring: Array<{ term: TextTerm; resolved: Resolved }>, pattern: FusePattern, out: Float64Array, memo: ShortFieldMemo): void {
    const terms = scoring.map(({ resolved }) => resolved);
    const lengths = terms.map((resolved) => resolved.length);
    const freeLength = lengths.reduce((sum, length) => sum + length, 0) + terms.length - 1;
    // logOfShare[k]: KEY_WEIGHT × log(fuse score) for k edits or missing letters, NaN beyond the threshold.
    const logOfShare = new Float64Array(freeLength + 1);
    for (let k = 0; k <= freeLength; k += 1) {
      const share = k / freeLength;
      logOfShare[k] = share <= FUSE_THRESHOLD ? KEY_WEIGHT * Math.log(Math.max(0.001, share)) : Number.NaN;
    }
    const shortFactors = this.shortValueCache(pattern, memo);
    const norms = this.norms;
    for (const slot of candidates) {
      let logScore = 0;
      for (const field of LONG_FIELDS) {
        let missing = 0;
        let present = false;
        for (let term = 0; term < terms.length; term += 1) {
          const resolved = terms[term] as Resolved;
          const row = (resolved.rowOf[slot] as number) - 1;
          const edits = row < 0 ? NO_MATCH : (resolved.fieldEdits[row * SEARCH_FIELD_COUNT + field] as number);
          if (edits === NO_MATCH) missing += lengths[term] as number;
          else {
            missing += edits;
            present = true;
          }
        }
        const log = logOfShare[missing] as number;
        if (present && !Number.isNaN(log)) logScore += (norms[slot * 2 + (field === 0 ? 0 : 1)] as number) * log;
      }
      out[slot] = logScore + this.shortValuesLog(slot, pattern, ALL_FIELDS, shortFactors);
    }
  }

  /** The exact log factor of authors, tags and venue (those in `fieldMask`) for a pattern. */
  private shortFieldsLog(slot: number, pattern: FusePattern, fieldMask: number, memo: ShortFieldMemo): number {
    return this.shortValuesLog(slot, pattern, fieldMask, this.shortValueCache(pattern, memo));
  }

  private shortValueCache(pattern: FusePattern, memo: ShortFieldMemo): Float64Array {
    let cache = memo.get(pattern);
    if (!cache) {
      cache = new Float64Array(this.values.length).fill(Number.NaN);
      memo.set(pattern, cache);
    }
    return cache;
  }

  /** `shortFieldsLog` with the per-value cache for this pattern (NaN: not computed yet). */
  private shortValuesLog(slot: number, pattern: FusePattern, fieldMask: number, cache: Float64Array): number {
    const ids = this.shortValueIds[slot];
    if (!ids) return 0;
    let logScore = 0;
    // ids: author ids, then -1, then tag ids, then -1, then the venue's id if any.
    let field = 1;
    for (let at = 0; at < ids.length; at += 1) {
      const id = ids[at] as number;
      if (id < 0) {
        field *= 2;
        continue;
      }
      if ((fieldMask & field) === 0) continue;
      let log = cache[id] as number;
      if (Number.isNaN(log)) {
        const value = this.values[id] as string;
        const score = isBlank(value) ? undefined : pattern.scoreLower(value.toLowerCase());
        log = score === undefined ? 0 : Math.log(fuseFactor(score, KEY_WEIGHT, fuseNorm(value)));
        cache[id] = log;
      }
      logScore += log;
    }
    return logScore;
  }

  private valueId(value: string): number {
    let id = this.valueIds.get(value);
    if (id === undefined) {
      id = this.values.length;
      this.values.push(value);
      this.valueIds.set(value, id);
    }
    return id;
  }

  private rememberShortValues(slot: number, paper: EnginePaper, authorNames: string[]): void {
    const ids = [...authorNames.map((name) => this.valueId(name)), -1, ...paper.tags.map((tag) => this.valueId(tag)), -1];
    if (paper.venue !== undefined) ids.push(this.valueId(paper.venue));
    this.shortValueIds[slot] = Int32Array.from(ids);
  }

  private fieldLog(slot: number, field: number, share: number): number {
    const score = Math.max(0.001, share);
    const norm = this.norms[slot * 2 + (field === 0 ? 0 : 1)] as number;
    return KEY_WEIGHT * norm * Math.log(score);
  }

  /** fuse.js's score for the free text (one pattern), times one per field condition and OR group. */
  private exactScore(slot: number, patterns: PreparedPatterns, memo: ShortFieldMemo): number {
    let score = patterns.free ? this.recordScore(slot, patterns.free, ALL_FIELDS, memo) : 1;
    for (const { pattern, fieldMask } of patterns.fields) score *= this.recordScore(slot, pattern, fieldMask, memo);
    for (const group of patterns.groups) {
      let best = 1;
      for (const { pattern, resolved } of group) {
        if (resolved.rowOf[slot] !== 0) best = Math.min(best, this.recordScore(slot, pattern, resolved.fieldMask, memo));
      }
      score *= best;
    }
    return score;
  }

  /**
   * fuse.js's record score for one pattern over the fields in `fieldMask` (1 when nothing matches):
   * title and abstract scored here, authors, tags and venue from the per-value cache. Notes can make
   * a paper match but do not rank it (a note-only match comes last).
   */
  private recordScore(slot: number, pattern: FusePattern, fieldMask: number, memo: ShortFieldMemo): number {
    const paper = this.papers[slot] as EnginePaper;
    let log = this.shortValuesLog(slot, pattern, fieldMask, this.shortValueCache(pattern, memo));
    const longField = (text: string | undefined, norm: number) => {
      if (text === undefined || isBlank(text)) return;
      const score = pattern.scoreLower(text.toLowerCase());
      if (score !== undefined) log += Math.log(fuseFactor(score, KEY_WEIGHT, norm));
    };
    if ((fieldMask & 1) !== 0) longField(paper.title, this.norms[slot * 2] as number);
    if ((fieldMask & 16) !== 0) longField(paper.abstract, this.norms[slot * 2 + 1] as number);
    return Math.exp(log);
  }

  private highlightTerms(required: Array<{ term: TextTerm; resolved: Resolved }>, groups: Array<Array<{ term: QueryTerm; resolved?: Resolved }>>): HighlightTerms {
    const byField: Array<Set<string>> = Array.from({ length: SEARCH_FIELD_COUNT }, () => new Set<string>());
    const phrases: Array<{ text: string; fieldMask: number }> = [];
    const add = (resolved: Resolved) => {
      for (let field = 0; field < SEARCH_FIELD_COUNT; field += 1) {
        // A phrase highlights where it occurs as a whole, not its words wherever they are.
        if ((resolved.fieldMask & (1 << field)) !== 0 && resolved.phrase === undefined) for (const term of resolved.terms) byField[field]?.add(term);
      }
      if (resolved.phrase !== undefined) phrases.push({ text: resolved.phrase, fieldMask: resolved.fieldMask });
    };
    for (const { resolved } of required) add(resolved);
    for (const group of groups) for (const { term, resolved } of group) if (resolved && !term.negated) add(resolved);
    return { byField, phrases };
  }

  private rangesOf(paper: EnginePaper, highlight: HighlightTerms): MatchRange[] {
    const ranges: MatchRange[] = [];
    for (let field = 0; field < SEARCH_FIELD_COUNT; field += 1) {
      const terms = highlight.byField[field] as Set<string>;
      const phrases = highlight.phrases.filter((phrase) => (phrase.fieldMask & (1 << field)) !== 0).map((phrase) => phrase.text);
      if (terms.size === 0 && phrases.length === 0) continue;
      const values = lowerFieldValues(paper, field);
      values.forEach((value, index) => {
        for (const [start, end] of highlightRanges(value, terms, phrases)) {
          ranges.push({ field: FIELD_NAMES[field] as MatchRange['field'], ...(field === 1 || field === 2 || field === 5 ? { index } : {}), start, end });
        }
      });
    }
    return ranges;
  }
}

const titleCollator = new Intl.Collator(undefined, { sensitivity: 'base', numeric: true });

function compareText(a: string | undefined, b: string | undefined): number {
  return (a ?? '') < (b ?? '') ? -1 : (a ?? '') > (b ?? '') ? 1 : 0;
}

function isIndexText(term: QueryTerm): term is TextTerm {
  return term.kind === 'word' || term.kind === 'phrase' || (term.kind === 'field' && term.field !== 'fulltext');
}

function textOf(term: TextTerm): string {
  return term.kind === 'field' ? term.value.text : term.text;
}

/** Title and abstract: estimated from the index. */
const LONG_FIELDS = [0, 4] as const;

/** Per pattern, the log factor of each distinct author name, tag and venue seen so far. */
type ShortFieldMemo = Map<FusePattern, Float64Array>;

interface PreparedPatterns {
  free: FusePattern | undefined;
  fields: Array<{ pattern: FusePattern; fieldMask: number }>;
  groups: Array<Array<{ pattern: FusePattern; resolved: Resolved }>>;
}

function preparePatterns(
  scoring: Array<{ term: TextTerm; resolved: Resolved }>,
  groups: Array<Array<{ term: QueryTerm; resolved?: Resolved }>>,
): PreparedPatterns {
  const free = scoring.filter(({ term }) => term.kind !== 'field').map(({ term }) => textOf(term));
  return {
    free: free.length > 0 ? new FusePattern(free.join(' ')) : undefined,
    fields: scoring.filter(({ term }) => term.kind === 'field').map(({ term, resolved }) => ({ pattern: new FusePattern(textOf(term)), fieldMask: resolved.fieldMask })),
    groups: groups.map((group) =>
      group.flatMap(({ term, resolved }) => (resolved && !term.negated && isIndexText(term) ? [{ pattern: new FusePattern(textOf(term)), resolved }] : [])),
    ),
  };
}

function slotsOf(resolved: Resolved | undefined): number[] {
  const slots: number[] = [];
  if (!resolved) return slots;
  const { rowOf } = resolved;
  for (let slot = 0; slot < rowOf.length; slot += 1) if (rowOf[slot] !== 0) slots.push(slot);
  return slots;
}

/**
 * Slots where every word matched in a field of the mask, with per field the most edits any of the
 * words needed there (NO_MATCH where one of them is missing from that field).
 */
function intersect(perWord: WordMatches[], fieldMask: number, capacity: number): { rowOf: Int32Array; size: number; fieldEdits: Uint8Array } {
  const inMask = (match: WordMatches, row: number) => {
    for (let field = 0; field < SEARCH_FIELD_COUNT; field += 1) {
      if ((fieldMask & (1 << field)) !== 0 && match.fieldEdits[row * SEARCH_FIELD_COUNT + field] !== NO_MATCH) return true;
    }
    return false;
  };
  const rowsOf = perWord.map((match) => {
    const rowOf = new Int32Array(capacity);
    match.slots.forEach((slot, row) => {
      if (fieldMask === ALL_FIELDS || inMask(match, row)) rowOf[slot] = row + 1;
    });
    return rowOf;
  });
  const only = perWord[0];
  if (perWord.length === 1 && only !== undefined && fieldMask === ALL_FIELDS) return { rowOf: rowsOf[0] as Int32Array, size: only.slots.length, fieldEdits: only.fieldEdits };
  const rarest = perWord.reduce((best, match) => (match.slots.length < best.slots.length ? match : best), perWord[0] as WordMatches);
  const rowOf = new Int32Array(capacity);
  const rows: number[] = [];
  for (const slot of rarest.slots) {
    if (rowsOf.every((map) => map[slot] !== 0)) {
      rows.push(slot);
      rowOf[slot] = rows.length;
    }
  }
  const fieldEdits = new Uint8Array(rows.length * SEARCH_FIELD_COUNT).fill(NO_MATCH);
  rows.forEach((slot, row) => {
    for (let field = 0; field < SEARCH_FIELD_COUNT; field += 1) {
      if ((fieldMask & (1 << field)) === 0) continue;
      let worst = 0;
      for (const [index, map] of rowsOf.entries()) {
        const edits = (perWord[index] as WordMatches).fieldEdits[((map[slot] as number) - 1) * SEARCH_FIELD_COUNT + field] as number;
        worst = Math.max(worst, edits);
      }
      fieldEdits[row * SEARCH_FIELD_COUNT + field] = worst;
    }
  });
  return { rowOf, size: rows.length, fieldEdits };
}

function matchesFilter(term: QueryTerm, paper: EnginePaper, fulltext: FulltextSource | undefined): boolean {
  switch (term.kind) {
    case 'tag': {
      const wanted = term.name.toLowerCase();
      return paper.tags.some((tag) => {
        const name = tag.toLowerCase();
        return name === wanted || name.startsWith(`${wanted}/`);
      });
    }
    case 'year': {
      const year = paper.year;
      if (year === undefined) return false;
      switch (term.op) {
        case 'eq':
        case 'range':
          return year >= term.from && year <= term.to;
        case 'gte':
          return year >= term.from;
        case 'gt':
          return year > term.from;
        case 'lte':
          return year <= term.to;
        case 'lt':
          return year < term.to;
      }
      return false;
    }
    case 'status':
      return paper.status === term.value;
    case 'decision':
      return paper.screening.decision === term.value;
    case 'has':
      switch (term.value) {
        case 'pdf':
          return paper.attachments.some((attachment) => attachment.file.toLowerCase().endsWith('.pdf'));
        case 'notes':
          return paper.notes.length > 0;
        case 'abstract':
          return paper.abstract !== undefined && !isBlank(paper.abstract);
        case 'annotations':
          return paper.annotations.length > 0;
      }
      return false;
    case 'field':
      if (term.field === 'fulltext') return fulltext?.find(paper, collapse(term.value.text)) !== undefined;
      return false;
    default:
      return false;
  }
}

/** The `count` smallest by `compare`, sorted: a bounded selection instead of sorting everything. */
function topK(items: number[], count: number, compare: (a: number, b: number) => number): number[] {
  if (items.length <= count) return items.sort(compare);
  const heap: number[] = [];
  const worse = (a: number, b: number) => compare(a, b) > 0;
  const siftDown = (start: number) => {
    let at = start;
    for (;;) {
      const left = 2 * at + 1;
      const right = left + 1;
      let largest = at;
      if (left < heap.length && worse(heap[left] as number, heap[largest] as number)) largest = left;
      if (right < heap.length && worse(heap[right] as number, heap[largest] as number)) largest = right;
      if (largest === at) return;
      [heap[at], heap[largest]] = [heap[largest] as number, heap[at] as number];
      at = largest;
    }
  };
  for (const item of items) {
    if (heap.length < count) {
      heap.push(item);
      let at = heap.length - 1;
      while (at > 0) {
        const parent = (at - 1) >> 1;
        if (!worse(heap[at] as number, heap[parent] as number)) break;
        [heap[at], heap[parent]] = [heap[parent] as number, heap[at] as number];
        at = parent;
      }
    } else if (worse(heap[0] as number, item)) {
      heap[0] = item;
      siftDown(0);
    }
  }
  return heap.sort(compare);
}
