import { describe, expect, it } from 'vitest';
import { NO_MATCH, SEARCH_FIELD_COUNT, SearchIndex, searchFields } from '../../../../../shared/search/index/search-index';
import { newPaper } from '../../../../../shared/model/library';
import { normalizeWords } from '../../../../../shared/search/query-words';
import { samplePapers } from '../../../../helpers/sample-papers';

const papers = samplePapers();
const index = new SearchIndex(papers);
const titleOf = (id: string) => papers.find((paper) => paper.id === id)?.title ?? '';

/** The ids of the papers where every word of `query` matches (the last word may be a prefix being typed). */
function matching(target: SearchIndex, query: string): string[] {
  const words = normalizeWords(query);
  if (words.length === 0) return [];
  let ids: Set<string> | undefined;
  words.forEach((word, position) => {
    const found = new Set(target.matchWord(word, position === words.length - 1, true).slots.map((slot) => target.idOfSlot(slot) as string));
    ids = ids ? new Set([...ids].filter((id) => found.has(id))) : found;
  });
  return [...(ids ?? [])].sort();
}

/** Per field name, the fewest edits `word` needed in the paper with this id (fields it did not match are left out). */
function fieldEdits(target: SearchIndex, word: string, id: string): Record<string, number> {
  const match = target.matchWord(word, false, true);
  const row = match.slots.findIndex((slot) => target.idOfSlot(slot) === id);
  const edits: Record<string, number> = {};
  if (row < 0) return edits;
  for (let field = 0; field < SEARCH_FIELD_COUNT; field += 1) {
    const value = match.fieldEdits[row * SEARCH_FIELD_COUNT + field] as number;
    if (value !== NO_MATCH) edits[searchFields[field] as string] = value;
  }
  return edits;
}

const queries = ['reinforcement learning', 'reinforcment lerning', 'preference optimization', 'starcraft', 'distilation', 'poker', 'rocket league', 'self-play', 'multi-agent'];

describe('SearchIndex on the real sample library', () => {
  it('indexes every paper', () => {
    expect(index.size).toBe(papers.length);
  });

  it('finds every "reinforcement learning" title through two typos', () => {
    const intended = papers.filter((paper) => /reinforcement learning/i.test(paper.title));
    expect(intended.length).toBeGreaterThanOrEqual(8);
    const hits = matching(index, 'reinforcment lerning');
    for (const paper of intended) expect(hits, paper.title).toContain(paper.id);
  });

  it('finds every "preference optimization" title through typos', () => {
    const intended = papers.filter((paper) => /preference optimization/i.test(paper.title));
    expect(intended.length).toBeGreaterThanOrEqual(4);
    const hits = matching(index, 'prefrence optimzation');
    for (const paper of intended) expect(hits, paper.title).toContain(paper.id);
  });

  it.each([
    ['starcarft', 'StarCraft II: A New Challenge for Reinforcement Learning'],
    ['distil', 'Efficient Dataset Distillation through Alignment with Smooth and High-Quality Expert Trajectories'],
    ['rocket leage', 'Lucy-SKG: Learning to Play Rocket League Efficiently Using Deep Reinforcement Learning'],
    ['holdem', "PokerGPT: An End-to-End Lightweight Solver for Multi-Player Texas Hold'em via Large Language Model"],
  ])('"%s" finds "%s"', (query, title) => {
    expect(matching(index, query).map(titleOf)).toContain(title);
  });

  it('says in which fields a word matched and with how many edits', () => {
    const starcraft = papers.find((paper) => paper.title.startsWith('StarCraft II'));
    expect(fieldEdits(index, 'starcraft', starcraft?.id ?? '')).toMatchObject({ title: 0 });
    expect(fieldEdits(index, 'starcarft', starcraft?.id ?? '')).toMatchObject({ title: 2 });
    expect(fieldEdits(index, 'starcraft', starcraft?.id ?? '').tags).toBeUndefined();
  });

  it('matches words of three letters exactly or as a prefix, never fuzzily', () => {
    const hits = matching(index, 'dpo');
    expect(hits.length).toBeGreaterThan(0);
    for (const id of hits) {
      const paper = papers.find((candidate) => candidate.id === id);
      expect(`${paper?.title} ${paper?.abstract} ${paper?.tags.join(' ')}`.toLowerCase()).toMatch(/\bdpo/);
    }
    expect(matching(index, 'mqx')).toEqual([]);
  });

  it('forgives one typo from four letters on ("rlhg" finds RLHF papers)', () => {
    const hits = matching(index, 'rlhg');
    const rlhf = papers.filter((paper) => /\brlhf\b/i.test(`${paper.title} ${paper.abstract}`));
    expect(rlhf.length).toBeGreaterThan(0);
    for (const paper of rlhf) expect(hits).toContain(paper.id);
  });

  it('lets a single letter match as a prefix only while it is being typed', () => {
    expect(index.matchWord('q', true, true).slots.length).toBeGreaterThan(0);
    expect(index.matchWord('q', false, true).slots).toEqual([]);
  });

  it('matches nothing for operators alone', () => {
    expect(matching(index, "'^$!=|\"")).toEqual([]);
  });
});

describe('SearchIndex semantics and updates', () => {
  const extra = [
    newPaper({ id: 'x1', title: 'A survey of preference optimization', authors: [{ family: 'Chatterjee', given: 'Ana' }] }, '2026-01-01T00:00:00Z'),
    newPaper({ id: 'x2', title: 'Tabular self-play', authors: [{ family: 'Müller', given: 'Jörg' }, { literal: 'DeepMind Team' }] }, '2026-01-01T00:00:00Z'),
  ];

  it('matches authors by surname, with typos and without accents', () => {
    const local = new SearchIndex([...papers, ...extra]);
    expect(matching(local, 'chatterjee')).toEqual(['x1']);
    expect(matching(local, 'chaterjee')).toEqual(['x1']);
    expect(matching(local, 'muller')).toContain('x2');
    expect(matching(local, 'Müller')).toContain('x2');
    expect(matching(local, 'deepmind')).toContain('x2');
    expect(fieldEdits(local, 'muller', 'x2')).toEqual({ authors: 0 });
  });

  it('indexes the parts of hyphenated words and completes the word being typed', () => {
    const local = new SearchIndex([...papers, ...extra]);
    expect(matching(local, 'self-pl')).toContain('x2');
    expect(matching(local, 'tabular play')).toEqual(['x2']);
  });

  it('update and remove change the matches, and a reused slot carries nothing of its old paper', () => {
    const local = new SearchIndex(papers);
    expect(matching(local, 'zyxwvut')).toEqual([]);
    const target = papers[3]!;
    local.update({ ...target, title: `${target.title} zyxwvut` });
    expect(local.size).toBe(papers.length);
    expect(matching(local, 'zyxwvut')).toEqual([target.id]);
    local.update(target);
    expect(matching(local, 'zyxwvut')).toEqual([]);
    expect(local.remove(target.id)).toBe(true);
    expect(matching(local, target.title)).not.toContain(target.id);
    expect(local.remove(target.id)).toBe(false);
    expect(local.size).toBe(papers.length - 1);
    local.add(extra[1]!);
    // The freed slot is reused.
    expect(local.slotOfId('x2')).toBe(index.slotOfId(target.id));
    const oldWord = normalizeWords(target.title).sort((a, b) => b.length - a.length)[0] ?? '';
    expect(matching(local, oldWord)).not.toContain('x2');
    expect(matching(local, 'tabular')).toContain('x2');
  });

  it('agrees with a fresh index after many updates', () => {
    const local = new SearchIndex(papers);
    for (const paper of papers.slice(0, 30)) local.remove(paper.id);
    for (const paper of papers.slice(0, 30).reverse()) local.add(paper);
    const fresh = new SearchIndex(papers);
    for (const query of queries) expect(matching(local, query), query).toEqual(matching(fresh, query));
  });

  it('comes back from a snapshot matching exactly what it matched, and keeps taking updates', () => {
    const local = new SearchIndex([...papers, ...extra]);
    local.remove(papers[5]!.id);
    const restored = SearchIndex.fromSnapshot(local.snapshot());
    expect(restored.size).toBe(local.size);
    for (const query of [...queries, 'chaterjee', 'muller', 'holdem']) expect(matching(restored, query), query).toEqual(matching(local, query));
    restored.add(newPaper({ id: 'x3', title: 'Quokka behaviour', authors: [] }, '2026-01-01T00:00:00Z'));
    expect(matching(restored, 'quoka')).toEqual(['x3']);
  });

  it('refuses a snapshot whose parts do not agree', () => {
    const snapshot = new SearchIndex(papers.slice(0, 3)).snapshot();
    expect(() => SearchIndex.fromSnapshot({ ...snapshot, docs: snapshot.docs.slice(1) })).toThrow(/inconsistent/);
    expect(() => SearchIndex.fromSnapshot({ ...snapshot, docs: snapshot.docs.map(() => 99) })).toThrow(/inconsistent/);
  });
});
