import { arxivKey, doiKey } from './identifiers';
import type { PaperDraft } from './import-record';

/** What a duplicate check needs of a paper, in the library or in the batch being imported. */
export type DuplicateCandidate = Pick<PaperDraft, 'title' | 'year' | 'doi' | 'arxivId'> & { id: string; authors?: PaperDraft['authors'] };

export type DuplicateReason = 'doi' | 'arxiv' | 'title-year' | 'fuzzy-title';

export interface DuplicateMatch {
  /** The id of the paper it duplicates: a library paper's id, or `batch:<index>` for an earlier item of the same import. */
  id: string;
  reason: DuplicateReason;
  /** 1 for identifier and exact-title matches; the title similarity (0–1) for fuzzy ones. */
  score: number;
}

/** Lower case, accents and punctuation removed, spaces collapsed: "Über-Net: A Study." → "uber net a study". */
export function normalizeTitle(title: string): string {
  return title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

function bigrams(text: string): Map<string, number> {
  const counts = new Map<string, number>();
  const compact = text.replace(/ /g, '');
  for (let index = 0; index < compact.length - 1; index += 1) {
    const gram = compact.slice(index, index + 2);
    counts.set(gram, (counts.get(gram) ?? 0) + 1);
  }
  return counts;
}

/** Sørensen–Dice similarity of two normalized titles over character bigrams (0–1). */
export function titleSimilarity(a: string, b: string): number {
  return a === b ? 1 : diceOfBigrams(bigrams(a), bigrams(b));
}

function diceOfBigrams(left: Map<string, number>, right: Map<string, number>): number {
  let total = 0;
  let shared = 0;
  for (const count of left.values()) total += count;
  for (const [gram, count] of right) {
    total += count;
    shared += Math.min(count, left.get(gram) ?? 0);
  }
  return total === 0 ? 0 : (2 * shared) / total;
}

/** The first author's family name (or institution), normalized, for telling apart papers with generic titles. */
function firstAuthorKey(authors: PaperDraft['authors'] | undefined): string | undefined {
  const first = authors?.[0];
  if (!first) return undefined;
  return normalizeTitle('literal' in first ? first.literal : first.family) || undefined;
}

const FUZZY_THRESHOLD = 0.9;
/** At most this many titles are scored per lookup, so one lookup stays well under a millisecond. */
const MAX_CANDIDATES = 300;
const STOP = new Set(['a', 'an', 'the', 'of', 'for', 'and', 'in', 'on', 'to', 'with', 'via', 'by', 'from', 'at', 'is', 'as']);

/**
 * Finds duplicates by DOI, then arXiv id, then normalized title with the same (or an unknown) year,
 * then by a fuzzy title match scored by bigram similarity. Written here rather than taken from a
 * library because its cost must follow the batch, not the library: every check is a map lookup,
 * and fuzzy candidates come from an index of the titles' rarest words.
 */
export class DuplicateFinder {
  private readonly byDoi = new Map<string, string>();
  private readonly byArxiv = new Map<string, string>();
  private readonly byTitle = new Map<string, Array<{ id: string; year?: number; author?: string }>>();
  private readonly byWord = new Map<string, Set<string>>();
  private readonly titles = new Map<string, { normalized: string; year?: number; grams?: Map<string, number> }>();

  constructor(papers: Iterable<DuplicateCandidate> = []) {
    for (const paper of papers) this.add(paper);
  }

  add(paper: DuplicateCandidate): void {
    const doi = doiKey(paper.doi);
    if (doi && !this.byDoi.has(doi)) this.byDoi.set(doi, paper.id);
    const arxiv = arxivKey(paper.arxivId);
    if (arxiv && !this.byArxiv.has(arxiv)) this.byArxiv.set(arxiv, paper.id);
    const normalized = normalizeTitle(paper.title);
    if (normalized.length === 0) return;
    const author = firstAuthorKey(paper.authors);
    const entry = { id: paper.id, ...(paper.year !== undefined ? { year: paper.year } : {}), ...(author ? { author } : {}) };
    this.byTitle.set(normalized, [...(this.byTitle.get(normalized) ?? []), entry]);
    this.titles.set(paper.id, paper.year === undefined ? { normalized } : { normalized, year: paper.year });
    for (const word of new Set(normalized.split(' '))) {
      if (word.length < 3 || STOP.has(word)) continue;
      const ids = this.byWord.get(word);
      if (ids) ids.add(paper.id);
      else this.byWord.set(word, new Set([paper.id]));
    }
  }

  /** The best match for a paper, or undefined. Identifier matches win over title matches. */
  find(paper: Omit<DuplicateCandidate, 'id'>): DuplicateMatch | undefined {
    const doi = doiKey(paper.doi);
    const byDoi = doi ? this.byDoi.get(doi) : undefined;
    if (byDoi) return { id: byDoi, reason: 'doi', score: 1 };
    const arxiv = arxivKey(paper.arxivId);
    const byArxiv = arxiv ? this.byArxiv.get(arxiv) : undefined;
    if (byArxiv) return { id: byArxiv, reason: 'arxiv', score: 1 };
    const normalized = normalizeTitle(paper.title);
    const sameYear = (year: number | undefined) => year === undefined || paper.year === undefined || year === paper.year;
    if (normalized.split(' ').length < 3) {
      // "Introduction", "Editorial": a title this generic is the same paper only with the same year and first author.
      const author = firstAuthorKey(paper.authors);
      const match = author && paper.year !== undefined ? this.byTitle.get(normalized)?.find((candidate) => candidate.year === paper.year && candidate.author === author) : undefined;
      return match ? { id: match.id, reason: 'title-year', score: 1 } : undefined;
    }
    const exact = this.byTitle.get(normalized)?.find((candidate) => sameYear(candidate.year));
    if (exact) return { id: exact.id, reason: 'title-year', score: 1 };
    return this.fuzzy(normalized, sameYear);
  }

  private fuzzy(normalized: string, sameYear: (year: number | undefined) => boolean): DuplicateMatch | undefined {
    const words = [...new Set(normalized.split(' '))].filter((word) => word.length >= 3 && !STOP.has(word));
    // Candidates share the title's three rarest words that the index knows: a near-identical title
    // has them all, and a misspelt word is simply not in the index. Intersecting the lists keeps the
    // candidates few even when every title shares common words ("learning", "model").
    const lists = words
      .map((word) => this.byWord.get(word))
      .filter((ids): ids is Set<string> => ids !== undefined)
      .sort((a, b) => a.size - b.size);
    const [rarest, ...rest] = lists;
    if (!rarest) return undefined;
    const others = rest.slice(0, 2);
    const candidates: string[] = [];
    for (const id of rarest) {
      if (others.every((set) => set.has(id))) candidates.push(id);
      if (candidates.length >= MAX_CANDIDATES) break;
    }
    const grams = bigrams(normalized);
    const length = normalized.length;
    let best: DuplicateMatch | undefined;
    for (const id of candidates) {
      const title = this.titles.get(id);
      if (!title || !sameYear(title.year)) continue;
      // Dice ≥ 0.9 is impossible when one title is much longer than the other.
      if (Math.abs(title.normalized.length - length) > length * 0.25) continue;
      title.grams ??= bigrams(title.normalized);
      const score = diceOfBigrams(grams, title.grams);
      if (score >= FUZZY_THRESHOLD && (!best || score > best.score)) best = { id, reason: 'fuzzy-title', score };
    }
    return best;
  }
}
