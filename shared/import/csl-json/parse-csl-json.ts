/**
 * CSL-JSON import: Zotero, Better BibTeX, Mendeley, citation-js and Pandoc all write it.
 *
 * `JSON.parse` does the parsing (it stores a `"__proto__"` key as a plain own property, so a file
 * cannot reach a prototype); jsonc-parser, already a dependency, only finds line numbers: where
 * each item starts and where a syntax error is. The mapping is ours: no library maps CSL onto
 * Sift's model, and the CSL side is a plain object. Mapping rules (research notes §4):
 * - a field the model holds as it is (`title`, `container-title`, `DOI`, `URL`, `abstract`,
 *   `keyword`, `citation-key`/`id`, a plain `author` list, a year-only `issued`, a canonical `type`)
 *   is used and not repeated in `extra`;
 * - a field the model holds only in part (a full date, name particles, `type: "article-newspaper"`,
 *   a shortDOI) is used as far as it goes and also kept in `extra` under its own key;
 * - every other field goes to `extra`: text as it is, numbers and booleans as text, arrays and
 *   objects as JSON text.
 * Pure, never throws.
 */

import { printParseErrorCode, visit, type JSONPath } from 'jsonc-parser';
import type { Author, PaperType } from '../../model/library';
import type { ImportResult, ImportWarning, ImportedRecord, PaperDraft } from '../import-record';
import { fitDraft } from '../fit-draft';
import { findArxivId, isShortDoi, normalizeDoi } from '../identifiers';

type JsonObject = Record<string, unknown>;

/** CSL type → paper type (research §4a); `article` is decided by `cslType`. */
const TYPES = new Map<string, PaperType>([
  ['article-journal', 'article'],
  ['article-magazine', 'article'],
  ['article-newspaper', 'article'],
  ['review', 'article'],
  ['review-book', 'article'],
  ['paper-conference', 'inproceedings'],
  ['chapter', 'chapter'],
  ['entry-dictionary', 'chapter'],
  ['entry-encyclopedia', 'chapter'],
  ['book', 'book'],
  ['collection', 'book'],
  ['thesis', 'thesis'],
  ['report', 'report'],
  ['standard', 'report'],
  ['webpage', 'webpage'],
  ['post', 'webpage'],
  ['post-weblog', 'webpage'],
  ['dataset', 'dataset'],
  ['software', 'software'],
]);

/** The CSL 1.0.2 types not in `TYPES`; they import as misc without a warning. */
const OTHER_CSL_TYPES = new Set([
  'article', 'bill', 'broadcast', 'classic', 'document', 'entry', 'event', 'figure', 'graphic', 'hearing',
  'interview', 'legal_case', 'legislation', 'manuscript', 'map', 'motion_picture', 'musical_score', 'pamphlet',
  'patent', 'performance', 'periodical', 'personal_communication', 'regulation', 'song', 'speech', 'treaty',
]);

/** The CSL type Sift would write back for each paper type; any other stays in `extra.type`. */
const CANONICAL_TYPES = new Set([
  'article', 'article-journal', 'paper-conference', 'chapter', 'book', 'thesis', 'report', 'webpage', 'dataset', 'software',
]);

/** Keys that would reach a prototype if a later step copied them with plain assignment. */
const UNSAFE_KEYS = new Set(['__proto__', 'constructor', 'prototype']);
const ITEM_HINTS = ['type', 'title', 'id', 'author', 'issued', 'citation-key'];
const NAME_KEYS = new Set(['family', 'given', 'literal']);
const EXCERPT_LENGTH = 80;

/** Parse CSL-JSON text: an array of items, a single item, or Zotero's API form `{ "items": [...] }`. */
export function parseCslJson(text: string): ImportResult {
  try {
    return parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch (error) {
    // Only a bug gets here; the input alone cannot cause it.
    return { format: 'csl-json', records: [], warnings: [{ message: `Could not read the CSL-JSON text: ${String(error)}` }] };
  }
}

function parse(text: string): ImportResult {
  const warnings: ImportWarning[] = [];
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    return { format: 'csl-json', records: [], warnings: [syntaxWarning(text, error)] };
  }

  let items: unknown[];
  let path: JSONPath | undefined;
  if (Array.isArray(data)) {
    items = data;
    path = [];
  } else if (isObject(data) && Array.isArray(own(data, 'items'))) {
    // The Zotero web API answers `format=csljson` with this wrapper.
    items = own(data, 'items') as unknown[];
    path = ['items'];
  } else if (isObject(data) && ITEM_HINTS.some((key) => Object.hasOwn(data, key))) {
    items = [data];
  } else {
    const found = data === null ? 'null' : Array.isArray(data) ? 'an array' : typeof data === 'object' ? 'an object without CSL fields' : `a ${typeof data}`;
    return {
      format: 'csl-json',
      records: [],
      warnings: [{ line: 1, message: `Expected a list of CSL-JSON items, found ${found}.` }],
    };
  }

  const lines = path === undefined ? [firstLine(text)] : itemLines(text, path, items.length);
  const records: ImportedRecord[] = [];
  items.forEach((item, index) => {
    const line = lines[index];
    if (isObject(item)) {
      records.push(toRecord(item, line));
      return;
    }
    const found = item === null ? 'null' : Array.isArray(item) ? 'an array' : `a ${typeof item}`;
    warnings.push({ ...(line === undefined ? {} : { line }), message: `Item ${index + 1} is ${found}, not a CSL item; skipped it.` });
  });
  return { format: 'csl-json', records, warnings };
}

function toRecord(item: JsonObject, line: number | undefined): ImportedRecord {
  const warnings: ImportWarning[] = [];
  const warn = (message: string): void => {
    warnings.push(line === undefined ? { message } : { line, message });
  };
  /** Keys whose whole content the draft holds; every other key is copied to `extra`. */
  const used = new Set<string>();

  const rawType = own(item, 'type');
  const cslType = typeof rawType === 'string' ? rawType.trim() : '';
  let type: PaperType = TYPES.get(cslType) ?? 'misc';
  if (cslType === '') warn('The item has no type; imported it as misc.');
  else if (!TYPES.has(cslType) && !OTHER_CSL_TYPES.has(cslType)) warn(`Unknown CSL type "${excerpt(cslType)}"; imported it as misc.`);
  if (CANONICAL_TYPES.has(cslType)) used.add('type');

  const title = readText(item, 'title', used, warn, oneLine) ?? '';
  if (title === '') warn('The item has no title.');
  const venue = readText(item, 'container-title', used, warn, oneLine);
  const abstract = readText(item, 'abstract', used, warn, (value) => value.trim());
  const url = readText(item, 'URL', used, warn, oneLine);

  const citationKey = readText(item, 'citation-key', used, warn, oneLine);
  const id = own(item, 'id');
  const idText = typeof id === 'string' || typeof id === 'number' ? oneLine(String(id)) : undefined;
  if (idText !== undefined && (citationKey === undefined || idText === citationKey)) used.add('id');

  const authors = readAuthors(item, used, warn);
  const keywords = readKeywords(item, used, warn);
  const year = readYear(item, used, warn);

  let doi: string | undefined;
  const rawDoi = own(item, 'DOI');
  if (typeof rawDoi === 'string' && rawDoi.trim() !== '') {
    doi = normalizeDoi(rawDoi);
    if (doi === undefined) warn(`"${excerpt(rawDoi)}" is not a DOI; kept it in extra.DOI.`);
    else used.add('DOI');
  }
  const doiFromUrl = url !== undefined && /^https?:\/\/(?:dx\.)?doi\.org\//i.test(url) ? normalizeDoi(url) : undefined;
  if (doiFromUrl !== undefined && (doi === undefined || (isShortDoi(doi) && !isShortDoi(doiFromUrl)))) {
    // Better BibTeX writes shortDOIs (`10/fqd6hj`) and the full DOI as the URL: keep both, use the full one.
    if (doi !== undefined) used.delete('DOI');
    doi = doiFromUrl;
  }

  const arxivId = ['DOI', 'URL', 'number', 'note', 'archive_location']
    .map((key) => own(item, key))
    .filter((value): value is string => typeof value === 'string')
    .map(findArxivId)
    .find((found) => found !== undefined);
  if (cslType === 'article') type = arxivId === undefined ? 'article' : 'preprint';

  const extra: Record<string, string> = {};
  for (const key of Object.keys(item)) {
    if (used.has(key)) continue;
    if (UNSAFE_KEYS.has(key)) {
      warn(`Ignored the field "${key}".`);
      continue;
    }
    let value: string | undefined;
    try {
      value = extraText(item[key]);
    } catch (error) {
      // JSON.parse reads any depth, JSON.stringify overflows the stack near 10,000 levels.
      if (!(error instanceof RangeError)) throw error;
      warn(`The field "${excerpt(key)}" is nested too deeply to keep; left it out.`);
      continue;
    }
    if (value !== undefined) extra[key] = value;
  }

  const paper: PaperDraft = { type, title, authors, keywords, extra };
  if (year !== undefined) paper.year = year;
  if (venue !== undefined) paper.venue = venue;
  if (abstract !== undefined) paper.abstract = abstract;
  if (doi !== undefined) paper.doi = doi;
  if (arxivId !== undefined) paper.arxivId = arxivId;
  if (url !== undefined) paper.url = url;
  const key = citationKey ?? idText;
  if (key !== undefined && key !== '') paper.citationKey = key;
  for (const message of fitDraft(paper)) warn(message);

  const entry = paper.citationKey ?? (title === '' ? undefined : excerpt(title));
  return {
    paper,
    ...(line === undefined ? {} : { line }),
    warnings: entry === undefined ? warnings : warnings.map((warning) => ({ entry, ...warning })),
  };
}

/** A text field (a number is taken as text); anything else is left for `extra` with a warning. */
function readText(
  item: JsonObject,
  key: string,
  used: Set<string>,
  warn: (message: string) => void,
  clean: (value: string) => string,
): string | undefined {
  const value = own(item, key);
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string' && typeof value !== 'number') {
    warn(`"${key}" is not text; kept it in extra.`);
    return undefined;
  }
  used.add(key);
  const text = clean(String(value));
  return text === '' ? undefined : text;
}

function readAuthors(item: JsonObject, used: Set<string>, warn: (message: string) => void): Author[] {
  const value = own(item, 'author');
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value)) {
    warn('"author" is not a list of names; kept it in extra.');
    return [];
  }
  const authors: Author[] = [];
  let lossless = true;
  value.forEach((name: unknown, index) => {
    const author = cslAuthor(name);
    if (author === undefined) {
      warn(`Author ${index + 1} has no name; skipped it.`);
      lossless = false;
      return;
    }
    authors.push(author.author);
    lossless &&= author.lossless;
  });
  if (lossless) used.add('author');
  return authors;
}

/**
 * One CSL name. Particles and suffixes join the family or given part they belong to. A name with
 * no given part cannot be split, so it becomes `{ literal }`: that is how the model holds
 * institutions, which Mendeley and others write as `{ "family": "World Health Organization" }`.
 */
function cslAuthor(name: unknown): { author: Author; lossless: boolean } | undefined {
  if (typeof name === 'string') return name.trim() === '' ? undefined : { author: { literal: oneLine(name) }, lossless: true };
  if (!isObject(name)) return undefined;
  const part = (key: string): string => {
    const value = own(name, key);
    return typeof value === 'string' || typeof value === 'number' ? oneLine(String(value)) : '';
  };
  const lossless = Object.keys(name).every((key) => NAME_KEYS.has(key));
  const literal = part('literal');
  if (literal !== '') return { author: { literal }, lossless };
  const family = [part('non-dropping-particle'), part('family')].filter(Boolean).join(' ');
  const givenName = [part('given'), part('dropping-particle')].filter(Boolean).join(' ');
  const suffix = part('suffix');
  const given = suffix === '' ? givenName : givenName === '' ? suffix : `${givenName}, ${suffix}`;
  if (family === '') return given === '' ? undefined : { author: { literal: given }, lossless };
  return { author: given === '' ? { literal: family } : { family, given }, lossless };
}

/** `keyword` is one comma-separated string in CSL; a list of strings is accepted too. */
function readKeywords(item: JsonObject, used: Set<string>, warn: (message: string) => void): string[] {
  const value = own(item, 'keyword');
  if (value === undefined || value === null) return [];
  let parts: string[];
  if (typeof value === 'string') parts = value.split(',');
  else if (Array.isArray(value) && value.every((entry) => typeof entry === 'string')) parts = value as string[];
  else {
    warn('"keyword" is neither text nor a list of text; kept it in extra.');
    return [];
  }
  used.add('keyword');
  return [...new Set(parts.map(oneLine).filter((keyword) => keyword !== ''))];
}

/** The first year `issued` states: in `date-parts`, else in `raw`, else in `literal`. */
function readYear(item: JsonObject, used: Set<string>, warn: (message: string) => void): number | undefined {
  const issued = own(item, 'issued');
  if (issued === undefined || issued === null) return undefined;
  const candidates: unknown[] = [];
  if (isObject(issued)) {
    const parts = own(issued, 'date-parts');
    if (Array.isArray(parts)) for (const date of parts) if (Array.isArray(date)) candidates.push(date[0]);
    candidates.push(own(issued, 'raw'), own(issued, 'literal'));
  } else {
    // Not CSL, but some tools write `"issued": "2004-05"`.
    candidates.push(issued);
  }

  let beforeCommonEra = false;
  for (const candidate of candidates) {
    const year = yearOf(candidate);
    if (year === undefined) continue;
    if (year < 0) {
      beforeCommonEra = true;
      continue;
    }
    if (year >= 1 && year <= 9999) {
      if (isYearOnly(issued, year)) used.add('issued');
      return year;
    }
  }
  warn(
    beforeCommonEra
      ? 'The date is before the common era, which a year cannot hold; kept it in extra.issued.'
      : `No year in "issued" (${excerpt(extraText(issued) ?? '')}); kept it in extra.issued.`,
  );
  return undefined;
}

/** A year from a date part (`2004`, `"2004"`, `"-334"`) or from text (`"2011-05-25~/2012"`). */
function yearOf(value: unknown): number | undefined {
  if (typeof value === 'number') return Number.isInteger(value) && value !== 0 ? value : undefined;
  if (typeof value !== 'string') return undefined;
  const text = value.trim();
  if (/^-\d+$/.test(text)) return Number(text);
  const match = /(?<!\d)(\d{4})(?!\d)/.exec(text) ?? /^(\d{1,4})$/.exec(text);
  const year = match?.[1] === undefined ? 0 : Number(match[1]);
  return year === 0 ? undefined : year;
}

/** `{ "date-parts": [[2004]] }` says nothing the year does not. */
function isYearOnly(issued: unknown, year: number): boolean {
  if (!isObject(issued) || Object.keys(issued).length !== 1) return false;
  const parts = own(issued, 'date-parts');
  return Array.isArray(parts) && parts.length === 1 && Array.isArray(parts[0]) && parts[0].length === 1 && yearOf(parts[0][0]) === year;
}

/** A value as `extra` text, or undefined for nothing (null, blank text, an empty list or object). */
function extraText(value: unknown): string | undefined {
  if (value === null || value === undefined) return undefined;
  if (typeof value === 'string') return value.trim() === '' ? undefined : value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) return value.length === 0 ? undefined : JSON.stringify(value);
  if (isObject(value)) return Object.keys(value).length === 0 ? undefined : JSON.stringify(value);
  return undefined;
}

/** One warning for a syntax error, with the line and column jsonc-parser finds for it. */
function syntaxWarning(text: string, error: unknown): ImportWarning {
  const reason = error instanceof Error ? error.message : String(error);
  let found: { line: number; column: number; code: string } | undefined;
  try {
    visit(
      text,
      {
        onError: (code, _offset, _length, startLine, startCharacter) => {
          found ??= { line: startLine + 1, column: startCharacter + 1, code: printParseErrorCode(code) };
        },
      },
      { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false },
    );
  } catch (overflow) {
    // jsonc-parser recurses once per nesting level; thousands of `[` overflow its stack.
    if (!(overflow instanceof RangeError)) throw overflow;
  }
  if (found === undefined) {
    // The two parsers disagree (rare): fall back to the offset in the engine's message, if any.
    const offset = /position (\d+)/.exec(reason)?.[1];
    if (offset !== undefined) found = { ...lineAndColumn(text, Number(offset)), code: 'SyntaxError' };
  }
  if (found === undefined) return { message: `Not valid JSON: ${reason}` };
  return {
    line: found.line,
    message: `Not valid JSON at line ${found.line}, column ${found.column} (${found.code}): ${reason}`,
  };
}

function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset);
  const lastBreak = before.lastIndexOf('\n');
  return { line: before.split('\n').length, column: offset - lastBreak };
}

/** The 1-based line where each element of the array at `path` starts, or none if they do not line up. */
function itemLines(text: string, path: JSONPath, count: number): (number | undefined)[] {
  const lines: number[] = [];
  const depthOfItems = path.length + 2;
  let depth = 0;
  const element = (startLine: number, pathSupplier: () => JSONPath): void => {
    if (depth !== depthOfItems) return;
    const at = pathSupplier();
    if (path.every((key, index) => at[index] === key) && typeof at[path.length] === 'number') lines.push(startLine + 1);
  };
  try {
    visit(text, {
      onObjectBegin: (_offset, _length, startLine, _character, pathSupplier) => {
        depth++;
        element(startLine, pathSupplier);
      },
      onObjectEnd: () => {
        depth--;
      },
      onArrayBegin: (_offset, _length, startLine, _character, pathSupplier) => {
        depth++;
        element(startLine, pathSupplier);
      },
      onArrayEnd: () => {
        depth--;
      },
      onLiteralValue: (_value, _offset, _length, startLine, _character, pathSupplier) => {
        depth++;
        element(startLine, pathSupplier);
        depth--;
      },
    });
  } catch (overflow) {
    // jsonc-parser recurses once per nesting level: with values nested thousands deep, no lines.
    if (!(overflow instanceof RangeError)) throw overflow;
    return [];
  }
  // A repeated "items" key, say: better no line than a wrong one.
  return lines.length === count ? lines : [];
}

function firstLine(text: string): number {
  const start = text.search(/\S/);
  return start < 0 ? 1 : text.slice(0, start).split('\n').length;
}

function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Own properties only: a key such as "constructor" must never find Object.prototype's. */
function own(object: JsonObject, key: string): unknown {
  return Object.hasOwn(object, key) ? object[key] : undefined;
}

function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

function excerpt(text: string): string {
  return text.length > EXCERPT_LENGTH ? `${text.slice(0, EXCERPT_LENGTH)}…` : text;
}
