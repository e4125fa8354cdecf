/**
 * RIS import (`.ris`, and the `.txt` RIS that Web of Science, Rayyan and Ovid hand out).
 *
 * Hand-written, not a library: on this project's real exports (test/fixtures/ris) the candidates
 * failed. `@citation-js/plugin-ris` 0.8 throws away the whole Ovid file ("Failed to convert DO to
 * DOI" on `http://dx.doi.org/…`), glues Rayyan's one-keyword-per-line lists into a single keyword,
 * drops `PY  - 2018` in favour of `DA  - SEP` on Web of Science, reports no line numbers, and
 * pulls node-fetch/sync-fetch into `shared/`. `astrocite-ris` 0.16 stops with a syntax error on all
 * five files (a BOM, Ovid's `1.` lines, untagged continuation lines).
 *
 * Mapping: research notes §4 (user-needs-and-formats.md). A field the model has takes the first
 * value of its tags; every value not used that way goes to `extra`, keyed by its tag (repeats
 * joined with "; "), except the few with an obvious name: `volume`, `issue`, `pages`, `note`,
 * `file` (L1), `issn`/`isbn` (SN), `editor` (ED). Pure, never throws.
 */

import type { Author, PaperType } from '../../model/library';
import type { ImportResult, ImportWarning, ImportedRecord, PaperDraft } from '../import-record';
import { fitDraft } from '../fit-draft';
import { findArxivId, normalizeDoi } from '../identifiers';
import { readRisRecords, type RisField, type RisRecord } from './read-ris-records';

/** RIS `TY` → paper type, after citation-js's `plugin-ris/src/spec/types.json` (research §4a). */
const TYPES = new Map<string, PaperType>([
  ...(['JOUR', 'JFULL', 'EJOUR', 'INPR', 'ABST', 'MGZN', 'NEWS'] as const).map((ty) => [ty, 'article'] as const),
  ...(['CONF', 'CPAPER'] as const).map((ty) => [ty, 'inproceedings'] as const),
  ...(['CHAP', 'ECHAP'] as const).map((ty) => [ty, 'chapter'] as const),
  ...(['BOOK', 'EBOOK', 'EDBOOK'] as const).map((ty) => [ty, 'book'] as const),
  ['THES', 'thesis'],
  ...(['RPRT', 'GOVDOC', 'STAND'] as const).map((ty) => [ty, 'report'] as const),
  ...(['ELEC', 'WEB', 'BLOG'] as const).map((ty) => [ty, 'webpage'] as const),
  ...(['DATA', 'DBASE', 'AGGR'] as const).map((ty) => [ty, 'dataset'] as const),
  ['COMP', 'software'],
]);

/** Every type in the RIS specification; the others here become `misc` without a warning. */
const KNOWN_TYPES = new Set([
  ...TYPES.keys(),
  'ADVS', 'ANCIENT', 'ART', 'BILL', 'CASE', 'CHART', 'CLSWK', 'CTLG', 'DICT', 'ENCYC', 'EQUA', 'FIGURE', 'GEN',
  'GRANT', 'HEAR', 'ICOMM', 'LEGAL', 'MANSCPT', 'MAP', 'MPCT', 'MULTI', 'MUSIC', 'PAMP', 'PAT', 'PCOMM', 'SER',
  'SLIDE', 'SOUND', 'STAT', 'UNBILL', 'UNPB', 'VIDEO',
]);

/** The `TY` Sift would write back for each type; any other `TY` is kept in `extra.TY`. */
const CANONICAL_TYPES = new Set(['JOUR', 'CONF', 'CHAP', 'BOOK', 'THES', 'RPRT', 'ELEC', 'DATA', 'COMP']);

const TITLE_TAGS = ['TI', 'T1', 'CT'];
/** Full journal names before abbreviations; `BT` is the book of a chapter. */
const VENUE_TAGS = ['JF', 'JO', 'T2', 'BT', 'JA', 'J2', 'J1'];
const ABSTRACT_TAGS = ['AB', 'N2'];
const YEAR_TAGS = ['PY', 'Y1', 'DA'];
const AUTHOR_TAGS = new Set(['AU', 'A1']);
const BOOK_TYPES = new Set(['BOOK', 'EBOOK', 'EDBOOK']);
const YEAR = /(?<!\d)(\d{4})(?!\d)/;
/** `PY  - 2019///` or `Y1  - 2019//` say no more than the year. */
const YEAR_ONLY = /^\d{4}\/*$/;
const EXCERPT_LENGTH = 80;

/** Parse RIS text into drafts. Never throws: problems become warnings with their line numbers. */
export function parseRis(text: string): ImportResult {
  try {
    const read = readRisRecords(text);
    return { format: 'ris', records: read.records.map(toImportedRecord), warnings: read.warnings };
  } catch (error) {
    // Only a bug gets here; the input alone cannot cause it.
    return { format: 'ris', records: [], warnings: [{ message: `Could not read the RIS text: ${String(error)}` }] };
  }
}

function toImportedRecord(record: RisRecord): ImportedRecord {
  const warnings = [...record.warnings];
  const paper = toDraft(record, warnings);
  const entry = paper.citationKey ?? (paper.title === '' ? undefined : excerpt(paper.title));
  const labelled = entry === undefined ? warnings : warnings.map((warning) => ({ entry, ...warning }));
  return { paper, line: record.line, warnings: labelled };
}

function toDraft(record: RisRecord, warnings: ImportWarning[]): PaperDraft {
  const fields = record.fields.filter((field) => field.value !== '');
  const used = new Set<RisField>();
  const extra: Record<string, string> = {};
  const byTags = (tags: readonly string[]): RisField[] => {
    const wanted = new Set(tags);
    return fields.filter((field) => wanted.has(field.tag));
  };
  /** The first value among `tags` (in their order of preference); equal repeats count as used too. */
  const take = (tags: readonly string[], clean: (value: string) => string = oneLine): string | undefined => {
    for (const tag of tags) {
      const first = fields.find((field) => field.tag === tag);
      if (first === undefined) continue;
      const value = clean(first.value);
      for (const field of byTags(tags)) if (clean(field.value) === value) used.add(field);
      return value;
    }
    return undefined;
  };
  const collect = (tag: string, key: string, separator = '; '): void => {
    const values = byTags([tag]).map((field) => {
      used.add(field);
      return field.value;
    });
    if (values.length > 0) extra[key] = values.join(separator);
  };

  const typeField = fields.find((field) => field.tag === 'TY');
  const ty = typeField === undefined ? '' : oneLine(typeField.value).toUpperCase();
  if (typeField !== undefined) used.add(typeField);
  let type: PaperType = TYPES.get(ty) ?? 'misc';
  if (ty === '') warnings.push({ line: record.line, message: 'The record has no type after "TY  - "; imported it as misc.' });
  else if (!KNOWN_TYPES.has(ty)) {
    warnings.push({ line: record.line, message: `Unknown RIS type "${excerpt(ty)}"; imported it as misc.` });
  }
  if (ty !== '' && !CANONICAL_TYPES.has(ty)) extra.TY = ty;

  const titleTags = BOOK_TYPES.has(ty) ? [...TITLE_TAGS, 'BT'] : TITLE_TAGS;
  const title = take(titleTags) ?? '';
  if (title === '') warnings.push({ line: record.line, message: 'The record has no title (TI or T1).' });
  const venue = take(VENUE_TAGS.filter((tag) => !titleTags.includes(tag)));
  const abstract = take(ABSTRACT_TAGS, (value) => value.trim());
  const citationKey = take(['ID']);

  const authors: Author[] = [];
  for (const field of fields) {
    if (!AUTHOR_TAGS.has(field.tag)) continue;
    used.add(field);
    // Names never hold ";", so one there separates several people on one line.
    for (const name of field.value.split(';')) {
      const author = risAuthor(name);
      if (author === undefined) continue;
      authors.push(author.author);
      if (author.dropped !== undefined) {
        warnings.push({ line: field.line, message: `Dropped the given name "${author.dropped}" from "${excerpt(oneLine(name))}".` });
      }
    }
  }

  const keywords = new Set<string>();
  for (const field of byTags(['KW'])) {
    used.add(field);
    keywords.add(oneLine(field.value));
  }

  const year = readYear(fields, used, warnings);
  const { doi, url, arxivId } = readIdentifiers(fields, used, warnings);

  const pages = readPages(fields, used);
  if (pages !== undefined) extra.pages = pages;
  collect('VL', 'volume');
  collect('IS', 'issue');
  // Notes are free text that uses ";" itself (Rayyan, CINAHL), so each note keeps its own line.
  collect('N1', 'note', '\n');
  collect('L1', 'file');
  collect('ED', 'editor');
  for (const field of byTags(['SN'])) {
    used.add(field);
    const key = issnOrIsbn(field.value, ty);
    extra[key] = extra[key] === undefined ? field.value : `${extra[key]}; ${field.value}`;
  }

  // Everything not used above, by tag, in the order the tags first appear.
  for (const field of fields) {
    if (used.has(field)) continue;
    extra[field.tag] = extra[field.tag] === undefined ? field.value : `${extra[field.tag]}; ${field.value}`;
  }

  if (arxivId !== undefined && (type === 'article' || type === 'misc' || type === 'webpage') && (venue === undefined || /^arxiv\b/i.test(venue))) {
    type = 'preprint';
  }

  const draft: PaperDraft = { type, title, authors, keywords: [...keywords], extra };
  if (year !== undefined) draft.year = year;
  if (venue !== undefined) draft.venue = venue;
  if (abstract !== undefined) draft.abstract = abstract;
  if (doi !== undefined) draft.doi = doi;
  if (arxivId !== undefined) draft.arxivId = arxivId;
  if (url !== undefined) draft.url = url;
  if (citationKey !== undefined) draft.citationKey = citationKey;
  for (const message of fitDraft(draft)) warnings.push({ line: record.line, message });
  return draft;
}

/**
 * "Last, First" → family and given; a name without a given part cannot be split, so it stays
 * whole. Lens.org writes a missing given name as the text "null" (`van den Hoven, null`).
 */
function risAuthor(text: string): { author: Author; dropped?: string } | undefined {
  const name = oneLine(text);
  if (name === '') return undefined;
  const comma = name.indexOf(',');
  if (comma < 0) return { author: { literal: name } };
  const family = name.slice(0, comma).trim();
  let given = name.slice(comma + 1).trim();
  let dropped: string | undefined;
  if (given === 'null' || given === 'undefined') {
    dropped = given;
    given = '';
  }
  const author: Author = family === '' ? { literal: given } : given === '' ? { literal: family } : { family, given };
  if (family === '' && given === '') return undefined;
  return dropped === undefined ? { author } : { author, dropped };
}

function readYear(fields: readonly RisField[], used: Set<RisField>, warnings: ImportWarning[]): number | undefined {
  let unreadable: RisField | undefined;
  for (const tag of YEAR_TAGS) {
    for (const field of fields) {
      if (field.tag !== tag) continue;
      const match = YEAR.exec(field.value);
      if (match?.[1] === undefined) {
        unreadable ??= field;
        continue;
      }
      // Keep anything the year leaves out (`2012/07/03`, `SEP`) in extra under its tag.
      if (YEAR_ONLY.test(field.value)) used.add(field);
      return Number(match[1]);
    }
  }
  if (unreadable !== undefined) {
    warnings.push({ line: unreadable.line, message: `No year in ${unreadable.tag} "${excerpt(unreadable.value)}".` });
  }
  return undefined;
}

function readIdentifiers(
  fields: readonly RisField[],
  used: Set<RisField>,
  warnings: ImportWarning[],
): { doi?: string; url?: string; arxivId?: string } {
  let doi: string | undefined;
  for (const field of fields) {
    if (field.tag !== 'DO') continue;
    const clean = normalizeDoi(field.value);
    if (clean === undefined) {
      warnings.push({ line: field.line, message: `"${excerpt(field.value)}" is not a DOI; kept it in extra.DO.` });
      continue;
    }
    // Ovid repeats the same DOI; a different second DOI stays in extra.
    if (doi === undefined || clean === doi) {
      doi ??= clean;
      used.add(field);
    }
  }

  const urls = fields.filter((field) => field.tag === 'UR');
  const first = urls[0];
  let url: string | undefined;
  if (first !== undefined) {
    url = oneLine(first.value);
    for (const field of urls) if (oneLine(field.value) === url) used.add(field);
  }
  doi ??= urls.map((field) => normalizeDoiUrl(field.value)).find((found) => found !== undefined);

  let arxivId: string | undefined;
  for (const field of fields) {
    if (field.tag !== 'DO' && field.tag !== 'UR' && field.tag !== 'L1' && field.tag !== 'L2') continue;
    arxivId = findArxivId(field.value);
    if (arxivId !== undefined) break;
  }

  const found: { doi?: string; url?: string; arxivId?: string } = {};
  if (doi !== undefined) found.doi = doi;
  if (url !== undefined) found.url = url;
  if (arxivId !== undefined) found.arxivId = arxivId;
  return found;
}

/** Only a doi.org link names a DOI; a publisher URL that merely contains one is not trusted. */
function normalizeDoiUrl(text: string): string | undefined {
  return /^https?:\/\/(?:dx\.)?doi\.org\//i.test(text.trim()) ? normalizeDoi(text) : undefined;
}

/** `SP  - 97` + `EP  - 105` → "97-105"; a start page that is already a range stays as it is. */
function readPages(fields: readonly RisField[], used: Set<RisField>): string | undefined {
  const start = fields.find((field) => field.tag === 'SP');
  const end = fields.find((field) => field.tag === 'EP');
  const from = start === undefined ? '' : oneLine(start.value);
  const to = end === undefined ? '' : oneLine(end.value);
  // Ovid splits "No pagination specified" over SP and EP; that is not a page range.
  if (/^no (?:pagination )?specified$/i.test(`${from} ${to}`)) return undefined;
  if (start !== undefined) used.add(start);
  if (end !== undefined) used.add(end);
  if (from === '') return to === '' ? undefined : to;
  if (to === '' || /[-–]/.test(from)) return from;
  return `${from}-${to}`;
}

/** `SN` holds an ISSN or an ISBN; eight characters (digits, maybe an X) make an ISSN. */
function issnOrIsbn(value: string, ty: string): 'issn' | 'isbn' {
  // Innermost parentheses only: `\(.*?\)` rescans to the line's end from every unclosed "(" (2 s on 70 KB of them).
  const compact = value.replace(/\([^()]*\)/g, '').replace(/[^0-9Xx]/g, '');
  if (compact.length === 8) return 'issn';
  if (compact.length === 10 || compact.length === 13) return 'isbn';
  return BOOK_TYPES.has(ty) || ty === 'CHAP' || ty === 'ECHAP' ? 'isbn' : 'issn';
}

/** Continuation lines joined into one line, as titles, names and ids need. */
function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

function excerpt(text: string): string {
  return text.length > EXCERPT_LENGTH ? `${text.slice(0, EXCERPT_LENGTH)}…` : text;
}
