import { createHash } from 'node:crypto';
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ImportPreview } from '../../../../../shared/api/contract';
import type { Sift } from '../../../../../electron/services/container';
import { call } from '../../../../helpers/dispatch';
import { folderContents } from '../../../../helpers/folder-contents';
import { brokenStreamPdf, deepBracesBibtex, deepNestingPdf, flateBombPdf, macroBombBibtex, manyPagesPdf, plainPdf } from '../../../../helpers/hostile-pdfs';
import { openTempSift, repoRoot } from '../../../../helpers/temp-library';

const asFile = (name: string, data: Buffer | string) => ({ name, data: Buffer.from(data).toString('base64') });
const sha256 = (file: { data: string }) => createHash('sha256').update(Buffer.from(file.data, 'base64')).digest('hex');

// Real limits are 30 s and 1 GB per file; these are small so that the test stays quick, and the
// files are built to exceed them by far (the bomb inflates to 300 MB, the page tree has 200,000 pages).
const limits = { pdfMs: 5_000, textBaseMs: 5_000, textMsPerMb: 0, maxMemoryMb: 256, pdfMaxPages: 50 };
const stopped = /^Stopped: (needed more than 256 MB of memory|took longer than 5 s)$/;

describe('a batch with hostile files, parsed in the task worker with per-file limits', () => {
  let sift: Sift;
  let folder: string;
  let cleanup: () => Promise<void>;
  let preview: ImportPreview;
  let before: Record<string, string>;
  let files: Array<{ name: string; data: string }>;

  beforeAll(async () => {
    ({ sift, folder, cleanup } = await openTempSift({
      taskWorkerEntry: path.join(repoRoot, 'electron/services/workers/task-worker.ts'),
      importLimits: limits,
      storage: { compactWhenIdleMs: 600_000 },
    }));
    before = await folderContents(folder);
    files = [
        asFile('good.pdf', plainPdf('Trace trees for a tracing compiler')),
        asFile('bomb.pdf', flateBombPdf(300)),
        asFile('many-pages.pdf', manyPagesPdf(200_000)),
        asFile('deep-nesting.pdf', deepNestingPdf(100_000)),
        asFile('broken-stream.pdf', brokenStreamPdf()),
        asFile('macro-bomb.bib', macroBombBibtex()),
        asFile('deep-braces.bib', deepBracesBibtex(100_000)),
        asFile('good.bib', '@article{ok, title = {Curriculum learning for sparse rewards}, author = {Good, Ann}, year = 2020}\n'),
    ];
    preview = await call(sift, 'import.preview', { importId: 'import-hostile', files });
  }, 120_000);
  afterAll(async () => cleanup());

  it('stops the bomb and the 200,000-page file, says which and why, and reads the rest', () => {
    expect(preview.files.map((file) => file.name)).toEqual(['good.pdf', 'bomb.pdf', 'many-pages.pdf', 'deep-nesting.pdf', 'broken-stream.pdf', 'macro-bomb.bib', 'deep-braces.bib', 'good.bib']);
    const byName = new Map(preview.files.map((file) => [file.name, file]));
    expect(byName.get('bomb.pdf')).toMatchObject({ records: 0, error: expect.stringMatching(stopped) });
    expect(byName.get('many-pages.pdf')).toMatchObject({ records: 0, error: expect.stringMatching(stopped) });
    expect(byName.get('good.pdf')).toMatchObject({ records: 1 });
    expect(byName.get('good.bib')).toMatchObject({ records: 1 });
    expect(byName.get('good.pdf')?.error).toBeUndefined();
  });

  it('reports the damaged files’ problems as warnings instead of failing the batch', () => {
    const byName = new Map(preview.files.map((file) => [file.name, file]));
    expect(byName.get('deep-nesting.pdf')?.warnings.map((warning) => warning.message)).toContain('Page 1: the text could not be read (Maximum call stack size exceeded)');
    expect(byName.get('broken-stream.pdf')?.error).toBeUndefined();
    expect(byName.get('macro-bomb.bib')?.warnings.map((warning) => warning.message).join('\n')).toMatch(/@string macros expand to more than [\d,]+ characters/);
    expect(byName.get('deep-braces.bib')).toMatchObject({ records: 0, warnings: [expect.objectContaining({ message: expect.stringMatching(/nested too deeply/) })] });
  });

  it('changed nothing on disk while previewing, and commits only what was read', async () => {
    expect(await folderContents(folder)).toEqual(before);
    const titles = preview.items.map((item) => item.paper.title);
    expect(titles).toContain('Trace trees for a tracing compiler');
    expect(titles).toContain('Curriculum learning for sparse rewards');
    const committed = await call(sift, 'import.commit', { importId: 'import-hostile', decisions: [] });
    expect(committed.added).toBe(5);
    const stored = (await readdir(path.join(folder, 'attachments'))).sort();
    const pdfsRead = files.filter((file) => ['good.pdf', 'deep-nesting.pdf', 'broken-stream.pdf'].includes(file.name));
    expect(stored).toEqual(pdfsRead.map((file) => `${sha256(file)}.pdf`).sort());
  });

  it('keeps working after stopping files: the next import is read as usual', async () => {
    const next = await call(sift, 'import.preview', { importId: 'import-after-bombs', files: [asFile('after.pdf', plainPdf('Reading after the bombs'))] });
    expect(next.items.map((item) => item.paper.title)).toEqual(['Reading after the bombs']);
  });
});
