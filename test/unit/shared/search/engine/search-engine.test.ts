import Fuse from 'fuse.js';
import { describe, expect, it } from 'vitest';
import type { FulltextMatch, MatchRange } from '../../../../../shared/api/contract';
import { SearchEngine, searchSignature, type EnginePaper, type EngineQuery, type FulltextSource } from '../../../../../shared/search/engine/search-engine';
import { SearchIndex } from '../../../../../shared/search/index/search-index';
import { authorName } from '../../../../../shared/model/format-authors';
import { newPaper, type Paper } from '../../../../../shared/model/library';
import { editDistance, normalizeWords } from '../../../../../shared/search/query-words';
import { samplePapers } from '../../../../helpers/sample-papers';

const sample = samplePapers();
const sampleEngine = new SearchEngine(sample);
const titleOf = (id: string) => sample.find((paper) => paper.id === id)?.title ?? `(no paper ${id})`;

/** Plain fuse.js over the engine's five keys, with the options the engine reproduces. */
const fuse = new Fuse(sample, {
  keys: ['title', { name: 'authors', getFn: (paper: Paper) => paper.authors.map(authorName) }, 'tags', 'venue', 'abstract'],
  ignoreLocation: true,
  threshold: 0.4,
  includeScore: true,
});

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function searchableText(paper: EnginePaper): string {
  return [paper.title, ...paper.authors.map(authorName), ...paper.tags, paper.venue ?? '', paper.abstract ?? ''].join(' \n ');
}

/** Whether `text` has a word that starts with `word` (case-insensitive). */
function hasWordStarting(text: string, word: string): boolean {
  return new RegExp(`(?:^|[^\\p{L}\\p{N}])${escapeRegExp(word)}`, 'iu').test(text);
}

function containsEveryWord(paper: EnginePaper, query: string): boolean {
  return normalizeWords(query).every((word) => hasWordStarting(searchableText(paper), word));
}

/** The engine's word match, written out: a word of the paper starts with it, or is within the typos its length allows. */
function matchesEveryWord(paper: EnginePaper, query: string): boolean {
  const tokens = searchableText(paper).toLowerCase().split(/[^\p{L}\p{N}]+/u);
  return normalizeWords(query).every((word) => {
    const edits = word.length >= 8 ? 2 : word.length >= 4 ? 1 : 0;
    return tokens.some((token) => token.startsWith(word) || (Math.abs(token.length - word.length) <= edits && editDistance(word, token, edits) <= edits));
  });
}

const now = '2026-01-01T00:00:00Z';
const sha = 'a'.repeat(64);

/** Small papers with everything the sample library lacks: authors, years, tags, venues, statuses, files. */
const handMade: Paper[] = [
  newPaper(
    {
      id: 'h-rl',
      title: 'Deep Reinforcement Learning for Robot Control',
      authors: [{ family: 'Müller', given: 'Jörg' }, { family: 'Smith', given: 'Ann' }],
      year: 2020,
      venue: 'NeurIPS',
      tags: ['method/rl', 'to read'],
      abstract: 'We study policy learning on real robots.',
      status: 'read',
      screening: { decision: 'include' },
      attachments: [{ id: 'att-rl', file: 'deep-rl.PDF', sha256: sha, bytes: 1000 }],
      notes: [{ id: 'n1', body: 'Read again before the meeting.', createdAt: now, updatedAt: now }],
      addedAt: '2024-01-03T00:00:00Z',
    },
    now,
  ),
  newPaper(
    {
      id: 'h-signals',
      title: 'Learning with Reinforcement Signals',
      authors: [{ family: 'Chatterjee', given: 'Ana' }],
      year: 2023,
      venue: 'ICML',
      tags: ['survey'],
      abstract: 'A survey of reward learning.',
      status: 'reading',
      screening: { decision: 'maybe' },
      annotations: [{ id: 'an1', attachmentId: 'att-x', page: 1, rects: [], quote: 'reward', color: 'yellow', createdAt: now }],
      addedAt: '2024-01-01T00:00:00Z',
    },
    now,
  ),
  newPaper(
    {
      id: 'h-vision',
      title: 'Transformers for Vision',
      authors: [{ literal: 'DeepMind Team' }],
      year: 2024,
      tags: ['Method'],
      screening: { decision: 'exclude' },
      attachments: [{ id: 'att-csv', file: 'data.csv', sha256: sha, bytes: 10 }],
      addedAt: '2024-01-02T00:00:00Z',
    },
    now,
  ),
  newPaper(
    {
      id: 'h-poker',
      title: 'Poker bots and reinforcement learning',
      authors: [{ family: 'Dupont', given: 'Pierre' }],
      venue: 'AAAI',
      tags: ['method/search'],
      abstract: '   ',
      addedAt: '2024-01-05T00:00:00Z',
    },
    now,
  ),
  newPaper(
    {
      id: 'h-zebra',
      title: 'Zebra finches sing',
      authors: [{ family: 'Kovács', given: 'Mária' }],
      year: 2021,
      abstract: 'Birdsong reinforcement in zebra finches, learning by imitation.',
      addedAt: '2024-01-04T00:00:00Z',
    },
    now,
  ),
];
const handIds = handMade.map((paper) => paper.id);
const handEngine = new SearchEngine(handMade);

/** The ids a query matches on the hand-made papers, sorted (membership, not ranking). */
function matches(query: string, options: Partial<EngineQuery> = {}, source?: FulltextSource): string[] {
  return handEngine
    .query({ query, limit: 100, ...options }, source)
    .results.map((hit) => hit.id)
    .sort();
}

/** PDF text per paper and page; finds a needle the way the main process's cache does (lower case, spaces collapsed). */
class FakePdfText implements FulltextSource {
  readonly needles: string[] = [];

  constructor(private readonly pages: Record<string, string[]>) {}

  find(paper: EnginePaper, needle: string): FulltextMatch | undefined {
    this.needles.push(needle);
    for (const [index, page] of (this.pages[paper.id] ?? []).entries()) {
      const text = page.toLowerCase().split(/\s+/).join(' ');
      const at = text.indexOf(needle);
      if (at >= 0) {
        const start = Math.max(0, at - 10);
        return { attachmentId: `${paper.id}-pdf`, page: index + 1, snippet: text.slice(start, at + needle.length + 10), ranges: [[at - start, at - start + needle.length]] };
      }
    }
    return undefined;
  }
}

const pdfText = new FakePdfText({
  'h-rl': ['Title page of the paper.', 'We derive the Policy  Gradient theorem for robots.'],
  'h-signals': ['Signals of reward.', 'Appendix: zebrafish experiments.'],
  'h-zebra': ['Zebra finches learn songs from a policy tutor.'],
});

describe('SearchEngine ranks like fuse.js on the real sample library', () => {
  /** fuse.js's top 5 for these hold every query word, so the engine's "every word must match" keeps them all. */
  const topFiveQueries = [
    'reinforcement learning',
    'preference optimization',
    'human feedback',
    'reward model',
    'preference',
    'large language models',
    'reasoning',
    'policy optimization',
    'alignment',
    'training',
    'benchmark',
    'fine-tuning',
    'human preferences',
    'robust',
    'rlhf',
    'llm',
  ];

  it.each(topFiveQueries)('%j: the top 5 are fuse.js\'s top 5, in its order', (query) => {
    const expected = fuse.search(query).slice(0, 5);
    expect(expected).toHaveLength(5);
    for (const result of expected) expect(containsEveryWord(result.item, query), result.item.title).toBe(true);
    const actual = sampleEngine.query({ query, limit: 5 }).results.map((hit) => titleOf(hit.id));
    expect(actual).toEqual(expected.map((result) => result.item.title));
  });

  /** The engine's scores are fuse.js's own, to 10 digits. */
  it.each([
    ...topFiveQueries,
    'reinforcment lerning',
    'prefrence optimzation',
    'distilation',
    'dataset distillation',
    'poker',
    'rocket league',
    'self-play',
    'offline reinforcement learning',
    'language model alignment',
    'multi-agent',
    'dpo',
    'optimiz',
  ])('%j: papers both match are in fuse.js\'s order with its scores; the rest come last, scored 1', (query) => {
    const hits = sampleEngine.query({ query, limit: 100 }).results;
    const fuseScores = new Map(fuse.search(query).map((result) => [result.item.id, result.score as number]));
    const hitIds = new Set(hits.map((hit) => hit.id));
    const both = hits.filter((hit) => fuseScores.has(hit.id));
    expect(both.length).toBeGreaterThan(0);
    expect(both.map((hit) => hit.id)).toEqual([...fuseScores.keys()].filter((id) => hitIds.has(id)));
    for (const hit of both) expect(hit.score, titleOf(hit.id)).toBeCloseTo(fuseScores.get(hit.id) as number, 10);
    const rest = hits.slice(both.length);
    for (const hit of rest) {
      expect(fuseScores.has(hit.id), titleOf(hit.id)).toBe(false);
      expect(hit.score).toBe(1);
    }
  });

  it.each(['reward model', 'reinforcment lerning', 'human feedback', 'nash', 'rlhf dpo', 'policy gradient'])(
    '%j matches exactly the papers holding every query word (as a word, its start or with a typo)',
    (query) => {
      const { results, total } = sampleEngine.query({ query, limit: 100 });
      expect(total).toBe(results.length);
      const expected = sample.filter((paper) => matchesEveryWord(paper, query)).map((paper) => paper.id);
      expect(expected.length).toBeGreaterThan(0);
      expect(results.map((hit) => hit.id).sort()).toEqual(expected.sort());
    },
  );
});

describe('typos, prefixes and names find the intended paper', () => {
  it.each([
    // transpositions
    ['starcarft', 'StarCraft II: A New Challenge for Reinforcement Learning'],
    ['minimaximalsit', 'A Minimaximalist Approach to Reinforcement Learning from Human Feedback'],
    // deletions
    ['plasticty', 'Revisiting Plasticity in Visual Reinforcement Learning: Data, Modules and Training Stages'],
    ['negotation', 'Improving Language Model Negotiation with Self-Play and In-Context Learning from AI Feedback'],
    ['distilation', 'Efficient Dataset Distillation through Alignment with Smooth and High-Quality Expert Trajectories'],
    ['crcket', 'Impact of a Batter in ODI Cricket Implementing Regression Models from Match Commentary'],
    ['alpacfarm', 'AlpacaFarm: A Simulation Framework for Methods that Learn from Human Feedback'],
    ['feret', 'Ferret: Faster and Effective Automated Red Teaming with Reward-Based Scoring Technique'],
    // substitution, and typos next to a correct word
    ['precipise', 'Deep Reinforcement Learning at the Edge of the Statistical Precipice'],
    ['rocket leage', 'Lucy-SKG: Learning to Play Rocket League Efficiently Using Deep Reinforcement Learning'],
    ['kaggle grandmastr', 'Large Language Models Orchestrating Structured Reasoning Achieve Kaggle Grandmaster Level'],
  ])('%j finds %j first', (query, title) => {
    expect(sample.some((paper) => paper.title === title)).toBe(true);
    expect(titleOf(sampleEngine.query({ query, limit: 3 }).results[0]?.id ?? '')).toBe(title);
  });

  it('"reinforcment lerning" finds every reinforcement-learning title and ranks one first', () => {
    const intended = sample.filter((paper) => /reinforcement learning/i.test(paper.title));
    expect(intended.length).toBeGreaterThanOrEqual(8);
    const { results } = sampleEngine.query({ query: 'reinforcment lerning', limit: 100 });
    const found = new Set(results.map((hit) => hit.id));
    for (const paper of intended) expect(found, paper.title).toContain(paper.id);
    expect(titleOf(results[0]?.id ?? '')).toMatch(/reinforcement learning/i);
  });

  it('"prefrence optimzation" puts "preference optimization" titles in the top 3', () => {
    const top = sampleEngine.query({ query: 'prefrence optimzation', limit: 3 }).results.map((hit) => titleOf(hit.id));
    expect(top).toHaveLength(3);
    for (const title of top) expect(title).toMatch(/preference optimization/i);
  });

  it('a word of 4 letters tolerates one edit; 3 letters match exactly', () => {
    expect(sampleEngine.query({ query: 'nsah', limit: 10 }).total).toBe(0);
    const nash = sampleEngine.query({ query: 'nash', limit: 10 }).results.map((hit) => titleOf(hit.id));
    expect(sampleEngine.query({ query: 'nasj', limit: 10 }).results.map((hit) => titleOf(hit.id))).toEqual(nash);
    expect(sampleEngine.query({ query: 'dpx', limit: 10 }).total).toBe(0);
  });

  it.each(['distil', 'optimiz', 'grandm', 'reinforc', 'starc'])('the prefix %j finds every paper with a word starting with it', (prefix) => {
    const expected = sample.filter((paper) => hasWordStarting(searchableText(paper), prefix));
    expect(expected.length).toBeGreaterThan(0);
    const { results } = sampleEngine.query({ query: prefix, limit: 100 });
    const found = new Set(results.map((hit) => hit.id));
    for (const paper of expected) expect(found, paper.title).toContain(paper.id);
    expect(hasWordStarting(titleOf(results[0]?.id ?? ''), prefix)).toBe(true);
  });

  it('completes a single letter only as the last word being typed', () => {
    expect(sampleEngine.query({ query: 'rocket l', limit: 10 }).results.map((hit) => titleOf(hit.id))).toEqual([
      'Lucy-SKG: Learning to Play Rocket League Efficiently Using Deep Reinforcement Learning',
    ]);
    expect(sampleEngine.query({ query: 'rocket l ', limit: 10 }).total).toBe(0);
  });

  describe('author names', () => {
    const withAuthors = new SearchEngine([...sample, ...handMade]);
    const found = (query: string) => withAuthors.query({ query, limit: 100 }).results.map((hit) => hit.id);

    it.each(['Müller', 'müller', 'muller', 'MULLER', 'müler', 'author:muller', 'author:Müller', 'jorg muller'])('%j finds Jörg Müller', (query) => {
      expect(found(query)[0]).toBe('h-rl');
    });

    it.each([
      ['kovacs', 'h-zebra'],
      ['Kovács', 'h-zebra'],
      ['chatterjee', 'h-signals'],
      ['chaterjee', 'h-signals'],
      ['author:deepmind', 'h-vision'],
      ['author:smith', 'h-rl'],
    ])('%j finds %s', (query, id) => {
      expect(found(query)).toEqual([id]);
    });

    it('combines an author with a topic across fields', () => {
      expect(found('chaterjee reinforcement')).toEqual(['h-signals']);
      expect(found('muller starcraft')).toEqual([]);
    });
  });

  it.each(['reinforcement', 'preference', 'nash', 'reward', 'alignment', 'adversarial', 'exploration', 'feedback', 'reasoning', 'prompts', 'offline', 'self-play'])(
    '%j: papers with the word in their title rank above those with it only elsewhere',
    (word) => {
      const ids = sampleEngine.query({ query: word, limit: 0, allIds: true }).ids ?? [];
      const inTitle = ids.map((id) => hasWordStarting(titleOf(id), word));
      expect(inTitle).toContain(true);
      expect(inTitle).toContain(false);
      expect(inTitle.lastIndexOf(true)).toBeLessThan(inTitle.indexOf(false));
    },
  );

  it('ranks a title match above an abstract-only match on hand-made papers', () => {
    expect(handEngine.query({ query: 'zebra', limit: 10 }).results.map((hit) => hit.id)).toEqual(['h-zebra']);
    const engine = new SearchEngine([
      newPaper({ id: 'abstract-only', title: 'Songbirds', abstract: 'How zebra finches learn their songs.' }, now),
      newPaper({ id: 'in-title', title: 'Zebra finches and their songs', abstract: 'How birds learn.' }, now),
    ]);
    expect(engine.query({ query: 'zebra finches', limit: 10 }).results.map((hit) => hit.id)).toEqual(['in-title', 'abstract-only']);
  });
});

describe('query language on hand-made papers', () => {
  it('an empty query returns every paper in library order', () => {
    const { results, total, hints } = handEngine.query({ query: '', limit: 100 });
    expect(results.map((hit) => hit.id)).toEqual(handIds);
    expect(total).toBe(5);
    expect(hints).toEqual([]);
    expect(handEngine.query({ query: '   ', limit: 100 }).results.map((hit) => hit.id)).toEqual(handIds);
    expect(sampleEngine.query({ query: '', limit: 1000 }).results.map((hit) => hit.id)).toEqual(sample.map((paper) => paper.id));
  });

  it.each([
    ['reinforcement learning', ['h-poker', 'h-rl', 'h-signals', 'h-zebra']],
    // phrases: contiguous words only
    ['"reinforcement learning"', ['h-poker', 'h-rl']],
    ['"Reinforcement   Learning"', ['h-poker', 'h-rl']],
    ['"learning reinforcement"', []],
    ['"zebra finches"', ['h-zebra']],
    // negation
    ['-robot', ['h-poker', 'h-signals', 'h-vision', 'h-zebra']],
    ['learning -survey', ['h-poker', 'h-rl', 'h-zebra']],
    ['-reinforcement', ['h-vision']],
    ['reinforcement -"zebra finches"', ['h-poker', 'h-rl', 'h-signals']],
    // OR binds tighter than the implicit AND
    ['poker OR transformers', ['h-poker', 'h-vision']],
    ['zebra OR vision learning', ['h-zebra']],
    ['poker OR vision OR zebra', ['h-poker', 'h-vision', 'h-zebra']],
    ['poker OR -learning', ['h-poker', 'h-vision']],
    // fields
    ['title:learning', ['h-poker', 'h-rl', 'h-signals']],
    ['abstract:learning', ['h-rl', 'h-signals', 'h-zebra']],
    ['title:"reinforcement learning"', ['h-poker', 'h-rl']],
    ['author:smith', ['h-rl']],
    ['author:deepmind', ['h-vision']],
    ['author:learning', []],
    ['venue:neurips', ['h-rl']],
    ['venue:icml', ['h-signals']],
    ['-title:learning', ['h-vision', 'h-zebra']],
    ['title:poker OR title:zebra', ['h-poker', 'h-zebra']],
    // tags: case-insensitive, nested under their parent, never a prefix
    ['tag:method', ['h-poker', 'h-rl', 'h-vision']],
    ['tag:METHOD/RL', ['h-rl']],
    ['tag:"to read"', ['h-rl']],
    ['tag:meth', []],
    ['-tag:method', ['h-signals', 'h-zebra']],
    ['tag:survey OR tag:method/search', ['h-poker', 'h-signals']],
    // years
    ['year:2023', ['h-signals']],
    ['year:2020..2023', ['h-rl', 'h-signals', 'h-zebra']],
    ['year:2020-2021', ['h-rl', 'h-zebra']],
    ['year:>=2023', ['h-signals', 'h-vision']],
    ['year:>2023', ['h-vision']],
    ['year:<=2021', ['h-rl', 'h-zebra']],
    ['year:<2021', ['h-rl']],
    ['year:2022..', ['h-signals', 'h-vision']],
    ['year:..2020', ['h-rl']],
    ['-year:2023', ['h-poker', 'h-rl', 'h-vision', 'h-zebra']],
    // status and screening decision
    ['status:read', ['h-rl']],
    ['status:reading', ['h-signals']],
    ['status:unread', ['h-poker', 'h-vision', 'h-zebra']],
    ['-status:unread', ['h-rl', 'h-signals']],
    ['decision:include', ['h-rl']],
    ['decision:maybe', ['h-signals']],
    ['decision:exclude', ['h-vision']],
    ['decision:undecided', ['h-poker', 'h-zebra']],
    // has: (a blank abstract is no abstract; a .csv is no PDF)
    ['has:pdf', ['h-rl']],
    ['-has:pdf', ['h-poker', 'h-signals', 'h-vision', 'h-zebra']],
    ['has:notes', ['h-rl']],
    ['has:annotations', ['h-signals']],
    ['has:abstract', ['h-rl', 'h-signals', 'h-zebra']],
    // combinations
    ['learning year:>=2021 -tag:survey', ['h-zebra']],
    ['reinforcement status:unread has:abstract', ['h-zebra']],
    ['tag:method year:2020..2024 -has:pdf', ['h-vision']],
  ])('%j matches %j', (query, expected) => {
    expect(matches(query)).toEqual(expected);
  });

  it.each([
    ['year:abc', 5, 8, /not a year/],
    ['status:rad', 7, 10, /Did you mean status:read\?/],
    ['decision:', 0, 9, /needs a value/],
    ['poker OR', 6, 8, /needs a term on both sides/],
  ])('%j comes back with a hint at [%i, %i)', (query, start, end, message) => {
    const { hints } = handEngine.query({ query, limit: 10 });
    expect(hints).toHaveLength(1);
    expect(hints[0]).toMatchObject({ start, end });
    expect(hints[0]?.message).toMatch(message);
  });

  it('leaves out what a hint explains and runs the rest', () => {
    expect(handEngine.query({ query: 'year:abc', limit: 10 }).results.map((hit) => hit.id)).toEqual(handIds);
    expect(matches('poker OR')).toEqual(['h-poker']);
    const swapped = handEngine.query({ query: 'year:2023..2020', limit: 10 });
    expect(swapped.hints[0]?.message).toMatch(/Years reversed/);
    expect(swapped.results.map((hit) => hit.id).sort()).toEqual(['h-rl', 'h-signals', 'h-zebra']);
  });

  describe('PDF text', () => {
    it('fulltext: matches a phrase in the PDF text only, and the hit carries its page and snippet', () => {
      const { results } = handEngine.query({ query: 'fulltext:"policy gradient"', limit: 10 }, pdfText);
      expect(results).toEqual([
        {
          id: 'h-rl',
          score: 0,
          ranges: [],
          fulltext: { attachmentId: 'h-rl-pdf', page: 2, snippet: 'erive the policy gradient theorem f', ranges: [[10, 25]] },
        },
      ]);
    });

    it.each([
      ['fulltext:policy', ['h-rl', 'h-zebra']],
      ['fulltext:zebrafish', ['h-signals']],
      ['-fulltext:policy', ['h-poker', 'h-signals', 'h-vision']],
      ['fulltext:policy title:zebra', ['h-zebra']],
      ['fulltext:"gradient theorem for"', ['h-rl']],
      ['fulltext:"theorem gradient"', []],
    ])('%j matches %j', (query, expected) => {
      expect(matches(query, {}, pdfText)).toEqual(expected);
    });

    it('asks the source with the needle lower-cased and its white space collapsed', () => {
      const source = new FakePdfText({});
      handEngine.query({ query: 'fulltext:"Policy   GRADIENT"', limit: 10 }, source);
      expect(new Set(source.needles)).toEqual(new Set(['policy gradient']));
    });

    it('without a source, fulltext: matches nothing', () => {
      expect(matches('fulltext:policy')).toEqual([]);
    });

    it('with `fulltext: true`, a word found only in PDF text matches and its hit carries the page', () => {
      expect(matches('gradient')).toEqual([]);
      expect(matches('gradient', { fulltext: true })).toEqual([]);
      const { results, total } = handEngine.query({ query: 'gradient', limit: 10, fulltext: true }, pdfText);
      expect(total).toBe(1);
      expect(results[0]?.id).toBe('h-rl');
      expect(results[0]?.fulltext).toMatchObject({ attachmentId: 'h-rl-pdf', page: 2 });
      expect(results[0]?.fulltext?.snippet).toContain('gradient');
    });

    it('with `fulltext: true`, every word must still match, each in the metadata or in the PDF', () => {
      expect(matches('gradient robot', { fulltext: true }, pdfText)).toEqual(['h-rl']);
      expect(matches('gradient zebra', { fulltext: true }, pdfText)).toEqual([]);
      expect(matches('policy', { fulltext: true }, pdfText)).toEqual(['h-rl', 'h-zebra']);
      expect(matches('tutor finches', { fulltext: true }, pdfText)).toEqual(['h-zebra']);
    });

    it('with `fulltext: true`, metadata hits carry no fulltext match', () => {
      const { results } = handEngine.query({ query: 'policy', limit: 10, fulltext: true }, pdfText);
      const byId = new Map(results.map((hit) => [hit.id, hit]));
      expect(byId.get('h-rl')?.fulltext).toBeUndefined();
      expect(byId.get('h-zebra')?.fulltext).toMatchObject({ page: 1 });
    });
  });

  describe('sorting and paging', () => {
    it.each([
      ['year-desc', ['h-vision', 'h-signals', 'h-zebra', 'h-rl', 'h-poker']],
      ['year-asc', ['h-rl', 'h-zebra', 'h-signals', 'h-vision', 'h-poker']],
      ['title', ['h-rl', 'h-signals', 'h-poker', 'h-vision', 'h-zebra']],
      ['added-desc', ['h-poker', 'h-zebra', 'h-rl', 'h-vision', 'h-signals']],
      ['added-asc', ['h-signals', 'h-vision', 'h-rl', 'h-zebra', 'h-poker']],
      ['relevance', handIds],
    ] as const)('an empty query sorted by %s', (sort, expected) => {
      expect(handEngine.query({ query: '', limit: 10, sort }).results.map((hit) => hit.id)).toEqual(expected);
    });

    it.each([
      ['year-desc', ['h-signals', 'h-zebra', 'h-rl', 'h-poker']],
      ['year-asc', ['h-rl', 'h-zebra', 'h-signals', 'h-poker']],
      ['title', ['h-rl', 'h-signals', 'h-poker', 'h-zebra']],
      ['added-desc', ['h-poker', 'h-zebra', 'h-rl', 'h-signals']],
    ] as const)('"learning" sorted by %s', (sort, expected) => {
      expect(handEngine.query({ query: 'learning', limit: 10, sort }).results.map((hit) => hit.id)).toEqual(expected);
    });

    it('sorts titles by letters, ignoring case and accents, numbers by value', () => {
      const engine = new SearchEngine([
        newPaper({ id: 't10', title: 'Model 10' }, now),
        newPaper({ id: 't2', title: 'model 2' }, now),
        newPaper({ id: 'e', title: 'Élan' }, now),
        newPaper({ id: 'b', title: 'beta' }, now),
      ]);
      expect(engine.query({ query: '', limit: 10, sort: 'title' }).results.map((hit) => hit.id)).toEqual(['b', 'e', 't2', 't10']);
    });

    it.each([
      ['learning', 'relevance'],
      ['language model', 'relevance'],
      ['', 'relevance'],
      ['reinforcement', 'title'],
      ['', 'added-desc'],
    ] as const)('%j (%s): allIds lists every match in order, and equals the pages put together', (query, sort) => {
      const full = sampleEngine.query({ query, limit: 7, sort, allIds: true });
      expect(full.ids).toHaveLength(full.total);
      expect(full.total).toBeGreaterThan(20);
      expect(new Set(full.ids).size).toBe(full.total);
      expect(full.results.map((hit) => hit.id)).toEqual(full.ids?.slice(0, 7));
      const pages: string[] = [];
      for (let offset = 0; offset < full.total; offset += 7) {
        const page = sampleEngine.query({ query, limit: 7, offset, sort });
        expect(page.total).toBe(full.total);
        expect(page.ids).toBeUndefined();
        pages.push(...page.results.map((hit) => hit.id));
      }
      expect(pages).toEqual(full.ids);
      expect(sampleEngine.query({ query, limit: 1000, sort }).results.map((hit) => hit.id)).toEqual(full.ids);
    });

    it('scores a page best first, and returns nothing past the end', () => {
      const { results, total } = sampleEngine.query({ query: 'learning', limit: 1000 });
      for (let at = 1; at < results.length; at += 1) expect(results[at]?.score).toBeGreaterThanOrEqual(results[at - 1]?.score ?? 0);
      expect(sampleEngine.query({ query: 'learning', limit: 10, offset: total }).results).toEqual([]);
      expect(sampleEngine.query({ query: 'learning', limit: 10, offset: total - 3 }).results.map((hit) => hit.id)).toEqual(
        results.slice(-3).map((hit) => hit.id),
      );
      expect(sampleEngine.query({ query: 'learning', limit: 0 })).toMatchObject({ results: [], total });
    });

    it('a filter-only query keeps library order', () => {
      expect(handEngine.query({ query: 'tag:method', limit: 10 }).results.map((hit) => hit.id)).toEqual(['h-rl', 'h-vision', 'h-poker']);
    });
  });
});

describe('match ranges', () => {
  const rangesOf = (query: string, id: string): MatchRange[] => handEngine.query({ query, limit: 10 }).results.find((hit) => hit.id === id)?.ranges ?? [];
  const text = (paper: Paper, range: MatchRange): string => {
    const value =
      range.field === 'title'
        ? paper.title
        : range.field === 'abstract'
          ? paper.abstract
          : range.field === 'venue'
            ? paper.venue
            : range.field === 'authors'
              ? authorName(paper.authors[range.index ?? -1] ?? { literal: '' })
              : paper.tags[range.index ?? -1];
    return (value ?? '').slice(range.start, range.end);
  };
  const rl = handMade[0] as Paper;

  it('points at the matched words in the title and abstract', () => {
    expect(rangesOf('robot', 'h-rl')).toEqual([
      { field: 'title', start: 32, end: 37 },
      { field: 'abstract', start: 33, end: 39 },
    ]);
    expect(rangesOf('robot', 'h-rl').map((range) => text(rl, range))).toEqual(['Robot', 'robots']);
  });

  it('points at the correctly spelt word for a misspelt query word', () => {
    expect(rangesOf('reinforcment', 'h-rl')).toEqual([{ field: 'title', start: 5, end: 18 }]);
    expect(text(rl, { field: 'title', start: 5, end: 18 })).toBe('Reinforcement');
  });

  it('names which author matched', () => {
    expect(rangesOf('smith', 'h-rl')).toEqual([{ field: 'authors', index: 1, start: 4, end: 9 }]);
    expect(rangesOf('muller', 'h-rl')).toEqual([{ field: 'authors', index: 0, start: 5, end: 11 }]);
    expect(rangesOf('Müller jorg', 'h-rl')).toEqual([
      { field: 'authors', index: 0, start: 0, end: 4 },
      { field: 'authors', index: 0, start: 5, end: 11 },
    ]);
  });

  it('names which tag matched, and points into the venue', () => {
    // "read" is also one edit from "real" in the abstract, and the start of the note ("Read …").
    expect(rangesOf('read', 'h-rl')).toEqual([
      { field: 'tags', index: 1, start: 3, end: 7 },
      { field: 'abstract', start: 28, end: 32 },
      { field: 'notes', index: 0, start: 0, end: 4 },
    ]);
    expect(rangesOf('rl', 'h-rl')).toEqual([{ field: 'tags', index: 0, start: 7, end: 9 }]);
    expect(rangesOf('neurips', 'h-rl')).toEqual([{ field: 'venue', start: 0, end: 7 }]);
  });

  it('covers a phrase with one range', () => {
    const ranges = rangesOf('"reinforcement learning"', 'h-rl');
    expect(ranges).toContainEqual({ field: 'title', start: 5, end: 27 });
    expect(text(rl, { field: 'title', start: 5, end: 27 })).toBe('Reinforcement Learning');
  });

  it('a field condition highlights only in its field', () => {
    expect(rangesOf('title:learning', 'h-rl')).toEqual([{ field: 'title', start: 19, end: 27 }]);
    expect(rangesOf('abstract:learning', 'h-rl')).toEqual([{ field: 'abstract', start: 16, end: 24 }]);
  });

  it('negated words are not highlighted; OR alternatives are', () => {
    expect(rangesOf('learning -poker', 'h-rl')).toEqual([
      { field: 'title', start: 19, end: 27 },
      { field: 'abstract', start: 16, end: 24 },
    ]);
    expect(rangesOf('robot OR poker', 'h-rl').map((range) => text(rl, range))).toEqual(['Robot', 'robots']);
  });

  it('filters highlight nothing', () => {
    expect(rangesOf('tag:method year:2020', 'h-rl')).toEqual([]);
  });

  it('points at words on the sample library too', () => {
    const hit = sampleEngine.query({ query: 'starcarft', limit: 1 }).results[0];
    const paper = sample.find((candidate) => candidate.id === hit?.id) as Paper;
    expect(hit?.ranges.length).toBeGreaterThan(1);
    for (const range of hit?.ranges ?? []) expect(text(paper, range).toLowerCase()).toBe('starcraft');
    expect(hit?.ranges[0]).toEqual({ field: 'title', start: 0, end: 9 });
  });
});

describe('updates', () => {
  const fresh = () => new SearchEngine(sample);

  it('an upserted title changes the results at once', () => {
    const engine = fresh();
    const target = sample[3] as Paper;
    expect(engine.query({ query: 'zyxwvut', limit: 10 }).total).toBe(0);
    expect(engine.query({ query: 'alpacafarm', limit: 10 }).results.map((hit) => hit.id)).toContain(target.id);
    engine.upsert({ ...target, title: 'Zyxwvut: a renamed paper', abstract: 'Nothing left of the old text.' });
    expect(engine.query({ query: 'zyxwvut', limit: 10 }).results.map((hit) => hit.id)).toEqual([target.id]);
    expect(engine.query({ query: 'zyxwvt', limit: 10 }).results.map((hit) => hit.id)).toEqual([target.id]);
    expect(engine.query({ query: 'alpacafarm', limit: 10 }).results.map((hit) => hit.id)).not.toContain(target.id);
    expect(engine.size).toBe(sample.length);
  });

  it('remove drops the paper from every query', () => {
    const engine = fresh();
    const target = sample.find((paper) => paper.title.startsWith('StarCraft')) as Paper;
    engine.remove(target.id);
    expect(engine.query({ query: 'starcraft', limit: 10 }).total).toBe(0);
    expect(engine.query({ query: '', limit: 1000 }).results.map((hit) => hit.id)).not.toContain(target.id);
    expect(engine.query({ query: '', limit: 1000 }).total).toBe(sample.length - 1);
    expect(engine.size).toBe(sample.length - 1);
    engine.remove(target.id);
    engine.remove('no-such-id');
    expect(engine.size).toBe(sample.length - 1);
  });

  it('an upserted existing paper keeps its place; a new one goes last', () => {
    const engine = fresh();
    const order = sample.map((paper) => paper.id);
    engine.upsert({ ...(sample[0] as Paper), title: 'Edited title' });
    engine.upsert({ ...(sample[30] as Paper), abstract: 'Edited abstract.' });
    expect(engine.query({ query: '', limit: 1000 }).results.map((hit) => hit.id)).toEqual(order);
    engine.upsert(newPaper({ id: 'new-paper', title: 'A new paper' }, now));
    expect(engine.query({ query: '', limit: 1000 }).results.map((hit) => hit.id)).toEqual([...order, 'new-paper']);
    // A removed slot reused by a new paper does not inherit the old place.
    engine.remove(order[1] as string);
    engine.upsert(newPaper({ id: 'newer-paper', title: 'Another new paper' }, now));
    expect(engine.query({ query: '', limit: 1000 }).results.map((hit) => hit.id)).toEqual([order[0], ...order.slice(2), 'new-paper', 'newer-paper']);
  });

  it('an upserted paper keeps its place among equal scores', () => {
    const twins = ['t1', 't2', 't3'].map((id) => newPaper({ id, title: 'Identical twin papers', abstract: 'Same words.' }, now));
    const engine = new SearchEngine(twins);
    expect(engine.query({ query: 'twin', limit: 10 }).results.map((hit) => hit.id)).toEqual(['t1', 't2', 't3']);
    engine.upsert({ ...(twins[0] as Paper), notes: [] });
    engine.upsert({ ...(twins[1] as Paper) });
    expect(engine.query({ query: 'twin', limit: 10 }).results.map((hit) => hit.id)).toEqual(['t1', 't2', 't3']);
  });

  it('setOrder changes the library order used for ties and empty queries', () => {
    const engine = new SearchEngine(handMade);
    engine.setOrder([...handIds].reverse());
    expect(engine.query({ query: '', limit: 10 }).results.map((hit) => hit.id)).toEqual([...handIds].reverse());
    expect(engine.query({ query: 'tag:method', limit: 10 }).results.map((hit) => hit.id)).toEqual(['h-poker', 'h-vision', 'h-rl']);
  });

  it('refresh points the filters at the new object', () => {
    const engine = new SearchEngine(handMade);
    expect(engine.count('status:read')).toBe(1);
    engine.refresh({ ...(handMade[4] as Paper), status: 'read' });
    expect(engine.query({ query: 'status:read', limit: 10 }).results.map((hit) => hit.id).sort()).toEqual(['h-rl', 'h-zebra']);
  });

  it('accepts an index built beforehand', () => {
    const engine = new SearchEngine(sample, new SearchIndex(sample));
    for (const query of ['reinforcment lerning', 'starcraft', '']) {
      expect(engine.query({ query, limit: 100 }).results).toEqual(sampleEngine.query({ query, limit: 100 }).results);
    }
  });

  it('sync re-indexes a paper only when its searchable fields changed', () => {
    const engine = fresh();
    const paper = sample[0] as Paper;
    expect(engine.sync(paper)).toBe(false);
    expect(engine.sync({ ...paper, status: 'read' })).toBe(false);
    expect(engine.query({ query: 'status:read', limit: 10 }).results.map((hit) => hit.id)).toEqual([paper.id]);
    expect(engine.sync({ ...paper, title: 'Quokka populations', updatedAt: '2026-02-01T00:00:00Z' })).toBe(true);
    expect(engine.query({ query: 'quokka', limit: 10 }).results.map((hit) => hit.id)).toEqual([paper.id]);
    expect(engine.sync(newPaper({ id: 'new-paper', title: 'A new quokka' }, now))).toBe(true);
    expect(engine.count('quokka')).toBe(2);
  });

  it('the signature follows searchable changes (notes included), not status', () => {
    const paper = handMade[0] as Paper;
    expect(searchSignature({ ...paper, status: 'unread' })).toBe(searchSignature(paper));
    expect(searchSignature({ ...paper, notes: [] })).not.toBe(searchSignature(paper));
    expect(searchSignature({ ...paper, tags: ['other'] })).not.toBe(searchSignature(paper));
    expect(searchSignature({ ...paper, title: `${paper.title}!` })).not.toBe(searchSignature(paper));
    expect(searchSignature({ ...paper, updatedAt: '2030-01-01T00:00:00Z' })).not.toBe(searchSignature(paper));
  });

  it('reconcile re-indexes changed papers, removes the ones gone and takes the library order', () => {
    const engine = fresh();
    const gone = sample[0] as Paper;
    const edited = { ...(sample[3] as Paper), title: 'Zyxwvut renamed', updatedAt: '2026-02-01T00:00:00Z' };
    const next = sample
      .slice(1)
      .map((paper) => (paper.id === edited.id ? edited : paper))
      .reverse();
    expect(engine.reconcile(next)).toBe(1);
    expect(engine.size).toBe(sample.length - 1);
    expect(engine.query({ query: '', limit: 1000 }).results.map((hit) => hit.id)).toEqual(next.map((paper) => paper.id));
    expect(engine.query({ query: 'zyxwvut', limit: 10 }).results.map((hit) => hit.id)).toEqual([edited.id]);
    expect(engine.query({ query: 'maxmin', limit: 10 }).results.map((hit) => hit.id)).not.toContain(gone.id);
    expect(engine.reconcile(next)).toBe(0);
  });

  it('addMany in slices answers like an engine built at once', () => {
    const engine = new SearchEngine();
    engine.addMany(sample.slice(0, 20));
    engine.addMany(sample.slice(20));
    for (const query of ['', 'reinforcment lerning', 'distil', 'poker OR starcraft']) {
      expect(engine.query({ query, limit: 100 }).results).toEqual(sampleEngine.query({ query, limit: 100 }).results);
    }
  });

  it('restore from a snapshot answers like a fresh engine, re-indexing only what changed since', () => {
    const engine = fresh();
    const snapshot = structuredClone(engine.snapshot());
    const edited = { ...(sample[3] as Paper), title: 'Zyxwvut renamed', updatedAt: '2026-02-01T00:00:00Z' };
    const added = newPaper({ id: 'new-paper', title: 'Quokka populations' }, now);
    const papers = [...sample.slice(0, 3), edited, ...sample.slice(4, 10), ...sample.slice(11), added];
    const restored = SearchEngine.restore(snapshot, papers);
    expect(restored.staleAtRestore).toBe(2);
    const reference = new SearchEngine(papers);
    expect(restored.size).toBe(reference.size);
    for (const query of ['', 'zyxwvut', 'alpacafarm', 'quokka', 'reinforcment lerning', 'learning', 'tag:x OR poker']) {
      expect(restored.query({ query, limit: 100 }).results, query).toEqual(reference.query({ query, limit: 100 }).results);
    }
  });

  it.each(['reinforcement learning', 'poker OR starcraft', '-learning', '"human feedback"', 'title:learning -rlhf', '', 'year:abc'])(
    'count(%j) equals query(...).total',
    (query) => {
      expect(sampleEngine.count(query)).toBe(sampleEngine.query({ query, limit: 5 }).total);
    },
  );

  it('count sees PDF text and hand-made filters', () => {
    expect(handEngine.count('fulltext:policy', pdfText)).toBe(2);
    expect(handEngine.count('tag:method -has:pdf')).toBe(handEngine.query({ query: 'tag:method -has:pdf', limit: 1 }).total);
    expect(handEngine.count('tag:method -has:pdf')).toBe(2);
  });
});
