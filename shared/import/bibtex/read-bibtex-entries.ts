/**
 * Reads the entries of a .bib file: types, citation keys and raw field values (LaTeX not yet
 * decoded), with `@string` macros and `#` concatenation applied and a line number for everything.
 *
 * The grammar is citation-js's (`@citation-js/plugin-bibtex`: its lexer and its rules for fields,
 * quoted and braced values). citation-js reads a whole file in one go and gives up at the first
 * error, silently turns undefined macros into "", and keeps no line numbers, so this module drives
 * that grammar one entry at a time and replaces four of its rules (Entry, EntryBody, Expression,
 * ExpressionPart) with versions that record lines, keep undefined macros as text, read entries
 * without a key, and bound macro expansion.
 *
 * Recovery works like BibTeX's own: every `@type{` or `@type(` in the text may start an entry. Each
 * is read from there up to the next one; an entry that runs past that point inside a value (an
 * `@x{` in an abstract) is read once more with the next few regions added. An entry that still
 * cannot be read becomes a warning and reading goes on at the next `@`. So one bad entry never
 * costs the others, and each region is read a bounded number of times, which keeps garbage input
 * linear.
 */

import { util, type MooLexer, type MooToken } from '@citation-js/core';
import { defaultStrings } from '@citation-js/plugin-bibtex/lib/input/constants.js';
import { bibtexGrammar, parse as parseWholeFile } from '@citation-js/plugin-bibtex/lib/input/file.js';
import type { ImportWarning } from '../import-record';

/** One field of an entry: its raw value (macros expanded, LaTeX untouched) and the line it starts on. */
export interface BibtexField {
  value: string;
  line: number;
}

/** A data entry (not `@string`, `@preamble` or `@comment`). */
export interface BibtexEntry {
  /** Entry type, lower case: `article`, `inproceedings`, `online`… */
  type: string;
  /** The citation key; missing when the entry has none. */
  key?: string;
  /** 1-based line of the `@`. */
  line: number;
  /** Fields by lower-case name, in source order; a repeated field keeps its first value. */
  fields: Map<string, BibtexField>;
  warnings: ImportWarning[];
}

export interface BibtexEntries {
  entries: BibtexEntry[];
  /** Problems not tied to an entry that was read: skipped entries, bad `@string`s. */
  warnings: ImportWarning[];
}

/** Longest value one field or macro can expand to (the longest text a Paper holds). */
export const MAX_VALUE_LENGTH = 1_000_000;
/** Total characters all macro expansions of one file may produce; nested `@string`s can double per line. */
const MAX_EXPANSION_TOTAL = 8_000_000;
/** How many regions (from one `@` to the next) a single entry may span. */
const MAX_REGIONS_PER_ENTRY = 8;

/** A possible entry start: `@`, an identifier, then `{` or `(`. */
const ENTRY_START = /@[\t\n\r ]*([A-Za-z_][\w:+-]*)[\t\n\r ]*([{(])/g;
/** `@article{author = …`: an entry whose first thing is a field, i.e. that has no key. */
const NO_KEY = /^@[\t\n\r ]*[A-Za-z_][\w:+-]*[\t\n\r ]*[{(][\t\n\r ]*[A-Za-z_][\w:+-]*[\t\n\r ]*=/;
const KEY_GUESS = /^@[\t\n\r ]*[A-Za-z_][\w:+-]*[\t\n\r ]*[{(][\t\n\r ]*([^,\s{}()]{1,200})[\t\n\r ]*,/;
const CLOSING: Record<string, string> = { '{': '}', '(': ')' };

/** Token names in citation-js's grammar, as a person would say them. */
const TOKEN_NAMES: Record<string, string> = {
  at: '"@"',
  comma: '","',
  equals: '"="',
  hash: '"#"',
  quote: 'a quote',
  lbrace: 'an opening brace',
  rbrace: 'a closing brace or parenthesis',
  identifier: 'a field name',
  label: 'a citation key',
  number: 'a number',
  dataEntryType: 'an entry type',
  text: 'text',
};

interface ReaderState {
  strings: Map<string, string>;
  /** Problems found while reading the current entry; kept only once the entry has been read. */
  pending: ImportWarning[];
  expanded: number;
  expansionCapped: boolean;
  /** Whether the value part just read was a macro kept as its name. */
  keptName: boolean;
  /** Whether the current entry was read past its key; only then can running out mean an `@` in a value. */
  inBody: boolean;
}

type Parsed =
  | { kind: 'string' }
  | { kind: 'preamble' }
  | { kind: 'data'; type: string; key?: string; fields: Map<string, BibtexField> };

type EntryGrammar = util.Grammar<ReaderState>;

interface Start {
  offset: number;
  type: string;
  /** Offset of the opening `{` or `(`. */
  open: number;
  line: number;
}

/** Reads every entry of `text`. Throws only on a bug (the caller turns that into one warning). */
export function readBibtexEntries(text: string): BibtexEntries {
  const starts = findEntryStarts(text);
  const state: ReaderState = {
    strings: new Map(Object.entries(defaultStrings)),
    pending: [],
    expanded: 0,
    expansionCapped: false,
    keptName: false,
    inBody: false,
  };
  const grammar = new util.Grammar<ReaderState>({ ...bibtexGrammar.rules, ...entryRules }, state);
  const lexer = newLexer();
  const entries: BibtexEntry[] = [];
  const warnings: ImportWarning[] = [];

  /** Where the region of the `index`-th start ends: at the next start, or the end of the text. */
  const limit = (index: number) => starts[index]?.offset ?? text.length;
  let index = 0;
  while (index < starts.length) {
    const start = starts[index] as Start;
    if (start.type === 'comment') {
      const end = commentEnd(text, start, limit(index + 1 + MAX_REGIONS_PER_ENTRY));
      index = nextStartFrom(starts, index + 1, end);
      continue;
    }
    let attempt = readOne(grammar, lexer, state, text, start, limit(index + 1));
    if (!attempt.ok && attempt.ranOut && index + 1 < starts.length) {
      // Parsing stops at the entry's end whatever follows it, so one try with the most text
      // allowed finds the same end as adding one region at a time would, at a fraction of the cost.
      attempt = readOne(grammar, lexer, state, text, start, limit(index + MAX_REGIONS_PER_ENTRY));
    }
    if (attempt.ok) {
      const parsed = attempt.parsed;
      if (parsed.kind === 'data') {
        entries.push({ type: parsed.type, key: parsed.key, line: start.line, fields: parsed.fields, warnings: attempt.warnings });
      } else if (parsed.kind === 'string') {
        // Not push(...): 200,000 undefined macros in one @string overflowed the stack as arguments.
        for (const warning of attempt.warnings) warnings.push(warning);
      }
      index = nextStartFrom(starts, index + 1, attempt.end);
    } else {
      warnings.push(attempt.warning);
      index += 1;
    }
  }
  return { entries, warnings };
}

function findEntryStarts(text: string): Start[] {
  const starts: Start[] = [];
  let line = 1;
  let newline = text.indexOf('\n');
  ENTRY_START.lastIndex = 0;
  for (let match = ENTRY_START.exec(text); match; match = ENTRY_START.exec(text)) {
    while (newline !== -1 && newline < match.index) {
      line += 1;
      newline = text.indexOf('\n', newline + 1);
    }
    const type = (match[1] ?? '').toLowerCase();
    starts.push({ offset: match.index, type, open: match.index + match[0].length - 1, line });
  }
  return starts;
}

/** Index of the first start at or after `offset`, searching from `from`. */
function nextStartFrom(starts: Start[], from: number, offset: number): number {
  let index = from;
  while (index < starts.length && (starts[index] as Start).offset < offset) index += 1;
  return index;
}

/**
 * Where an `@comment` ends: after its balanced `{…}` (as biber reads it, so a commented-out entry
 * stays out), or, when that never closes within reach, at the end of its line (as BibTeX reads it).
 */
function commentEnd(text: string, start: Start, limit: number): number {
  const open = text[start.open];
  const close = CLOSING[open ?? '{'];
  let depth = 0;
  let lineEnd = limit;
  for (let offset = start.open; offset < limit; offset += 1) {
    const char = text[offset];
    if (char === open) depth += 1;
    else if (char === close && --depth === 0) return offset + 1;
    else if (char === '\n' && lineEnd === limit) lineEnd = offset;
  }
  return lineEnd;
}

type Attempt =
  | { ok: true; parsed: Parsed; end: number; warnings: ImportWarning[] }
  | { ok: false; ranOut: boolean; warning: ImportWarning };

function readOne(grammar: EntryGrammar, lexer: MooLexer, state: ReaderState, text: string, start: Start, end: number): Attempt {
  let source = text.slice(start.offset, end);
  const isData = start.type !== 'string' && start.type !== 'preamble';
  // citation-js's lexer reads the first word after `{` as the key; give a key-less entry an empty
  // key by adding the comma that would follow one. No newline is added, so lines stay right.
  const inserted = isData && NO_KEY.test(source) ? 1 : 0;
  if (inserted) {
    const open = start.open - start.offset + 1;
    source = `${source.slice(0, open)},${source.slice(open)}`;
  }
  lexer.reset(source, { line: start.line, col: 1, state: 'main', stack: [], queuedToken: null, queuedText: '', queuedThrow: null });
  grammar.lexer = lexer;
  grammar.log = [];
  grammar.state = state;
  grammar.token = undefined;
  state.pending = [];
  state.inBody = false;
  try {
    grammar.token = lexer.next();
    const parsed = grammar.consumeRule('Entry') as Parsed;
    const consumed = (grammar.token ? grammar.token.offset : source.length) - inserted;
    const warnings = state.pending;
    if (inserted) warnings.unshift({ line: start.line, message: 'This entry has no citation key.' });
    return { ok: true, parsed, end: start.offset + consumed, warnings };
  } catch (error) {
    const ranOut = error instanceof SyntaxError && grammar.token === undefined && state.inBody;
    return { ok: false, ranOut, warning: failureWarning(error, grammar.token, start, source) };
  }
}

function failureWarning(error: unknown, token: MooToken | undefined, start: Start, source: string): ImportWarning {
  const message = error instanceof Error ? error.message : String(error);
  const key = KEY_GUESS.exec(source)?.[1];
  let line = start.line;
  let reason: string;
  const expected = /^expected "(\w+)", got/.exec(message)?.[1];
  if (error instanceof SyntaxError && expected !== undefined) {
    const found = token ? `"${token.text.slice(0, 30)}"` : 'the end of the entry';
    reason = `expected ${TOKEN_NAMES[expected] ?? expected} but found ${found}`;
    line = token?.line ?? start.line + countLines(source);
  } else if (error instanceof RangeError) {
    reason = 'its braces are nested too deeply';
  } else if (error instanceof SyntaxError || /invalid syntax/.test(message)) {
    const at = /at line (\d+) col (\d+)/.exec(message);
    if (at) line = Number(at[1]);
    reason = 'it contains text that is not BibTeX';
  } else {
    // A bug, not the input: say so rather than blame the text (and let fuzzing see it).
    reason = `reading it failed (${error instanceof Error ? error.name : 'Error'}: ${message.slice(0, 200)})`;
  }
  const what = start.type === 'string' || start.type === 'preamble' ? `@${start.type}` : `@${start.type} entry`;
  return {
    line,
    ...(key !== undefined && { entry: key }),
    message: `Skipped an unreadable ${what}${key !== undefined ? ` "${key}"` : ''} (starting on line ${start.line}): ${reason}.`,
  };
}

function countLines(text: string): number {
  let lines = 0;
  for (let at = text.indexOf('\n'); at !== -1; at = text.indexOf('\n', at + 1)) lines += 1;
  return lines;
}

/** Rules that replace citation-js's own; the rest of its grammar (Field, values, Text) is used as is. */
const entryRules = {
  Entry(this: EntryGrammar): Parsed {
    this.consumeToken('at');
    this.consumeRule('_');
    const typeToken = this.matchToken('otherEntryType') ? this.consumeToken('otherEntryType') : this.consumeToken('dataEntryType');
    const type = typeToken.value.toLowerCase();
    this.consumeRule('_');
    const open = this.consumeToken('lbrace').value;
    this.consumeRule('_');
    let parsed: Parsed;
    if (type === 'string') {
      this.state.inBody = true;
      // BibTeX allows one definition per @string; biber allows several, separated by commas.
      do {
        this.consumeRule('_');
        if (!this.matchToken('identifier')) break;
        const [name, value] = this.consumeRule('Field') as [string, string];
        this.state.strings.set(name, value);
        this.consumeRule('_');
      } while (this.consumeToken('comma', true));
      parsed = { kind: 'string' };
    } else if (type === 'preamble') {
      this.state.inBody = true;
      this.consumeRule('Expression');
      parsed = { kind: 'preamble' };
    } else {
      const key = this.consumeToken('label', true)?.value;
      this.consumeRule('_');
      this.consumeToken('comma');
      this.state.inBody = true;
      this.consumeRule('_');
      const fields = this.consumeRule('EntryBody') as Map<string, BibtexField>;
      parsed = { kind: 'data', type, ...(key !== undefined && { key }), fields };
    }
    this.consumeRule('_');
    const close = this.consumeToken('rbrace');
    if (close.value !== CLOSING[open]) {
      this.state.pending.push({ line: close.line, message: `The entry opens with "${open}" but closes with "${close.value}".` });
    }
    return parsed;
  },

  EntryBody(this: EntryGrammar): Map<string, BibtexField> {
    const fields = new Map<string, BibtexField>();
    while (this.matchToken('identifier')) {
      const line = this.token?.line ?? 0;
      const [name, value] = this.consumeRule('Field') as [string, string];
      const earlier = fields.get(name);
      if (earlier && name === 'keywords') {
        // ScienceDirect writes one `keywords = "…"` per keyword.
        earlier.value = `${earlier.value}, ${value}`;
      } else if (earlier) {
        this.state.pending.push({ line, message: `The field "${name}" appears twice; the first value was kept.` });
      } else {
        fields.set(name, { value, line });
      }
      this.consumeRule('_');
      if (!this.consumeToken('comma', true)) break;
      this.consumeRule('_');
    }
    return fields;
  },

  Expression(this: EntryGrammar): string {
    const line = this.token?.line ?? 0;
    const first = this.consumeRule('ExpressionPart') as string;
    // Parts are joined once at the end, and only the last character is looked at: testing the
    // growing string itself (/\S$/) flattened it on every `#`, 3 s for 100,000 of them.
    const parts = [first];
    let length = first.length;
    let last = first.at(-1) ?? '';
    let keptName = this.state.keptName;
    this.consumeRule('_');
    while (this.matchToken('hash')) {
      this.consumeToken('hash');
      this.consumeRule('_');
      let part = this.consumeRule('ExpressionPart') as string;
      // An undefined macro kept as its name is a word of its own: `{William D. Harvey and} # GINSBERG`
      // reads "William D. Harvey and GINSBERG", not "…andGINSBERG".
      if ((keptName || this.state.keptName) && /\S/.test(last) && /^\S/.test(part)) part = ` ${part}`;
      keptName = this.state.keptName;
      if (length + part.length > MAX_VALUE_LENGTH) {
        if (length < MAX_VALUE_LENGTH) {
          this.state.pending.push({ line, message: `A value longer than ${MAX_VALUE_LENGTH.toLocaleString('en')} characters was cut.` });
        }
        part = part.slice(0, Math.max(0, MAX_VALUE_LENGTH - length));
      }
      parts.push(part);
      length += part.length;
      if (part !== '') last = part.at(-1) ?? '';
      this.consumeRule('_');
    }
    return parts.join('');
  },

  ExpressionPart(this: EntryGrammar): string {
    this.state.keptName = false;
    if (this.matchToken('identifier')) return expandMacro(this.state, this.consumeToken('identifier'));
    if (this.matchToken('number')) return this.consumeToken('number').value;
    if (this.matchToken('quote')) return this.consumeRule('QuoteString') as string;
    return this.consumeRule('BracketString') as string;
  },
};

function expandMacro(state: ReaderState, token: MooToken): string {
  const value = state.strings.get(token.value.toLowerCase());
  if (value === undefined) {
    state.pending.push({ line: token.line, message: `The @string macro "${token.value}" is not defined; its name was kept as text.` });
    state.keptName = true;
    return token.value;
  }
  if (state.expanded + value.length > MAX_EXPANSION_TOTAL) {
    if (!state.expansionCapped) {
      state.expansionCapped = true;
      state.pending.push({
        line: token.line,
        message: `@string macros expand to more than ${MAX_EXPANSION_TOTAL.toLocaleString('en')} characters; "${token.value}" and later macros were kept as names.`,
      });
    }
    state.keptName = true;
    return token.value;
  }
  state.expanded += value.length;
  return value;
}

/** citation-js keeps its lexer private to its module; it is reachable on the grammar once used. */
function newLexer(): MooLexer {
  if (!bibtexGrammar.lexer) parseWholeFile('');
  if (typeof bibtexGrammar.lexer?.clone !== 'function') {
    throw new Error('this version of @citation-js/plugin-bibtex has no reachable lexer');
  }
  return bibtexGrammar.lexer.clone();
}
