import { describe, expect, it } from 'vitest';
import { DuplicateFinder, normalizeTitle, titleSimilarity } from '../../../../shared/import/find-duplicates';
import { arxivKey, doiKey } from '../../../../shared/import/identifiers';
import { samplePapers } from '../../../helpers/sample-papers';

const library = samplePapers().map((paper, index) => ({
  ...paper,
  year: 2020 + (index % 5),
  ...(index === 0 ? { doi: '10.48550/arXiv.2402.08925' } : {}),
  ...(index === 1 ? { arxivId: '2309.02033' } : {}),
}));
const finder = new DuplicateFinder(library);
const [first, second, third] = library;

describe('duplicate detection on the real sample titles', () => {
  it('matches by DOI first, whatever the spelling of the DOI or the title', () => {
    expect(finder.find({ title: 'Something else entirely', doi: 'https://doi.org/10.48550/ARXIV.2402.08925' })).toEqual({ id: first?.id, reason: 'doi', score: 1 });
  });

  it('matches by arXiv id, ignoring the version', () => {
    expect(finder.find({ title: 'x', arxivId: 'arXiv:2309.02033v3' })).toEqual({ id: second?.id, reason: 'arxiv', score: 1 });
  });

  it('matches the same title and year whatever the case, accents and punctuation', () => {
    const title = (third?.title ?? '').toUpperCase().replace(/:/g, ' —');
    expect(finder.find({ title, year: third?.year })).toEqual({ id: third?.id, reason: 'title-year', score: 1 });
    expect(finder.find({ title })).toMatchObject({ id: third?.id, reason: 'title-year' });
  });

  it('does not match the same title in a different year', () => {
    expect(finder.find({ title: third?.title ?? '', year: (third?.year ?? 0) + 3 })).toBeUndefined();
  });

  it('matches a title with a typo and a dropped word fuzzily, with its score', () => {
    const paper = library.find((candidate) => candidate.title.startsWith('StarCraft II'));
    const match = finder.find({ title: 'StarCraft II: A New Challange for Reinforcement Learning', year: paper?.year });
    expect(match).toMatchObject({ id: paper?.id, reason: 'fuzzy-title' });
    expect(match?.score).toBeGreaterThan(0.9);
    expect(match?.score).toBeLessThan(1);
  });

  it('finds nothing for every sample title against a library without it (no false positives)', () => {
    for (const [index, paper] of library.entries()) {
      const others = new DuplicateFinder(library.filter((_, other) => other !== index));
      expect(others.find(paper), paper.title).toBeUndefined();
    }
  });

  it('matches a generic one- or two-word title only with the same year and first author', () => {
    const generic = new DuplicateFinder([
      { id: 'e', title: 'Editorial' },
      { id: 'i', title: 'Introduction', year: 2004, authors: [{ family: 'Müller', given: 'A.' }] },
    ]);
    expect(generic.find({ title: 'Editorial' })).toBeUndefined();
    expect(generic.find({ title: 'Introduction', year: 2004, authors: [{ family: 'Muller', given: 'Anna' }] })).toEqual({ id: 'i', reason: 'title-year', score: 1 });
    expect(generic.find({ title: 'Introduction', year: 2004, authors: [{ family: 'Smith' }] })).toBeUndefined();
    expect(generic.find({ title: 'Introduction', year: 2005, authors: [{ family: 'Müller' }] })).toBeUndefined();
  });

  it('finds duplicates within a batch as papers are added', () => {
    const batch = new DuplicateFinder();
    batch.add({ id: 'batch:0', title: 'Deep Learning', year: 2015, doi: '10.1038/nature14539' });
    expect(batch.find({ title: 'deep learning.', doi: '10.1038/NATURE14539' })).toEqual({ id: 'batch:0', reason: 'doi', score: 1 });
  });
});

describe('normalizers', () => {
  it.each([
    ['10.1000/ABC', '10.1000/abc'],
    ['https://doi.org/10.1000/xyz.', '10.1000/xyz'],
    ['doi:10.1145/3597503.3639130', '10.1145/3597503.3639130'],
    ['not a doi', undefined],
  ])('doiKey(%j) → %j', (input, expected) => {
    expect(doiKey(input)).toBe(expected);
  });

  it.each([
    ['2206.10883v3', '2206.10883'],
    ['arXiv:2206.10883', '2206.10883'],
    ['https://arxiv.org/abs/hep-th/9901001v2', 'hep-th/9901001'],
    ['math.GT/0309136', 'math.gt/0309136'],
    ['nothing', undefined],
  ])('arxivKey(%j) → %j', (input, expected) => {
    expect(arxivKey(input)).toBe(expected);
  });

  it('normalizes titles and scores similarity', () => {
    expect(normalizeTitle('Über-Net:  A Study.')).toBe('uber net a study');
    expect(titleSimilarity('abc def', 'abc def')).toBe(1);
    expect(titleSimilarity('reinforcement learning', 'completely different')).toBeLessThan(0.3);
  });
});
