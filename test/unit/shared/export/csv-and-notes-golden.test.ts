/**
 * Golden files for the CSV and Markdown notes exporters: their output for the hand-made papers of
 * edge-case-papers.ts, compared byte for byte with the files in test/fixtures/export/ (the notes in
 * golden-notes/, one file per paper). After a
 * deliberate change to an exporter or to those papers, regenerate the files and review their diff:
 *
 *   SIFT_UPDATE_GOLDEN=1 npx vitest run --config test/vitest.config.ts --project unit test/unit/shared/export/csv-and-notes-golden.test.ts
 */

import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { reviewTableCsv } from '../../../../shared/export/csv';
import { paperNoteFiles } from '../../../../shared/export/notes-bundle';
import { reviewColumnIds } from '../../../../shared/export/review-columns';
import { fixturesFolder } from '../../../helpers/temp-library';
import { edgeCasePapers } from './edge-case-papers';

const folder = path.join(fixturesFolder, 'export');
const update = process.env.SIFT_UPDATE_GOLDEN === '1';
const papers = edgeCasePapers();

const exporters: Array<[file: string, make: () => string]> = [
  ['golden-review-table.csv', () => reviewTableCsv(papers, reviewColumnIds)],
  ['golden-review-table-bom-lf.csv', () => reviewTableCsv(papers, ['title', 'year', 'tags'], { bom: true, lineEnding: '\n' })],
];

describe('golden files (CSV and notes)', () => {
  // The notes bundle is a folder of its own, one file per paper, so it can be opened as an Obsidian vault or a Zettlr workspace.
  const notesFolder = path.join(folder, 'golden-notes');
  const notes = paperNoteFiles(papers);
  if (update) {
    rmSync(notesFolder, { recursive: true, force: true });
    mkdirSync(notesFolder);
    for (const note of notes) writeFileSync(path.join(notesFolder, note.fileName), note.content);
  }

  it('golden-notes/ holds exactly the bundle\'s files', () => {
    expect(readdirSync(notesFolder).sort()).toEqual(notes.map((note) => note.fileName).sort());
  });

  it.each(notes.map((note) => [note.fileName, note.content]))('golden-notes/%s is what the exporter writes, byte for byte', (fileName, content) => {
    expect(content).toBe(readFileSync(path.join(notesFolder, fileName), 'utf8'));
  });

  it.each(exporters)('%s is what the exporter writes, byte for byte', (file, make) => {
    const actual = Buffer.from(make(), 'utf8');
    const target = path.join(folder, file);
    if (update) writeFileSync(target, actual);
    const expected = readFileSync(target);
    expect(actual.toString('utf8')).toBe(expected.toString('utf8'));
    expect(actual.equals(expected)).toBe(true);
  });
});
