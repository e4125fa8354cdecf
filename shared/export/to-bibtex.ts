/**
 * Papers to BibTeX or BibLaTeX, written so that Sift's BibTeX importer (shared/import/bibtex)
 * reads every paper back the same: title, authors, year, venue, identifiers, abstract, keywords,
 * citation key, and each `extra` field under its own name.
 *
 * The two dialects differ where BibTeX and BibLaTeX do: entry types (`@phdthesis`/`@thesis`,
 * `@techreport`/`@report`, `@misc`/`@online`, `@dataset`, `@software`), the journal field
 * (`journal`/`journaltitle`), the arXiv fields (`archiveprefix`/`eprinttype`), and text: BibTeX
 * gets LaTeX escapes for accented letters (`{\'e}`), BibLaTeX keeps UTF-8 (biber reads it). Both
 * escape TeX's special characters and brace the words of a title whose capitals must stay
 * (`{BERT}`). An entry type the paper was imported with (`extra.entrytype`: `@mastersthesis`,
 * `@patent`…) is written again when the dialect has it.
 */

import type { Paper, PaperType } from '../model/library';
import { findArxivId } from '../import/identifiers';
import { encodeBibtexNames, parseNameList } from './bibtex-names';
import { citationKeys } from './citation-keys';
import { encodeLatex, encodeTitle, hasMarkup } from './encode-latex';
import { PaperReport, type BibliographyExport, type ExportReportEntry } from './export-report';
import { dateLoss, isoDateText, readExtraDate } from './extra-dates';
import { namesOf, planExtras, type PlannedExtra } from './extra-fields';
import { fieldTypes } from '@citation-js/plugin-bibtex/lib/input/constants.js';

export type BibtexDialect = 'bibtex' | 'biblatex';

export interface BibtexOptions {
  dialect: BibtexDialect;
}

/** The entry type written for each paper type: [BibTeX, BibLaTeX] (research notes §4a). */
const ENTRY_TYPES: Record<PaperType, readonly [string, string]> = {
  article: ['article', 'article'],
  inproceedings: ['inproceedings', 'inproceedings'],
  preprint: ['misc', 'online'],
  book: ['book', 'book'],
  chapter: ['incollection', 'incollection'],
  thesis: ['phdthesis', 'thesis'],
  report: ['techreport', 'report'],
  dataset: ['misc', 'dataset'],
  software: ['misc', 'software'],
  webpage: ['misc', 'online'],
  misc: ['misc', 'misc'],
};

const BIBTEX_TYPES = new Set([
  'article', 'book', 'booklet', 'conference', 'inbook', 'incollection', 'inproceedings', 'manual', 'mastersthesis',
  'misc', 'phdthesis', 'proceedings', 'techreport', 'unpublished',
]);
/** BibLaTeX's types and the aliases biber maps (`phdthesis`, `techreport`, `www`…). */
const BIBLATEX_TYPES = new Set([
  ...BIBTEX_TYPES, 'mvbook', 'bookinbook', 'suppbook', 'collection', 'mvcollection', 'suppcollection', 'dataset', 'online',
  'patent', 'periodical', 'suppperiodical', 'mvproceedings', 'reference', 'mvreference', 'inreference', 'report', 'set',
  'software', 'thesis', 'customa', 'customb', 'customc', 'customd', 'custome', 'customf', 'electronic', 'www', 'artwork',
  'audio', 'bibnote', 'commentary', 'image', 'jurisdiction', 'legislation', 'legal', 'letter', 'movie', 'music',
  'performance', 'review', 'standard', 'video',
]);

// What the importer makes of an entry type (entry-to-paper.ts, PAPER_TYPES, JOURNAL_TYPES and
// PREPRINT_TYPES); to-bibtex.test.ts checks these against the importer itself.
const IMPORTED_AS: Record<string, PaperType> = {
  article: 'article', suppperiodical: 'article', inproceedings: 'inproceedings', conference: 'inproceedings',
  preprint: 'preprint', book: 'book', mvbook: 'book', collection: 'book', mvcollection: 'book', proceedings: 'book',
  mvproceedings: 'book', reference: 'book', mvreference: 'book', booklet: 'book', inbook: 'chapter',
  bookinbook: 'chapter', suppbook: 'chapter', incollection: 'chapter', suppcollection: 'chapter', inreference: 'chapter',
  thesis: 'thesis', phdthesis: 'thesis', mastersthesis: 'thesis', report: 'report', techreport: 'report', manual: 'report',
  online: 'webpage', electronic: 'webpage', www: 'webpage', webpage: 'webpage', dataset: 'dataset', data: 'dataset',
  software: 'software', code: 'software',
};
const JOURNAL_TYPES = new Set(['article', 'suppperiodical', 'periodical', 'preprint', 'misc', 'online', 'unpublished']);
const PREPRINT_TYPES = new Set(['article', 'misc', 'online', 'electronic', 'www', 'unpublished', 'preprint']);
/** Fields the importer keeps exactly as written (entry-to-paper.ts, VERBATIM). */
const VERBATIM = /^(?:url|urlraw|doi|eprint|file|pdf|verb[a-c]|ids|crossref|xref|xdata|entryset|related|bdsk-(?:url|file)-\d+|ee|link)$/;

/** The papers as one .bib text, in their order, with what each could not carry. */
export function toBibtex(papers: readonly Paper[], options: BibtexOptions): BibliographyExport {
  const keys = citationKeys(papers);
  const report: ExportReportEntry[] = [];
  const entries = papers.map((paper) => {
    const key = keys.get(paper.id) ?? paper.id;
    const paperReport = new PaperReport(paper, key);
    const text = writeEntry(paper, key, options.dialect, paperReport);
    const entry = paperReport.entry();
    if (entry) report.push(entry);
    return text;
  });
  return { text: entries.join('\n'), report };
}

function writeEntry(paper: Paper, key: string, dialect: BibtexDialect, report: PaperReport): string {
  const ascii = dialect === 'bibtex';
  const dialectName = ascii ? 'BibTeX' : 'BibLaTeX';
  const type = entryType(paper, dialect, report);
  const extras = planExtras(paper.extra, dialect, report, new Set(['entrytype']));
  const extraNamed = (name: string) => extras.find((item) => item.name === name);
  // Author, title, venue and year first, then the imported fields, then identifiers and abstract.
  const head: Array<[string, string]> = [];
  const tail: Array<[string, string]> = [];
  const modelFields = new Set<string>();
  const add = (into: Array<[string, string]>, name: string, value: string) => {
    into.push([name, value]);
    modelFields.add(name);
  };

  if (paper.authors.length > 0) add(head, 'author', encodeBibtexNames(paper.authors, ascii));
  if (paper.title !== '') add(head, 'title', encodeTitle(paper.title, ascii));
  const venueField = paper.venue === undefined ? undefined : chooseVenueField(type, dialect, extras, report);
  if (venueField !== undefined && paper.venue !== undefined) add(head, venueField, encodeLatex(paper.venue, ascii));

  // A `year` imported with more in it than the year ("1994a") is written as it was; BibLaTeX
  // takes a full `date` instead of the year when they agree.
  const yearExtra = extraNamed('year');
  const dateExtra = usableDate(extraNamed('date'), dialectName, report);
  const says = (item: PlannedExtra) => paper.year === undefined || firstYear(valueText(item)) === paper.year;
  if (yearExtra && says(yearExtra)) add(head, 'year', encodeLatex(yearExtra.value, ascii));
  else {
    if (yearExtra) report.drop(`extra.${yearExtra.key}`, `it disagrees with the year, ${paper.year}`);
    if (paper.year !== undefined && !(dialect === 'biblatex' && dateExtra && says(dateExtra))) add(head, 'year', String(paper.year));
  }
  if (dateExtra) add(head, 'date', encodeLatex(valueText(dateExtra), ascii));

  // arXiv: eprint + archiveprefix (BibTeX) or eprinttype (BibLaTeX), unless the paper has another
  // eprint of its own; then the id must be readable from the venue, the URL or the DOI.
  const eprintTaken = ['eprint', 'eprinttype', 'archiveprefix'].some((name) => extraNamed(name) !== undefined);
  const verbatim = (name: string, value: string | undefined, field: string) => {
    if (value === undefined) return;
    if (balanced(value)) add(tail, name, oneLine(value));
    else report.drop(field, `${dialectName} cannot hold its unbalanced braces`);
  };
  verbatim('doi', paper.doi, 'doi');
  if (paper.arxivId !== undefined && !eprintTaken) {
    verbatim('eprint', paper.arxivId, 'arxivId');
    add(tail, ascii ? 'archiveprefix' : 'eprinttype', ascii ? 'arXiv' : 'arxiv');
  }
  if (paper.arxivId !== undefined && eprintTaken) {
    const readable = [paper.venue, paper.extra.howpublished, paper.url, paper.doi].some((text) => text !== undefined && findArxivId(text) === paper.arxivId);
    if (!readable) report.drop('arxivId', `${dialectName} has one eprint field, which holds extra.eprint`);
  }
  verbatim('url', paper.url, 'url');
  if (paper.keywords.length > 0) {
    const keywords = paper.keywords.map((keyword) => (/[,;]/.test(keyword) ? `{${encodeLatex(keyword, ascii)}}` : encodeLatex(keyword, ascii)));
    add(tail, 'keywords', keywords.join(', '));
  }
  if (paper.abstract !== undefined && paper.abstract.trim() !== '') add(tail, 'abstract', encodeLatex(paper.abstract, ascii));

  const middle: Array<[string, string]> = [];
  for (const item of extras) {
    if (item.name === 'year' || item.name === 'date' || item.name === venueField) continue;
    if (usableDate(item, dialectName, report) === undefined) continue;
    const value = extraValue(item, ascii);
    if (modelFields.has(item.name)) {
      // Sift's own value wins; the imported one is lost only if it says something else.
      const own = [...head, ...tail].find(([name]) => name === item.name)?.[1];
      if (value !== own) report.drop(`extra.${item.key}`, `${item.name} is written from the paper's own ${item.name}`);
      continue;
    }
    if (value === undefined) report.drop(`extra.${item.key}`, `${dialectName} cannot hold its unbalanced braces`);
    else middle.push([item.name, value]);
  }

  for (const field of ['title', 'venue', 'abstract'] as const) {
    const text = paper[field];
    if (text !== undefined && hasMarkup(text)) report.drop(field, `its rich text (<i>, <sup>…) is written as LaTeX, which Sift reads back as plain text`);
  }
  const names = paper.authors.flatMap((author) => ('literal' in author ? [author.literal] : [author.family, author.given ?? '']));
  if (names.some(hasMarkup)) report.drop('authors', `a name's rich text (<i>, <sup>…) is written as LaTeX, which Sift reads back as plain text`);
  checkType(paper, type, venueField === undefined ? undefined : paper.venue, dialectName, report);
  const body = [...head, ...middle, ...tail].map(([name, value]) => `  ${name} = {${value}}`).join(',\n');
  return `@${type}{${key}${body === '' ? '' : `,\n${body}`}\n}\n`;
}

/** The entry type: the one the paper was imported with if the dialect has it and it still fits. */
function entryType(paper: Paper, dialect: BibtexDialect, report: PaperReport): string {
  const written = paper.extra.entrytype?.trim().toLowerCase();
  if (written !== undefined && written !== '') {
    const known = dialect === 'bibtex' ? BIBTEX_TYPES.has(written) : BIBLATEX_TYPES.has(written);
    const readsAs = IMPORTED_AS[written] ?? 'misc';
    const fits = readsAs === paper.type || (paper.type === 'preprint' && PREPRINT_TYPES.has(written));
    if (known && fits) return written;
    report.drop('extra.entrytype', known ? `@${written} no longer fits the paper's type, ${paper.type}` : `@${written} is not a ${dialect === 'bibtex' ? 'BibTeX' : 'BibLaTeX'} entry type`);
  }
  return ENTRY_TYPES[paper.type][dialect === 'bibtex' ? 0 : 1];
}

/**
 * The field the venue goes in: the importer takes the first of journaltitle, journal, booktitle
 * (booktitle first for books and proceedings) that an entry has, so the venue must come before any
 * such field kept in `extra` (a BibLaTeX entry with both `journaltitle` and `journal`).
 */
function chooseVenueField(type: string, dialect: BibtexDialect, extras: readonly PlannedExtra[], report: PaperReport): string {
  const journal = JOURNAL_TYPES.has(type);
  const order = journal ? ['journaltitle', 'journal', 'booktitle'] : ['booktitle', 'journaltitle', 'journal'];
  const preferred = journal ? (dialect === 'bibtex' ? 'journal' : 'journaltitle') : 'booktitle';
  const inExtra = extras.filter((item) => order.includes(item.name)).map((item) => order.indexOf(item.name));
  const fits = (name: string) => inExtra.every((index) => index > order.indexOf(name));
  const chosen = fits(preferred) ? preferred : (order.find(fits) ?? order[0] ?? preferred);
  for (const item of extras) if (item.name === chosen) report.drop(`extra.${item.key}`, `${chosen} holds the paper's venue`);
  return chosen;
}

/** Reports a paper whose type the importer would read back as another one. */
function checkType(paper: Paper, type: string, venue: string | undefined, dialectName: string, report: PaperReport): void {
  let readsAs = IMPORTED_AS[type] ?? 'misc';
  if (paper.arxivId !== undefined && PREPRINT_TYPES.has(type) && (venue === undefined || /arxiv|^corr$/i.test(venue))) readsAs = 'preprint';
  if (readsAs !== paper.type) report.drop('type', `${dialectName} has no entry type that reads back as ${paper.type}; written as @${type}, read as ${readsAs}`);
}

/** A date from another format that BibTeX can read (`2019-03-05`); WoS's `DA  - SEP` is not one. */
function usableDate(item: PlannedExtra | undefined, dialectName: string, report: PaperReport): PlannedExtra | undefined {
  if (item === undefined || item.kind !== 'date') return item;
  const date = readExtraDate(item.value);
  if (date.start === undefined) {
    report.drop(`extra.${item.key}`, `"${item.value.slice(0, 40)}" is not a date ${dialectName} can read`);
    return undefined;
  }
  const loss = dateLoss(date, 'bibtex');
  if (loss !== undefined) report.drop(`extra.${item.key}`, `written as ${isoDateText(date)}; ${loss}`);
  return item;
}

/** An extra value as the field's text; undefined when it cannot be written. */
function extraValue(item: PlannedExtra, ascii: boolean): string | undefined {
  switch (item.kind) {
    case 'names':
      return encodeBibtexNames(namesOf(item.value), ascii);
    case 'date':
      return encodeLatex(isoDateText(readExtraDate(item.value)), ascii);
    case 'text':
    case 'pages':
      return encodeLatex(item.value, ascii);
    case 'native':
      if (VERBATIM.test(item.name)) return balanced(item.value) ? oneLine(item.value) : undefined;
      if (fieldTypes[item.name]?.[1] === 'name') return encodeBibtexNames(parseNameList(item.value), ascii);
      return encodeLatex(item.value, ascii);
  }
}

/** The text of an extra value (a CSL date's ISO form). */
function valueText(item: PlannedExtra): string {
  return item.kind === 'date' ? isoDateText(readExtraDate(item.value)) : item.value;
}

function firstYear(text: string): number | undefined {
  const match = /(?<!\d)\d{4}(?!\d)/.exec(text);
  return match ? Number(match[0]) : undefined;
}

function balanced(text: string): boolean {
  let depth = 0;
  for (const char of text) {
    if (char === '{') depth += 1;
    else if (char === '}' && --depth < 0) return false;
  }
  return depth === 0;
}

function oneLine(text: string): string {
  return text.replace(/\s*[\r\n]\s*/g, '').trim();
}
