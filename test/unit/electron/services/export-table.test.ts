import { parse } from 'csv-parse/sync';
import { marked, type Tokens } from 'marked';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Sift } from '../../../../electron/services/container';
import type { MethodOutput } from '../../../../shared/api/contract';
import { openTempSift } from '../../../helpers/temp-library';

describe('export.table and export.notes through dispatch', () => {
  let sift: Sift;
  let cleanup: () => Promise<void>;
  let ids: string[];
  let titles: string[];
  beforeAll(async () => {
    ({ sift, cleanup } = await openTempSift({ withSample: true }));
    const { papers } = await sift.handlers['papers.list']({});
    ids = papers.slice(0, 6).map((paper) => paper.id);
    titles = papers.slice(0, 6).map((paper) => paper.title);
  });
  afterAll(async () => cleanup());

  async function table(input: object): Promise<MethodOutput<'export.table'>> {
    const result = await sift.dispatch('export.table', input);
    if (!result.ok) throw new Error(result.error.message);
    return result.value as MethodOutput<'export.table'>;
  }

  it('gives CSV with one record per paper, in their order, that a CSV parser reads back', async () => {
    const { text, rows } = await table({ paperIds: ids, format: 'csv', columns: ['title', 'year', 'doi'] });
    expect(rows).toBe(6);
    expect(text.startsWith('\ufeff')).toBe(false);
    expect(text.endsWith('\r\n')).toBe(true);
    const records = parse(text, { columns: true }) as Array<Record<string, string>>;
    expect(Object.keys(records[0] ?? {})).toEqual(['Title', 'Year', 'DOI']);
    expect(records.map((record) => record.Title)).toEqual(titles);
  });

  it('starts CSV with a byte order mark when asked', async () => {
    const { text } = await table({ paperIds: ids, format: 'csv', options: { bom: true } });
    expect(text.startsWith('\ufeffTitle,Authors,Year,Venue,Tags,Status\r\n')).toBe(true);
  });

  it('gives the same Markdown as export.markdown without options, and linked titles with linkTitles', async () => {
    const plain = await table({ paperIds: ids, format: 'markdown' });
    const old = await sift.handlers['export.markdown']({ paperIds: ids });
    expect(plain.text).toBe(old.markdown);
    const linked = await table({ paperIds: ids, format: 'markdown', columns: ['title', 'year'], options: { linkTitles: true } });
    const parsed = marked.lexer(linked.text, { gfm: true }).find((token): token is Tokens.Table => token.type === 'table');
    const hrefs = parsed?.rows.map((row) => row[0]?.tokens.find((token): token is Tokens.Link => token.type === 'link')?.href);
    for (const href of hrefs ?? []) if (href !== undefined) expect(href).toMatch(/^https:\/\//);
    expect(parsed?.rows.map((row) => row[0]?.text.replace(/^\[(.*)\]\(.*\)$/, '$1'))).toHaveLength(6);
  });

  it('writes custom columns in CSV: numbers stay numbers, text that looks like a formula is neutralized', async () => {
    const { column: score } = await sift.handlers['columns.save']({ name: 'Score', kind: 'number' });
    const { column: note } = await sift.handlers['columns.save']({ name: 'Note', kind: 'text' });
    await sift.handlers['cells.set']({ paperId: ids[0] ?? '', columnId: score.id, value: -2 });
    await sift.handlers['cells.set']({ paperId: ids[0] ?? '', columnId: note.id, value: '=HYPERLINK("x")' });
    const { text } = await table({ paperIds: ids.slice(0, 2), format: 'csv', columns: ['title', `column:${score.id}`, `column:${note.id}`] });
    const records = parse(text, { columns: true }) as Array<Record<string, string>>;
    expect(records.map((record) => [record.Score, record.Note])).toEqual([
      ['-2', `'=HYPERLINK("x")`],
      ['', ''],
    ]);
  });

  it('refuses an unknown paper, and a column the library does not have', async () => {
    expect(await sift.dispatch('export.table', { paperIds: [ids[0], 'nope'], format: 'csv' })).toEqual({
      ok: false,
      error: { code: 'not-found', message: 'No paper with id "nope" in this library' },
    });
    for (const format of ['markdown', 'csv']) {
      expect(await sift.dispatch('export.table', { paperIds: ids, format, columns: ['title', 'column:none'] })).toEqual({
        ok: false,
        error: { code: 'not-found', message: 'No column "column:none" in this library' },
      });
    }
  });

  it('gives one note file per paper (each once), named safely', async () => {
    const result = await sift.dispatch('export.notes', { paperIds: [...ids, ids[0]] });
    if (!result.ok) throw new Error(result.error.message);
    const { files } = result.value as MethodOutput<'export.notes'>;
    expect(files).toHaveLength(6);
    for (const file of files) {
      expect(file.fileName).toMatch(/^[^/\\]+\.md$/);
      expect(file.content.startsWith('---\n')).toBe(true);
    }
    expect(new Set(files.map((file) => file.fileName.toLowerCase())).size).toBe(6);
    const byTitle = await sift.dispatch('export.notes', { paperIds: ids.slice(0, 1), naming: 'title' });
    if (!byTitle.ok) throw new Error(byTitle.error.message);
    expect((byTitle.value as MethodOutput<'export.notes'>).files[0]?.content).toContain(`# `);
  });

  it('answers unavailable for export.saveFolder without native dialogs (browser mode, CLI)', async () => {
    const result = await sift.dispatch('export.saveFolder', { files: [{ fileName: 'a.md', content: 'x' }] });
    expect(result).toMatchObject({ ok: false, error: { code: 'unavailable' } });
  });
});
