import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { emptyLibrary, newPaper, type Library } from '../../../../shared/model/library';
import { compareAbstracts } from '../../../../shared/text/compare-abstracts';
import { TfidfModel } from '../../../../shared/text/tfidf';
import type { Sift } from '../../../../electron/services/container';
import { RelatedService, relatedText } from '../../../../electron/services/related/related-service';
import { stableStringify } from '../../../../electron/services/stable-stringify';
import { folderContents } from '../../../helpers/folder-contents';
import { openPinnedSift, tempFolder } from '../../../helpers/temp-library';
import { call } from '../../../helpers/dispatch';

const added = '2026-01-01T00:00:00.000Z';
const savedAt = '2026-03-04T05:06:07.000Z';

const papers: Array<{ id: string; title: string; abstract: string }> = [
  { id: 'gnn-mol', title: 'Graph neural networks for molecules', abstract: 'We train graph neural networks on molecular graphs. Message passing predicts molecular properties.' },
  { id: 'gnn-prot', title: 'Graph neural networks for proteins', abstract: 'We train graph neural networks on protein structures. Message passing predicts protein function.' },
  { id: 'llm-math', title: 'Language models that reason', abstract: 'Large language models solve mathematical word problems. Chain of thought prompting improves reasoning.' },
  { id: 'llm-code', title: 'Language models that write code', abstract: 'Large language models generate program code. Unit tests check the generated programs.' },
  { id: 'rl-robot', title: 'Robots that learn to grasp', abstract: 'Reinforcement learning teaches a robot arm to grasp objects. Rewards come from a camera.' },
];

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function libraryFolder(): Promise<string> {
  const { folder, cleanup } = await tempFolder();
  cleanups.push(cleanup);
  const library: Library = { ...emptyLibrary(), papers: papers.map((paper) => newPaper(paper, added)) };
  await writeFile(path.join(folder, 'library.json'), stableStringify(library));
  return folder;
}

async function open(folder: string): Promise<Sift> {
  const sift = await openPinnedSift(folder, savedAt);
  cleanups.push(() => sift.close());
  return sift;
}

const ids = (related: Array<{ id: string }>) => related.map((paper) => paper.id);

describe('papers.related', () => {
  it('ranks by TF-IDF cosine over title and abstract, never the paper itself, at most limit', async () => {
    const sift = await open(await libraryFolder());
    const { related } = await call(sift, 'papers.related', { paperId: 'gnn-mol' });
    expect(related[0]).toMatchObject({ id: 'gnn-prot' });
    expect(related[0]!.score).toBeGreaterThan(0.2);
    expect(ids(related)).not.toContain('gnn-mol');
    // Papers that share no term with it are not listed at all.
    expect(ids(related)).not.toContain('rl-robot');
    const model = new TfidfModel(papers.map((paper) => ({ id: paper.id, text: relatedText(paper) })));
    expect(related[0]!.score).toBeCloseTo(model.similarity('gnn-mol', 'gnn-prot'), 4);
    expect(ids((await call(sift, 'papers.related', { paperId: 'llm-math', limit: 1 })).related)).toEqual(['llm-code']);
  });

  it('follows an edit and a removal', async () => {
    const sift = await open(await libraryFolder());
    expect(ids((await call(sift, 'papers.related', { paperId: 'rl-robot' })).related)).toEqual([]);
    await call(sift, 'papers.update', { id: 'llm-code', changes: { title: 'Robots that learn to grasp with language', abstract: 'A robot arm learns to grasp objects from rewards.' } });
    expect(ids((await call(sift, 'papers.related', { paperId: 'rl-robot' })).related)[0]).toBe('llm-code');
    await sift.store.transact((tx) => tx.removePapers(['gnn-prot']));
    const afterRemoval = ids((await call(sift, 'papers.related', { paperId: 'gnn-mol' })).related);
    expect(afterRemoval).not.toContain('gnn-prot');
    expect(await sift.dispatch('papers.related', { paperId: 'gnn-prot' })).toMatchObject({ ok: false, error: { code: 'not-found' } });
  });

  it('is built in slices and takes changes made while it builds', async () => {
    const folder = await libraryFolder();
    const sift = await open(folder);
    const service = new RelatedService({ store: sift.store });
    expect(service.isReady).toBe(false);
    await call(sift, 'papers.update', { id: 'rl-robot', changes: { abstract: 'Graph neural networks pass messages on molecular graphs.' } });
    const { related } = await service.related('rl-robot', 2);
    expect(ids(related)).toContain('gnn-mol');
    await service.close();
  });
});

describe('compare.analyze', () => {
  it('weighs the abstracts by the library model, not by the compared texts alone', async () => {
    const sift = await open(await libraryFolder());
    const result = await call(sift, 'compare.analyze', { paperIds: ['gnn-mol', 'gnn-prot', 'llm-math'] });
    const library = new TfidfModel(papers.map((paper) => ({ id: paper.id, text: relatedText(paper) })));
    const compared = papers.slice(0, 3).map((paper) => ({ id: paper.id, text: paper.abstract }));
    const expected = compareAbstracts(compared, library);
    expect(result.papers).toEqual(expected.papers);
    expect(result.similarity.map((row) => row.map((score) => score.toFixed(3)))).toEqual(expected.similarity.map((row) => row.map((score) => score.toFixed(3))));
    const alone = compareAbstracts(compared);
    expect(result.similarity[0]![1]).not.toBeCloseTo(alone.similarity[0]![1]!, 3);
    expect(result.papers.map((paper) => paper.id)).toEqual(['gnn-mol', 'gnn-prot', 'llm-math']);
    expect(result.papers[2]!.unique.map((token) => token.term)).toContain('reason');
    expect(result.papers[0]!.sentences[1]!.matches[0]).toMatchObject({ paperId: 'gnn-prot', sentence: 1 });
  });

  it('refuses an unknown paper', async () => {
    const sift = await open(await libraryFolder());
    expect(await sift.dispatch('compare.analyze', { paperIds: ['gnn-mol', 'nope'] })).toMatchObject({ ok: false, error: { code: 'not-found' } });
  });
});

describe('comparison notes', () => {
  it('are saved per set of papers, whatever their order, and kept across reopening', async () => {
    const folder = await libraryFolder();
    const sift = await open(folder);
    expect(await call(sift, 'comparisons.get', { paperIds: ['gnn-mol', 'gnn-prot'] })).toEqual({ comparison: null });
    const { comparison } = await call(sift, 'comparisons.save', { paperIds: ['gnn-prot', 'gnn-mol'], note: '# Same method\n\nDifferent targets.' });
    expect(comparison).toEqual({ id: 'id-1', paperIds: ['gnn-mol', 'gnn-prot'], note: '# Same method\n\nDifferent targets.', updatedAt: savedAt });
    expect(await call(sift, 'comparisons.get', { paperIds: ['gnn-mol', 'gnn-prot'] })).toEqual({ comparison });
    // Another set has its own note; a superset is another set.
    expect(await call(sift, 'comparisons.get', { paperIds: ['gnn-mol', 'gnn-prot', 'llm-math'] })).toEqual({ comparison: null });
    await call(sift, 'comparisons.save', { paperIds: ['llm-math', 'llm-code', 'gnn-mol'], note: 'three' });
    // Saving the same set again updates its note.
    const updated = await call(sift, 'comparisons.save', { paperIds: ['gnn-mol', 'gnn-prot'], note: 'edited' });
    expect(updated.comparison.id).toBe('id-1');
    await sift.close();

    const reopened = await open(folder);
    expect((await call(reopened, 'comparisons.get', { paperIds: ['gnn-prot', 'gnn-mol'] })).comparison?.note).toBe('edited');
    expect((await call(reopened, 'comparisons.get', { paperIds: ['gnn-mol', 'llm-code', 'llm-math'] })).comparison?.note).toBe('three');
    await reopened.close();
    const onDisk = JSON.parse(await readFile(path.join(folder, 'library.json'), 'utf8')) as Library;
    expect(onDisk.comparisons?.map((saved) => saved.note).sort()).toEqual(['edited', 'three']);
  });

  it('refuses unknown papers and unknown ids and changes nothing', async () => {
    const folder = await libraryFolder();
    const sift = await open(folder);
    const before = await folderContents(folder);
    expect(await sift.dispatch('comparisons.save', { paperIds: ['gnn-mol', 'nope'], note: 'x' })).toMatchObject({ ok: false, error: { code: 'not-found' } });
    expect(await sift.dispatch('comparisons.save', { id: 'nope', paperIds: ['gnn-mol', 'gnn-prot'], note: 'x' })).toMatchObject({ ok: false, error: { code: 'not-found' } });
    expect(await folderContents(folder)).toEqual(before);
    expect(sift.store.data.comparisons).toBeUndefined();
  });
});
