import { describe, expect, it } from 'vitest';
import { PaperSearch, matchRanges, searchPapers } from '../../../../shared/search/paper-search';
import { newPaper } from '../../../../shared/model/library';
import { samplePapers } from '../../../helpers/sample-papers';

const papers = samplePapers();
const search = new PaperSearch(papers);
const titleOf = (id: string) => papers.find((paper) => paper.id === id)?.title ?? '';
const topTitles = (query: string, count: number) => search.search(query).slice(0, count).map((hit) => titleOf(hit.id));

/** Papers whose title names reinforcement learning outright: a typo search must find every one. */
const rlTitled = papers.filter((paper) => /reinforcement learning/i.test(paper.title));

describe('fuzzy paper search on the real sample library', () => {
  it('finds the reinforcement-learning papers through typos', () => {
    expect(rlTitled.length).toBeGreaterThanOrEqual(8);
    const hits = new Set(search.search('reinforcment lerning').map((hit) => hit.id));
    for (const paper of rlTitled) expect(hits, paper.title).toContain(paper.id);
    expect(rlTitled.map((paper) => paper.id)).toContain(search.search('reinforcment lerning')[0]?.id);
  });

  it.each([
    ['starcraft', 'StarCraft II: A New Challenge for Reinforcement Learning'],
    ['rocket leage', 'Lucy-SKG: Learning to Play Rocket League Efficiently Using Deep Reinforcement Learning'],
    ['dataset distilation', 'Efficient Dataset Distillation through Alignment with Smooth and High-Quality Expert Trajectories'],
    ['poker', "PokerGPT: An End-to-End Lightweight Solver for Multi-Player Texas Hold'em via Large Language Model"],
  ])('"%s" ranks "%s" in the top 3', (query, title) => {
    expect(topTitles(query, 3)).toContain(title);
  });

  it('finds every "preference optimization" title through two typos, and ranks them first', () => {
    const intended = papers.filter((paper) => /preference optimization/i.test(paper.title));
    expect(intended.length).toBeGreaterThanOrEqual(4);
    const hits = search.search('prefrence optimzation').map((hit) => hit.id);
    for (const paper of intended) expect(hits, paper.title).toContain(paper.id);
    for (const title of topTitles('prefrence optimzation', 3)) expect(title).toMatch(/preference optimization/i);
  });

  it('requires every word to match somewhere (author + topic, across fields)', () => {
    const withAuthor = [
      ...papers,
      newPaper({ id: 'x1', title: 'A survey of preference optimization', authors: [{ family: 'Chatterjee', given: 'Ana' }] }, '2026-01-01T00:00:00Z'),
    ];
    const local = new PaperSearch(withAuthor);
    expect(local.search('chaterjee preference').map((hit) => hit.id)).toEqual(['x1']);
    expect(local.search('chatterjee starcraft')).toEqual([]);
  });

  it('matches short words exactly instead of fuzzily', () => {
    const hits = search.search('rlhf');
    expect(hits.length).toBeGreaterThan(0);
    for (const hit of hits) {
      const paper = papers.find((candidate) => candidate.id === hit.id);
      expect(`${paper?.title} ${paper?.abstract}`.toLowerCase()).toContain('rlhf');
    }
  });

  it('treats search operators in user input as plain text', () => {
    expect(() => search.search("'^$!=|\"")).not.toThrow();
    expect(search.search("'^$!=|\"")).toEqual([]);
    expect(search.search("!starcraft").map((hit) => titleOf(hit.id))[0]).toMatch(/StarCraft/);
  });

  it('returns every paper in library order for an empty query', () => {
    expect(searchPapers(papers, '   ')).toEqual(papers);
    expect(searchPapers(papers, 'zzzzqqqq')).toEqual([]);
  });
});

describe('matchRanges', () => {
  it.each([
    ['Deep Reinforcement Learning at the Edge', 'reinforcment lerning', ['Reinforcement', 'Learning']],
    ['Efficient Dataset Distillation through', 'distil', ['Distillation']],
    ['Self-Play Preference Optimization', 'preference', ['Preference']],
    ['No match here', 'starcraft', []],
    ['RLHF and RL', 'rl', ['RLHF', 'RL']],
  ])('in "%s" for "%s" marks %j', (text, query, words) => {
    expect(matchRanges(text, query).map(([start, end]) => text.slice(start, end))).toEqual(words);
  });
});
