import { createHash } from 'node:crypto';
import { mkdir, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openSift, type Sift } from '../../../../electron/services/container';
import { stableStringify } from '../../../../electron/services/stable-stringify';
import { attachmentPath } from '../../../../electron/services/read-attachment';
import type { ApiResult } from '../../../../shared/api/contract';
import { emptyLibrary, newPaper, type Annotation, type Library } from '../../../../shared/model/library';
import { folderContents } from '../../../helpers/folder-contents';
import { fixturesFolder, resourcesFolder, tempFolder } from '../../../helpers/temp-library';

const NOW = '2026-03-01T10:00:00.000Z';
const PAPER = 'paper-1';
const OTHER = 'paper-2';

/** A library whose paper has tracemonkey.pdf attached, laid out the way import-service.ts stores it. */
async function libraryWithPdf(folder: string): Promise<{ sha256: string; bytes: Buffer }> {
  const bytes = await readFile(path.join(fixturesFolder, 'pdf', 'tracemonkey.pdf'));
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  await mkdir(path.join(folder, 'attachments'), { recursive: true });
  await writeFile(path.join(folder, 'attachments', `${sha256}.pdf`), bytes);
  const library: Library = {
    ...emptyLibrary(),
    papers: [
      newPaper({ id: PAPER, title: 'Trace-based Just-in-Time Type Specialization', attachments: [{ id: sha256, file: `${sha256}.pdf`, sha256, pages: 14, bytes: bytes.length }] }, NOW),
      newPaper({ id: OTHER, title: 'No PDF here' }, NOW),
    ],
  };
  await writeFile(path.join(folder, 'library.json'), stableStringify(library));
  return { sha256, bytes };
}

function value<T>(result: ApiResult<unknown>): T {
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.value as T;
}

describe('highlights (annotations.*) and attachments.read', () => {
  let folder: string;
  let cleanup: () => Promise<void>;
  let sift: Sift | undefined;
  let ids = 0;

  async function open(): Promise<Sift> {
    sift = await openSift({ libraryFolder: folder, resourcesFolder, storage: { watchExternalChanges: false }, newId: () => `id-${++ids}`, now: () => new Date(NOW) });
    return sift;
  }
  async function reopen(): Promise<Sift> {
    await sift?.close();
    return open();
  }

  afterEach(async () => {
    await sift?.close();
    sift = undefined;
    await cleanup();
  });

  async function setUp(): Promise<{ sha256: string; bytes: Buffer; sift: Sift }> {
    ({ folder, cleanup } = await tempFolder());
    const pdf = await libraryWithPdf(folder);
    return { ...pdf, sift: await open() };
  }

  it('adds, changes and deletes a highlight, and each change survives reopening the library', async () => {
    const { sha256, sift: first } = await setUp();
    const { annotation } = value<{ annotation: Annotation }>(
      await first.dispatch('annotations.add', {
        paperId: PAPER,
        attachmentId: sha256,
        page: 3,
        rects: [
          [72.123456, 100.5, 200.25, 11.987],
          [72, 112.5, 150, 12],
        ],
        quote: 'trace trees',
        color: 'yellow',
        comment: '  the key idea  ',
        tags: ['method', 'method', 'jit'],
      }),
    );
    expect(annotation).toEqual({
      id: 'id-1',
      attachmentId: sha256,
      page: 3,
      rects: [
        [72.12, 100.5, 200.25, 11.99],
        [72, 112.5, 150, 12],
      ],
      quote: 'trace trees',
      color: 'yellow',
      comment: 'the key idea',
      tags: ['method', 'jit'],
      createdAt: NOW,
    });

    let again = await reopen();
    expect(again.store.getPaper(PAPER)?.annotations).toEqual([annotation]);

    const { annotation: changed } = value<{ annotation: Annotation }>(
      await again.dispatch('annotations.update', { paperId: PAPER, annotationId: annotation.id, color: 'purple', comment: '', tags: [] }),
    );
    const { comment: _comment, tags: _tags, ...withoutComment } = annotation;
    expect(changed).toEqual({ ...withoutComment, color: 'purple' });
    again = await reopen();
    expect(again.store.getPaper(PAPER)?.annotations).toEqual([changed]);

    const { deleted } = value<{ deleted: Annotation }>(await again.dispatch('annotations.delete', { paperId: PAPER, annotationId: annotation.id }));
    expect(deleted).toEqual(changed);
    again = await reopen();
    expect(again.store.getPaper(PAPER)?.annotations).toEqual([]);

    // What delete answers is enough to add the highlight again (undo).
    const { id: _id, createdAt: _createdAt, ...restorable } = deleted;
    const { annotation: restored } = value<{ annotation: Annotation }>(
      await again.dispatch('annotations.add', { paperId: PAPER, ...restorable, color: 'purple' }),
    );
    expect({ ...restored, id: deleted.id }).toEqual(deleted);
  });

  it.each([
    ['an unknown paper', { paperId: 'nope' }, 'not-found', 'No paper with id "nope"'],
    ['a paper without that attachment', { paperId: OTHER }, 'not-found', 'No attachment'],
    ['a page past the end of the PDF', { page: 15 }, 'invalid-input', 'Page 15 is past the end of this PDF (14 pages)'],
  ])('refuses a highlight on %s and changes nothing', async (_name, change, code, message) => {
    const { sha256, sift: opened } = await setUp();
    const before = await folderContents(folder);
    const result = await opened.dispatch('annotations.add', {
      paperId: PAPER,
      attachmentId: sha256,
      page: 1,
      rects: [[10, 10, 10, 10]],
      quote: 'x',
      color: 'green',
      ...change,
    });
    expect(result).toMatchObject({ ok: false, error: { code } });
    expect(!result.ok && result.error.message).toContain(message);
    expect(await folderContents(folder)).toEqual(before);
  });

  it('refuses to change or delete a highlight that does not exist', async () => {
    const { sift: opened } = await setUp();
    expect(await opened.dispatch('annotations.update', { paperId: PAPER, annotationId: 'nope', color: 'blue' })).toMatchObject({
      ok: false,
      error: { code: 'not-found', message: 'No highlight with id "nope" on this paper' },
    });
    expect(await opened.dispatch('annotations.delete', { paperId: PAPER, annotationId: 'nope' })).toMatchObject({ ok: false, error: { code: 'not-found' } });
  });

  it.each([
    ['a negative coordinate', [-1, 0, 10, 10]],
    ['no width', [0, 0, 0, 10]],
    ['a rectangle larger than any page', [0, 0, 20_000, 10]],
    ['not a number', [0, Number.NaN, 10, 10]],
    ['three numbers', [0, 0, 10]],
  ])('refuses a rectangle with %s', async (_name, rect) => {
    const { sha256, sift: opened } = await setUp();
    const result = await opened.dispatch('annotations.add', { paperId: PAPER, attachmentId: sha256, page: 1, rects: [rect], quote: 'x', color: 'blue' });
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    expect(!result.ok && result.error.message).toMatch(/^Invalid input for annotations\.add: rects\.0/);
  });

  it('reads a PDF by paper and attachment id', async () => {
    const { sha256, bytes, sift: opened } = await setUp();
    const read = value<{ data: string; bytes: number; sha256: string }>(await opened.dispatch('attachments.read', { paperId: PAPER, attachmentId: sha256 }));
    expect(read.bytes).toBe(bytes.length);
    expect(read.sha256).toBe(sha256);
    expect(Buffer.from(read.data, 'base64').equals(bytes)).toBe(true);
  });

  it.each([
    ['an unknown attachment id', { attachmentId: 'a'.repeat(64) }, 'No attachment'],
    ['a path for an attachment id', { attachmentId: '../../../etc/passwd' }, 'No attachment'],
    ['an unknown paper', { paperId: '../library.json' }, 'No paper with id'],
  ])('refuses %s', async (_name, change, message) => {
    const { sha256, sift: opened } = await setUp();
    const result = await opened.dispatch('attachments.read', { paperId: PAPER, attachmentId: sha256, ...change });
    expect(result).toMatchObject({ ok: false, error: { code: 'not-found' } });
    expect(!result.ok && result.error.message).toContain(message);
  });

  it('says clearly when the PDF file is missing', async () => {
    const { sha256, sift: opened } = await setUp();
    await rm(path.join(folder, 'attachments', `${sha256}.pdf`));
    expect(await opened.dispatch('attachments.read', { paperId: PAPER, attachmentId: sha256 })).toEqual({
      ok: false,
      error: { code: 'not-found', message: `The PDF is missing from the library folder (attachments/${sha256}.pdf); import it again to restore it` },
    });
  });

  it('refuses a file that is a link, or whose content changed since import', async () => {
    const { sha256, sift: opened } = await setUp();
    const file = path.join(folder, 'attachments', `${sha256}.pdf`);
    await writeFile(file, '%PDF-1.4 something else');
    expect(await opened.dispatch('attachments.read', { paperId: PAPER, attachmentId: sha256 })).toMatchObject({
      ok: false,
      error: { code: 'unavailable', message: expect.stringContaining('has changed since it was imported') },
    });
    await rm(file);
    await symlink(path.join(fixturesFolder, 'pdf', 'tracemonkey.pdf'), file);
    expect(await opened.dispatch('attachments.read', { paperId: PAPER, attachmentId: sha256 })).toMatchObject({
      ok: false,
      error: { code: 'forbidden', message: expect.stringContaining('is not a regular file') },
    });
  });

  it.each([
    ['a traversing file name', '../../../etc/passwd'],
    ['an absolute file name', '/etc/passwd'],
    ['a name with a separator', 'sub/x.pdf'],
  ])('keeps the path inside attachments/ whatever library.json says (%s)', (_name, file) => {
    const sha256 = 'a'.repeat(64);
    expect(attachmentPath('/lib', { file, sha256 })).toBe(path.resolve('/lib/attachments', `${sha256}.pdf`));
  });
});
