import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Sift } from '../../../../electron/services/container';
import type { MethodOutput } from '../../../../shared/api/contract';
import { parseImportText } from '../../../../shared/import/parse-import-text';
import { openTempSift } from '../../../helpers/temp-library';

describe('export.bibliography through dispatch', () => {
  let sift: Sift;
  let cleanup: () => Promise<void>;
  let ids: string[];
  beforeAll(async () => {
    ({ sift, cleanup } = await openTempSift({ withSample: true }));
    ids = (await sift.handlers['papers.list']({})).papers.slice(0, 5).map((paper) => paper.id);
  });
  afterAll(async () => cleanup());

  it.each([
    ['bibtex', 'bibtex'],
    ['biblatex', 'bibtex'],
    ['ris', 'ris'],
    ['csl-json', 'csl-json'],
  ] as const)('exports the papers as %s, in their order, once each', async (format, importFormat) => {
    const result = await sift.dispatch('export.bibliography', { paperIds: [...ids, ids[0]], format });
    if (!result.ok) throw new Error(result.error.message);
    const value = result.value as MethodOutput<'export.bibliography'>;
    expect(value.count).toBe(5);
    const { papers } = await sift.handlers['papers.get']({ ids });
    const back = parseImportText(importFormat, value.text).records.map((record) => record.paper.title);
    expect(back).toEqual(papers.map((paper) => paper.title));
    // The sample papers are preprints without an arXiv id, which none of the formats can mark as such.
    for (const entry of value.report) expect(entry.dropped.map((dropped) => dropped.field)).toEqual(['type']);
  });

  it('refuses an unknown paper without exporting anything', async () => {
    const result = await sift.dispatch('export.bibliography', { paperIds: [ids[0], 'no-such-paper'], format: 'ris' });
    expect(result).toEqual({ ok: false, error: { code: 'not-found', message: 'No paper with id "no-such-paper" in this library' } });
  });

  it('exports nothing as an empty text', async () => {
    const result = await sift.dispatch('export.bibliography', { paperIds: [], format: 'csl-json' });
    expect(result).toEqual({ ok: true, value: { text: '[]\n', report: [], count: 0 } });
  });
});
