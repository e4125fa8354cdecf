/**
 * What the importers must do with any text, and the inputs that try them. Shared by the fixed-seed
 * unit tests (test/unit/shared/import/fuzz-importers.test.ts) and the long run (`npm run fuzz`).
 *
 * Properties, for every format: `parseImportText` returns (never throws), leaves the built-in
 * prototypes as they were, reports no internal error (the parsers' catch-all warnings), gives
 * warnings with a message and a sane line, and every record becomes a paper that `paperSchema`
 * accepts, built the way the import service builds it (`newPaper({ id, ...draft })`), with plain
 * objects only (no record gets a prototype from a `__proto__` key).
 *
 * Inputs: arbitrary text, text made of each format's own tokens, structure-aware generators,
 * real fixture files mutated (flips, token insertions, cuts, duplications, splices, deep
 * nesting), and hostile constructions (macro bombs, 10^5 nested braces, 10^5-line RIS,
 * `__proto__` / `constructor` / `prototype` keys at any depth of CSL-JSON).
 */

import fc from 'fast-check';
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { detectTextFormat, type TextImportFormat } from '../../shared/import/detect-format';
import type { ImportResult } from '../../shared/import/import-record';
import { parseImportText } from '../../shared/import/parse-import-text';
import { detectPasteFormat, parsePastedList, type PasteFormat } from '../../shared/import/parse-pasted-list';
import { newPaper, paperSchema } from '../../shared/model/library';
import { prototypeChanges, prototypeSnapshot } from './prototype-guard';

/** How big the generated inputs get: `small` for the unit tests, `large` for `npm run fuzz`. */
export type FuzzScale = 'small' | 'large';

const NOW = '2026-01-01T00:00:00.000Z';
const fixtures = fileURLToPath(new URL('../fixtures/', import.meta.url));

/** Runs one parser call; `npm run fuzz` passes one that measures it. */
export type Timer = <T>(parse: () => T) => T;
const untimed: Timer = (parse) => parse();

/** Warnings the parsers give only when their catch-all caught a bug, never for bad input. */
const INTERNAL_ERRORS: Record<TextImportFormat, RegExp> = {
  bibtex: /^This BibTeX file could not be read \(|\): reading it failed \(/,
  ris: /^Could not read the RIS text: /,
  'csl-json': /^Could not read the CSL-JSON text: /,
  paste: /^Could not read the pasted text \(/,
};

// ---------------------------------------------------------------------------------------------
// Properties
// ---------------------------------------------------------------------------------------------

/** Throws an Error that says what is wrong when `text` breaks a property of `format`'s importer. */
export function checkImport(format: TextImportFormat, text: string, time: Timer = untimed): ImportResult {
  const before = prototypeSnapshot();
  let result: ImportResult;
  try {
    result = time(() => parseImportText(format, text));
  } catch (error) {
    throw new Error(`parseImportText('${format}') threw: ${describeError(error)}`);
  }
  assertUnpolluted(before);
  checkResult(format, result, text);
  return result;
}

/** The pasted-list reader in each of its formats, and the format detectors, on the same text. */
export function checkPaste(text: string, time: Timer = untimed): void {
  const before = prototypeSnapshot();
  for (const format of [undefined, 'daily-papers', 'arxiv-listing', 'titles', 'identifiers'] as const) {
    let parsed;
    try {
      parsed = time(() => parsePastedList(text, format));
    } catch (error) {
      throw new Error(`parsePastedList(${format ?? 'detected'}) threw: ${describeError(error)}`);
    }
    for (const warning of parsed.warnings) {
      if (INTERNAL_ERRORS.paste.test(warning.message)) throw new Error(`parsePastedList(${format ?? 'detected'}) caught a bug: ${warning.message}`);
      if (!Number.isInteger(warning.line) || warning.line < 1) throw new Error(`a warning has line ${warning.line}`);
    }
  }
  const detected: PasteFormat = time(() => detectPasteFormat(text));
  if (!['daily-papers', 'arxiv-listing', 'titles', 'identifiers'].includes(detected)) throw new Error(`detectPasteFormat gave ${detected}`);
  checkDetect(text, time);
  checkImport('paste', text, time);
  assertUnpolluted(before);
}

export function checkDetect(text: string, time: Timer = untimed): void {
  for (const name of ['', 'x.bib', 'x.ris', 'x.json', 'x.txt']) {
    const format = time(() => detectTextFormat(text, name));
    if (!['bibtex', 'ris', 'csl-json', 'paste'].includes(format)) throw new Error(`detectTextFormat gave ${format}`);
  }
}

function assertUnpolluted(before: ReturnType<typeof prototypeSnapshot>): void {
  const changes = prototypeChanges(before);
  if (changes.length > 0) throw new Error(`prototype pollution: ${changes.join('; ')}`);
}

function checkResult(format: TextImportFormat, result: ImportResult, text: string): void {
  if (result.format !== format) throw new Error(`format ${result.format}, expected ${format}`);
  const lineCount = countLines(text);
  const warnings = [...result.warnings, ...result.records.flatMap((record) => record.warnings)];
  for (const warning of warnings) {
    if (typeof warning.message !== 'string' || warning.message.trim() === '') throw new Error(`a warning without a message: ${JSON.stringify(warning)}`);
    if (INTERNAL_ERRORS[format].test(warning.message)) throw new Error(`the ${format} importer caught a bug: ${warning.message}`);
    if (warning.line !== undefined && (!Number.isInteger(warning.line) || warning.line < 1 || warning.line > lineCount + 1)) {
      throw new Error(`a warning on line ${warning.line} of ${lineCount}: ${warning.message}`);
    }
  }
  result.records.forEach((record, index) => {
    const draft = record.paper;
    if (record.line !== undefined && (!Number.isInteger(record.line) || record.line < 1 || record.line > lineCount + 1)) {
      throw new Error(`record ${index} on line ${record.line} of ${lineCount}`);
    }
    for (const [what, value] of [['the draft', draft], ['extra', draft.extra], ...draft.authors.map((author, at) => [`author ${at}`, author] as const)] as const) {
      const prototype: unknown = Object.getPrototypeOf(value);
      if (prototype !== Object.prototype && prototype !== null) throw new Error(`record ${index}: ${what} is not a plain object`);
    }
    const paper = newPaper({ id: `fuzz-${index}`, ...draft }, NOW);
    const checked = paperSchema.safeParse(paper);
    if (!checked.success) {
      const issues = checked.error.issues.slice(0, 3).map((issue) => `${issue.path.join('.')}: ${issue.message}`);
      throw new Error(`record ${index} fails paperSchema: ${issues.join('; ')}`);
    }
  });
}

function countLines(text: string): number {
  let lines = 1;
  for (let at = 0; at < text.length; at += 1) {
    const code = text.charCodeAt(at);
    if (code === 10 || (code === 13 && text.charCodeAt(at + 1) !== 10)) lines += 1;
    else if (code === 0x2028 || code === 0x2029 || code === 0x85) lines += 1;
  }
  return lines;
}

export function describeError(error: unknown): string {
  if (error instanceof Error) return `${error.name}: ${error.message}\n${error.stack?.split('\n').slice(1, 6).join('\n') ?? ''}`;
  return String(error);
}

// ---------------------------------------------------------------------------------------------
// Building blocks
// ---------------------------------------------------------------------------------------------

const sizes = (scale: FuzzScale) =>
  scale === 'small' ? { text: 300, window: 3000, items: 6, repeat: 2000, depth: 3 } : { text: 20_000, window: 400_000, items: 60, repeat: 200_000, depth: 5 };

/** Any UTF-16 text, lone surrogates and control characters included. */
export function anyText(scale: FuzzScale): fc.Arbitrary<string> {
  const maxLength = sizes(scale).text;
  return fc.oneof(
    fc.string({ unit: 'binary', maxLength }),
    fc.string({ unit: fc.constantFrom('\n', '\r', '\t', ' ', '\u0000', '\uFEFF', '\u2028', '\uD800', '\uDC00', 'é', '\u0301', 'a', '1'), maxLength }),
  );
}

/** Text made of `tokens`, any number of each, in any order. */
function tokenSoup(tokens: readonly string[], scale: FuzzScale): fc.Arbitrary<string> {
  return fc.array(fc.oneof({ weight: 5, arbitrary: fc.constantFrom(...tokens) }, { weight: 1, arbitrary: fc.string({ maxLength: 8 }) }), {
    maxLength: sizes(scale).items * 20,
  }).map((parts) => parts.join(''));
}

const pick = <T>(items: readonly T[]) => fc.constantFrom(...items);

/**
 * A short run of `tokens` repeated up to 100,000 times (2,000 at the small scale), between a few
 * more: the shape that exposes regexes and loops that rescan (quadratic or worse).
 */
export function repeatedPattern(tokens: readonly string[], scale: FuzzScale): fc.Arbitrary<string> {
  const run = (minLength: number) => fc.array(pick(tokens), { minLength, maxLength: 4 }).map((parts) => parts.join(''));
  return fc
    .record({ prefix: run(0), unit: run(1), suffix: run(0), count: fc.integer({ min: 1, max: scale === 'small' ? 2000 : 100_000 }) })
    .map(({ prefix, unit, suffix, count }) => `${prefix}${unit.repeat(Math.min(count, Math.floor(2_000_000 / Math.max(unit.length, 1))))}${suffix}`);
}

function fixtureTexts(folder: string): string[] {
  const directory = `${fixtures}${folder}/`;
  return readdirSync(directory)
    .sort()
    .map((name) => readFileSync(`${directory}${name}`, 'utf8'));
}

const FIXTURES: Record<TextImportFormat, string[]> = {
  bibtex: fixtureTexts('bibtex'),
  ris: fixtureTexts('ris'),
  'csl-json': fixtureTexts('csl-json'),
  paste: fixtureTexts('paste'),
};

// ---------------------------------------------------------------------------------------------
// Mutations of real files
// ---------------------------------------------------------------------------------------------

/** Characters and tokens that mean something to at least one importer. */
const MUTATION_TOKENS = [
  '{', '}', '(', ')', '@', '=', '"', ',', '%', '\\', '#', '$', '~', '^', '_', '&', "'", '`',
  'TY  - ', 'ER  - ', 'ER  -', 'AU  - ', 'PY  - ', 'KW  - ', '  - ', '\n', '\r\n', '\r', '\t', '\u0000', '\uFEFF', '\uD800', '\u2028',
  '[', ']', ':', 'null', '"__proto__": ', '"constructor": ', '"prototype": ', '{"__proto__": {"polluted": "yes"}}',
  '@string{', '@comment{', '@preamble{', '@xdata{', 'crossref = ', 'xdata = ', '@misc{', ' # ', '\\"{', "\\'", '\\url{', '\\begin{',
  'arXiv:', '2401.00001', '10.1000/x', 'https://doi.org/', 'Authors:', '·', '\n\n',
];

type Mutation =
  | { kind: 'replace'; at: number; text: string }
  | { kind: 'insert'; at: number; text: string }
  | { kind: 'delete'; at: number; length: number }
  | { kind: 'truncate'; at: number }
  | { kind: 'duplicate'; at: number; length: number; times: number }
  | { kind: 'splice'; at: number; donor: number; from: number; length: number }
  | { kind: 'nest'; at: number; length: number; depth: number; open: string; close: string };

function mutationArbitrary(scale: FuzzScale): fc.Arbitrary<Mutation> {
  const at = fc.nat();
  const length = fc.nat({ max: scale === 'small' ? 200 : 20_000 });
  const token = fc.oneof(pick(MUTATION_TOKENS), fc.string({ unit: 'binary', maxLength: 4 }));
  return fc.oneof(
    { weight: 4, arbitrary: fc.record({ kind: fc.constant('replace' as const), at, text: token }) },
    { weight: 4, arbitrary: fc.record({ kind: fc.constant('insert' as const), at, text: token }) },
    { weight: 2, arbitrary: fc.record({ kind: fc.constant('delete' as const), at, length }) },
    { weight: 1, arbitrary: fc.record({ kind: fc.constant('truncate' as const), at }) },
    { weight: 1, arbitrary: fc.record({ kind: fc.constant('duplicate' as const), at, length, times: fc.integer({ min: 1, max: scale === 'small' ? 3 : 20 }) }) },
    { weight: 1, arbitrary: fc.record({ kind: fc.constant('splice' as const), at, donor: fc.nat(), from: fc.nat(), length }) },
    {
      weight: 1,
      arbitrary: fc.record({
        kind: fc.constant('nest' as const),
        at,
        length,
        depth: fc.integer({ min: 1, max: scale === 'small' ? 300 : 100_000 }),
        open: pick(['{', '[', '(', '{"a":', '\\textbf{', '"']),
        close: pick(['}', ']', ')', '', '"']),
      }),
    },
  );
}

/** Applies `mutation` to `text`; `donors` are the other texts a splice may take from. */
export function mutate(text: string, mutation: Mutation, donors: readonly string[]): string {
  const at = text.length === 0 ? 0 : mutation.at % (text.length + 1);
  switch (mutation.kind) {
    case 'replace':
      return text.slice(0, at) + mutation.text + text.slice(at + 1);
    case 'insert':
      return text.slice(0, at) + mutation.text + text.slice(at);
    case 'delete':
      return text.slice(0, at) + text.slice(at + mutation.length);
    case 'truncate':
      return text.slice(0, at);
    case 'duplicate':
      return text.slice(0, at) + text.slice(at, at + mutation.length).repeat(mutation.times + 1) + text.slice(at + mutation.length);
    case 'splice': {
      const donor = donors[mutation.donor % Math.max(donors.length, 1)] ?? '';
      const from = donor.length === 0 ? 0 : mutation.from % donor.length;
      return text.slice(0, at) + donor.slice(from, from + mutation.length) + text.slice(at);
    }
    case 'nest':
      return text.slice(0, at) + mutation.open.repeat(mutation.depth) + text.slice(at, at + mutation.length) + mutation.close.repeat(mutation.depth) + text.slice(at + mutation.length);
  }
}

/** A real file of `format` (a window of it for the small scale), with a few mutations. */
export function mutatedFixture(format: TextImportFormat, scale: FuzzScale): fc.Arbitrary<string> {
  const texts = FIXTURES[format];
  const donors = Object.values(FIXTURES).flat();
  const window = sizes(scale).window;
  return fc
    .record({
      file: fc.nat({ max: texts.length - 1 }),
      start: fc.nat(),
      mutations: fc.array(mutationArbitrary(scale), { minLength: 1, maxLength: scale === 'small' ? 4 : 12 }),
    })
    .map(({ file, start, mutations }) => {
      const whole = texts[file] ?? '';
      const from = whole.length <= window ? 0 : start % (whole.length - window);
      let text = whole.slice(from, from + window);
      for (const mutation of mutations) text = mutate(text, mutation, donors);
      return text;
    });
}

// ---------------------------------------------------------------------------------------------
// BibTeX
// ---------------------------------------------------------------------------------------------

const BIBTEX_TYPES = ['article', 'inproceedings', 'book', 'misc', 'online', 'incollection', 'phdthesis', 'techreport', 'set', 'xdata', 'ARTICLE', 'string', 'preamble', 'comment', '__proto__', 'constructor'];
const BIBTEX_KEYS = ['a', 'b', 'c', 'k:1', '__proto__', 'constructor', 'toString', 'hasOwnProperty', ''];
const BIBTEX_FIELDS = [
  'title', 'author', 'editor', 'year', 'date', 'journal', 'journaltitle', 'booktitle', 'doi', 'eprint', 'eprinttype', 'archiveprefix',
  'url', 'abstract', 'keywords', 'crossref', 'xdata', 'month', 'pages', 'note', 'type', 'entrysubtype', 'shorttitle', 'subtitle',
  'urldate', 'file', '__proto__', 'constructor', 'prototype', 'hasOwnProperty', 'valueOf',
];
const LATEX = [
  "\\'e", '\\"{o}', '{\\"o}', '\\v{c}', '\\textbf{', '\\emph{x}', '$', '$x_1^2$', '\\url{http://x.org/a%20b}', '\\&', '\\%', '~', '--', '---',
  '\\', '\\\\', '{\\i}', "\\'{\\i}", '\\ss', '\\relax', '\\newcommand{\\x}{y}', '\\def\\x{y}', '\\begin{itemize}', '\\end{', '\\mathrm{a}',
  '\\c{c}', '\\k{a}', '\\noopsort{a}', ' and ', 'others', ', ', '{', '}', '\\csname', '\\unknown{', '\\href{x}{y}', '\\"', '"', '{{', '}}',
  '\\constructor', '\\toString{x}', '\\valueOf', '\\hasOwnProperty', 'Lovelace, Ada', 'von Neumann, Jr., John', '{Barnes and Noble}', 'Ab', ' ', '\n', '#', '@', '%', '\u00e9', '\uD800',
];

function bibtexValue(scale: FuzzScale): fc.Arbitrary<string> {
  const text = fc.array(pick(LATEX), { maxLength: scale === 'small' ? 12 : 60 }).map((parts) => parts.join(''));
  const part = fc.oneof(
    text.map((inner) => `{${inner}}`),
    text.map((inner) => `"${inner}"`),
    fc.oneof(fc.nat().map(String), fc.constant('99999999999999999999')),
    pick(['jan', 'feb', 'dec', 'a', 'b', 'c', 'undefinedmacro', '__proto__', 'constructor']),
    fc.integer({ min: 1, max: scale === 'small' ? 50 : 5000 }).chain((depth) => text.map((inner) => `${'{'.repeat(depth)}${inner}${'}'.repeat(depth)}`)),
  );
  return fc.array(part, { minLength: 1, maxLength: 4 }).map((parts) => parts.join(' # '));
}

function bibtexEntry(scale: FuzzScale): fc.Arbitrary<string> {
  const field = fc.tuple(fc.oneof(pick(BIBTEX_FIELDS), fc.stringMatching(/^[a-z_][a-z0-9_:-]{0,10}$/)), bibtexValue(scale));
  return fc
    .record({
      type: pick(BIBTEX_TYPES),
      key: fc.oneof(pick(BIBTEX_KEYS), fc.string({ maxLength: 6 })),
      fields: fc.array(field, { maxLength: scale === 'small' ? 6 : 30 }),
      open: pick(['{', '(']),
      close: pick(['}', ')', '', '}}']),
      separator: pick([',', ',\n  ', ' , ', '']),
      trailer: pick(['', ',', '\n', '\n% comment\n', 'junk ']),
    })
    .map(({ type, key, fields, open, close, separator, trailer }) => {
      const body = fields.map(([name, value]) => `${name} = ${value}`).join(separator);
      return `@${type}${open}${key}${key === '' ? '' : ','}${body}${close}${trailer}`;
    });
}

/** `@string` macros defined by doubling the one before, used in a field. */
export function macroBomb(levels: number, width: number): string {
  const names = Array.from({ length: levels + 1 }, (_, index) => `m${index}`);
  let text = '@string{m0 = "0123456789 "}\n';
  for (let level = 1; level <= levels; level += 1) text += `@string{${names[level]} = ${Array(width).fill(names[level - 1]).join(' # ')}}\n`;
  const last = names[levels] ?? 'm0';
  return `${text}@misc{bomb, title = ${last} # ${last}, author = ${last}, abstract = ${last}, note = ${last}}\n@misc{next, title = {Next}}\n`;
}

export function bibtexInputs(scale: FuzzScale): fc.Arbitrary<string> {
  const repeat = sizes(scale).repeat;
  const hostile = fc.oneof(
    fc.record({ levels: fc.integer({ min: 1, max: scale === 'small' ? 6 : 12 }), width: fc.integer({ min: 2, max: 10 }) }).map(({ levels, width }) => macroBomb(levels, width)),
    fc.integer({ min: 1, max: repeat }).map((depth) => `@misc{deep, title = ${'{'.repeat(depth)}x${'}'.repeat(depth)}}\n@misc{next, title = {Next}}`),
    fc.integer({ min: 1, max: repeat }).map((depth) => `@misc{open, title = ${'{'.repeat(depth)}x\n@misc{next, title = {Next}}`),
    fc.integer({ min: 1, max: repeat }).map((count) => '@'.repeat(count)),
    fc.integer({ min: 1, max: repeat / 10 }).map((count) => '@misc{'.repeat(count)),
    fc.integer({ min: 1, max: repeat / 10 }).map((count) => `@comment{${'{'.repeat(count)}`),
    fc.integer({ min: 1, max: repeat / 10 }).map((count) => `@misc{a, title = "${'{'.repeat(count)}"}`),
    fc.integer({ min: 1, max: repeat / 10 }).map((count) => `@misc{a, title = {${'\\textbf{'.repeat(count)}x${'}'.repeat(count)}}}`),
    fc.integer({ min: 2, max: repeat / 100 }).map((count) =>
      Array.from({ length: count }, (_, index) => `@misc{k${index}, crossref = {k${(index + 1) % count}}, title = {T${index}}}`).join('\n'),
    ),
  );
  return fc.oneof(
    { weight: 2, arbitrary: anyText(scale) },
    { weight: 3, arbitrary: tokenSoup(['@', '{', '}', '(', ')', '=', '"', ',', '#', '%', '\\', 'misc', 'string', 'comment', 'preamble', 'title', ' ', '\n', 'a'], scale) },
    { weight: 5, arbitrary: fc.array(bibtexEntry(scale), { maxLength: sizes(scale).items }).map((entries) => entries.join('\n')) },
    { weight: 5, arbitrary: mutatedFixture('bibtex', scale) },
    { weight: 1, arbitrary: hostile },
    { weight: 2, arbitrary: repeatedPattern([...LATEX, '@misc{', '@string{', 'a = ', ' # ', '"', ',', '\n'], scale) },
  );
}

// ---------------------------------------------------------------------------------------------
// RIS
// ---------------------------------------------------------------------------------------------

const RIS_TAGS = ['TY', 'ER', 'AU', 'A1', 'A2', 'A3', 'ED', 'TI', 'T1', 'T2', 'CT', 'BT', 'JO', 'JF', 'JA', 'J2', 'PY', 'Y1', 'DA', 'DO', 'UR', 'AB', 'N2', 'KW', 'SP', 'EP', 'VL', 'IS', 'SN', 'PB', 'CY', 'ID', 'L1', 'L2', 'N1', 'M3', 'C1', 'LA', 'DB', 'XX', 'Z9'];
const RIS_TYPES = ['JOUR', 'CONF', 'CHAP', 'BOOK', 'THES', 'RPRT', 'ELEC', 'DATA', 'COMP', 'GEN', 'XYZ', '__proto__', 'constructor', ''];
const RIS_VALUES = [
  '2020', '2020///', '2020/13/45/x', '0000', '9999', '99999', '-1', 'Smith, John', 'Smith, J.', 'Smith', ', ', ',', ';', 'van der Berg, Anna-Lena, Jr.',
  'https://doi.org/10.1000/XYZ', 'http://dx.doi.org/10.1/a', '10.1000/abc def', 'arXiv:2401.00001v2', 'https://arxiv.org/abs/hep-th/9901001',
  '__proto__', 'constructor', 'prototype', '', ' ', 'x'.repeat(300), 'é\u0301', '\uD800', '\u0000', 'SEP', 'a; b; c',
];

function risRecord(scale: FuzzScale): fc.Arbitrary<string> {
  const separator = pick(['  - ', '  -', ' - ', '- ', '  -  ', '  -\t', '-']);
  const value = fc.oneof(pick(RIS_VALUES), fc.string({ maxLength: 40 }));
  const line = fc.oneof(
    { weight: 6, arbitrary: fc.tuple(pick(RIS_TAGS), separator, value).map(([tag, sep, text]) => `${tag}${sep}${text}`) },
    { weight: 1, arbitrary: value },
    { weight: 1, arbitrary: fc.constantFrom('1.', '', '   ', 'ER  - ', 'TY  - JOUR') },
  );
  return fc
    .record({ type: pick(RIS_TYPES), lines: fc.array(line, { maxLength: scale === 'small' ? 15 : 80 }), end: pick(['ER  - ', 'ER  -', '']) })
    .map(({ type, lines, end }) => [`TY  - ${type}`, ...lines, end].join('\n'));
}

export function risInputs(scale: FuzzScale): fc.Arbitrary<string> {
  const repeat = sizes(scale).repeat;
  const newline = pick(['\n', '\r\n', '\r']);
  const hostile = fc.oneof(
    fc.integer({ min: 1, max: repeat }).map((count) => `TY  - JOUR\n${'AU  - Smith, J.\n'.repeat(count)}ER  - \n`),
    fc.integer({ min: 1, max: repeat }).map((count) => `TY  - JOUR\n${'KW  - x\n'.repeat(count)}ER  - \n`),
    fc.integer({ min: 1, max: repeat }).map((count) => 'TY  - JOUR\nER  - \n'.repeat(Math.ceil(count / 10))),
    fc.integer({ min: 1, max: repeat }).map((count) => `TY  - JOUR\nTI  - ${'a '.repeat(count)}\nER  - \n`),
    fc.integer({ min: 1, max: repeat }).map((count) => `TY  - JOUR\n${'continued line\n'.repeat(count)}ER  - \n`),
    fc.integer({ min: 1, max: repeat }).map((count) => '\n'.repeat(count)),
    fc.integer({ min: 1, max: repeat / 10 }).map((count) => `TY  - JOUR\nAU  - ${', '.repeat(count)}\nPY  - ${'/'.repeat(count)}\nER  - \n`),
  );
  return fc.oneof(
    { weight: 2, arbitrary: anyText(scale) },
    { weight: 3, arbitrary: tokenSoup(['TY  - ', 'ER  - ', 'AU  - ', 'PY  - ', 'DO  - ', 'KW  - ', '  - ', '\n', '\r\n', '\r', 'JOUR', ',', ';', '/', '2020', ' '], scale) },
    {
      weight: 5,
      arbitrary: fc.tuple(fc.array(risRecord(scale), { maxLength: sizes(scale).items }), newline, fc.boolean()).map(
        ([records, eol, bom]) => `${bom ? '\uFEFF' : ''}${records.join('\n').replaceAll('\n', eol)}`,
      ),
    },
    { weight: 5, arbitrary: mutatedFixture('ris', scale) },
    { weight: 1, arbitrary: hostile },
    { weight: 2, arbitrary: repeatedPattern([...RIS_TAGS.map((tag) => `${tag}  - `), ...RIS_VALUES.filter((value) => value.length < 50), '\n', '\r', ' - ', '(', ')'], scale) },
  );
}

// ---------------------------------------------------------------------------------------------
// CSL-JSON (generated as JSON text, so that `__proto__` stays a plain key at any depth)
// ---------------------------------------------------------------------------------------------

const CSL_KEYS = [
  '__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty', 'type', 'title', 'author', 'editor', 'issued', 'date-parts', 'family',
  'given', 'literal', 'id', 'DOI', 'URL', 'container-title', 'abstract', 'keyword', 'items', 'raw', 'season', 'circa', 'citation-key', 'note',
  'ISBN', 'volume', 'page', 'language', 'dropping-particle', 'non-dropping-particle', 'suffix', 'accessed', 'x', '',
];
const CSL_STRINGS = [
  'article-journal', 'paper-conference', 'book', 'chapter', 'thesis', 'report', 'webpage', 'dataset', 'software', 'legal-thing', '__proto__',
  'constructor', '2020', '2020-05-01', 'Doe', 'J.', '10.1000/x', 'https://doi.org/10.1/a', 'arXiv:2401.00001', '', ' ', '\uD800', '\u0000',
];

function cslJsonText(scale: FuzzScale): fc.Arbitrary<string> {
  const key = fc.oneof({ weight: 6, arbitrary: pick(CSL_KEYS) }, { weight: 1, arbitrary: fc.string({ maxLength: 6 }) }).map((name) => JSON.stringify(name));
  const scalar = fc.oneof(
    pick(CSL_STRINGS).map((text) => JSON.stringify(text)),
    fc.string({ unit: 'binary', maxLength: 20 }).map((text) => JSON.stringify(text)),
    fc.oneof(fc.integer(), fc.double({ noNaN: true, noDefaultInfinity: true })).map((number) => JSON.stringify(number)),
    pick(['true', 'false', 'null', '1e400', '-0', '2020', '99999999999999999999', '"\\ud800"', '"\\u0000"', '0.5', '-2020']),
  );
  const { value } = fc.letrec<{ value: string; array: string; object: string }>((tie) => ({
    value: fc.oneof({ depthSize: 'small', withCrossShrink: true }, scalar, tie('array'), tie('object')),
    array: fc.array(tie('value'), { maxLength: 5 }).map((values) => `[${values.join(',')}]`),
    object: fc.array(fc.tuple(key, tie('value')), { maxLength: 8 }).map((pairs) => `{${pairs.map(([name, inner]) => `${name}:${inner}`).join(',')}}`),
  }));
  const item = fc
    .array(fc.tuple(key, value), { maxLength: scale === 'small' ? 10 : 30 })
    .map((pairs) => `{${pairs.map(([name, inner]) => `${name}:${inner}`).join(',')}}`);
  return fc.oneof(
    fc.array(item, { maxLength: sizes(scale).items }).map((items) => `[${items.join(',\n')}]`),
    item,
    fc.array(item, { maxLength: sizes(scale).items }).map((items) => `{"__proto__": {"polluted": "yes"}, "items": [${items.join(',')}]}`),
  );
}

/** A `__proto__` / `constructor` / `prototype` key at `depth` levels down an item. */
export function pollutingCslJson(key: string, depth: number, inside: 'author' | 'issued' | 'item' | 'extra'): string {
  let payload = '{"polluted": "yes", "type": "thesis", "title": "P"}';
  for (let level = 0; level < depth; level += 1) payload = `{${JSON.stringify(key)}: ${payload}, "x": [${payload}]}`;
  const field = JSON.stringify(key);
  switch (inside) {
    case 'author':
      return `[{"type": "book", "title": "A", "author": [{${field}: ${payload}, "family": "Doe"}]}]`;
    case 'issued':
      return `[{"type": "book", "title": "A", "issued": {${field}: ${payload}, "date-parts": [[2004]]}}]`;
    case 'item':
      return `[{${field}: ${payload}, "type": "book", "title": "A"}]`;
    case 'extra':
      return `[{"type": "book", "title": "A", "note": ${payload}, "custom": {${field}: ${payload}}}]`;
  }
}

export function cslJsonInputs(scale: FuzzScale): fc.Arbitrary<string> {
  const repeat = sizes(scale).repeat;
  const hostile = fc.oneof(
    fc
      .record({ key: pick(['__proto__', 'constructor', 'prototype']), depth: fc.integer({ min: 0, max: scale === 'small' ? 5 : 12 }), inside: pick(['author', 'issued', 'item', 'extra'] as const) })
      .map(({ key, depth, inside }) => pollutingCslJson(key, Math.min(depth, 8), inside)),
    fc.integer({ min: 1, max: repeat }).map((depth) => `[{"type": "book", "title": ${'['.repeat(depth)}${']'.repeat(depth)}}]`),
    fc.integer({ min: 1, max: repeat }).map((depth) => `[{"type": "book", "title": "A", "x": ${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}}]`),
    fc.integer({ min: 1, max: repeat }).map((depth) => '['.repeat(depth)),
    fc.integer({ min: 1, max: repeat / 10 }).map((count) => `[${Array(count).fill('{"type":"book","title":"A","author":[{"family":"D"}]}').join(',')}]`),
    fc.integer({ min: 1, max: repeat / 10 }).map((count) => `[{"type":"book","title":"A","author":[${Array(count).fill('{"literal":"X"}').join(',')}]}]`),
  );
  return fc.oneof(
    { weight: 2, arbitrary: anyText(scale) },
    { weight: 3, arbitrary: tokenSoup(['[', ']', '{', '}', ',', ':', '"type"', '"title"', '"author"', '"issued"', '"date-parts"', '"__proto__"', '"x"', '1', 'null', ' '], scale) },
    { weight: 5, arbitrary: cslJsonText(scale) },
    { weight: 5, arbitrary: mutatedFixture('csl-json', scale) },
    { weight: 1, arbitrary: hostile },
    { weight: 2, arbitrary: repeatedPattern([...CSL_KEYS.map((key) => `"${key}": `), ...CSL_STRINGS.map((text) => JSON.stringify(text)), '[', ']', '{', '}', ',', ' ', '\n'], scale) },
  );
}

// ---------------------------------------------------------------------------------------------
// Pasted lists
// ---------------------------------------------------------------------------------------------

const PASTE_LINES = [
  '', '', 'Attention Is All You Need', 'A Title: With a Colon', 'arXiv:2401.00001', '2401.00001v2', 'hep-th/9901001', '10.1000/xyz123',
  'https://doi.org/10.1/x', 'https://arxiv.org/abs/2401.00001', 'https://arxiv.org/pdf/2401.00001v1.pdf', 'Authors: Ada Lovelace, Alan Turing',
  'Comments: 10 pages', 'Subjects: Machine Learning (cs.LG)', 'Title: Something', '[1] arXiv:2401.00001 [pdf, other]', 'Abstract:', 'Mar 14',
  'Submitted by', '·', '42', 'Upvote', 'New', 'Get trending papers in your email inbox!', 'Subscribe', 'byAK and the research community',
  'Lorem ipsum dolor sit amet, '.repeat(20), '__proto__', 'constructor', '\t', '\uFEFF', '\uD800', 'doi:10.1000/ABC',
];

export function pasteInputs(scale: FuzzScale): fc.Arbitrary<string> {
  const repeat = sizes(scale).repeat;
  const hostile = fc.oneof(
    fc.integer({ min: 1, max: repeat }).map((count) => '2401.00001\n'.repeat(Math.ceil(count / 10))),
    fc.integer({ min: 1, max: repeat }).map((count) => 'x'.repeat(count * 5)),
    fc.integer({ min: 1, max: repeat }).map((count) => 'Title\n\nAbstract text.\n\n'.repeat(Math.ceil(count / 20))),
    fc.integer({ min: 1, max: repeat }).map((count) => `Authors: ${'A B, '.repeat(count)}`),
    fc.integer({ min: 1, max: repeat }).map((count) => '10.'.repeat(count)),
  );
  return fc.oneof(
    { weight: 2, arbitrary: anyText(scale) },
    {
      weight: 5,
      arbitrary: fc
        .tuple(fc.array(fc.oneof({ weight: 4, arbitrary: pick(PASTE_LINES) }, { weight: 1, arbitrary: fc.string({ maxLength: 40 }) }), { maxLength: sizes(scale).items * 10 }), pick(['\n', '\r\n', '\r']))
        .map(([lines, eol]) => lines.join(eol)),
    },
    { weight: 5, arbitrary: mutatedFixture('paste', scale) },
    { weight: 1, arbitrary: hostile },
    { weight: 2, arbitrary: repeatedPattern([...PASTE_LINES.filter((line) => line.length < 100), '\n', '\r\n', ' ', ':', '.', '/', '[', ']', '(', ')'], scale) },
  );
}

// ---------------------------------------------------------------------------------------------
// Targets
// ---------------------------------------------------------------------------------------------

export interface FuzzTarget {
  name: string;
  inputs: (scale: FuzzScale) => fc.Arbitrary<string>;
  /** Throws an Error saying what is wrong; runs each parser call through `time`. */
  check: (input: string, time?: Timer) => void;
}

export const importerTargets: FuzzTarget[] = [
  {
    name: 'bibtex',
    inputs: bibtexInputs,
    check: (text, time) => {
      checkImport('bibtex', text, time);
      checkDetect(text, time);
    },
  },
  {
    name: 'ris',
    inputs: risInputs,
    check: (text, time) => {
      checkImport('ris', text, time);
      checkDetect(text, time);
    },
  },
  {
    name: 'csl-json',
    inputs: cslJsonInputs,
    check: (text, time) => {
      checkImport('csl-json', text, time);
      checkDetect(text, time);
    },
  },
  { name: 'paste', inputs: pasteInputs, check: checkPaste },
];
