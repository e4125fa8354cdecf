import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { librarySchema, paperSchema } from '../../../shared/model/library';
import {
  ABSTRACT_MAX_CHARS,
  ABSTRACT_MIN_CHARS,
  TITLE_MAX_WORDS,
  TITLE_MIN_WORDS,
  syntheticAuthors,
  syntheticLibrary,
  syntheticPapers,
} from '../../bench/synthetic-library';

// Read independently of the generator, so that a tokenising bug there cannot hide here.
const seed = librarySchema.parse(JSON.parse(readFileSync(new URL('../../../resources/sample-library.json', import.meta.url), 'utf8')));
const seedAbstractWords = new Set(seed.papers.flatMap((paper) => (paper.abstract ?? '').split(/\s+/)));
const seedTitleWords = new Set(seed.papers.flatMap((paper) => paper.title.split(/\s+/)));

const papers = syntheticPapers(2000);
const wordsOf = (text: string) => text.split(' ');

describe('synthetic benchmark library', () => {
  it('is deterministic for a seed and differs between seeds', () => {
    expect(syntheticPapers(300, 7)).toEqual(syntheticPapers(300, 7));
    const other = syntheticPapers(300, 8);
    expect(other.map((paper) => paper.abstract)).not.toEqual(syntheticPapers(300, 7).map((paper) => paper.abstract));
    expect(other.map((paper) => paper.id)).toEqual(syntheticPapers(300, 7).map((paper) => paper.id));
  });

  it('is prefix-stable, so a large library can be sliced into the smaller ones', () => {
    expect(syntheticPapers(500)).toEqual(papers.slice(0, 500));
  });

  it('makes papers that pass paperSchema, with unique ids like syn-000001', () => {
    expect(papers.filter((paper) => !paperSchema.safeParse(paper).success).map((paper) => paper.id)).toEqual([]);
    expect(new Set(papers.map((paper) => paper.id)).size).toBe(papers.length);
    expect(papers.slice(0, 2).map((paper) => paper.id)).toEqual(['syn-000001', 'syn-000002']);
  });

  it('returns a valid Library that declares every tag its papers use', () => {
    const library = syntheticLibrary(200, 3);
    expect(librarySchema.safeParse(library).success).toBe(true);
    const declared = new Set(library.tags.map((tag) => tag.name));
    for (const tag of library.papers.flatMap((paper) => paper.tags)) expect(declared).toContain(tag);
  });

  it('writes abstracts only from words of the seed abstracts, at seed-like lengths', () => {
    const lengths = papers.map((paper) => paper.abstract?.length ?? 0);
    expect(Math.min(...lengths)).toBeGreaterThanOrEqual(ABSTRACT_MIN_CHARS);
    expect(Math.max(...lengths)).toBeLessThanOrEqual(ABSTRACT_MAX_CHARS);
    // One expectation over all words: half a million separate ones would take seconds.
    const foreign = papers.flatMap((paper) => wordsOf(paper.abstract ?? '').filter((word) => !seedAbstractWords.has(word)));
    expect(foreign).toEqual([]);
    expect([ABSTRACT_MIN_CHARS, ABSTRACT_MAX_CHARS]).toEqual([1400, 1900]);
  });

  it('writes titles of 6 to 16 seed title words', () => {
    const counts = papers.map((paper) => wordsOf(paper.title).length);
    expect(Math.min(...counts)).toBeGreaterThanOrEqual(TITLE_MIN_WORDS);
    expect(Math.max(...counts)).toBeLessThanOrEqual(TITLE_MAX_WORDS);
    // The last word may have lost a trailing ":" or ",".
    const foreign = papers.flatMap((paper) => wordsOf(paper.title).slice(0, -1).filter((word) => !seedTitleWords.has(word)));
    expect(foreign).toEqual([]);
    expect([TITLE_MIN_WORDS, TITLE_MAX_WORDS]).toEqual([6, 16]);
  });

  it('mixes metadata within the stated ranges', () => {
    const years = papers.map((paper) => paper.year ?? 0);
    expect(Math.min(...years)).toBeGreaterThanOrEqual(2000);
    expect(Math.max(...years)).toBeLessThanOrEqual(2025);
    // Skewed recent: more papers from the last five years than from the first five.
    expect(years.filter((year) => year >= 2021).length).toBeGreaterThan(2 * years.filter((year) => year <= 2004).length);
    for (const paper of papers) {
      expect(paper.authors.length).toBeGreaterThanOrEqual(1);
      expect(paper.authors.length).toBeLessThanOrEqual(8);
      expect(paper.tags.length).toBeLessThanOrEqual(3);
    }
    expect(new Set(papers.map((paper) => paper.status))).toEqual(new Set(['unread', 'reading', 'read']));
    expect(new Set(papers.map((paper) => paper.screening.decision))).toEqual(new Set(['undecided', 'include', 'maybe', 'exclude']));
    expect(new Set(papers.map((paper) => paper.venue)).size).toBeGreaterThanOrEqual(25);
    expect(papers.some((paper) => paper.tags.some((tag) => tag.includes('/')))).toBe(true);
    const withNotes = papers.filter((paper) => paper.notes.length > 0).length / papers.length;
    expect(withNotes).toBeGreaterThan(0.07);
    expect(withNotes).toBeLessThan(0.13);
  });

  it('draws authors from a fixed international list of about 200 names', () => {
    expect(syntheticAuthors.length).toBeGreaterThanOrEqual(180);
    expect(syntheticAuthors.length).toBeLessThanOrEqual(230);
    const families = syntheticAuthors.map((author) => ('family' in author ? author.family : ''));
    expect(families).toEqual(expect.arrayContaining(['Grošelj', 'Müller', 'Chatterjee']));
    expect(new Set(families).size).toBe(families.length);
    for (const author of syntheticAuthors) expect(author).toMatchObject({ family: expect.stringMatching(/\S/), given: expect.stringMatching(/\S/) });
  });
});
