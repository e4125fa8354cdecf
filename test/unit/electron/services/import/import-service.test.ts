import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { ImportCommitResult, ImportPreview } from '../../../../../shared/api/contract';
import type { Paper } from '../../../../../shared/model/library';
import { normalizeTitle } from '../../../../../shared/import/find-duplicates';
import type { Sift } from '../../../../../electron/services/container';
import { folderContents } from '../../../../helpers/folder-contents';
import { fixturesFolder, openTempSift } from '../../../../helpers/temp-library';

async function call<T>(sift: Sift, method: string, input: unknown = {}): Promise<T> {
  const result = await sift.dispatch(method, input);
  if (!result.ok) throw new Error(result.error.message);
  return result.value as T;
}

const seed = () => readFile(path.join(fixturesFolder, 'paste', 'hf-daily-papers.txt'));
const asFile = (name: string, bytes: Buffer) => ({ name, data: bytes.toString('base64') });

describe('import: preview, then commit', () => {
  let cleanup: (() => Promise<void>) | undefined;
  afterEach(async () => cleanup?.());

  it('previews the real seed list without changing anything, then commits it in one write with import tags', async () => {
    const opened = await openTempSift({ storage: { compactWhenIdleMs: 600_000 } });
    cleanup = opened.cleanup;
    const before = await folderContents(opened.folder);
    const preview = await call<ImportPreview>(opened.sift, 'import.preview', { importId: 'import-0001', files: [asFile('hf-daily-papers.txt', await seed())] });
    expect(preview.counts).toEqual({ items: 66, duplicates: 0, warnings: 0 });
    expect(preview.files).toEqual([{ name: 'hf-daily-papers.txt', format: 'paste', records: 66, warnings: [] }]);
    expect(preview.items[0]).toMatchObject({ index: 0, file: 'hf-daily-papers.txt', line: 11, action: 'import', paper: { type: 'preprint' } });
    expect(await folderContents(opened.folder)).toEqual(before);

    const result = await call<ImportCommitResult>(opened.sift, 'import.commit', { importId: 'import-0001', decisions: [], tags: ['source:hf-2024-03'] });
    expect(result).toMatchObject({ added: 66, merged: 0, skipped: 0 });
    const { papers } = await call<{ papers: Paper[] }>(opened.sift, 'papers.get', { ids: result.paperIds.slice(0, 3) });
    expect(papers.map((paper) => paper.tags)).toEqual([['source:hf-2024-03'], ['source:hf-2024-03'], ['source:hf-2024-03']]);
    expect(papers[0]?.source).toMatchObject({ format: 'import', fileName: 'hf-daily-papers.txt' });
  });

  it('finds every paper already in the library and skips them by default', async () => {
    const opened = await openTempSift({ withSample: true });
    cleanup = opened.cleanup;
    const preview = await call<ImportPreview>(opened.sift, 'import.preview', { importId: 'import-0002', files: [asFile('again.txt', await seed())] });
    expect(preview.counts.duplicates).toBe(66);
    expect(preview.items.every((item) => item.action === 'skip' && item.duplicate?.reason === 'title-year' && !item.duplicate.inBatch)).toBe(true);
    expect(preview.items[0]?.duplicate?.title).toBe(preview.items[0]?.paper.title);
    const result = await call<ImportCommitResult>(opened.sift, 'import.commit', { importId: 'import-0002', decisions: [] });
    expect(result).toEqual({ added: 0, merged: 0, skipped: 66, paperIds: [] });
  });

  it('merges field by field into the existing paper, keeping its tags and notes', async () => {
    const opened = await openTempSift();
    cleanup = opened.cleanup;
    await call<ImportPreview>(opened.sift, 'import.preview', { importId: 'import-first', files: [], text: 'Deep Residual Learning for Image Recognition' });
    await call(opened.sift, 'import.commit', { importId: 'import-first', decisions: [] });
    const [existing] = (await call<{ papers: Paper[] }>(opened.sift, 'papers.list')).papers;
    await call(opened.sift, 'tags.add', { paperIds: [existing?.id], tag: 'mine' });
    await call(opened.sift, 'notes.add', { paperId: existing?.id, body: 'my note' });
    const text = 'arXiv:1512.03385\nTitle: Deep Residual Learning for Image Recognition\nAuthors: Kaiming He, Xiangyu Zhang, Shaoqing Ren, Jian Sun\nAbstract: Deeper neural networks are more difficult to train.\n';
    const preview = await call<ImportPreview>(opened.sift, 'import.preview', { importId: 'import-merge', files: [], text });
    expect(preview.items).toHaveLength(1);
    expect(preview.items[0]?.duplicate).toMatchObject({ id: existing?.id, reason: 'title-year' });
    const result = await call<ImportCommitResult>(opened.sift, 'import.commit', { importId: 'import-merge', decisions: [{ index: 0, action: 'merge' }], tags: ['from-arxiv'] });
    expect(result).toMatchObject({ added: 0, merged: 1 });
    const [merged] = (await call<{ papers: Paper[] }>(opened.sift, 'papers.get', { ids: [existing?.id] })).papers;
    expect(merged).toMatchObject({
      title: 'Deep Residual Learning for Image Recognition',
      arxivId: '1512.03385',
      abstract: 'Deeper neural networks are more difficult to train.',
      tags: ['mine', 'from-arxiv'],
    });
    expect(merged?.authors[0]).toEqual({ family: 'He', given: 'Kaiming' });
    expect(merged?.notes.map((note) => note.body)).toEqual(['my note']);
  });

  it('flags a duplicate inside the same batch', async () => {
    const opened = await openTempSift();
    cleanup = opened.cleanup;
    const preview = await call<ImportPreview>(opened.sift, 'import.preview', {
      importId: 'import-batch',
      files: [],
      text: '10.1038/nature14539\n10.1000/other.1\n10.1038/NATURE14539\n',
    });
    expect(preview.items.map((item) => [item.paper.doi, item.duplicate?.id ?? null, item.action])).toEqual([
      ['10.1038/nature14539', null, 'import'],
      ['10.1000/other.1', null, 'import'],
      ['10.1038/NATURE14539', 'batch:0', 'skip'],
    ]);
    expect(preview.items[0]?.paper.extra).toEqual({ incomplete: 'true' });
  });

  it('a cancelled preview cannot be committed and changed nothing', async () => {
    const opened = await openTempSift({ storage: { compactWhenIdleMs: 600_000 } });
    cleanup = opened.cleanup;
    const before = await folderContents(opened.folder);
    await call(opened.sift, 'import.preview', { importId: 'import-cancel', files: [asFile('seed.txt', await seed())] });
    expect(await call(opened.sift, 'import.cancel', { importId: 'import-cancel' })).toEqual({ cancelled: true });
    const result = await opened.sift.dispatch('import.commit', { importId: 'import-cancel', decisions: [] });
    expect(result).toMatchObject({ ok: false, error: { code: 'not-found' } });
    expect(await folderContents(opened.folder)).toEqual(before);
  });

  it('refuses decisions for items that do not exist', async () => {
    const opened = await openTempSift();
    cleanup = opened.cleanup;
    await call(opened.sift, 'import.preview', { importId: 'import-bad', files: [], text: 'A title that is long enough' });
    const result = await opened.sift.dispatch('import.commit', { importId: 'import-bad', decisions: [{ index: 5, action: 'import' }] });
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid-input', message: 'No item 5 in this import' } });
  });

  it('imports RIS and CSL-JSON exports together and recognises them on a second import by identifier', async () => {
    const opened = await openTempSift();
    cleanup = opened.cleanup;
    const files = [
      asFile('lens-export-100.ris', await readFile(path.join(fixturesFolder, 'ris', 'lens-export-100.ris'))),
      asFile('zotero.json', await readFile(path.join(fixturesFolder, 'csl-json', 'zotero-better-csl-26-items.json'))),
      asFile('d2l.bib', await readFile(path.join(fixturesFolder, 'bibtex', 'd2l.bib'))),
    ];
    const first = await call<ImportPreview>(opened.sift, 'import.preview', { importId: 'import-mixed-1', files });
    expect(first.files.map((file) => [file.name, file.format, file.records])).toEqual([
      ['lens-export-100.ris', 'ris', 100],
      ['zotero.json', 'csl-json', 26],
      ['d2l.bib', 'bibtex', 488],
    ]);
    const committed = await call<ImportCommitResult>(opened.sift, 'import.commit', { importId: 'import-mixed-1', decisions: [] });
    expect(committed.added + committed.skipped).toBe(614);
    expect(committed.skipped).toBe(first.items.filter((item) => item.action === 'skip').length);
    const second = await call<ImportPreview>(opened.sift, 'import.preview', { importId: 'import-mixed-2', files });
    expect(second.items.every((item) => item.duplicate !== undefined)).toBe(true);
    const withDoi = second.items.filter((item) => item.paper.doi);
    expect(withDoi.length).toBeGreaterThan(50);
    // Where a file holds one title under two DOIs (a preprint and its paper), the second matches the first by title.
    const notByDoi = withDoi.filter((item) => item.duplicate?.reason !== 'doi' && !item.duplicate?.inBatch);
    for (const item of notByDoi) {
      expect(item.duplicate?.reason).toMatch(/title/);
      expect(normalizeTitle(item.duplicate?.title ?? '')).toBe(normalizeTitle(item.paper.title));
    }
  });

  it('imports PDFs: the file kept once by content, its text extracted, problem files reported', async () => {
    const opened = await openTempSift();
    cleanup = opened.cleanup;
    const pdf = (name: string) => readFile(path.join(fixturesFolder, 'pdf', name)).then((bytes) => asFile(name, bytes));
    const files = [await pdf('tracemonkey.pdf'), await pdf('c02-22.pdf'), await pdf('issue6010_1.pdf')];
    const preview = await call<ImportPreview>(opened.sift, 'import.preview', { importId: 'import-pdfs-1', files });
    expect(preview.files.map((file) => [file.name, file.records, file.error ?? null])).toEqual([
      ['tracemonkey.pdf', 1, null],
      ['c02-22.pdf', 1, null],
      ['issue6010_1.pdf', 0, 'Needs a password to open'],
    ]);
    const result = await call<ImportCommitResult>(opened.sift, 'import.commit', { importId: 'import-pdfs-1', decisions: [] });
    expect(result.added).toBe(2);
    const { papers } = await call<{ papers: Paper[] }>(opened.sift, 'papers.get', { ids: result.paperIds });
    const trace = papers.find((paper) => paper.title.startsWith('Trace-based'));
    const scan = papers.find((paper) => paper !== trace);
    expect(trace?.attachments).toHaveLength(1);
    expect(trace?.attachments[0]).toMatchObject({ pages: 14, file: `${trace?.attachments[0]?.sha256}.pdf` });
    const sha = trace?.attachments[0]?.sha256 ?? '';
    expect((await readFile(path.join(opened.folder, 'attachments', `${sha}.pdf`))).equals(await readFile(path.join(fixturesFolder, 'pdf', 'tracemonkey.pdf')))).toBe(true);
    expect(await readFile(path.join(opened.folder, 'fulltext', `${sha}.txt`), 'utf8')).toContain('Trace-based Just-in-Time Type Specialization');
    expect(scan).toMatchObject({ title: 'c02-22', extra: { importNote: 'no text layer' } });

    // The same PDF again is offered as an attachment of the paper it belongs to, stored once.
    const again = await call<ImportPreview>(opened.sift, 'import.preview', { importId: 'import-pdfs-2', files: [files[0]] });
    expect(again.items[0]).toMatchObject({ action: 'merge', duplicate: { id: trace?.id } });
    const merged = await call<ImportCommitResult>(opened.sift, 'import.commit', { importId: 'import-pdfs-2', decisions: [] });
    expect(merged).toMatchObject({ added: 0, merged: 1 });
    const [after] = (await call<{ papers: Paper[] }>(opened.sift, 'papers.get', { ids: [trace?.id] })).papers;
    expect(after?.attachments).toHaveLength(1);
  }, 60_000);
});
