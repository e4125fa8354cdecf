import { beforeEach, describe, expect, it, vi } from 'vitest';

// The renderer's only door out, and the browser-mode download, as fakes that record their calls.
const fake = vi.hoisted(() => ({
  calls: [] as Array<{ method: string; input: unknown }>,
  answers: new Map<string, unknown>(),
  downloads: [] as Array<{ fileName: string; text: string; type: string | undefined }>,
}));
vi.mock('../../../../renderer/src/api/client', () => {
  class ApiCallError extends Error {
    constructor(
      readonly code: string,
      message: string,
    ) {
      super(message);
    }
  }
  return {
    ApiCallError,
    call: (method: string, input: unknown) => {
      fake.calls.push({ method, input });
      const answer = fake.answers.get(method);
      if (answer === 'unavailable') return Promise.reject(new ApiCallError('unavailable', 'needs the desktop app'));
      return Promise.resolve(answer);
    },
  };
});
vi.mock('../../../../renderer/src/util/download', () => ({
  downloadText: (fileName: string, text: string, type?: string) => fake.downloads.push({ fileName, text, type }),
}));

import type { PreparedExport } from '../../../../renderer/src/state/export-actions';

const { prepareExport, reportSummary, savePrepared } = await import('../../../../renderer/src/state/export-actions');

const choices = { linkTitles: true, footnotes: false, bom: true };

describe('export actions', () => {
  beforeEach(() => {
    fake.calls.length = 0;
    fake.downloads.length = 0;
    fake.answers.clear();
  });

  it.each([
    ['markdown', 'export.table', { paperIds: ['a'], format: 'markdown', options: { linkTitles: true, footnotes: false } }, 'review-table.md'],
    ['csv', 'export.table', { paperIds: ['a'], format: 'csv', options: { bom: true } }, 'review-table.csv'],
    ['bibtex', 'export.bibliography', { paperIds: ['a'], format: 'bibtex' }, 'references.bib'],
    ['biblatex', 'export.bibliography', { paperIds: ['a'], format: 'biblatex' }, 'references-biblatex.bib'],
    ['ris', 'export.bibliography', { paperIds: ['a'], format: 'ris' }, 'references.ris'],
    ['csl-json', 'export.bibliography', { paperIds: ['a'], format: 'csl-json' }, 'references.json'],
  ] as const)('prepares %s through %s and names the file %s', async (kind, method, input, fileName) => {
    fake.answers.set('export.table', { text: 't', rows: 1 });
    fake.answers.set('export.bibliography', { text: 't', report: [], count: 1 });
    const prepared = await prepareExport(['a'], { ...choices, kind });
    expect(fake.calls).toEqual([{ method, input }]);
    expect(prepared).toMatchObject({ kind: 'text', fileName, text: 't', count: 1 });
  });

  it('passes the review table columns to a table export', async () => {
    fake.answers.set('export.table', { text: 't', rows: 1 });
    await prepareExport(['a'], { ...choices, kind: 'csv' }, ['title', 'column:c1']);
    expect(fake.calls[0]?.input).toMatchObject({ columns: ['title', 'column:c1'] });
  });

  it('summarizes what a format could not carry', async () => {
    const report = [
      { paperId: 'a', key: 'a', title: 'A', dropped: [{ field: 'type', reason: 'r' }, { field: 'arxivId', reason: 'r' }] },
      { paperId: 'b', key: 'b', title: 'B', dropped: [{ field: 'type', reason: 'r' }] },
    ];
    fake.answers.set('export.bibliography', { text: 't', report, count: 2 });
    expect(reportSummary(await prepareExport(['a', 'b'], { ...choices, kind: 'ris' }))).toBe('3 fields of 2 papers could not be carried in RIS');
    fake.answers.set('export.table', { text: 't', rows: 2 });
    expect(reportSummary(await prepareExport(['a', 'b'], { ...choices, kind: 'markdown' }))).toBe('');
  });

  it('saves with the desktop dialogs when there are some', async () => {
    fake.answers.set('export.save', { saved: true, path: '/home/me/t.csv' });
    const text: PreparedExport = { kind: 'text', fileName: 'review-table.csv', mimeType: 'text/csv', text: 'x', count: 1, report: [], formatName: 'CSV' };
    expect(await savePrepared(text)).toEqual({ saved: true, where: '/home/me/t.csv', downloaded: false, files: 1 });
    fake.answers.set('export.saveFolder', { saved: true, folder: '/home/me/notes', fileNames: ['a.md', 'b-2.md'] });
    const files: PreparedExport = { kind: 'files', count: 2, files: [{ fileName: 'a.md', content: 'a' }, { fileName: 'b.md', content: 'b' }] };
    expect(await savePrepared(files)).toEqual({ saved: true, where: '/home/me/notes', downloaded: false, files: 2 });
    fake.answers.set('export.saveFolder', { saved: false });
    expect(await savePrepared(files)).toEqual({ saved: false });
    expect(fake.downloads).toEqual([]);
  });

  it('downloads in browser mode: the text, or each note as its own file', async () => {
    fake.answers.set('export.save', 'unavailable');
    fake.answers.set('export.saveFolder', 'unavailable');
    const text: PreparedExport = { kind: 'text', fileName: 'references.ris', mimeType: 'application/x-research-info-systems', text: 'TY  - JOUR', count: 1, report: [], formatName: 'RIS' };
    expect(await savePrepared(text)).toEqual({ saved: true, where: 'references.ris', downloaded: true, files: 1 });
    const files: PreparedExport = { kind: 'files', count: 2, files: [{ fileName: 'a.md', content: 'a' }, { fileName: 'b.md', content: 'b' }] };
    expect(await savePrepared(files)).toEqual({ saved: true, where: 'your downloads', downloaded: true, files: 2 });
    expect(fake.downloads.map((download) => download.fileName)).toEqual(['references.ris', 'a.md', 'b.md']);
    expect(fake.downloads[0]?.type).toBe('application/x-research-info-systems');
  });
});
