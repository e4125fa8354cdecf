/**
 * Golden files: every exporter's output for the hand-made papers of test/helpers/golden-papers.ts,
 * compared byte for byte with the files in test/fixtures/export/. After a deliberate change to an
 * exporter or to those papers, regenerate the files and review their diff:
 *
 *   SIFT_UPDATE_GOLDEN=1 npx vitest run --config test/vitest.config.ts --project unit test/unit/shared/export/golden-files.test.ts
 */

import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { exportBibliography } from '../../../../shared/export/export-bibliography';
import { reviewTableMarkdown } from '../../../../shared/export/markdown-table';
import { toBibtex } from '../../../../shared/export/to-bibtex';
import { toCslJson } from '../../../../shared/export/to-csl-json';
import { toRis } from '../../../../shared/export/to-ris';
import type { BibliographyFormat } from '../../../../shared/export/bibliography-formats';
import { parseImportText } from '../../../../shared/import/parse-import-text';
import type { Paper } from '../../../../shared/model/library';
import { goldenPapers } from '../../../helpers/golden-papers';
import { fixturesFolder } from '../../../helpers/temp-library';

const folder = path.join(fixturesFolder, 'export');
const update = process.env.SIFT_UPDATE_GOLDEN === '1';
const papers = goldenPapers();

const exporters: Array<[file: string, make: () => string]> = [
  ['golden.bib', () => toBibtex(papers, { dialect: 'bibtex' }).text],
  ['golden-biblatex.bib', () => toBibtex(papers, { dialect: 'biblatex' }).text],
  ['golden.ris', () => toRis(papers).text],
  ['golden.csl.json', () => toCslJson(papers).text],
  ['golden-review-table.md', () => reviewTableMarkdown(papers, ['title', 'authors', 'year', 'venue', 'doi'])],
  [
    'golden-reports.json',
    () => {
      const reports = Object.fromEntries((['bibtex', 'biblatex', 'ris', 'csl-json'] as const).map((format) => [format, exportBibliography(papers, format).report]));
      return `${JSON.stringify(reports, null, 2)}\n`;
    },
  ],
];

describe('golden files', () => {
  it.each(exporters)('%s is what the exporter writes, byte for byte', (file, make) => {
    const actual = Buffer.from(make(), 'utf8');
    const target = path.join(folder, file);
    if (update) writeFileSync(target, actual);
    const expected = readFileSync(target);
    expect(actual.toString('utf8')).toBe(expected.toString('utf8'));
    expect(actual.equals(expected)).toBe(true);
  });

  it('RIS lines end in CRLF; the others in LF', () => {
    const ris = readFileSync(path.join(folder, 'golden.ris'), 'utf8');
    expect(ris.split('\r\n').every((line) => !line.includes('\n'))).toBe(true);
    expect(ris.endsWith('ER  - \r\n')).toBe(true);
    for (const file of ['golden.bib', 'golden-biblatex.bib', 'golden.csl.json']) expect(readFileSync(path.join(folder, file), 'utf8')).not.toContain('\r');
  });

  it('BibTeX output is ASCII; BibLaTeX keeps UTF-8', () => {
    expect(readFileSync(path.join(folder, 'golden.bib'), 'utf8')).toMatch(/^[\n\x20-\x7e]*$/);
    expect(readFileSync(path.join(folder, 'golden-biblatex.bib'), 'utf8')).toContain('Über naïve Café-Schätzungen');
  });

  const importFormat = { bibtex: 'bibtex', biblatex: 'bibtex', ris: 'ris', 'csl-json': 'csl-json' } as const;
  it.each(['bibtex', 'biblatex', 'ris', 'csl-json'] as const)('the %s golden file imports back as the same papers, or says why not', (format: BibliographyFormat) => {
    const { text, report } = exportBibliography(papers, format);
    const back = parseImportText(importFormat[format], text).records.map((record) => record.paper);
    expect(back).toHaveLength(papers.length);
    papers.forEach((paper, index) => {
      const again = back[index];
      const dropped = new Set(report.find((entry) => entry.paperId === paper.id)?.dropped.map((item) => item.field));
      for (const field of ['title', 'year', 'venue', 'doi', 'arxivId', 'url', 'type'] as const) {
        if (!dropped.has(field)) expect(again?.[field], `${paper.id}: ${field}`).toEqual(paper[field]);
      }
      expect(again?.authors.map(nameText), `${paper.id}: authors`).toEqual(paper.authors.map(nameText));
      expect(normalizeSpace(again?.abstract), `${paper.id}: abstract`).toBe(normalizeSpace(paper.abstract));
      if (!dropped.has('keywords')) expect(again?.keywords, `${paper.id}: keywords`).toEqual(paper.keywords);
    });
  });

  it('gives each paper a stable, unique, ASCII-safe key', () => {
    const keys = toCslJson(papers).text.match(/"id": "[^"]*"/g);
    expect(keys).toEqual([
      '"id": "zola2019uber"',
      '"id": "who2021braced"',
      '"id": "anonymousundated"',
      '"id": "vaswani2017attention"',
      '"id": "smith2020learninga"',
      '"id": "smith2020learningb"',
      '"id": "smith2020learning"',
      '"id": "Muller:2019draft"',
      '"id": "lee2022dataset"',
      '"id": "lee2022sift"',
      '"id": "web2023"',
      '"id": "lee2022something"',
    ]);
    // The same papers in another order keep their keys.
    expect(toCslJson([...papers].reverse()).text.match(/"id": "[^"]*"/g)).toEqual([...(keys ?? [])].reverse());
  });
});

/** What a name says, whichever way a format holds it: RIS and CSL-JSON read a lone family name as a literal. */
function nameText(author: Paper['authors'][number]): string {
  return 'literal' in author ? author.literal : author.given ? `${author.family}, ${author.given}` : author.family;
}

/** BibTeX values are one line and RIS has no blank lines: paragraphs come back as spaces or one line break. */
function normalizeSpace(text: string | undefined): string | undefined {
  return text?.replace(/\s+/g, ' ');
}
