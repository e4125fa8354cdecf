/**
 * Property-based fuzzing of the importers with a fixed seed, small inputs and a few hundred runs
 * per format, so that it fits in `npm test`; `npm run fuzz` runs the same properties with a random
 * seed, large inputs and a time budget. No time is asserted here: the timeouts only stop a hang.
 */

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { detectTextFormat } from '../../../../shared/import/detect-format';
import { parseImportText } from '../../../../shared/import/parse-import-text';
import { checkImport, importerTargets, macroBomb, pollutingCslJson } from '../../../fuzz/importer-properties';

const SEED = 20_261_127;
const RUNS = 250;

describe('fuzzed importers: no throw, no prototype pollution, every record passes paperSchema', () => {
  it.each(importerTargets)('$name', { timeout: 60_000 }, (target) => {
    fc.assert(
      fc.property(target.inputs('small'), (input) => {
        target.check(input);
      }),
      { seed: SEED, numRuns: RUNS },
    );
  });
});

describe('hostile inputs keep the properties', () => {
  it.each([
    ['a 615-byte-style macro bomb (9 levels of 10)', 'bibtex', macroBomb(9, 10)],
    ['100,000 nested braces', 'bibtex', `@misc{deep, title = ${'{'.repeat(100_000)}x${'}'.repeat(100_000)}}\n@misc{next, title = {Next}}`],
    ['100,000 unclosed braces', 'bibtex', `@misc{open, title = ${'{'.repeat(100_000)}x\n@misc{next, title = {Next}}`],
    ['a crossref cycle through 1,000 entries', 'bibtex', Array.from({ length: 1000 }, (_, at) => `@misc{k${at}, crossref = {k${(at + 1) % 1000}}}`).join('\n')],
    ['50,000 RIS author lines', 'ris', `TY  - JOUR\n${'AU  - Smith, J.\n'.repeat(50_000)}ER  - \n`],
    ['20,000 RIS records', 'ris', 'TY  - JOUR\nER  - \n'.repeat(20_000)],
    ['100,000 nested CSL-JSON arrays', 'csl-json', `[{"type": "book", "title": ${'['.repeat(100_000)}${']'.repeat(100_000)}}]`],
    ['100,000 unclosed CSL-JSON arrays', 'csl-json', '['.repeat(100_000)],
  ] as const)('%s', { timeout: 60_000 }, (_name, format, text) => {
    checkImport(format, text);
  });

  const depths = [0, 1, 3, 6];
  const cases = ['__proto__', 'constructor', 'prototype'].flatMap((key) =>
    (['item', 'author', 'issued', 'extra'] as const).flatMap((inside) => depths.map((depth) => [key, inside, depth] as const)),
  );
  it.each(cases)('CSL-JSON with "%s" in the %s at depth %i: Object.prototype unchanged, schema keys only', (key, inside, depth) => {
    const result = checkImport('csl-json', pollutingCslJson(key, depth, inside));
    expect(result.records).toHaveLength(1);
    const paper = result.records[0]?.paper;
    expect(paper?.type).toBe('book');
    expect(paper?.title).toBe('A');
    for (const unsafe of ['__proto__', 'constructor', 'prototype']) expect(Object.hasOwn(paper?.extra ?? {}, unsafe)).toBe(false);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe('regressions found by fuzzing', () => {
  it.each([
    ['@__proto__{a,}', 'misc', 'The entry type @__proto__ is not a BibTeX or BibLaTeX type; it was imported as misc.'],
    ['@constructor{a,}', 'misc', 'The entry type @constructor is not a BibTeX or BibLaTeX type; it was imported as misc.'],
    ['@CONSTRUCTOR{a,}', 'misc', 'The entry type @constructor is not a BibTeX or BibLaTeX type; it was imported as misc.'],
  ])('BibTeX %s: a type named like an Object.prototype member is misc (it was that member, failing the schema)', (text, type, warning) => {
    const result = checkImport('bibtex', text);
    expect(result.records.map((record) => record.paper.type)).toEqual([type]);
    expect(result.records[0]?.warnings.map((each) => each.message)).toContain(warning);
  });

  it.each([
    ['\\constructor', 'constructor'],
    ['\\toString', 'toString'],
    ['\\valueOf{x}', 'x'],
  ])('BibTeX title {%s} reads %j (it was the source of an Object.prototype function)', (command, title) => {
    const result = checkImport('bibtex', `@misc{a, title = {${command}}}`);
    expect(result.records[0]?.paper.title).toBe(title);
  });

  it.each(['@constructor{b,}\n@inbook{a, crossref = b}', '@__proto__{b,}\n@inbook{a, crossref = b}'])(
    'BibTeX %j: a crossref to an entry typed like a prototype member inherits (it threw, losing the file)',
    (text) => {
      const result = checkImport('bibtex', text);
      expect(result.warnings).toEqual([]);
      expect(result.records.map((record) => [record.paper.citationKey, record.paper.type])).toEqual([
        ['b', 'misc'],
        ['a', 'chapter'],
      ]);
    },
  );

  it('BibTeX fields named __proto__, constructor or prototype are left out with a warning, as in CSL-JSON', () => {
    const result = checkImport('bibtex', '@misc{a, title = {T}, __proto__ = {x}, constructor = {y}, prototype = {z}, note = {n}}');
    expect(result.records[0]?.paper.extra).toEqual({ note: 'n' });
    expect(result.records[0]?.warnings.map((warning) => warning.message)).toEqual([
      'Ignored the field "__proto__".',
      'Ignored the field "constructor".',
      'Ignored the field "prototype".',
    ]);
  });

  it('BibTeX: one author name of 300,000 words is kept whole, with a warning (a hang guard: the Jr-suffix regex and citation-js were quadratic)', { timeout: 10_000 }, () => {
    const result = checkImport('bibtex', `@misc{a, title = {T}, author = {${'a '.repeat(300_000)}Z, Jr}}`);
    expect(result.records[0]?.paper.authors).toEqual([{ literal: 'a '.repeat(500) }]);
    expect(result.records[0]?.warnings.map((warning) => warning.message)).toEqual([
      'The author field has a name longer than 1,000 characters, so each name was kept whole.',
    ]);
  });

  it.each([
    ['Richard H. Granger, Jr', [{ family: 'Granger', given: 'Richard H., Jr' }]],
    ['Richard H. Granger , Jr', [{ family: 'Richard H. Granger', given: 'Jr' }]],
    ['Granger , Jr', [{ family: 'Granger', given: 'Jr' }]],
  ])('BibTeX author %j reads as before the suffix regex was replaced', (name, authors) => {
    expect(checkImport('bibtex', `@misc{a, author = {${name}}}`).records[0]?.paper.authors).toEqual(authors);
  });

  it('BibTeX: 100,000 `#` joins in one value (a hang guard: each join flattened the growing string, 3 s)', { timeout: 10_000 }, () => {
    const result = checkImport('bibtex', `@misc{k, title = ${'x # '.repeat(100_000)}x}`);
    expect(result.records[0]?.paper.title).toBe('x '.repeat(5000));
  });

  it('BibTeX: an @string with 200,000 undefined macros keeps the file (push(...warnings) overflowed the stack)', { timeout: 10_000 }, () => {
    const result = checkImport('bibtex', `@string{a = ${'x # '.repeat(200_000)}x}\n@misc{k, title = {T}}`);
    expect(result.records.map((record) => record.paper.title)).toEqual(['T']);
    expect(result.warnings).toHaveLength(201);
    expect(result.warnings.at(-1)).toEqual({ message: '199,801 more problems like these are not listed.' });
  });

  it('a pasted abstract over 1,000,000 characters is cut to fit paperSchema, with a warning', () => {
    const result = checkImport('paste', `A Title\n\n${'a '.repeat(600_000)}`);
    expect(result.records.map((record) => record.paper.abstract?.length)).toEqual([1_000_000]);
    expect(result.records[0]?.warnings).toEqual([{ line: 1, message: 'The abstract is 1199999 characters long; kept the first 1000000.' }]);
  });

  it.each([
    ['20,000 unclosed "["', '['.repeat(20_000), { message: 'Not valid JSON: Unexpected end of JSON input' }],
    ['"[{}" and 20,000 "["', `[{}${'['.repeat(20_000)}`, { line: 1, message: expect.stringMatching(/^Not valid JSON at line 1, column 4 \(CommaExpected\)/) as unknown }],
  ])('CSL-JSON syntax error in %s: a syntax warning (the line finder overflowed its stack)', (_name, text, warning) => {
    expect(checkImport('csl-json', text).warnings).toEqual([warning]);
  });

  it('a CSL-JSON field nested 20,000 deep is left out with a warning; the item is kept (it lost the file)', () => {
    const deep = `${'['.repeat(20_000)}${']'.repeat(20_000)}`;
    const result = checkImport('csl-json', `[{"type": "book", "title": "A", "x": ${deep}, "note": "n"}]`);
    expect(result.records.map((record) => record.paper)).toEqual([{ type: 'book', title: 'A', authors: [], keywords: [], extra: { note: 'n' } }]);
    expect(result.records[0]?.warnings).toEqual([{ entry: 'A', message: 'The field "x" is nested too deeply to keep; left it out.' }]);
  });

  it('RIS SN after 200,000 unclosed "(" still reads as an ISSN (a hang guard: the lazy `\\(.*?\\)` was quadratic)', { timeout: 10_000 }, () => {
    const result = checkImport('ris', `TY  - JOUR\nTI  - T\nSN  - ${'('.repeat(200_000)}12345678\nER  - \n`);
    expect(Object.keys(result.records[0]?.paper.extra ?? {})).toEqual(['issn']);
  });

  it.each(['\n', '\r', ' \n'])('detectTextFormat on 64 KiB of %j is paste (a hang guard: `^\\s*@` was quadratic there)', { timeout: 10_000 }, (unit) => {
    const text = unit.repeat(65_536 / unit.length);
    for (let round = 0; round < 4; round += 1) expect(detectTextFormat(text)).toBe('paste');
    expect(detectTextFormat('\n\n  \t@article{x,')).toBe('bibtex');
    expect(parseImportText('paste', text).records).toEqual([]);
  });
});
