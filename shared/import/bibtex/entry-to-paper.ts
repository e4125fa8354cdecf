/**
 * One BibTeX/BibLaTeX entry (fields already inherited) to a {@link PaperDraft}.
 *
 * What is not modelled by Paper goes to `extra`, by lower-case field name, as decoded text, so that
 * an export can write it back: name lists in BibTeX syntax (`Doe, Jane and {ACME Inc.}`), verbatim
 * fields (`file`, `url`s, keys) as written. `extra.entrytype` keeps the entry type as written when
 * it is not the Paper type itself (`phdthesis`, `incollection`, `online`…). Fields that Paper holds
 * are not repeated in `extra`, except where Paper keeps less: `date` (Paper has only the year), a
 * `year` that is not just a year ("1994a"), a venue field that was not the one used.
 */

import type { Author, PaperType } from '../../model/library';
import type { ImportedRecord, ImportWarning, PaperDraft } from '../import-record';
import { fieldTypes } from '@citation-js/plugin-bibtex/lib/input/constants.js';
import { bareArxivId, findArxivId, normalizeDoi } from '../identifiers';
import { decodeLatex, decodeNames, formatBibtexNames, splitTopLevel, type Decoded } from './decode-latex';
import type { BibtexEntry, BibtexField } from './read-bibtex-entries';

/** Entry types (lower case) to Paper types, after research §4a and citation-js's type maps. */
const PAPER_TYPES: Record<string, PaperType> = {
  article: 'article', suppperiodical: 'article',
  inproceedings: 'inproceedings', conference: 'inproceedings',
  preprint: 'preprint',
  book: 'book', mvbook: 'book', collection: 'book', mvcollection: 'book', proceedings: 'book',
  mvproceedings: 'book', reference: 'book', mvreference: 'book', booklet: 'book',
  inbook: 'chapter', bookinbook: 'chapter', suppbook: 'chapter', incollection: 'chapter',
  suppcollection: 'chapter', inreference: 'chapter',
  thesis: 'thesis', phdthesis: 'thesis', mastersthesis: 'thesis',
  report: 'report', techreport: 'report', manual: 'report',
  online: 'webpage', electronic: 'webpage', www: 'webpage', webpage: 'webpage',
  dataset: 'dataset', data: 'dataset',
  software: 'software', code: 'software',
  misc: 'misc', unpublished: 'misc', patent: 'misc', periodical: 'misc', set: 'misc', artwork: 'misc',
  audio: 'misc', image: 'misc', movie: 'misc', music: 'misc', performance: 'misc', video: 'misc',
  letter: 'misc', legislation: 'misc', jurisdiction: 'misc', legal: 'misc', standard: 'misc',
  review: 'misc', commentary: 'misc', customa: 'misc', customb: 'misc', customc: 'misc',
  customd: 'misc', custome: 'misc', customf: 'misc',
};

/** Types whose venue is a journal; the rest take a `booktitle` first. */
const JOURNAL_TYPES = new Set(['article', 'suppperiodical', 'periodical', 'preprint', 'misc', 'online', 'unpublished']);
/** Types that become `preprint` when they carry an arXiv id and no venue other than arXiv. */
const PREPRINT_TYPES = new Set(['article', 'misc', 'online', 'electronic', 'www', 'unpublished', 'preprint']);
/** Field names that would reach a prototype if a later step copied `extra` with plain assignment. */
const UNSAFE_KEYS = new Set(['__proto__', 'constructor', 'prototype']);
/** Fields kept exactly as written, never read as LaTeX: identifiers, keys, links and file paths. */
const VERBATIM = /^(?:url|urlraw|doi|eprint|file|pdf|verb[a-c]|ids|crossref|xref|xdata|entryset|related|bdsk-(?:url|file)-\d+|ee|link)$/;

// The longest values a Paper accepts (shared/model/library.ts, paperSchema); longer ones are cut.
const MAX = {
  title: 10_000, venue: 10_000, abstract: 1_000_000, doi: 1000, url: 10_000, keyword: 1000,
  keywords: 10_000, citationKey: 1000, authors: 10_000, family: 500, given: 500, literal: 1000,
  extraKey: 200, extraValue: 1_000_000,
} as const;

/** A DOI inside other text, e.g. behind `http://doi.acm.org/`, which is no DOI resolver. */
const DOI_IN_TEXT = /10\.\d{4,9}\/\S+/;
const DOI_LINK = /^(?:https?:\/\/)?(?:dx\.|www\.)?doi\.org\//i;

/** Maps one entry to a paper draft; its problems (and the entry's own) become the record's warnings. */
export function entryToPaper(entry: BibtexEntry): ImportedRecord {
  const warnings: ImportWarning[] = [...entry.warnings];
  const warn = (line: number, message: string) => warnings.push({ line, message });
  const fields = entry.fields;
  const used = new Set<string>();
  const extra: Record<string, string> = {};

  const field = (name: string): BibtexField | undefined => {
    const found = fields.get(name);
    return found && found.value.trim() !== '' ? found : undefined;
  };
  const report = <T>(name: string, line: number, decoded: Decoded<T>): T => {
    for (const problem of decoded.problems) warn(line, `The ${name} field ${problem}.`);
    return decoded.value;
  };
  // Some fields are read twice (`volume` for a CoRR id, then for extra): decode, and warn, once.
  const decoded = new Map<string, string | undefined>();
  const text = (name: string): string | undefined => {
    if (!decoded.has(name)) {
      const found = field(name);
      decoded.set(name, found ? report(name, found.line, decodeLatex(found.value)) : undefined);
    }
    return decoded.get(name);
  };
  const take = (name: string): string | undefined => {
    const value = text(name);
    if (value !== undefined) used.add(name);
    return value;
  };
  const clip = (name: string, value: string | undefined, max: number): string | undefined => {
    if (value === undefined || value.length <= max) return value;
    warn(field(name)?.line ?? entry.line, `The ${name} field is longer than ${max.toLocaleString('en')} characters and was cut.`);
    return value.slice(0, max);
  };

  // Own keys only: `@constructor{…}` or `@__proto__{…}` must not find Object.prototype's members.
  let type = Object.hasOwn(PAPER_TYPES, entry.type) ? PAPER_TYPES[entry.type] : undefined;
  if (type === undefined) {
    warn(entry.line, `The entry type @${entry.type} is not a BibTeX or BibLaTeX type; it was imported as misc.`);
    type = 'misc';
  }

  // Title, with a BibLaTeX subtitle after a colon, as Zotero shows it.
  let title = take('title') ?? '';
  const subtitle = take('subtitle');
  if (subtitle) title = title ? `${title}${/[:?!.]$/.test(title) ? '' : ':'} ${subtitle}` : subtitle;
  if (!title) warn(entry.line, 'This entry has no title.');

  const authors = takeAuthors();
  const year = takeYear();
  const venueField = (JOURNAL_TYPES.has(entry.type) ? ['journaltitle', 'journal', 'booktitle'] : ['booktitle', 'journaltitle', 'journal']).find(
    (name) => field(name) !== undefined,
  );
  const venue = venueField === undefined ? undefined : take(venueField);
  const doi = takeDoi();
  const arxivId = takeArxivId(venue, doi);
  if (arxivId !== undefined && PREPRINT_TYPES.has(entry.type) && (venue === undefined || /arxiv|^corr$/i.test(venue))) {
    type = 'preprint';
  }
  const url = takeUrl();
  const abstract = take('abstract');
  const keywords = takeKeywords();

  for (const [name, found] of fields) {
    if (used.has(name) || found.value.trim() === '') continue;
    const key = name.slice(0, MAX.extraKey);
    if (UNSAFE_KEYS.has(key)) {
      // As in the CSL-JSON importer: `extra.__proto__ = …` would be lost, and a later copy could misread it.
      warn(found.line, `Ignored the field "${key}".`);
      continue;
    }
    extra[key] = clip(name, extraValue(name, found), MAX.extraValue) ?? '';
  }
  if (type !== entry.type) extra.entrytype = entry.type;

  const paper: PaperDraft = { type, title: clip('title', title, MAX.title) ?? '', authors, keywords, extra };
  if (year !== undefined) paper.year = year;
  if (venue !== undefined) paper.venue = clip(venueField ?? 'venue', venue, MAX.venue);
  if (abstract !== undefined) paper.abstract = clip('abstract', abstract, MAX.abstract);
  if (doi !== undefined) paper.doi = clip('doi', doi, MAX.doi);
  if (arxivId !== undefined) paper.arxivId = arxivId;
  if (url !== undefined) paper.url = clip('url', url, MAX.url);
  if (entry.key !== undefined) paper.citationKey = clip('citation key', entry.key, MAX.citationKey);

  const label = entry.key ?? (title ? title.slice(0, 80) : undefined);
  return {
    paper,
    line: entry.line,
    warnings: warnings.map((warning) => (warning.entry !== undefined || label === undefined ? warning : { ...warning, entry: label })),
  };

  function takeAuthors(): Author[] {
    const found = field('author');
    if (!found) return [];
    used.add('author');
    const names = report('author', found.line, decodeNames(found.value));
    if (names.length > MAX.authors) warn(found.line, `Only the first ${MAX.authors.toLocaleString('en')} authors were kept.`);
    return names.slice(0, MAX.authors).map((name) =>
      'literal' in name
        ? { literal: name.literal.slice(0, MAX.literal) }
        : name.given === undefined
          ? { family: name.family.slice(0, MAX.family) }
          : { family: name.family.slice(0, MAX.family), given: name.given.slice(0, MAX.given) },
    );
  }

  /** `year`, else the first year of a BibLaTeX `date` (`1984/1986` → 1984). */
  function takeYear(): number | undefined {
    const written = text('year');
    const fromYear = written === undefined ? undefined : firstYear(written);
    if (written !== undefined) {
      if (fromYear === undefined) warn(field('year')?.line ?? entry.line, `The year "${written.slice(0, 40)}" has no four-digit year in it; it was kept in the extra fields.`);
      else if (written === String(fromYear)) used.add('year');
      return fromYear;
    }
    const date = text('date');
    return date === undefined ? undefined : firstYear(date);
  }

  /** `doi`, else a DOI resolver link in `url` (DBLP writes `url = {http://dx.doi.org/…}`). */
  function takeDoi(): string | undefined {
    const found = field('doi');
    if (!found) {
      const link = unescapeVerbatim(field('url')?.value ?? '');
      return DOI_LINK.test(link) ? normalizeDoi(link) : undefined;
    }
    const written = unescapeVerbatim(found.value);
    const doi = normalizeDoi(written) ?? normalizeDoi(DOI_IN_TEXT.exec(written)?.[0] ?? '');
    if (doi === undefined) {
      warn(found.line, `The doi "${written.slice(0, 60)}" is not a DOI; it was kept in the extra fields.`);
      return undefined;
    }
    used.add('doi');
    return doi;
  }

  /** From `eprint` + `eprinttype`/`archiveprefix` = arXiv, else from the venue, the URL or the DOI. */
  function takeArxivId(venue: string | undefined, doi: string | undefined): string | undefined {
    const eprint = field('eprint');
    const typeField = field('eprinttype') ? 'eprinttype' : field('archiveprefix') ? 'archiveprefix' : undefined;
    const eprintType = typeField === undefined ? undefined : text(typeField);
    if (eprint && typeField !== undefined && eprintType?.trim().toLowerCase() === 'arxiv') {
      const written = unescapeVerbatim(eprint.value).replace(/^arxiv:\s*/i, '');
      const id = bareArxivId(written);
      if (id !== undefined) {
        used.add('eprint');
        used.add(typeField);
        return id;
      }
      warn(eprint.line, `The eprint "${written.slice(0, 60)}" is not an arXiv identifier; it was kept in the extra fields.`);
    }
    // DBLP cites arXiv papers as journal = {CoRR}, volume = {abs/1409.0473}.
    const corr = venue !== undefined && /^corr$/i.test(venue.trim()) ? /^abs\/(.+)$/i.exec(text('volume') ?? '')?.[1] : undefined;
    return (
      (corr === undefined ? undefined : bareArxivId(corr)) ??
      findArxivId(venue ?? '') ??
      findArxivId(text('howpublished') ?? '') ??
      findArxivId(unescapeVerbatim(field('url')?.value ?? '')) ??
      findArxivId(doi ?? '')
    );
  }

  /** `url`, else the `\url{…}` of a `howpublished` (the BibTeX way to cite a web page). */
  function takeUrl(): string | undefined {
    const found = field('url');
    if (found) {
      used.add('url');
      return unescapeVerbatim(found.value);
    }
    const inHowpublished = /\\url\s*\{([^{}]+)\}/.exec(field('howpublished')?.value ?? '')?.[1];
    return inHowpublished === undefined ? undefined : verbatim(inHowpublished);
  }

  /** Split on "," or ";" outside braces. */
  function takeKeywords(): string[] {
    const found = field('keywords');
    if (!found) return [];
    used.add('keywords');
    const keywords: string[] = [];
    for (const part of splitTopLevel(found.value, /[,;]/y)) {
      const keyword = report('keywords', found.line, decodeLatex(part));
      if (keyword && !keywords.includes(keyword)) keywords.push(keyword.slice(0, MAX.keyword));
    }
    if (keywords.length > MAX.keywords) warn(found.line, `Only the first ${MAX.keywords.toLocaleString('en')} keywords were kept.`);
    return keywords.slice(0, MAX.keywords);
  }

  function extraValue(name: string, found: BibtexField): string {
    if (VERBATIM.test(name)) return verbatim(found.value);
    if (fieldTypes[name]?.[1] === 'name') return formatBibtexNames(report(name, found.line, decodeNames(found.value)));
    return text(name) ?? '';
  }
}

function firstYear(text: string): number | undefined {
  const match = /(?<!\d)\d{4}(?!\d)/.exec(text);
  return match ? Number(match[0]) : undefined;
}

/** A verbatim value as written, minus line breaks and a `\url{…}` wrapper. */
function verbatim(value: string): string {
  const unwrapped = /^\s*\\url\s*\{(.*)\}\s*$/s.exec(value)?.[1] ?? value;
  return unwrapped.replace(/\s*[\r\n]\s*/g, '').trim();
}

/** `10.1000/a\_b` → `10.1000/a_b`: escapes people add although DOIs and URLs are verbatim. */
function unescapeVerbatim(value: string): string {
  return verbatim(value).replace(/\\([_%&#$])/g, '$1');
}
