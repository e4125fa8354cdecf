/**
 * Papers to RIS, written so that Sift's RIS importer (shared/import/ris) reads every paper back
 * the same: `TY`, `ID` (the citation key), `TI`, one `AU` per author ("Family, Given"), `PY`, the
 * venue in `T2` (`JF` when the paper also has a `JF`/`JO` of its own, which the importer would
 * prefer), `AB`, one `KW` per keyword, `DO`, `UR`, then each `extra` field: RIS tags as they were,
 * the fields the importer named back under their tags (`volume` → `VL`, `pages` → `SP`/`EP`…),
 * and the common fields of other formats under theirs (`publisher` → `PB`). An arXiv id that no
 * `DO` or `UR` names goes in `L2` as an arxiv.org link.
 *
 * Lines are `XX  - value` and end in CRLF, as the RIS specification has them (the importer reads
 * LF too); a record ends with `ER  - ` and a blank line. A value over several lines continues on
 * untagged lines, which the importer joins back.
 */

import type { Author, Paper, PaperType } from '../model/library';
import { findArxivId } from '../import/identifiers';
import { citationKeys } from './citation-keys';
import { PaperReport, type BibliographyExport, type ExportReportEntry } from './export-report';
import { dateLoss, readExtraDate, risDateText } from './extra-dates';
import { namesOf, planExtras, type PlannedExtra } from './extra-fields';

const TY_FOR: Record<PaperType, string> = {
  article: 'JOUR',
  inproceedings: 'CONF',
  preprint: 'JOUR',
  book: 'BOOK',
  chapter: 'CHAP',
  thesis: 'THES',
  report: 'RPRT',
  dataset: 'DATA',
  software: 'COMP',
  webpage: 'ELEC',
  misc: 'GEN',
};

// What the importer makes of a `TY` (parse-ris.ts, TYPES); to-ris.test.ts checks this against it.
const IMPORTED_AS = new Map<string, PaperType>([
  ...['JOUR', 'JFULL', 'EJOUR', 'INPR', 'ABST', 'MGZN', 'NEWS'].map((ty) => [ty, 'article'] as const),
  ...['CONF', 'CPAPER'].map((ty) => [ty, 'inproceedings'] as const),
  ...['CHAP', 'ECHAP'].map((ty) => [ty, 'chapter'] as const),
  ...['BOOK', 'EBOOK', 'EDBOOK'].map((ty) => [ty, 'book'] as const),
  ['THES', 'thesis'],
  ...['RPRT', 'GOVDOC', 'STAND'].map((ty) => [ty, 'report'] as const),
  ...['ELEC', 'WEB', 'BLOG'].map((ty) => [ty, 'webpage'] as const),
  ...['DATA', 'DBASE', 'AGGR'].map((ty) => [ty, 'dataset'] as const),
  ['COMP', 'software'],
]);
/** Types the importer turns into `preprint` when an arXiv id comes with no venue but arXiv. */
const PREPRINT_BASES = new Set<PaperType>(['article', 'misc', 'webpage']);
/** The tags the importer reads the venue from, in its order. */
const VENUE_TAGS = new Set(['JF', 'JO', 'T2', 'BT', 'JA', 'J2', 'J1']);
const CRLF = '\r\n';

/** The papers as one RIS text, in their order, with what each could not carry. */
export function toRis(papers: readonly Paper[]): BibliographyExport {
  const keys = citationKeys(papers);
  const report: ExportReportEntry[] = [];
  const records = papers.map((paper) => {
    const key = keys.get(paper.id) ?? paper.id;
    const paperReport = new PaperReport(paper, key);
    const text = writeRecord(paper, key, paperReport);
    const entry = paperReport.entry();
    if (entry) report.push(entry);
    return text;
  });
  return { text: records.join(CRLF), report };
}

function writeRecord(paper: Paper, key: string, report: PaperReport): string {
  const lines: string[] = [];
  const tag = (name: string, value: string) => {
    const text = oneLine(value);
    if (text !== '') lines.push(`${name}  - ${text}`);
  };
  const extras = planExtras(paper.extra, 'ris', report, new Set(['TY', 'PY']));

  const ty = risType(paper, report);
  lines.push(`TY  - ${ty}`);
  tag('ID', key);
  tag('TI', paper.title);
  for (const author of paper.authors) tag('AU', authorName(author, report));

  const yearAsWritten = paper.extra.PY;
  if (yearAsWritten !== undefined && (paper.year === undefined || firstYear(yearAsWritten) === paper.year)) tag('PY', yearAsWritten);
  else {
    if (yearAsWritten !== undefined) report.drop('extra.PY', `it disagrees with the year, ${paper.year}`);
    if (paper.year !== undefined) tag('PY', String(paper.year));
  }
  // The importer takes the venue from the first of JF, JO, T2… a record has.
  const venueTag = extras.some((item) => item.name === 'JF' || item.name === 'JO') ? 'JF' : 'T2';
  if (paper.venue !== undefined) tag(venueTag, paper.venue);
  if (paper.abstract !== undefined) lines.push(...multiline('AB', paper.abstract));
  for (const keyword of paper.keywords) tag('KW', keyword);
  if (paper.doi !== undefined) tag('DO', paper.doi);
  if (paper.url !== undefined) tag('UR', paper.url);

  const extraLines: string[] = [];
  for (const item of extras) {
    if (paper.venue === undefined && VENUE_TAGS.has(item.name)) {
      report.drop(`extra.${item.key}`, `RIS would read ${item.name} as the venue, which the paper does not have`);
      continue;
    }
    extraLines.push(...extraRis(item, report));
  }
  if (paper.arxivId !== undefined) {
    // The importer finds an arXiv id in DO, UR, L1 and L2 only.
    const named = [...lines, ...extraLines].some((line) => /^(?:DO|UR|L1|L2) {2}- /.test(line) && findArxivId(line.slice(6)) === paper.arxivId);
    if (!named) lines.push(`L2  - https://arxiv.org/abs/${paper.arxivId}`);
  }
  checkType(paper, ty, report);
  return [...lines, ...extraLines, 'ER  - ', ''].join(CRLF);
}

/** `TY`: the one the paper was imported with (`extra.TY`) while it still fits, else the paper type's. */
function risType(paper: Paper, report: PaperReport): string {
  const written = paper.extra.TY?.trim().toUpperCase();
  if (written !== undefined && written !== '') {
    const readsAs = IMPORTED_AS.get(written) ?? 'misc';
    if (readsAs === paper.type || (paper.type === 'preprint' && PREPRINT_BASES.has(readsAs))) return written;
    report.drop('extra.TY', `TY ${written} no longer fits the paper's type, ${paper.type}`);
  }
  return TY_FOR[paper.type];
}

/** Reports a paper whose type the importer would read back as another one. */
function checkType(paper: Paper, ty: string, report: PaperReport): void {
  let readsAs = IMPORTED_AS.get(ty) ?? 'misc';
  if (paper.arxivId !== undefined && PREPRINT_BASES.has(readsAs) && (paper.venue === undefined || /^arxiv\b/i.test(paper.venue))) readsAs = 'preprint';
  if (readsAs !== paper.type) report.drop('type', `RIS has no type that reads back as ${paper.type}; written as ${ty}, read as ${readsAs}`);
}

/** "Family, Given", or a name that must not be split as it is: RIS has only the comma to go by. */
function authorName(author: Author, report: PaperReport): string {
  const name = 'literal' in author ? author.literal : author.given ? `${author.family}, ${author.given}` : author.family;
  const family = 'literal' in author ? author.literal : author.family;
  if (family.includes(',') || name.includes(';')) {
    report.drop('authors', `RIS splits names at "," and ";", so "${oneLine(name)}" reads back differently`);
  }
  return name;
}

/** The lines one extra field is written as. */
function extraRis(item: PlannedExtra, report: PaperReport): string[] {
  switch (item.kind) {
    case 'names':
      return namesOf(item.value).map((author) => `${item.name}  - ${oneLine('literal' in author ? author.literal : author.given ? `${author.family}, ${author.given}` : author.family)}`);
    case 'date': {
      const date = readExtraDate(item.value);
      const loss = dateLoss(date, 'ris');
      if (loss !== undefined) report.drop(`extra.${item.key}`, `written as ${risDateText(date)}; ${loss}`);
      return [`${item.name}  - ${oneLine(risDateText(date))}`];
    }
    case 'pages': {
      // "97-105" as SP and EP, which the importer joins back with "-"; any other range stays whole in SP.
      const range = /^([^\s–—-]+)-([^\s–—-]+)$/.exec(item.value.trim());
      return range ? [`SP  - ${range[1]}`, `EP  - ${range[2]}`] : [`SP  - ${oneLine(item.value)}`];
    }
    case 'text':
    case 'native':
      return multiline(item.name, item.value);
  }
}

/**
 * A value over several lines: the first after the tag, the rest on untagged lines, which the
 * importer trims and joins with "\n". Blank lines are left out (the importer skips them too).
 * A line or paragraph separator (U+2028, U+2029) ends a line as well.
 */
function multiline(tag: string, value: string): string[] {
  // U+2028 and U+2029 too: a tag line with one in it is no tag line to a reader whose `.` stops there.
  const [first, ...rest] = value
    .split(/\r\n|[\r\n\u2028\u2029]/)
    .map((line) => line.trim())
    .filter(Boolean);
  if (first === undefined) return [];
  // A continuation line that looks like a tag would start a field: a space in front keeps it text.
  return [`${tag}  - ${first}`, ...rest.map((line) => (/^[A-Z][A-Z0-9] *-/.test(line) ? ` ${line}` : line))];
}

function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

function firstYear(text: string): number | undefined {
  const match = /(?<!\d)\d{4}(?!\d)/.exec(text);
  return match ? Number(match[0]) : undefined;
}
