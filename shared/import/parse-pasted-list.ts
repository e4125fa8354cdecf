/**
 * Parser for lists of papers pasted from web pages: the Hugging Face "Daily Papers" page, arXiv
 * listings and mailings, plain title lists, and lists of DOIs / arXiv ids.
 *
 * Pure TypeScript (no Node, no DOM). It never throws: anything it cannot use becomes a warning
 * that carries a 1-based line number. All regular expressions are anchored and free of nested
 * quantifiers, and the longest scans are hand-written loops, so megabyte inputs stay linear.
 */

import type { ImportWarning as BaseImportWarning } from './import-record';

export interface PastedPaper {
  title: string;
  abstract?: string;
  authors?: string[];
  arxivId?: string;
  doi?: string;
  /** 1-based line of the title. */
  line: number;
}

/** Pasted-list warnings always know their line. */
export type ImportWarning = BaseImportWarning & { line: number };

export type PasteFormat = 'daily-papers' | 'arxiv-listing' | 'titles' | 'identifiers';

export interface PastedListResult {
  format: PasteFormat;
  papers: PastedPaper[];
  warnings: ImportWarning[];
}

const PASTE_FORMATS: readonly PasteFormat[] = ['daily-papers', 'arxiv-listing', 'titles', 'identifiers'];

/** A title is a single short line; anything longer is prose. */
const MAX_TITLE_LENGTH = 300;
/** After this many warnings the rest are summarised in one, so garbage input stays cheap. */
const MAX_WARNINGS = 200;
/** Longest excerpt of a line quoted in a warning. */
const EXCERPT_LENGTH = 60;

// ---------------------------------------------------------------------------------------------
// Public API
// ---------------------------------------------------------------------------------------------

/** Guess what kind of paste this is, from its content. */
export function detectPasteFormat(text: string): PasteFormat {
  try {
    return detectFromLines(normalizeLines(text));
  } catch {
    return 'titles';
  }
}

/** Parse pasted text into papers. Without `format` the format is detected from the content. */
export function parsePastedList(text: string, format?: PasteFormat): PastedListResult {
  const warnings = new WarningList();
  let chosen: PasteFormat = 'titles';
  try {
    const lines = normalizeLines(text);
    if (format !== undefined && !PASTE_FORMATS.includes(format)) {
      warnings.add(1, `Unknown paste format ${JSON.stringify(String(format))}; detecting it from the text instead.`);
      chosen = detectFromLines(lines);
    } else {
      chosen = format ?? detectFromLines(lines);
    }
    let papers: PastedPaper[];
    switch (chosen) {
      case 'daily-papers':
        papers = parseDailyPapers(lines, warnings);
        break;
      case 'arxiv-listing':
        papers = parseArxivListing(lines, warnings);
        break;
      case 'identifiers':
        papers = parseIdentifierList(lines, warnings);
        break;
      default:
        papers = parseTitleList(lines, warnings);
    }
    return { format: chosen, papers, warnings: warnings.finish() };
  } catch (error) {
    // Defensive only: the parsers are written not to throw.
    const reason = error instanceof Error ? error.message : String(error);
    warnings.add(1, `Could not read the pasted text (${reason}).`);
    return { format: chosen, papers: [], warnings: warnings.finish() };
  }
}

// ---------------------------------------------------------------------------------------------
// Text normalisation and small helpers
// ---------------------------------------------------------------------------------------------

class WarningList {
  private readonly items: ImportWarning[] = [];
  private suppressed = 0;
  private firstSuppressedLine = 0;

  add(line: number, message: string): void {
    if (this.items.length < MAX_WARNINGS) {
      this.items.push({ line, message });
      return;
    }
    if (this.suppressed === 0) this.firstSuppressedLine = line;
    this.suppressed += 1;
  }

  finish(): ImportWarning[] {
    if (this.suppressed === 0) return this.items;
    return [
      ...this.items,
      { line: this.firstSuppressedLine, message: `${this.suppressed} more warnings were not listed.` },
    ];
  }
}

/** Lines without BOM, with CRLF/CR unified and trailing whitespace removed (leading kept). */
function normalizeLines(text: unknown): string[] {
  if (typeof text !== 'string' || text.length === 0) return [];
  const withoutBom = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  return withoutBom.split(/\r\n|[\r\n\u2028\u2029]/).map((line) => line.trimEnd());
}

/** Inner whitespace runs collapsed to one space, ends trimmed. */
function collapse(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

function excerpt(text: string): string {
  const flat = collapse(text.slice(0, EXCERPT_LENGTH * 4));
  return JSON.stringify(flat.length > EXCERPT_LENGTH ? `${flat.slice(0, EXCERPT_LENGTH)}…` : flat);
}

function isSpace(char: string | undefined): boolean {
  return char === ' ' || char === '\t' || char === '\u00a0';
}

function isUpperLetter(char: string | undefined): boolean {
  return char !== undefined && char !== char.toLowerCase() && char === char.toUpperCase();
}

function isLetter(char: string | undefined): boolean {
  return char !== undefined && char.toLowerCase() !== char.toUpperCase();
}

function isDigit(char: string | undefined): boolean {
  return char !== undefined && char >= '0' && char <= '9';
}

function countWords(text: string): number {
  let count = 0;
  let inWord = false;
  for (let i = 0; i < text.length; i += 1) {
    const space = /\s/.test(text.charAt(i));
    if (!space && !inWord) count += 1;
    inWord = !space;
  }
  return count;
}

function countLetters(text: string, stopAt: number): number {
  let count = 0;
  for (let i = 0; i < text.length && count < stopAt; i += 1) {
    if (isLetter(text.charAt(i))) count += 1;
  }
  return count;
}

/** Words that end in a period without ending a sentence. */
const ABBREVIATIONS = new Set([
  'al', 'vs', 'eg', 'ie', 'etc', 'cf', 'fig', 'figs', 'eq', 'eqs', 'ref', 'refs', 'sec', 'no', 'vol',
  'pp', 'approx', 'resp', 'dr', 'mr', 'mrs', 'ms', 'prof', 'st', 'jr', 'sr', 'inc', 'ltd', 'co',
]);

/** Whether the period at `index` closes an abbreviation ("et al.", "v.s.", "e.g.", "J. Smith"). */
function isAbbreviationPeriod(text: string, index: number): boolean {
  let start = index;
  while (start > 0 && index - start < 12 && (isLetter(text[start - 1]) || isDigit(text[start - 1]))) start -= 1;
  const word = text.slice(start, index);
  if (word.length === 0) return false;
  if (text[start - 1] === '.') return true; // "a.k.a.", "U.S."
  if (word.length === 1 && isLetter(word)) return true; // initials, "e.g."
  return ABBREVIATIONS.has(word.toLowerCase());
}

/** Places where one sentence ends and another starts: [.!?], optional closing quote, space, capital. */
function countSentenceBreaks(text: string, stopAt: number): number {
  let count = 0;
  for (let i = 0; i < text.length && count < stopAt; i += 1) {
    const char = text[i];
    if (char !== '.' && char !== '!' && char !== '?') continue;
    let j = i + 1;
    if (j < text.length && '"\')]’”'.includes(text.charAt(j))) j += 1;
    if (!isSpace(text[j])) continue;
    let k = j;
    while (k < text.length && k - j < 8 && isSpace(text[k])) k += 1;
    if (!isUpperLetter(text[k])) continue;
    if (char === '.' && isAbbreviationPeriod(text, i)) continue;
    count += 1;
  }
  return count;
}

/** Prose (an abstract) rather than a title: long, or several sentences. */
function isProse(text: string): boolean {
  if (text.length > MAX_TITLE_LENGTH) return true;
  const breaks = countSentenceBreaks(text, 2);
  if (breaks >= 2) return true;
  const endsLikeSentence = /[.!?]["')\]’”]?$/.test(text);
  const words = countWords(text);
  if (breaks === 1 && endsLikeSentence && words >= 12) return true;
  return endsLikeSentence && text.endsWith('.') && words >= 30;
}

/** Share of longer words (4+ letters) that start with a capital: high for Title Case lines. */
function titleCaseRatio(text: string): number {
  let long = 0;
  let capitalised = 0;
  for (const word of text.split(' ')) {
    const letters = word.replace(/[^\p{L}]/gu, '');
    if (letters.length < 4) continue;
    long += 1;
    if (isUpperLetter(letters[0])) capitalised += 1;
  }
  return long === 0 ? 0 : capitalised / long;
}

const MONTH = '(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]{0,6}\\.?';
const DATE_PATTERNS: readonly RegExp[] = [
  new RegExp(`^(?:[a-z]{3,9},? )?${MONTH} \\d{1,2}(?:st|nd|rd|th)?(?:,? \\d{4})?$`, 'i'),
  new RegExp(`^\\d{1,2} ${MONTH}(?:,? \\d{4})?$`, 'i'),
  new RegExp(`^${MONTH},? \\d{4}$`, 'i'),
  /^\d{4}-\d{2}-\d{2}$/,
  /^\d{1,2}\/\d{1,2}\/\d{2,4}$/,
];

/** Page text that can never be a paper title: numbers, dates, "Submitted by", "· 5 authors". */
function isNeverTitle(text: string): boolean {
  if (countLetters(text, 2) < 2) return true;
  if (DATE_PATTERNS.some((pattern) => pattern.test(text))) return true;
  if (/^submitted by\b/i.test(text)) return true;
  return /^[·•\-–—]? ?\d{1,5} authors?$/i.test(text);
}

const UI_WORDS = /\b(?:subscribe|sign in|sign up|log in|login|upvote|upvoted|load more|see all|show more)\b/i;

/**
 * Short page text that looks like navigation rather than a title: one or two words, a line that
 * ends in "!", a "by ..." byline, or common button words. Used only for lines that have no
 * abstract after them.
 */
function looksLikeChrome(text: string): boolean {
  if (isNeverTitle(text)) return true;
  if (countWords(text) <= 2 && text.length <= 24 && !text.includes(':')) return true;
  if (text.endsWith('!')) return true;
  if (/^by(?:\s|\p{Lu})/u.test(text)) return true;
  return UI_WORDS.test(text);
}

/** "1. ", "- ", "* ", "• ", "[3] " at the start of a list line. */
function stripListMarker(text: string): string {
  return text.replace(/^(?:[-*•·–]|\d{1,4}[.)]|\[\d{1,4}\]) +/, '');
}

// ---------------------------------------------------------------------------------------------
// Identifiers (DOIs and arXiv ids)
// ---------------------------------------------------------------------------------------------

interface Identifier {
  doi?: string;
  arxivId?: string;
  /** The identifier as a placeholder title: the bare DOI, or "arXiv:<id>". */
  label: string;
}

const BARE_DOI = /^10\.\d{4,9}\/\S+$/;
const NEW_ARXIV_ID = /^(\d{2})(\d{2})\.\d{4,5}(?:v\d{1,3})?$/;
const OLD_ARXIV_ID = /^[a-z][a-z-]{1,15}(?:\.[A-Z]{2})?\/\d{7}(?:v\d{1,3})?$/;

function bareArxivId(text: string): string | null {
  const candidate = text.replace(/\.pdf$/i, '');
  const modern = NEW_ARXIV_ID.exec(candidate);
  if (modern) {
    const month = Number(modern[2]);
    return month >= 1 && month <= 12 ? candidate : null;
  }
  return OLD_ARXIV_ID.test(candidate) ? candidate : null;
}

/** `text` without trailing characters from `characters` (a loop: `/[.,;]+$/` can be quadratic). */
function trimTrailing(text: string, characters: string): string {
  let end = text.length;
  while (end > 0 && characters.includes(text.charAt(end - 1))) end -= 1;
  return text.slice(0, end);
}

function arxivIdentifier(id: string): Identifier {
  return { arxivId: id, label: `arXiv:${id}` };
}

function doiIdentifier(doi: string): Identifier | null {
  const clean = trimTrailing(doi, '.,;');
  if (!BARE_DOI.test(clean)) return null;
  // DataCite DOIs of arXiv papers name the arXiv id too.
  const arxiv = /^10\.48550\/arxiv\.(.+)$/i.exec(clean);
  const arxivId = arxiv?.[1] !== undefined ? bareArxivId(arxiv[1]) : null;
  return arxivId === null ? { doi: clean, label: clean } : { doi: clean, arxivId, label: clean };
}

function decodeUrlPart(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/** One DOI or arXiv id, in any of the usual written forms, or null. */
function parseIdentifier(raw: string): Identifier | null {
  let text = raw.trim();
  if (text.startsWith('<') && text.endsWith('>')) text = text.slice(1, -1).trim();
  if (text.length === 0 || text.length > 2000) return null;

  const arxivUrl = /^(?:https?:\/\/)?(?:www\.|export\.)?arxiv\.org\/(?:abs|pdf|html|format)\/(\S+)$/i.exec(text);
  if (arxivUrl?.[1] !== undefined) {
    const rest = arxivUrl[1];
    const cut = rest.search(/[?#]/);
    const path = trimTrailing(cut >= 0 ? rest.slice(0, cut) : rest, '/');
    const id = bareArxivId(path);
    return id === null ? null : arxivIdentifier(id);
  }
  const doiUrl = /^(?:https?:\/\/)?(?:dx\.)?doi\.org\/(\S+)$/i.exec(text);
  if (doiUrl?.[1] !== undefined) return doiIdentifier(decodeUrlPart(doiUrl[1]));

  const doiPrefix = /^doi(?::|\s)\s*(\S+)$/i.exec(text);
  if (doiPrefix?.[1] !== undefined) return doiIdentifier(doiPrefix[1].trim());
  const arxivPrefix = /^arxiv(?::|\s)\s*(\S+)$/i.exec(text);
  if (arxivPrefix?.[1] !== undefined) {
    const id = bareArxivId(trimTrailing(arxivPrefix[1], '.,;'));
    return id === null ? null : arxivIdentifier(id);
  }
  if (text.startsWith('10.')) return doiIdentifier(text);
  const id = bareArxivId(trimTrailing(text, '.,;'));
  return id === null ? null : arxivIdentifier(id);
}

/** All identifiers on a line (one, or several separated by spaces), or null if any part is not one. */
function parseIdentifierLine(line: string): Identifier[] | null {
  const text = stripListMarker(line.trim());
  if (text.length === 0) return null;
  const whole = parseIdentifier(text);
  if (whole) return [whole];
  const tokens = text.split(/[\s,;]+/).filter((token) => token.length > 0);
  if (tokens.length < 2 || tokens.length > 100) return null;
  const found: Identifier[] = [];
  for (const token of tokens) {
    const identifier = parseIdentifier(token);
    if (!identifier) return null;
    found.push(identifier);
  }
  return found;
}

function paperFromIdentifier(identifier: Identifier, line: number): PastedPaper {
  const paper: PastedPaper = { title: identifier.label, line };
  if (identifier.doi !== undefined) paper.doi = identifier.doi;
  if (identifier.arxivId !== undefined) paper.arxivId = identifier.arxivId;
  return paper;
}

function parseIdentifierList(lines: readonly string[], warnings: WarningList): PastedPaper[] {
  const papers: PastedPaper[] = [];
  lines.forEach((line, index) => {
    if (line.trim().length === 0) return;
    const identifiers = parseIdentifierLine(line);
    if (!identifiers) {
      warnings.add(index + 1, `Not a DOI or arXiv id: ${excerpt(line)}; skipped.`);
      return;
    }
    for (const identifier of identifiers) papers.push(paperFromIdentifier(identifier, index + 1));
  });
  return papers;
}

// ---------------------------------------------------------------------------------------------
// One title per line
// ---------------------------------------------------------------------------------------------

function parseTitleList(lines: readonly string[], warnings: WarningList): PastedPaper[] {
  const papers: PastedPaper[] = [];
  lines.forEach((line, index) => {
    const lineNumber = index + 1;
    const title = collapse(stripListMarker(line.trim()));
    if (title.length === 0) return;
    if (!/[\p{L}\p{N}]/u.test(title)) {
      warnings.add(lineNumber, `Line has no letters or digits: ${excerpt(title)}; skipped.`);
      return;
    }
    const identifiers = parseIdentifierLine(title);
    if (identifiers?.length === 1 && identifiers[0] !== undefined) {
      papers.push(paperFromIdentifier(identifiers[0], lineNumber));
      return;
    }
    if (title.length > MAX_TITLE_LENGTH) {
      warnings.add(lineNumber, `Line is ${title.length} characters long, which is unusual for a title.`);
    }
    papers.push({ title, line: lineNumber });
  });
  return papers;
}

// ---------------------------------------------------------------------------------------------
// Hugging Face Daily Papers: title paragraph, then abstract paragraph
// ---------------------------------------------------------------------------------------------

interface Paragraph {
  /** 1-based line of the first line. */
  start: number;
  lines: string[];
}

function splitParagraphs(lines: readonly string[]): Paragraph[] {
  const paragraphs: Paragraph[] = [];
  let current: Paragraph | null = null;
  lines.forEach((line, index) => {
    const text = line.trim();
    if (text.length === 0) {
      current = null;
      return;
    }
    if (current === null) {
      current = { start: index + 1, lines: [] };
      paragraphs.push(current);
    }
    current.lines.push(text);
  });
  return paragraphs;
}

interface Block {
  kind: 'title' | 'abstract' | 'never-title';
  text: string;
  line: number;
}

function startsLowerCase(line: string): boolean {
  const first = line.charAt(0);
  return isLetter(first) && !isUpperLetter(first);
}

/**
 * A paragraph hard-wrapped over several short lines that together read as prose: none of its lines is
 * prose alone, the joined text is, and many lines continue a sentence (start in lower case). A list of
 * titles without blank lines fails the last test, since titles start with a capital.
 */
function isWrappedProse(paragraph: Paragraph): boolean {
  const { lines } = paragraph;
  if (lines.length < 2 || lines.some((line) => isProse(line))) return false;
  if (!isProse(collapse(lines.join(' ')))) return false;
  let continuing = 0;
  for (let i = 1; i < lines.length; i += 1) if (startsLowerCase(lines[i] ?? '')) continuing += 1;
  return continuing * 4 >= lines.length - 1;
}

/**
 * Whether the first line of a wrapped-prose paragraph is a title sitting right above its abstract:
 * the next line starts a sentence, and the first line is Title Case or ended before the wrap width.
 */
function hasLeadingTitle(paragraph: Paragraph): boolean {
  const [first, second] = paragraph.lines;
  if (first === undefined || second === undefined) return false;
  const title = collapse(first);
  if (isProse(title) || /[.,;:-]$/.test(title) || isNeverTitle(title)) return false;
  if (!isUpperLetter(second[0]) && !isDigit(second[0]) && !'"\'(“‘'.includes(second.charAt(0))) return false;
  if (titleCaseRatio(title) >= 0.75) return true;
  let wrapWidth = 0;
  for (let i = 1; i < paragraph.lines.length; i += 1) wrapWidth = Math.max(wrapWidth, paragraph.lines[i]?.length ?? 0);
  const nextWord = second.split(' ')[0] ?? '';
  return first.length + 1 + nextWord.length <= wrapWidth;
}

/**
 * Title candidates and abstracts, in order. A line that is prose by itself is an abstract; a
 * hard-wrapped prose paragraph is one abstract (possibly with its title on the first line); every
 * other line is a title candidate, or page text that can never be a title.
 */
function classifyParagraphs(paragraphs: readonly Paragraph[]): Block[] {
  const blocks: Block[] = [];
  for (const paragraph of paragraphs) {
    if (isWrappedProse(paragraph)) {
      const titled = hasLeadingTitle(paragraph);
      const body = titled ? paragraph.lines.slice(1) : paragraph.lines;
      const abstract = collapse(body.join(' '));
      if (titled && isProse(abstract)) {
        blocks.push({ kind: 'title', text: collapse(paragraph.lines[0] ?? ''), line: paragraph.start });
        blocks.push({ kind: 'abstract', text: abstract, line: paragraph.start + 1 });
      } else {
        blocks.push({ kind: 'abstract', text: collapse(paragraph.lines.join(' ')), line: paragraph.start });
      }
      continue;
    }
    paragraph.lines.forEach((line, offset) => {
      const text = collapse(line);
      const lineNumber = paragraph.start + offset;
      if (isProse(text)) blocks.push({ kind: 'abstract', text, line: lineNumber });
      else blocks.push({ kind: isNeverTitle(text) ? 'never-title' : 'title', text, line: lineNumber });
    });
  }
  return blocks;
}

type Region = 'header' | 'body' | 'footer' | 'no-abstracts';

/** Title candidates that got no abstract: page chrome, or papers listed without an abstract. */
function flushOrphans(orphans: readonly Block[], region: Region, papers: PastedPaper[], warnings: WarningList): void {
  for (const orphan of orphans) {
    if (looksLikeChrome(orphan.text)) {
      if (region === 'body') {
        warnings.add(orphan.line, `Skipped ${excerpt(orphan.text)}: it looks like page text, not a paper title.`);
      }
      continue;
    }
    if (region !== 'no-abstracts') {
      warnings.add(orphan.line, `Title ${excerpt(orphan.text)} has no abstract after it.`);
    } else {
      warnings.add(orphan.line, `Title ${excerpt(orphan.text)} has no abstract.`);
    }
    papers.push({ title: orphan.text, line: orphan.line });
  }
}

function parseDailyPapers(lines: readonly string[], warnings: WarningList): PastedPaper[] {
  const papers: PastedPaper[] = [];
  let pending: Block[] = [];
  let seenPaper = false;
  for (const block of classifyParagraphs(splitParagraphs(lines))) {
    if (block.kind === 'never-title') continue;
    if (block.kind === 'title') {
      pending.push(block);
      continue;
    }
    const title = pending.pop();
    if (title === undefined) {
      warnings.add(block.line, `Abstract paragraph without a title before it (${excerpt(block.text)}); skipped.`);
      continue;
    }
    flushOrphans(pending, seenPaper ? 'body' : 'header', papers, warnings);
    pending = [];
    papers.push({ title: title.text, abstract: block.text, line: title.line });
    seenPaper = true;
  }
  flushOrphans(pending, seenPaper ? 'footer' : 'no-abstracts', papers, warnings);
  return papers;
}

// ---------------------------------------------------------------------------------------------
// arXiv listing pages and mailing-list digests
// ---------------------------------------------------------------------------------------------

/** "arXiv:2206.10883", "[12]  arXiv:2206.10883 [pdf, other]", "3. arXiv:hep-th/9901001v2". */
const ARXIV_RECORD_START =
  /^(?:\[\d{1,6}\] ?|\d{1,6}\. ?)?arxiv: ?(\d{4}\.\d{4,5}(?:v\d{1,3})?|[a-z][a-z-]{1,15}(?:\.[A-Z]{2})?\/\d{7}(?:v\d{1,3})?)(?=\s|\[|$)/i;
const ARXIV_HEADER = /^([A-Za-z][A-Za-z-]{0,24}): ?(.*)$/;
const KNOWN_HEADERS = new Set([
  'title', 'authors', 'author', 'abstract', 'comments', 'comment', 'subjects', 'categories',
  'journal-ref', 'doi', 'report-no', 'msc-class', 'acm-class', 'date', 'submitted', 'license',
  'paper', 'from', 'replaced',
]);
/** Separators of mailing digests ("-----", "%%--%%", "\\ ( https://arxiv.org/abs/... )"). */
const SEPARATOR = /^(?:[-=%*_~]{3,}|\\\\.*)$/;

type ArxivField = 'title' | 'authors' | 'abstract' | 'other' | 'after-id' | 'abstract-paragraph' | null;

interface ArxivRecord {
  firstLine: number;
  arxivId?: string;
  doi?: string;
  titleLines: string[];
  titleLine: number;
  authorLines: string[];
  /** Abstract paragraphs: their lines, and whether an "Abstract:" label introduced them. */
  abstract: { lines: string[]; labelled: boolean }[];
  field: ArxivField;
  /** A mailing's "\\" line opened the abstract: the next paragraph is the abstract, however short. */
  delimited: boolean;
  /** The mailing's closing "\\ ( https://arxiv.org/abs/... )" line was seen. */
  closed: boolean;
}

function newRecord(firstLine: number): ArxivRecord {
  return { firstLine, titleLines: [], titleLine: firstLine, authorLines: [], abstract: [], field: null, delimited: false, closed: false };
}

/** Split an author line on commas, semicolons, " and " and " & ", dropping "(affiliation)" groups. */
function splitAuthors(text: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let current = '';
  for (let i = 0; i < text.length; i += 1) {
    const char = text.charAt(i);
    if (char === '(' || char === '[') depth += 1;
    else if ((char === ')' || char === ']') && depth > 0) depth -= 1;
    else if (depth === 0 && (char === ',' || char === ';')) {
      parts.push(current);
      current = '';
    } else if (depth === 0) current += char;
  }
  parts.push(current);
  const names: string[] = [];
  for (const part of parts) {
    for (const name of part.split(/\s(?:and|&)\s/i)) {
      const clean = collapse(name).replace(/^(?:and|&) /i, '').trim();
      if (clean.length > 0 && /\p{L}/u.test(clean)) names.push(clean);
    }
  }
  return names;
}

/** arXiv search results show "short text… ▽ More" and then "full text △ Less"; keep the full text. */
function cleanAbstract(text: string): string {
  const more = text.indexOf('▽ More');
  const less = text.lastIndexOf('△ Less');
  if (more >= 0 && less > more) return collapse(text.slice(more + '▽ More'.length, less));
  if (more >= 0) return collapse(text.slice(0, more).replace(/…$/, ''));
  return text;
}

function finishRecord(record: ArxivRecord, papers: PastedPaper[], warnings: WarningList): void {
  const title = collapse(record.titleLines.join(' '));
  if (title.length === 0) {
    const what = record.arxivId === undefined ? 'arXiv record' : `arXiv record ${record.arxivId}`;
    warnings.add(record.firstLine, `${what} has no title; skipped.`);
    return;
  }
  const paper: PastedPaper = { title, line: record.titleLine };
  const authors = splitAuthors(collapse(record.authorLines.join(' ')));
  if (authors.length > 0) paper.authors = authors;
  // Unlabelled paragraphs may be page text between records ("Total of 120 entries"): keep prose only.
  const paragraphs = record.abstract
    .map((paragraph) => ({ text: collapse(paragraph.lines.join(' ')), labelled: paragraph.labelled }))
    .filter(({ text, labelled }) => text.length > 0 && (labelled || isProse(text) || countWords(text) >= 12))
    .map(({ text }) => text);
  const abstract = cleanAbstract(paragraphs.join('\n\n'));
  if (abstract.length > 0) paper.abstract = abstract;
  if (record.arxivId !== undefined) paper.arxivId = record.arxivId;
  if (record.doi !== undefined) paper.doi = record.doi;
  papers.push(paper);
}

function parseArxivListing(lines: readonly string[], warnings: WarningList): PastedPaper[] {
  const papers: PastedPaper[] = [];
  let record: ArxivRecord | null = null;
  const finish = (): void => {
    if (record) finishRecord(record, papers, warnings);
    record = null;
  };
  const ensure = (lineNumber: number): ArxivRecord => {
    record ??= newRecord(lineNumber);
    return record;
  };

  lines.forEach((line, index) => {
    const lineNumber = index + 1;
    const text = line.trim();
    const current: ArxivRecord | null = record;

    if (text.length === 0) {
      // A blank line ends a wrapped header field; further text is an abstract paragraph.
      if (current) current.field = null;
      return;
    }

    const start = ARXIV_RECORD_START.exec(text);
    if (start?.[1] !== undefined) {
      finish();
      const fresh = ensure(lineNumber);
      fresh.arxivId = start[1];
      fresh.field = 'after-id';
      return;
    }

    if (SEPARATOR.test(text)) {
      if (current) {
        if (text.startsWith('\\\\')) {
          if (current.abstract.length > 0) current.closed = true;
          else current.delimited = true;
        }
        current.field = null;
      }
      return;
    }

    const header = ARXIV_HEADER.exec(text);
    const key = header?.[1]?.toLowerCase();
    if (header && key !== undefined && KNOWN_HEADERS.has(key)) {
      const value = header[2] ?? '';
      if (key === 'title') {
        if (current && current.titleLines.length > 0) finish();
        const target = ensure(lineNumber);
        target.titleLines = [value];
        target.titleLine = lineNumber;
        target.field = 'title';
        return;
      }
      const target = ensure(lineNumber);
      if (key === 'authors' || key === 'author') {
        target.authorLines = [value];
        target.field = 'authors';
      } else if (key === 'abstract') {
        target.abstract = [{ lines: [value], labelled: true }];
        target.field = 'abstract';
      } else {
        if (key === 'doi') {
          const doi = parseIdentifier(value.trim().split(/\s+/)[0] ?? '');
          if (doi?.doi !== undefined) target.doi = doi.doi;
        } else if (key === 'paper' && target.arxivId === undefined) {
          const id = bareArxivId(value.trim().split(/\s+/)[0] ?? '');
          if (id !== null) target.arxivId = id;
        }
        target.field = 'other';
      }
      return;
    }

    if (!current) return; // text before the first record: page or mail headers.
    if (/^submitted \d/i.test(text) || /^originally announced\b/i.test(text)) {
      current.field = 'other';
      return;
    }

    // A listing copied from arxiv.org/list puts the abstract right under the last header line.
    const startsAbstract =
      (current.field === 'title' || current.field === 'authors' || current.field === 'other') &&
      !current.closed &&
      !/^\s/.test(line) &&
      isProse(text) &&
      countSentenceBreaks(text, 1) >= 1;
    if (startsAbstract) {
      current.abstract.push({ lines: [text], labelled: false });
      current.field = 'abstract-paragraph';
      return;
    }

    switch (current.field) {
      case 'title':
        current.titleLines.push(text);
        return;
      case 'authors':
        current.authorLines.push(text);
        return;
      case 'abstract':
      case 'abstract-paragraph':
        current.abstract[current.abstract.length - 1]?.lines.push(text);
        return;
      case 'other':
        return;
      case 'after-id':
        if (current.titleLines.length === 0) {
          // arXiv search results: the title line follows the id line without a "Title:" label.
          current.titleLines = [text];
          current.titleLine = lineNumber;
          current.field = 'title';
        }
        return;
      default:
        if (current.closed) return;
        current.abstract.push({ lines: [text], labelled: current.delimited });
        current.field = 'abstract-paragraph';
    }
  });
  finish();
  return papers;
}

// ---------------------------------------------------------------------------------------------
// Format detection
// ---------------------------------------------------------------------------------------------

function detectFromLines(lines: readonly string[]): PasteFormat {
  let nonEmpty = 0;
  let identifierLines = 0;
  let arxivHeaders = 0;
  for (const line of lines) {
    const text = line.trim();
    if (text.length === 0) continue;
    nonEmpty += 1;
    if (parseIdentifierLine(text)) identifierLines += 1;
    else if (ARXIV_RECORD_START.test(text) || /^title: ?\S/i.test(text)) arxivHeaders += 1;
  }
  if (nonEmpty === 0) return 'titles';
  if (identifierLines * 2 > nonEmpty) return 'identifiers';
  if (arxivHeaders > 0) return 'arxiv-listing';
  const hasProse = classifyParagraphs(splitParagraphs(lines)).some((block) => block.kind === 'abstract');
  return hasProse ? 'daily-papers' : 'titles';
}
