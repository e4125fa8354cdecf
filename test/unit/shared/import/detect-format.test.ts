import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { detectTextFormat, looksLikePdf } from '../../../../shared/import/detect-format';
import { fixturesFolder } from '../../../helpers/temp-library';

const fixtures = (folder: string) =>
  readdirSync(path.join(fixturesFolder, folder), { withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.join(folder, entry.name));

describe('import format detection', () => {
  it.each([
    ...fixtures('paste').map((file) => [file, 'paste'] as const),
    ...fixtures('ris').map((file) => [file, 'ris'] as const),
    ...fixtures('bibtex').map((file) => [file, 'bibtex'] as const),
    ...fixtures('csl-json').map((file) => [file, 'csl-json'] as const),
  ])('%s is %s', (file, format) => {
    expect(detectTextFormat(readFileSync(path.join(fixturesFolder, file), 'utf8'), file)).toBe(format);
  });

  it.each([
    ['@article{key,\n title = {A}}', 'x.txt', 'bibtex'],
    ['@Book(key, title = "A")', '', 'bibtex'],
    ['\uFEFFTY  - JOUR\r\nTI  - A\r\nER  -\r\n', 'export.txt', 'ris'],
    ['1.\nTY  - JOUR\nT1  - A\nER  - \n', '', 'ris'],
    ['[{"id":"a","type":"article-journal","title":"A"}]', 'x.txt', 'csl-json'],
    ['{ "type": "book", "title": "B" }', '', 'csl-json'],
    ['10.1038/nature14539\n2206.10883', 'ids.txt', 'paste'],
    ['', 'refs.bib', 'bibtex'],
    ['', 'refs.ris', 'ris'],
    ['nothing here', 'notes.md', 'paste'],
  ])('%j (%s) is %s', (text, name, format) => {
    expect(detectTextFormat(text, name)).toBe(format);
  });

  it('recognises PDFs by their header, not their name', () => {
    expect(looksLikePdf(new TextEncoder().encode('%PDF-1.7\n...'))).toBe(true);
    expect(looksLikePdf(new TextEncoder().encode('\n\n%PDF-1.4'))).toBe(true);
    expect(looksLikePdf(new TextEncoder().encode('@article{x,}'))).toBe(false);
    expect(looksLikePdf(new Uint8Array())).toBe(false);
  });
});
