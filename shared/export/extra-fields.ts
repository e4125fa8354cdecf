/**
 * Which of a paper's `extra` fields an export writes, under which name, and which it cannot carry.
 *
 * Each importer fills `extra` in its own vocabulary: BibTeX field names (`address`, `timestamp`),
 * RIS tags (`PB`, `DB`; plus `volume`, `issue`, `pages`, `note`, `file`, `editor`, `issn`, `isbn`
 * for the tags it names), CSL variables (`publisher-place`, `PMID`, `issued` as JSON text). An
 * export re-emits a field as it is when it is native to the format (BibTeX field → BibTeX, RIS
 * tag → RIS, CSL variable → CSL-JSON); translates the common ones between formats (the concept
 * table below, after research notes §4b); and reports the rest. Papers do not record which
 * importer made them, so a paper's vocabulary is read off its keys: any RIS tag makes it RIS, an
 * entry type BibTeX, any variable only CSL has (or a JSON value) CSL-JSON, and BibTeX otherwise.
 */

import { fieldTypes } from '@citation-js/plugin-bibtex/lib/input/constants.js';
import type { Author } from '../model/library';
import { bibliographyFormatName, type BibliographyFormat } from './bibliography-formats';
import { parseNameList } from './bibtex-names';
import type { PaperReport } from './export-report';

export type ExtraVocabulary = 'bibtex' | 'ris' | 'csl';

/** How a value is written: names and dates change shape between formats, pages split in RIS. */
export type ExtraKind = 'text' | 'names' | 'date' | 'pages';

interface Concept {
  kind: ExtraKind;
  /** The keys the importers give it, by vocabulary; the first one found is used. */
  from: Partial<Record<ExtraVocabulary, readonly string[]>>;
  /** The name each format writes it under; a format without one cannot carry it. */
  to: Partial<Record<BibliographyFormat, string>>;
}

const CONCEPTS: readonly Concept[] = [
  concept('text', ['volume'], ['volume'], ['volume'], ['volume', 'VL', 'volume']),
  concept('text', ['number', 'issue'], ['issue'], ['issue'], ['number', 'IS', 'issue']),
  concept('pages', ['pages'], ['pages'], ['page'], ['pages', 'SP', 'page']),
  concept('text', ['publisher'], ['PB'], ['publisher'], ['publisher', 'PB', 'publisher']),
  concept('text', ['address', 'location'], ['CY'], ['publisher-place'], ['address', 'CY', 'publisher-place'], 'location'),
  concept('text', ['edition'], ['ET'], ['edition'], ['edition', 'ET', 'edition']),
  concept('text', ['series'], ['T3'], ['collection-title'], ['series', 'T3', 'collection-title']),
  concept('text', ['note'], ['note'], ['note'], ['note', 'N1', 'note']),
  concept('text', ['language', 'langid'], ['LA'], ['language'], ['language', 'LA', 'language']),
  concept('text', ['issn'], ['issn'], ['ISSN'], ['issn', 'SN', 'ISSN']),
  concept('text', ['isbn'], ['isbn'], ['ISBN'], ['isbn', 'SN', 'ISBN']),
  concept('names', ['editor'], ['editor'], ['editor'], ['editor', 'ED', 'editor']),
  concept('names', ['translator'], [], ['translator'], ['translator', undefined, 'translator']),
  concept('text', ['shorttitle'], ['ST'], ['title-short'], ['shorttitle', 'ST', 'title-short']),
  concept('text', ['shortjournal'], ['J2', 'JA', 'JI', 'J9', 'J1'], ['container-title-short'], ['shortjournal', 'J2', 'container-title-short']),
  concept('date', ['urldate'], ['Y2'], ['accessed'], ['urldate', 'Y2', 'accessed']),
  concept('date', ['date'], ['DA'], ['issued'], ['date', 'DA', 'issued']),
  concept('text', ['type'], ['M3'], ['genre'], ['type', 'M3', 'genre']),
  concept('text', ['pmid'], [], ['PMID'], ['pmid', undefined, 'PMID']),
  concept('text', ['pmcid'], [], ['PMCID'], ['pmcid', undefined, 'PMCID']),
  concept('text', ['pagetotal'], [], ['number-of-pages'], ['pagetotal', undefined, 'number-of-pages']),
  concept('text', ['version'], [], ['version'], ['version', undefined, 'version']),
  concept('text', ['file'], ['file'], [], ['file', 'L1', undefined]),
  // BibLaTeX has these too; RIS does not.
  concept('text', ['eventtitle'], [], ['event-title'], ['eventtitle', undefined, 'event-title']),
  concept('date', ['eventdate'], [], ['event-date'], ['eventdate', undefined, 'event-date']),
  concept('text', ['venue'], [], ['event-place'], ['venue', undefined, 'event-place']),
  concept('date', ['origdate'], [], ['original-date'], ['origdate', undefined, 'original-date']),
  concept('text', ['origtitle'], [], ['original-title'], ['origtitle', undefined, 'original-title']),
  concept('text', ['origpublisher'], [], ['original-publisher'], ['origpublisher', undefined, 'original-publisher']),
  concept('text', ['origlocation'], [], ['original-publisher-place'], ['origlocation', undefined, 'original-publisher-place']),
  concept('text', ['volumes'], [], ['number-of-volumes'], ['volumes', undefined, 'number-of-volumes']),
  concept('text', ['chapter'], [], ['chapter-number'], ['chapter', undefined, 'chapter-number']),
  concept('text', ['pubstate'], [], ['status'], ['pubstate', undefined, 'status']),
  concept('names', ['bookauthor'], [], ['container-author'], ['bookauthor', undefined, 'container-author']),
];

function concept(
  kind: ExtraKind,
  bibtex: readonly string[],
  ris: readonly string[],
  csl: readonly string[],
  [toBibtex, toRis, toCsl]: [string, string | undefined, string | undefined],
  toBiblatex = toBibtex,
): Concept {
  return {
    kind,
    from: { bibtex, ris, csl },
    to: { bibtex: toBibtex, biblatex: toBiblatex, ...(toRis ? { ris: toRis } : {}), ...(toCsl ? { 'csl-json': toCsl } : {}) },
  };
}

/** The CSL 1.0.2 variables (csl-data.json), which CSL-JSON carries as they are. */
export const CSL_VARIABLES = new Set([
  'id', 'type', 'citation-key', 'categories', 'language', 'journalAbbreviation', 'shortTitle', 'custom',
  'abstract', 'annote', 'archive', 'archive_collection', 'archive_location', 'archive-place', 'authority',
  'call-number', 'chapter-number', 'citation-label', 'citation-number', 'collection-number', 'collection-title',
  'container-title', 'container-title-short', 'dimensions', 'division', 'DOI', 'edition', 'event', 'event-title',
  'event-place', 'first-reference-note-number', 'genre', 'ISBN', 'ISSN', 'issue', 'jurisdiction', 'keyword', 'license',
  'locator', 'medium', 'note', 'number', 'number-of-pages', 'number-of-volumes', 'original-publisher',
  'original-publisher-place', 'original-title', 'page', 'page-first', 'part', 'part-title', 'PMCID', 'PMID',
  'printing', 'publisher', 'publisher-place', 'references', 'reviewed-genre', 'reviewed-title', 'scale', 'section',
  'source', 'status', 'supplement', 'title', 'title-short', 'URL', 'version', 'volume', 'volume-title',
  'volume-title-short', 'year-suffix',
  ...['author', 'chair', 'collection-editor', 'compiler', 'composer', 'container-author', 'contributor', 'curator',
    'director', 'editor', 'editorial-director', 'editor-translator', 'executive-producer', 'guest', 'host',
    'illustrator', 'interviewer', 'narrator', 'organizer', 'original-author', 'performer', 'producer', 'recipient',
    'reviewed-author', 'script-writer', 'series-creator', 'translator'],
  ...['accessed', 'available-date', 'event-date', 'issued', 'original-date', 'submitted'],
]);

/** The CSL 1.0.2 item types the CSL-JSON importer keeps in `extra.type` (all but the ones Sift's types map to). */
const CSL_TYPES = new Set([
  'article', 'article-magazine', 'article-newspaper', 'bill', 'broadcast', 'classic', 'collection', 'document', 'entry',
  'entry-dictionary', 'entry-encyclopedia', 'event', 'figure', 'graphic', 'hearing', 'interview', 'legal_case', 'legislation',
  'manuscript', 'map', 'motion_picture', 'musical_score', 'pamphlet', 'patent', 'performance', 'periodical',
  'personal_communication', 'post', 'post-weblog', 'regulation', 'review', 'review-book', 'song', 'speech', 'standard', 'treaty',
]);

/** The BibTeX and BibLaTeX fields citation-js knows (with their kinds), which BibTeX carries as they are. */
const BIBTEX_FIELDS = new Set(Object.keys(fieldTypes));
/** What the RIS importer calls the tags it names; in a RIS paper these are RIS, not BibTeX. */
const RIS_NAMED_KEYS = new Set(['volume', 'issue', 'pages', 'note', 'file', 'editor', 'issn', 'isbn']);
const RIS_TAG = /^[A-Z][A-Z0-9]$/;

/** The vocabulary of each key of one paper's `extra` (see the module comment). */
export function extraVocabulary(extra: Readonly<Record<string, string>>): (key: string) => ExtraVocabulary {
  const keys = Object.keys(extra);
  // A RIS tag, an entry type, or a CSL-only variable, JSON value or CSL type (which only the CSL importer writes) tells.
  const origin: ExtraVocabulary = keys.some((key) => RIS_TAG.test(key))
    ? 'ris'
    : extra.entrytype !== undefined
      ? 'bibtex'
      : keys.some((key) => (CSL_VARIABLES.has(key) && !BIBTEX_FIELDS.has(key)) || /^\s*(?:\[\s*\{|\{\s*")/.test(extra[key] ?? '')) ||
          CSL_TYPES.has(extra.type ?? '')
        ? 'csl'
        : 'bibtex';
  return (key) => {
    if (RIS_TAG.test(key)) return 'ris';
    if (origin === 'ris') return RIS_NAMED_KEYS.has(key) ? 'ris' : CSL_VARIABLES.has(key) && !BIBTEX_FIELDS.has(key) ? 'csl' : 'bibtex';
    if (origin === 'csl') return 'csl';
    return CSL_VARIABLES.has(key) && !BIBTEX_FIELDS.has(key) ? 'csl' : 'bibtex';
  };
}

const NATIVE: Record<BibliographyFormat, ExtraVocabulary> = { bibtex: 'bibtex', biblatex: 'bibtex', ris: 'ris', 'csl-json': 'csl' };
const FIELD_WORDS: Record<BibliographyFormat, string> = { bibtex: 'field', biblatex: 'field', ris: 'tag', 'csl-json': 'variable' };

/** Fields an importer keeps about the paper's own data: another format writes that data its own way. */
const OWN_FIELDS: Record<ExtraVocabulary, Partial<Record<string, string>>> = {
  bibtex: { entrytype: 'the type is written in this format’s own terms' },
  ris: { TY: 'the type is written in this format’s own terms' },
  csl: {
    type: 'the type is written in this format’s own terms',
    author: 'the authors are written from Sift’s names, without CSL’s other name parts',
    id: 'the citation key is written instead',
    DOI: 'the paper’s DOI is written instead',
  },
};

/** One extra field as an export will write it. */
export interface PlannedExtra {
  /** Its key in `extra`. */
  key: string;
  /** The name the format writes it under. */
  name: string;
  /** `native`: written as the importer read it; otherwise translated from another format. */
  kind: ExtraKind | 'native';
  value: string;
}

/**
 * The extra fields of one paper for `format`, in their order, with what cannot be carried
 * reported. `consumed` keys are the exporter's own business (an entry type, a full date…). Two
 * fields that would be written under one name keep the first (a native one before a translated
 * one) unless they agree.
 */
export function planExtras(
  extra: Readonly<Record<string, string>>,
  format: BibliographyFormat,
  report: PaperReport,
  consumed: ReadonlySet<string> = new Set(),
): PlannedExtra[] {
  const vocabularyOf = extraVocabulary(extra);
  const native: PlannedExtra[] = [];
  const translated: PlannedExtra[] = [];
  for (const [key, value] of Object.entries(extra)) {
    if (consumed.has(key) || value.trim() === '') continue;
    const vocabulary = vocabularyOf(key);
    const found = CONCEPTS.find((candidate) => candidate.from[vocabulary]?.includes(key));
    if (vocabulary === NATIVE[format] && !(format === 'ris' && RIS_NAMED_KEYS.has(key))) {
      native.push({ key, name: key, kind: 'native', value });
      continue;
    }
    const name = found?.to[format];
    if (found === undefined || name === undefined) {
      report.drop(`extra.${key}`, OWN_FIELDS[vocabulary][key] ?? `${bibliographyFormatName(format)} has no ${FIELD_WORDS[format]} for it`);
      continue;
    }
    translated.push({ key, name, kind: found.kind, value });
  }
  const written = new Map<string, PlannedExtra>();
  const planned: PlannedExtra[] = [];
  for (const item of [...native, ...translated]) {
    // RIS repeats tags freely (two SN lines: an ISSN and an ISBN); other formats have one value a name.
    const first = format === 'ris' ? undefined : written.get(item.name);
    if (first !== undefined) {
      if (first.value.trim() !== item.value.trim()) report.drop(`extra.${item.key}`, `${item.name} is already written from extra.${first.key}`);
      continue;
    }
    written.set(item.name, item);
    planned.push(item);
  }
  return planned;
}

/** Names from an extra value: CSL-JSON's list of name objects, or a BibTeX or RIS name list. */
export function namesOf(value: string): Author[] {
  const parsed = parseJson(value);
  if (Array.isArray(parsed)) return parsed.map(cslName).filter((author): author is Author => author !== undefined);
  return parseNameList(value);
}

/**
 * One CSL name as the CSL-JSON importer reads it: particles join the family name, a suffix the
 * given name, and a name with only one part is a `literal`.
 */
export function cslName(name: unknown): Author | undefined {
  if (typeof name === 'string') return name.trim() === '' ? undefined : { literal: name.trim() };
  if (typeof name !== 'object' || name === null || Array.isArray(name)) return undefined;
  const part = (key: string): string => {
    const value = Object.hasOwn(name, key) ? (name as Record<string, unknown>)[key] : undefined;
    return typeof value === 'string' || typeof value === 'number' ? String(value).replace(/\s+/g, ' ').trim() : '';
  };
  const literal = part('literal');
  if (literal !== '') return { literal };
  const family = [part('non-dropping-particle'), part('family')].filter(Boolean).join(' ');
  const givenName = [part('given'), part('dropping-particle')].filter(Boolean).join(' ');
  const suffix = part('suffix');
  const given = suffix === '' ? givenName : givenName === '' ? suffix : `${givenName}, ${suffix}`;
  if (family === '') return given === '' ? undefined : { literal: given };
  return given === '' ? { literal: family } : { family, given };
}

/** JSON text the CSL-JSON importer made of an array or object; anything else is undefined. */
export function parseJson(value: string): unknown {
  const trimmed = value.trim();
  if (!/^[[{]/.test(trimmed)) return undefined;
  try {
    return JSON.parse(trimmed) as unknown;
  } catch {
    return undefined;
  }
}
