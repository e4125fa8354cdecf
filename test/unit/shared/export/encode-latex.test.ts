import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { encodeLatex, encodeTitle } from '../../../../shared/export/encode-latex';
import { decodeLatex } from '../../../../shared/import/bibtex/decode-latex';
import { parseImportText } from '../../../../shared/import/parse-import-text';
import { fixturesFolder } from '../../../helpers/temp-library';

/** Every title, venue and abstract of the fixtures, as Sift imported them. */
const realTexts = (['bibtex', 'ris', 'csl-json'] as const).flatMap((folder) =>
  readdirSync(path.join(fixturesFolder, folder)).flatMap((file) =>
    parseImportText(folder, readFileSync(path.join(fixturesFolder, folder, file), 'utf8')).records.flatMap((record) =>
      [record.paper.title, record.paper.venue, record.paper.abstract].filter((text): text is string => text !== undefined && !text.includes('<')),
    ),
  ),
);

const oneSpaced = (text: string) => text.replace(/\s+/g, ' ').trim().normalize('NFC');

describe('LaTeX for BibTeX values', () => {
  it.each([
    ['TeX specials', '\\ { } % & $ # _ ~ ^', '\\textbackslash{} \\{ \\} \\% \\& \\$ \\# \\_ \\textasciitilde{} \\textasciicircum{}'],
    ['ligatures kept apart', "a--b, ``q'' and ---", "a-{}-b, `{}`q'{}' and -{}-{}-"],
    ['dashes in TeX’s spelling', '97–105 — so', '97--105 --- so'],
    ['accents', 'Émile, naïve, Dvořák, Łódź', "{\\'E}mile, na{\\\"{\\i}}ve, Dvo{\\v{r}}{\\'a}k, {\\L}{\\'o}d{\\'z}"],
    ['symbols and math', '16×16, α, °C', '16{\\texttimes}16, $\\alpha$, {\\textdegree}C'],
    ['characters LaTeX has no name for, as UTF-8', '北京 😀', '北京 😀'],
    ['rich text as commands', 'the 3<sup>rd</sup> <i>in vivo</i> test, p < 0.05', 'the 3\\textsuperscript{rd} \\textit{in vivo} test, p < 0.05'],
    ['white space as one space', 'two\n\nparagraphs\tand  tabs', 'two paragraphs and tabs'],
  ])('BibTeX: %s', (_what, text, expected) => {
    expect(encodeLatex(text, true)).toBe(expected);
  });

  it('BibLaTeX keeps UTF-8 and escapes only what TeX would read', () => {
    expect(encodeLatex('Émile & Łódź — 50%', false)).toBe('Émile \\& Łódź — 50\\%');
  });

  it.each([
    ['BERT: Pre-training of Deep Transformers', '{BERT}: Pre-training of Deep Transformers'],
    ['GPT-3 on ImageNet (iOS)', '{GPT-3} on {ImageNet} ({iOS})'],
    ['Über LaTeX', '{\\"U}ber {LaTeX}'],
  ])('protects the capitals of %j', (title, expected) => {
    expect(encodeTitle(title, true)).toBe(expected);
  });

  it(`reads back as the same text for ${realTexts.length} real titles, venues and abstracts, in both modes`, () => {
    expect(realTexts.length).toBeGreaterThan(2000);
    for (const text of realTexts) {
      expect(decodeLatex(encodeLatex(text, true)).value, text).toBe(oneSpaced(text));
      expect(decodeLatex(encodeLatex(text, false)).value, text).toBe(oneSpaced(text));
      expect(decodeLatex(encodeTitle(text, true)).value, text).toBe(oneSpaced(text));
    }
  });

  it('writes ASCII in BibTeX mode but for the few characters LaTeX has no name for', () => {
    const leftover = new Set(realTexts.flatMap((text) => [...encodeLatex(text, true)].filter((char) => char > '\x7f')));
    expect([...leftover].sort()).toEqual(['ʼ', '‐', 'ₕ'].sort());
  });
});
