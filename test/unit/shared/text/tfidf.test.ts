import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import * as tfidf from '../../../../shared/text/tfidf';
import { cosine, TfidfModel, type TfidfDocument } from '../../../../shared/text/tfidf';

interface SamplePaper {
  id: string;
  title: string;
  abstract?: string;
}

const sample = JSON.parse(readFileSync(new URL('../../../../resources/sample-library.json', import.meta.url), 'utf8')) as {
  papers: SamplePaper[];
};
const library: TfidfDocument[] = sample.papers.map((paper) => ({ id: paper.id, text: `${paper.title}. ${paper.abstract ?? ''}` }));

/** A copy of a paper with one sentence of its abstract replaced. */
function nearDuplicate(paper: TfidfDocument, id: string): TfidfDocument {
  const [first, ...rest] = paper.text.split(/(?<=\.) /);
  expect(rest.length).toBeGreaterThan(2);
  return { id, text: [first, 'We replaced this sentence about kittens and teapots.', ...rest.slice(1)].join(' ') };
}

describe('TfidfModel', () => {
  it('exposes cosine and TfidfModel', () => {
    expect(Object.keys(tfidf).sort()).toEqual(['TfidfModel', 'cosine']);
  });

  it('reads the 66 abstracts of the sample library', () => {
    expect(new TfidfModel(library).size).toBe(66);
  });

  it('computes idf as ln((N + 1) / (df + 1)) + 1', () => {
    const model = new TfidfModel([
      { id: 'a', text: 'reward model' },
      { id: 'b', text: 'reward policy' },
      { id: 'c', text: 'value' },
    ]);
    expect(model.idf('reward')).toBeCloseTo(Math.log(4 / 3) + 1, 12);
    expect(model.idf('model')).toBeCloseTo(Math.log(4 / 2) + 1, 12);
    expect(model.idf('unseen')).toBeCloseTo(Math.log(4) + 1, 12);
  });

  it('weighs terms with sublinear tf and normalizes the vector', () => {
    const model = new TfidfModel([{ id: 'a', text: 'reward reward reward reward model' }]);
    const vector = model.vector('a')!;
    expect([...vector.ids]).toHaveLength(2);
    const [reward, modelWeight] = [...vector.weights];
    // Both terms have the same idf, so the weights are in the ratio of their sublinear tfs: 1 + ln 4 to 1.
    expect(reward! / modelWeight!).toBeCloseTo(1 + Math.log(4), 6);
    expect(Math.hypot(...vector.weights)).toBeCloseTo(1, 12);
    expect([...vector.ids]).toEqual([...vector.ids].sort((x, y) => x - y));
  });

  it('gives 1 for identical texts, 0 for disjoint ones, and the same score both ways', () => {
    const model = new TfidfModel([
      ...library,
      { id: 'twin', text: library[5]!.text },
      { id: 'disjoint', text: 'Kittens purr beside warm teapots.' },
    ]);
    expect(model.similarity(library[5]!.id, 'twin')).toBeCloseTo(1, 12);
    expect(model.similarity(library[5]!.id, 'disjoint')).toBe(0);
    for (const [a, b] of [[0, 1], [2, 40], [10, 65]] as const) {
      const forward = model.similarity(library[a]!.id, library[b]!.id);
      expect(forward).toBeGreaterThan(0);
      expect(forward).toBeLessThan(1);
      expect(model.similarity(library[b]!.id, library[a]!.id)).toBe(forward);
    }
    expect(model.similarity(library[0]!.id, 'missing')).toBe(0);
    expect(cosine(model.vectorize('teapots and kittens'), model.vector('disjoint')!)).toBeGreaterThan(0.5);
  });

  it('finds a near-duplicate first, and never the paper itself', () => {
    const original = library[10]!;
    const model = new TfidfModel([...library, nearDuplicate(original, 'copy')]);
    const related = model.related(original.id);
    expect(related).toHaveLength(10);
    expect(related[0]!.id).toBe('copy');
    expect(related[0]!.score).toBeGreaterThan(0.8);
    expect(related[0]!.score).toBeLessThan(1);
    expect(model.related('copy')[0]!.id).toBe(original.id);
    for (const paper of library) {
      const list = model.related(paper.id);
      expect(list.map((entry) => entry.id)).not.toContain(paper.id);
      const scores = list.map((entry) => entry.score);
      expect(scores).toEqual([...scores].sort((x, y) => y - x));
    }
  });

  it('scores related papers exactly as similarity does', () => {
    const model = new TfidfModel(library);
    for (const entry of model.related(library[3]!.id, 66)) {
      expect(entry.score).toBeCloseTo(model.similarity(library[3]!.id, entry.id), 6);
    }
  });

  it('honours k and an unknown id', () => {
    const model = new TfidfModel(library);
    expect(model.related(library[0]!.id, 3)).toHaveLength(3);
    expect(model.related(library[0]!.id, 0)).toEqual([]);
    expect(model.related('missing')).toEqual([]);
  });

  it('after updates and removals gives what a model built afresh gives', () => {
    const incremental = new TfidfModel(library.slice(0, 40));
    incremental.related(library[0]!.id);
    for (const paper of library.slice(40)) incremental.update(paper);
    incremental.update({ id: library[1]!.id, text: library[2]!.text });
    expect(incremental.remove(library[3]!.id)).toBe(true);
    expect(incremental.remove(library[3]!.id)).toBe(false);
    incremental.update(nearDuplicate(library[20]!, 'copy'));

    const expected = [...library.filter((paper) => paper.id !== library[3]!.id), nearDuplicate(library[20]!, 'copy')].map(
      (paper) => (paper.id === library[1]!.id ? { id: paper.id, text: library[2]!.text } : paper),
    );
    const fresh = new TfidfModel(expected);
    expect(incremental.size).toBe(fresh.size);
    for (const id of [library[0]!.id, library[1]!.id, library[20]!.id, 'copy']) {
      const got = incremental.related(id);
      const want = fresh.related(id);
      expect(got.map((entry) => entry.id)).toEqual(want.map((entry) => entry.id));
      got.forEach((entry, index) => expect(entry.score).toBeCloseTo(want[index]!.score, 6));
    }
    expect(incremental.related(library[1]!.id)[0]).toEqual({ id: library[2]!.id, score: expect.closeTo(1, 6) as number });
    expect(incremental.related(library[0]!.id).map((entry) => entry.id)).not.toContain(library[3]!.id);
    expect(incremental.has(library[3]!.id)).toBe(false);
  });
});
