/**
 * Round trips on the real fixtures (test/fixtures/SOURCES.md): import each file with Sift's
 * importer, export it, import the export, and compare paper by paper. In the file's own format
 * everything comes back: title, authors, year, venue, identifiers, abstract, keywords, type, the
 * citation key, and every `extra` field with its value. Across formats the bibliographic core comes
 * back too, and every `extra` field either shows up again (under the other format's name) or is in
 * the export report: nothing is dropped silently.
 */

import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { bibliographyFormats, type BibliographyFormat } from '../../../../shared/export/bibliography-formats';
import { SAFE_CITATION_KEY } from '../../../../shared/export/citation-keys';
import { exportBibliography } from '../../../../shared/export/export-bibliography';
import type { ExportReportEntry } from '../../../../shared/export/export-report';
import type { TextImportFormat } from '../../../../shared/import/detect-format';
import type { PaperDraft } from '../../../../shared/import/import-record';
import { parseImportText } from '../../../../shared/import/parse-import-text';
import { newPaper, type Author, type Paper } from '../../../../shared/model/library';
import { fixturesFolder } from '../../../helpers/temp-library';

const IMPORT_FORMAT: Record<BibliographyFormat, TextImportFormat> = { bibtex: 'bibtex', biblatex: 'bibtex', ris: 'ris', 'csl-json': 'csl-json' };

interface Fixture {
  file: string;
  /** The format the file is in; BibLaTeX's own sample is exported as BibLaTeX. */
  format: BibliographyFormat;
  papers: Paper[];
}

const fixtures: Fixture[] = (['bibtex', 'ris', 'csl-json'] as const).flatMap((folder) =>
  readdirSync(path.join(fixturesFolder, folder))
    .sort()
    .map((file) => {
      const records = parseImportText(folder, readFileSync(path.join(fixturesFolder, folder, file), 'utf8')).records;
      const papers = records.map((record, index) => newPaper({ id: `p${String(index).padStart(4, '0')}`, ...record.paper }, '2026-01-01T00:00:00.000Z'));
      const format: BibliographyFormat = folder === 'bibtex' && file.startsWith('biblatex') ? 'biblatex' : folder;
      return { file: `${folder}/${file}`, format, papers };
    }),
);

function roundTrip(papers: readonly Paper[], format: BibliographyFormat): { back: PaperDraft[]; report: ExportReportEntry[] } {
  const { text, report } = exportBibliography(papers, format);
  const back = parseImportText(IMPORT_FORMAT[format], text).records.map((record) => record.paper);
  expect(back).toHaveLength(papers.length);
  return { back, report };
}

function droppedFields(report: readonly ExportReportEntry[], paper: Paper): Set<string> {
  return new Set(report.find((entry) => entry.paperId === paper.id)?.dropped.map((dropped) => dropped.field));
}

describe('round trip in the same format', () => {
  it.each(fixtures.map((fixture) => [fixture.file, fixture] as const))('%s comes back as it was imported', (_file, { papers, format }) => {
    expect(papers.length).toBeGreaterThan(0);
    const { back, report } = roundTrip(papers, format);
    const keyCounts = new Map<string, number>();
    for (const paper of papers) if (paper.citationKey) keyCounts.set(paper.citationKey, (keyCounts.get(paper.citationKey) ?? 0) + 1);

    papers.forEach((paper, index) => {
      const again = back[index] as PaperDraft;
      const label = `${paper.citationKey ?? paper.title}`;
      for (const field of ['title', 'authors', 'year', 'venue', 'doi', 'arxivId', 'url', 'abstract', 'keywords', 'type'] as const) {
        expect(again[field], `${label}: ${field}`).toEqual(paper[field]);
      }
      const key = paper.citationKey;
      if (key !== undefined && keyCounts.get(key) === 1 && SAFE_CITATION_KEY.test(key)) expect(again.citationKey, label).toBe(key);
      // Every imported field is written again under its own name, with its value, or reported.
      const dropped = droppedFields(report, paper);
      for (const [name, value] of Object.entries(paper.extra)) {
        if (!dropped.has(`extra.${name}`)) expect(again.extra[name], `${label}: extra.${name}`).toBe(value);
      }
    });
  });

  it('reports nothing for any fixture in its own format but the keys other papers have too', () => {
    for (const { file, papers, format } of fixtures) {
      const dropped = exportBibliography(papers, format).report.flatMap((entry) => entry.dropped);
      for (const item of dropped) expect(item.reason, file).toMatch(/^written as \S+: another paper in this export has the same key$/);
      // bbt-873 repeats 14 keys; the second paper with each gets a suffix.
      expect(dropped.length, file).toBe(file.endsWith('bbt-873-ai-bibliography.bib') ? 14 : 0);
    }
  });

  it.each(fixtures.filter((fixture) => fixture.format === 'bibtex' || fixture.format === 'biblatex').map((fixture) => [fixture.file, fixture] as const))(
    '%s also survives the other dialect',
    (_file, { papers, format }) => {
      const { back } = roundTrip(papers, format === 'bibtex' ? 'biblatex' : 'bibtex');
      papers.forEach((paper, index) => {
        for (const field of ['title', 'authors', 'year', 'venue', 'doi', 'arxivId', 'url', 'abstract', 'keywords'] as const) {
          expect(back[index]?.[field], `${paper.citationKey}: ${field}`).toEqual(paper[field]);
        }
      });
    },
  );
});

describe('round trip across formats', () => {
  const cases = fixtures.flatMap((fixture) =>
    bibliographyFormats.filter((format) => IMPORT_FORMAT[format] !== IMPORT_FORMAT[fixture.format]).map((format) => [fixture.file, format, fixture] as const),
  );

  it.each(cases)('%s as %s keeps the bibliographic core and reports what it cannot carry', (_file, format, { papers }) => {
    const { back, report } = roundTrip(papers, format);
    const bibtex = IMPORT_FORMAT[format] === 'bibtex';
    papers.forEach((paper, index) => {
      const again = back[index] as PaperDraft;
      const label = `${paper.citationKey ?? paper.title}`;
      const dropped = droppedFields(report, paper);
      // BibTeX values are one line; BibTeX reads rich text (<i>) back as plain text, and says so.
      const text = (value: string | undefined, field: string) => {
        const spaced = bibtex ? value?.replace(/\s+/g, ' ').trim() : value;
        return dropped.has(field) ? spaced?.replace(/<[^>]+>/g, '').replace(/\^\{([^}]*)\}/g, '$1') : spaced;
      };
      expect(text(again.title, 'title'), `${label}: title`).toBe(text(paper.title, 'title'));
      expect(text(again.venue, 'venue'), `${label}: venue`).toBe(text(paper.venue, 'venue'));
      expect(again.abstract?.replace(/\s+/g, ' '), `${label}: abstract`).toBe(paper.abstract?.replace(/\s+/g, ' '));
      expect(again.authors.map(nameText), `${label}: authors`).toEqual(paper.authors.map(nameText));
      for (const field of ['year', 'doi', 'arxivId', 'url'] as const) expect(again[field], `${label}: ${field}`).toEqual(paper[field]);
      if (!dropped.has('type')) expect(again.type, `${label}: type`).toBe(paper.type);
      if (!dropped.has('keywords')) expect(again.keywords, `${label}: keywords`).toEqual(paper.keywords);

      // An extra field not reported must have arrived: its words are somewhere in the paper read back.
      const arrived = words([...Object.values(again.extra), again.title, again.venue ?? '', again.doi ?? '', again.url ?? '', String(again.year ?? '')].join(' '));
      for (const [name, value] of Object.entries(paper.extra)) {
        if (dropped.has(`extra.${name}`)) continue;
        const missing = [...words(value)].filter((word) => !arrived.has(word));
        expect(missing, `${label}: extra.${name} = ${value.slice(0, 80)}`).toEqual([]);
      }
    });
  });
});

/** What a name says, whichever way a format holds it: RIS and CSL-JSON read a lone family name as a literal. */
function nameText(author: Author): string {
  return 'literal' in author ? author.literal : author.given ? `${author.family}, ${author.given}` : author.family;
}

/**
 * The words and numbers of a value (the values only, for JSON text; flags such as CSL's `circa`
 * are written as marks), lower case, numbers without leading zeros (0, CSL's open end, says nothing), without name lists' "and".
 */
function words(text: string): Set<string> {
  let plain = text;
  try {
    const parsed: unknown = /^\s*[[{]/.test(text) ? JSON.parse(text) : undefined;
    if (parsed !== undefined) plain = leaves(parsed).join(' ');
  } catch {
    // Not JSON after all.
  }
  return new Set(
    plain
      .normalize('NFC')
      .toLowerCase()
      .split(/[^\p{L}\p{N}]+/u)
      .map((word) => (/^\d+$/.test(word) ? String(Number(word)) : word))
      .filter((word) => word !== '' && word !== '0' && word !== 'and' && word !== 'others'),
  );
}

function leaves(value: unknown): string[] {
  if (Array.isArray(value)) return value.flatMap(leaves);
  if (typeof value === 'object' && value !== null) return Object.values(value).flatMap(leaves);
  return typeof value === 'boolean' ? [] : [String(value)];
}
