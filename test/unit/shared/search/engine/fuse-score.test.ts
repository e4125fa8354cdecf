import Fuse from 'fuse.js';
import { describe, expect, it } from 'vitest';
import { FUSE_THRESHOLD, FusePattern, fuseFactor, fuseNorm, isBlank } from '../../../../../shared/search/engine/fuse-score';
import { authorName } from '../../../../../shared/model/format-authors';
import { newPaper, type Paper } from '../../../../../shared/model/library';
import { samplePapers } from '../../../../helpers/sample-papers';

const now = '2026-01-01T00:00:00Z';

/** The sample library has no authors, tags or venues: these papers give those keys something to score. */
const handMade = [
  newPaper(
    {
      id: 'h-muller',
      title: 'Über die Müller-Lyer-Täuschung bei Tauben',
      authors: [{ family: 'Müller', given: 'Jörg' }, { literal: 'DeepMind Team' }, { family: 'Smith' }],
      tags: ['method/rl', 'to read', 'Perception'],
      venue: 'Proceedings of the Annual Meeting of the Cognitive Science Society',
      abstract: 'Naïve pigeons and the Müller-Lyer illusion: a café-table experiment on coöperation.',
    },
    now,
  ),
  newPaper(
    {
      id: 'h-chatterjee',
      title: 'A survey of preference optimization',
      authors: [{ family: 'Chatterjee', given: 'Ana' }, { family: 'Kovács', given: 'Mária' }],
      tags: ['survey', 'method/dpo'],
      venue: 'NeurIPS',
    },
    now,
  ),
  // Blank values are skipped by fuse.js: they must never match.
  newPaper({ id: 'h-blank', title: '   ', authors: [{ family: 'Smith', given: 'Ann' }], tags: ['reinforcement learning'], venue: '', abstract: '' }, now),
];
const papers = [...samplePapers(), ...handMade];

const fuse = new Fuse(papers, {
  keys: ['title', { name: 'authors', getFn: (paper: Paper) => paper.authors.map(authorName) }, 'tags', 'venue', 'abstract'],
  ignoreLocation: true,
  threshold: 0.4,
  includeScore: true,
});

function fieldValues(paper: Paper): string[] {
  return [paper.title, ...paper.authors.map(authorName), ...paper.tags, paper.venue ?? '', paper.abstract ?? ''];
}

/** A record's fuse.js score built from the engine's pieces; undefined when no field matches. */
function recordScore(paper: Paper, pattern: FusePattern): number | undefined {
  let score = 1;
  let matched = false;
  for (const value of fieldValues(paper)) {
    if (isBlank(value)) continue;
    const fieldScore = pattern.scoreLower(value.toLowerCase());
    if (fieldScore === undefined) continue;
    matched = true;
    score *= fuseFactor(fieldScore, 1 / 5, fuseNorm(value));
  }
  return matched ? score : undefined;
}

const patterns = [
  // Single words, exact and misspelt.
  'reinforcement',
  'reinforcment',
  'starcraft',
  'starcarft',
  'poker',
  'distilation',
  'rlhf',
  'dpo',
  'a',
  'xq',
  // Several words.
  'reinforcement learning',
  'reinforcment lerning',
  'prefrence optimzation',
  'human feedback',
  'language model alignment',
  'self-play',
  'texas holdem',
  // Longer than 32 characters: fuse.js scores it in 32-character chunks.
  'reinforcement learning from huma',
  'reinforcement learning from human',
  'reinforcement learning from human feedback with macro actions',
  'MA-RLHF: Reinforcement Learning from Human Feedback with Macro Actions',
  'policy optimization for offline reinforcement learning agents in games',
  'large language models orchestrating structured reasoning achieve kaggle grandmaster level',
  // Upper case, accents and other scripts.
  'Müller',
  'muller',
  'Jörg Müller',
  'Kovács',
  'naïve',
  'coöperation',
  'täuschung',
  'İstanbul',
  '😀 emoji',
  // Authors, tags and venues.
  'chatterjee',
  'smith',
  'deepmind team',
  'method/rl',
  'to read',
  'neurips',
  'cognitive science society',
];

describe('FusePattern + fuseNorm + fuseFactor give fuse.js 7 scores', () => {
  it('covers every key: some pattern matches authors, tags and venue of the hand-made papers', () => {
    const muller = handMade[0] as Paper;
    expect(new FusePattern('deepmind team').scoreLower(authorName(muller.authors[1]!).toLowerCase())).toBe(0);
    expect(new FusePattern('method/rl').scoreLower('method/rl')).toBe(0);
    expect(new FusePattern('cognitive science society').scoreLower((muller.venue ?? '').toLowerCase())).toBe(0.001);
  });

  it.each(patterns)('%j: the same papers match, with the same score, as fuse.js over the sample library', (query) => {
    const expected = new Map(fuse.search(query).map((result) => [result.item.id, result.score as number]));
    const pattern = new FusePattern(query);
    const actual = new Map<string, number>();
    for (const paper of papers) {
      const score = recordScore(paper, pattern);
      if (score !== undefined) actual.set(paper.id, score);
    }
    expect([...actual.keys()].sort()).toEqual([...expected.keys()].sort());
    for (const [id, score] of expected) expect(actual.get(id), id).toBeCloseTo(score, 10);
  });

  it('some patterns match few papers and some many: the table is not trivially all or nothing', () => {
    const sizes = patterns.map((query) => fuse.search(query).length);
    expect(sizes.filter((size) => size === 0).length).toBeGreaterThan(0);
    expect(sizes.filter((size) => size > 0 && size < 10).length).toBeGreaterThan(5);
    expect(sizes.filter((size) => size >= 10).length).toBeGreaterThan(5);
  });
});

describe('FusePattern.scoreLower', () => {
  it.each([
    // pattern, lower-cased text, score
    ['starcraft', 'starcraft', 0],
    ['StarCraft', 'starcraft', 0],
    ['starcraft', 'starcraft ii: a new challenge', 0.001],
    ['starcarft', 'starcraft ii: a new challenge', 2 / 9],
    ['reinforcment', 'deep reinforcement learning', 1 / 12],
    ['muller', 'jörg müller', 1 / 6],
    ['müller', 'jörg müller', 0.001],
    ['abcde', 'abxde', 1 / 5],
    ['abcde', 'xyz', undefined],
    ['learning', 'unlearning', 0.001],
    // 33 characters: two chunks (0–31 and 1–32), each found exactly.
    ['reinforcement learning from human', 'reinforcement learning from human feedback', 0.001],
    // 64 characters: the first chunk is found, the second is not and counts 1.
    ['reinforcement learning from human feedback with macro actions!!', 'reinforcement learning from human feedback', (0.001 + 1) / 2],
  ] as Array<[string, string, number | undefined]>)('%j in %j scores %s', (pattern, text, score) => {
    const actual = new FusePattern(pattern).scoreLower(text);
    if (score === undefined) expect(actual).toBeUndefined();
    else expect(actual).toBeCloseTo(score, 12);
  });

  it('accepts up to 40% of the pattern in edits and no more', () => {
    expect(FUSE_THRESHOLD).toBe(0.4);
    expect(new FusePattern('abcde').scoreLower('axxde')).toBeCloseTo(0.4, 12);
    expect(new FusePattern('abcde').scoreLower('axxxe')).toBeUndefined();
  });

  it('never matches with an empty pattern', () => {
    expect(new FusePattern('').scoreLower('anything')).toBeUndefined();
    expect(new FusePattern('').scoreLower('')).toBeUndefined();
  });
});

describe('fuseNorm and fuseFactor', () => {
  it.each([
    ['one', 1],
    ['', 1],
    ['   ', 1],
    ['two words', 0.707],
    ['three  spaced\twords', 0.577],
    ['non\u00a0breaking space', 0.577],
    ['line\nbreaks\r\nand\ttabs', 0.5],
    ['self-play, hyphens: three', 0.577],
  ])('the norm of %j is %s', (value, norm) => {
    expect(fuseNorm(value)).toBe(norm);
  });

  it('raises the field score to key weight × norm, and an exact field to machine epsilon', () => {
    expect(fuseFactor(0.5, 0.2, 0.5)).toBeCloseTo(Math.pow(0.5, 0.1), 14);
    expect(fuseFactor(0.001, 0.2, 1)).toBeCloseTo(Math.pow(0.001, 0.2), 14);
    expect(fuseFactor(0, 0.2, 1)).toBeCloseTo(Math.pow(Number.EPSILON, 0.2), 14);
    expect(fuseFactor(1, 0.2, 0.3)).toBe(1);
  });

  it('tells blank values from others', () => {
    expect(isBlank(' \t\n')).toBe(true);
    expect(isBlank('')).toBe(true);
    expect(isBlank(' a ')).toBe(false);
  });
});
