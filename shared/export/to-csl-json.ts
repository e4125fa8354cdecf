/**
 * Papers to CSL-JSON (citeproc, Pandoc, Zotero), written so that Sift's CSL-JSON importer
 * (shared/import/csl-json) reads every paper back the same: `id` and `citation-key` (the citation
 * key), `type`, `title`, `author` (family/given or literal), `container-title`, `issued`
 * (`date-parts`), `DOI`, `URL`, `abstract`, `keyword` (one comma-separated string, as CSL has it),
 * then each `extra` field that is a CSL variable under its own name, and the common fields of
 * other formats under theirs (`address` → `publisher-place`, `pages` → `page`). What the paper was
 * imported with in more detail than Sift keeps (a full `issued` date, names with particles, a
 * CSL type such as `article-newspaper`, a shortDOI beside the full one) is written again as it
 * was while it still agrees with the paper. An arXiv id goes in `number` ("arXiv:2101.00001"),
 * as Zotero writes preprints, unless the DOI or URL names it already.
 */

import type { Author, Paper, PaperType } from '../model/library';
import { findArxivId, isShortDoi, normalizeDoi } from '../import/identifiers';
import { citationKeys } from './citation-keys';
import { PaperReport, type BibliographyExport, type ExportReportEntry } from './export-report';
import { cslDate, dateYear, readExtraDate } from './extra-dates';
import { cslName, extraVocabulary, namesOf, parseJson, planExtras, type PlannedExtra } from './extra-fields';

const CSL_TYPE_FOR: Record<PaperType, string> = {
  article: 'article-journal',
  inproceedings: 'paper-conference',
  preprint: 'article',
  book: 'book',
  chapter: 'chapter',
  thesis: 'thesis',
  report: 'report',
  dataset: 'dataset',
  software: 'software',
  webpage: 'webpage',
  misc: 'document',
};

// What the importer makes of a CSL type (parse-csl-json.ts, TYPES; `article` is a preprint with an
// arXiv id, else an article); to-csl-json.test.ts checks this against the importer itself.
const IMPORTED_AS = new Map<string, PaperType>([
  ['article-journal', 'article'], ['article-magazine', 'article'], ['article-newspaper', 'article'], ['review', 'article'],
  ['review-book', 'article'], ['paper-conference', 'inproceedings'], ['chapter', 'chapter'], ['entry-dictionary', 'chapter'],
  ['entry-encyclopedia', 'chapter'], ['book', 'book'], ['collection', 'book'], ['thesis', 'thesis'], ['report', 'report'],
  ['standard', 'report'], ['webpage', 'webpage'], ['post', 'webpage'], ['post-weblog', 'webpage'], ['dataset', 'dataset'],
  ['software', 'software'],
]);

/** Variables written from the paper itself; an extra field of the same name is written only where the paper has nothing. */
const OWN_VARIABLES = new Set(['id', 'citation-key', 'type', 'title', 'author', 'container-title', 'issued', 'DOI', 'URL', 'abstract', 'keyword']);
/** Where the importer looks for an arXiv id, and where one may be written (the first that is free). */
const ARXIV_VARIABLES = ['DOI', 'URL', 'number', 'note', 'archive_location'];

type CslItem = Record<string, unknown>;

/** The papers as one CSL-JSON array, in their order, with what each could not carry. */
export function toCslJson(papers: readonly Paper[]): BibliographyExport {
  const keys = citationKeys(papers);
  const report: ExportReportEntry[] = [];
  const items = papers.map((paper) => {
    const key = keys.get(paper.id) ?? paper.id;
    const paperReport = new PaperReport(paper, key);
    const item = writeItem(paper, key, paperReport);
    const entry = paperReport.entry();
    if (entry) report.push(entry);
    return item;
  });
  return { text: `${JSON.stringify(items, null, 2)}\n`, report };
}

function writeItem(paper: Paper, key: string, report: PaperReport): CslItem {
  // CSL's own `id`, `type`, `author` and `DOI`, kept in `extra` by the CSL-JSON importer, are this exporter's business.
  const vocabulary = extraVocabulary(paper.extra);
  const isCsl = (name: string) => paper.extra[name] !== undefined && vocabulary(name) === 'csl';
  const extras = planExtras(paper.extra, 'csl-json', report, new Set(['id', 'citation-key', 'type', 'author', 'DOI'].filter(isCsl)));
  const item: CslItem = { id: key, 'citation-key': key, type: cslType(paper, isCsl('type'), report) };
  if (isCsl('id') && paper.extra.id !== key) report.drop('extra.id', 'CSL-JSON’s id holds the citation key');
  if (paper.title !== '') item.title = paper.title;
  const author = authors(paper, isCsl('author'), report);
  if (author !== undefined) item.author = author;
  if (paper.venue !== undefined) item['container-title'] = paper.venue;

  const issued = extras.find((extra) => extra.name === 'issued');
  const issuedValue = issued === undefined ? undefined : cslValue(issued);
  if (issued !== undefined && (paper.year === undefined || yearOfDate(issued) === paper.year)) item.issued = issuedValue;
  else {
    if (issued !== undefined) report.drop(`extra.${issued.key}`, `issued is written from the paper's year, ${paper.year}, which this date does not match`);
    if (paper.year !== undefined) item.issued = { 'date-parts': [[paper.year]] };
  }

  const doi = doiToWrite(paper, isCsl('DOI'), report);
  if (doi !== undefined) item.DOI = doi;
  if (paper.url !== undefined) item.URL = paper.url;
  if (paper.abstract !== undefined) item.abstract = paper.abstract;
  if (paper.keywords.length > 0) {
    item.keyword = paper.keywords.join(', ');
    const split = paper.keywords.filter((keyword) => keyword.includes(','));
    if (split.length > 0) report.drop('keywords', `CSL-JSON separates keywords with commas, so "${split[0]}" reads back as ${split[0]?.split(',').length} keywords`);
  }

  for (const extra of extras) {
    if (extra.name === 'issued') continue;
    if (OWN_VARIABLES.has(extra.name) && item[extra.name] !== undefined) {
      if (JSON.stringify(cslValue(extra)) !== JSON.stringify(item[extra.name])) {
        report.drop(`extra.${extra.key}`, `${extra.name} is written from the paper's own ${extra.name}`);
      }
      continue;
    }
    item[extra.name] = cslValue(extra);
  }

  if (paper.arxivId !== undefined) {
    const named = ARXIV_VARIABLES.some((name) => typeof item[name] === 'string' && findArxivId(item[name]) === paper.arxivId);
    const free = ['number', 'archive_location'].find((name) => item[name] === undefined);
    if (!named && free !== undefined) item[free] = `arXiv:${paper.arxivId}`;
    else if (!named) report.drop('arxivId', 'CSL-JSON has no arXiv variable, and number and archive_location hold other values');
  }
  return item;
}

/** The CSL type the paper was imported with (`extra.type`) while it still fits, else the paper type's. */
function cslType(paper: Paper, imported: boolean, report: PaperReport): string {
  const written = paper.extra.type?.trim();
  if (imported && written !== undefined && written !== '') {
    if (readsAs(written, paper) === paper.type) return written;
    report.drop('extra.type', `the CSL type ${written} no longer fits the paper's type, ${paper.type}`);
  }
  const type = CSL_TYPE_FOR[paper.type];
  if (readsAs(type, paper) !== paper.type) report.drop('type', `CSL-JSON has no type that reads back as ${paper.type}; written as ${type}`);
  return type;
}

function readsAs(cslType: string, paper: Paper): PaperType {
  if (cslType === 'article') return paper.arxivId === undefined ? 'article' : 'preprint';
  return IMPORTED_AS.get(cslType) ?? 'misc';
}

/**
 * The authors: an `author` list imported with more than Sift keeps (particles, suffixes, extra
 * name parts) is written again as it was when it still names the same people.
 */
function authors(paper: Paper, imported: boolean, report: PaperReport): unknown[] | undefined {
  if (imported) {
    const names = parseJson(paper.extra.author ?? '');
    const same = Array.isArray(names) && JSON.stringify(names.map(cslName).filter((name) => name !== undefined)) === JSON.stringify(paper.authors);
    if (same) return names;
    report.drop('extra.author', Array.isArray(names) ? 'the authors have changed since it was imported' : 'it is not a list of CSL names');
  }
  return paper.authors.length === 0 ? undefined : paper.authors.map(cslAuthor);
}

/** A CSL name; "Martin Luther, Jr." splits into given and suffix, which the importer joins back. */
function cslAuthor(author: Author): Record<string, string> {
  if ('literal' in author) return { literal: author.literal };
  if (!author.given) return { family: author.family };
  const comma = author.given.lastIndexOf(', ');
  const given = author.given.slice(0, comma);
  const suffix = author.given.slice(comma + 2);
  // Split only where the importer's trimmed join gives the same text back: "Ann, " has no suffix,
  // and "Ann , Jr." would lose its space.
  const whole = (part: string) => part !== '' && part === part.trim();
  if (comma <= 0 || !whole(given) || !whole(suffix)) return { family: author.family, given: author.given };
  return { family: author.family, given, suffix };
}

/**
 * The DOI: the one the paper was imported with (a shortDOI such as `10/fqd6hj`, with the full DOI
 * in the URL, as Better BibTeX writes them) while the importer would still read the same DOI.
 */
function doiToWrite(paper: Paper, isImported: boolean, report: PaperReport): string | undefined {
  const imported = isImported ? paper.extra.DOI : undefined;
  if (imported === undefined) return paper.doi;
  if (paper.doi === undefined || importedDoi(imported, paper.url) === paper.doi) return imported;
  report.drop('extra.DOI', `DOI is written from the paper's own DOI, ${paper.doi}`);
  return paper.doi;
}

/** The DOI the importer takes from `DOI` and `URL` (parse-csl-json.ts). */
function importedDoi(doiText: string, url: string | undefined): string | undefined {
  let doi = normalizeDoi(doiText);
  const fromUrl = url !== undefined && /^https?:\/\/(?:dx\.)?doi\.org\//i.test(url) ? normalizeDoi(url) : undefined;
  if (fromUrl !== undefined && (doi === undefined || (isShortDoi(doi) && !isShortDoi(fromUrl)))) doi = fromUrl;
  return doi;
}

/** An extra value as CSL-JSON: JSON text back to its array or object, names and dates in CSL's shape. */
function cslValue(extra: PlannedExtra): unknown {
  switch (extra.kind) {
    case 'names':
      return namesOf(extra.value).map(cslAuthor);
    case 'date':
      return cslDate(readExtraDate(extra.value));
    case 'native':
      return parseJson(extra.value) ?? extra.value;
    case 'text':
    case 'pages':
      return extra.value;
  }
}

function yearOfDate(extra: PlannedExtra): number | undefined {
  return dateYear(readExtraDate(extra.value));
}
