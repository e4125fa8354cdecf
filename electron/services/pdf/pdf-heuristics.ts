/**
 * What a PDF is, guessed from its metadata and the text of its first pages: title, authors,
 * abstract, keywords, DOI, arXiv id and year. Pure functions over text items (see
 * pdf-text-layout.ts); extract-pdf.ts feeds them what pdf.js reads.
 *
 * Rules of thumb, in order of trust: metadata that looks real and agrees with the page; the page
 * itself (largest text for the title, the lines under it for authors, the text after an
 * "Abstract" heading); metadata that the page does not contradict.
 */
import type { ImportWarning, PaperDraft } from '../../../shared/import/import-record';
import type { Author, PaperType } from '../../../shared/model/library';
import { findArxivId, findDoi, findYear, hasConferenceFooter, isArxivStamp, type ArxivIdentifier } from './pdf-identifiers';
import { bodyFontSize, joinLines, readingLines, visualLines, type PdfPageText, type TextLine } from './pdf-text-layout';

/** Metadata fields as read from the Info dictionary and XMP, before any judgement. */
export interface PdfMetadataFields {
  title?: string;
  author?: string;
  subject?: string;
  keywords?: string;
  /** A DOI named in XMP (prism:doi, dc:identifier…) or a custom Info key. */
  doi?: string;
  /** prism:publicationDate / prism:coverDate, where present. */
  publicationDate?: string;
  /** Other metadata values that may name an identifier (dc:identifier, custom Info keys). */
  otherValues?: string[];
}

// ---------------------------------------------------------------------------------------------
// Metadata cleaning
// ---------------------------------------------------------------------------------------------

/** Trims, collapses white space and control characters (pdf.js returns titles ending in "\r\n"). */
export function cleanMetadataText(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  // eslint-disable-next-line no-control-regex -- control characters are exactly what is removed
  const clean = value.replace(/[\u0000-\u001f\u007f\ufeff]+/g, ' ').replace(/\s+/g, ' ').trim();
  return clean === '' ? undefined : clean;
}

const FILE_EXTENSION = /\.(?:pdf|docx?|dotx?|odt|rtf|txt|tex|dvi|ps|eps|indd|qxd|qxp|pages|fm|wpd|html?|xml|pptx?|xlsx?|md)$/i;
const SOFTWARE_PREFIX = /^(?:microsoft\s+(?:word|powerpoint|excel)|word|powerpoint|pages|libreoffice|openoffice)\s*[-–:]/i;
const PERL_REFERENCE = /^(?:ARRAY|HASH|CODE|SCALAR|GLOB)\(0x[0-9a-f]+\)$/i;
const PLACEHOLDERS = new Set([
  'untitled',
  'untitled document',
  'no title',
  'title',
  'document',
  'blank',
  'null',
  'undefined',
  'none',
  'unknown',
  'article',
  'paper',
  'main',
  'manuscript',
  'template',
  'slide 1',
  'layout 1',
  'powerpoint presentation',
  'presentation',
  'insert title here',
  'your title here',
  'title of the paper',
  'paper title',
  'object object',
]);
const TEMPLATE_TITLE =
  /\b(?:proceedings template|paper template|author guidelines|formatting instructions|instructions for authors|template for|use style:|camera[- ]ready)\b/i;

/**
 * Why a metadata title is not a title, or undefined when it may be one: placeholders ("Untitled",
 * "Document1"), what word processors write ("Microsoft Word - x.docx"), file names and paths,
 * Perl references ("ARRAY(0x2c7cf020)"), templates, and anything too short to be a title.
 */
export function junkTitleReason(title: string): string | undefined {
  const text = cleanMetadataText(title);
  if (!text) return 'empty';
  const lower = text.toLowerCase().replace(/[[\]()"'“”]/g, '').trim();
  if (PERL_REFERENCE.test(text)) return 'a program bug, not a title';
  if (SOFTWARE_PREFIX.test(text)) return 'a word processor’s file name';
  if (FILE_EXTENSION.test(text) || /^[a-z]:\\|^\/|^[\w.-]+[\\/][\w./\\-]+$/i.test(text)) return 'a file name';
  if (PLACEHOLDERS.has(lower) || /^(?:untitled|document|doc|slide|layout|microsoft word)[\s_-]*\d*$/i.test(lower)) return 'a placeholder';
  if (TEMPLATE_TITLE.test(text)) return 'a template’s title';
  if (!/\p{L}/u.test(text)) return 'no words';
  if (/^(?:doi:|10\.\d{4,9}\/|pii:?\s|s\d{4}-?\d{3}|arxiv:)/i.test(text)) return 'an identifier';
  if (/^[\w-]+$/.test(text) && /[_\d]/.test(text)) return 'a file name';
  if (text.length < 6 || !/\s/.test(text)) return 'too short';
  return undefined;
}

// ---------------------------------------------------------------------------------------------
// Title
// ---------------------------------------------------------------------------------------------

const MONTH = '(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\\.?';
/** Lines that are never the title, however large: running heads, stamps, labels, footers. */
const NOT_A_TITLE: readonly RegExp[] = [
  /^(?:page\s+)?\d{1,4}(?:\s+of\s+\d{1,4})?$/i,
  /^[ivxlc]{1,6}$/i,
  /^(?:preprint|draft|accepted|published|submitted|under review|to appear|in press)\b.{0,80}(?:\b(?:19|20)\d{2}\b|conference|journal|workshop|proceedings|review|publication|arxiv|openreview)|^(?:preprint|draft|under review|to appear|in press)\W*$/i,
  /^(?:proceedings of|in proceedings|journal of\b.*\d|transactions on\b.*\d)/i,
  /\b(?:vol\.|volume|no\.|pp\.)\s*\d/i,
  /\b(?:issn|isbn|e-?issn)\b/i,
  /©|\bcopyright\b|\(c\)\s*\d{4}|\blicensed under\b|\bcreative commons\b/i,
  /\bdoi\s*:|\bdoi\.org\/|https?:\/\/|www\.|@[\w-]+\./i,
  /^(?:research\s+|original\s+|review\s+)?(?:article|paper|letter|review|communication|technical note|short paper|full paper|editorial|open access)$/i,
  /^(?:contents lists available at|available online at|downloaded from|this content downloaded|permission to make)/i,
  new RegExp(`\\b${MONTH}\\s+\\d{1,2}(?:\\s*[–-]\\s*\\d{1,2})?,\\s+(?:19|20)\\d{2}\\b`, 'i'),
];

function isTitleCandidate(line: TextLine, page: PdfPageText): boolean {
  const text = line.text;
  if ((text.match(/\p{L}/gu)?.length ?? 0) < 3) return false;
  if (isArxivStamp(text) || /^arxiv:\S+\s+\[/i.test(text)) return false;
  if (NOT_A_TITLE.some((pattern) => pattern.test(text))) return false;
  // Running heads and footers sit in the outer 5% of the page.
  const margin = page.height * 0.05;
  if (line.y > page.height - margin || line.y < margin) return false;
  return true;
}

export interface PageTitle {
  title: string;
  fontSize: number;
  /** The title's lines, top to bottom. */
  lines: TextLine[];
  /** The title is set larger than the body text (not merely the first line of a plain page). */
  prominent: boolean;
}

/** The largest text near the top of page 1, joined over the lines it spans. */
export function pageTitle(page: PdfPageText): PageTitle | undefined {
  const lines = visualLines(page);
  const candidates = lines.filter((line) => isTitleCandidate(line, page));
  if (candidates.length === 0) return undefined;
  const largest = Math.max(...candidates.map((line) => line.fontSize));
  const tolerance = Math.max(0.5, largest * 0.06);
  const firstIndex = lines.findIndex((line) => candidates.includes(line) && line.fontSize >= largest - tolerance);
  const first = lines[firstIndex];
  if (!first) return undefined;
  const titleLines = [first];
  for (let index = firstIndex + 1; index < lines.length && titleLines.length < 6; index += 1) {
    const line = lines[index];
    const previous = titleLines[titleLines.length - 1];
    if (!line || !previous) break;
    if (Math.abs(line.fontSize - first.fontSize) > tolerance || previous.y - line.y > largest * 2.2 || !candidates.includes(line)) break;
    titleLines.push(line);
  }
  const title = joinLines(titleLines.map((line) => line.text)).replace(/\s+([,:;])/g, '$1');
  return { title, fontSize: first.fontSize, lines: titleLines, prominent: largest > bodyFontSize(page) + 0.5 };
}

interface CompactText {
  chars: string;
  /** For each char of `chars`, its index in the original string. */
  origin: number[];
}

/** Letters and digits only, NFKC-normalized and lower-cased, with a map back to the original. */
function compact(text: string): CompactText {
  let chars = '';
  const origin: number[] = [];
  let index = 0;
  for (const character of text) {
    for (const normalized of character.normalize('NFKC').toLowerCase()) {
      if (/[\p{L}\p{N}]/u.test(normalized)) {
        chars += normalized;
        origin.push(index);
      }
    }
    index += character.length;
  }
  return { chars, origin };
}

/**
 * The metadata title with the word breaks the page shows: "Trace Links BetweenSoftware" becomes
 * "Trace Links Between Software" when page 1 has a space (or a line break) there. Only spaces are
 * added; nothing else of the metadata changes. Returns the title unchanged when the page does not
 * contain it.
 */
export function repairTitleSpacing(title: string, pageText: string): string {
  const meta = compact(title);
  const page = compact(pageText);
  if (meta.chars.length === 0) return title;
  const start = page.chars.indexOf(meta.chars);
  if (start < 0) return title;
  let repaired = '';
  let copied = 0;
  for (let k = 0; k + 1 < meta.origin.length; k += 1) {
    const here = meta.origin[k] ?? 0;
    const next = meta.origin[k + 1] ?? 0;
    if (next !== here + 1) continue; // the metadata already has something between the two
    const pageHere = page.origin[start + k] ?? 0;
    const pageNext = page.origin[start + k + 1] ?? 0;
    const between = pageText.slice(pageHere + 1, pageNext);
    if (between !== '' && between.trim() === '') {
      repaired += `${title.slice(copied, next)} `;
      copied = next;
    }
  }
  return repaired + title.slice(copied);
}

function titleWords(text: string): string[] {
  return text
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((word) => word.length > 2);
}

/** The share of `title`'s words that `other` has too. */
function wordOverlap(title: string, other: string): number {
  const words = titleWords(title);
  const shown = new Set(titleWords(other));
  return words.filter((word) => shown.has(word)).length / Math.max(1, words.length);
}

/** The lines of the page that together show `title` (ignoring case, spaces and punctuation), if any do. */
function linesShowing(title: string, lines: readonly TextLine[]): TextLine[] | undefined {
  const wanted = compact(title).chars;
  let joined = '';
  const lineOf: number[] = [];
  for (const [index, line] of lines.entries()) {
    const chars = compact(line.rawText).chars;
    joined += chars;
    for (let k = 0; k < chars.length; k += 1) lineOf.push(index);
  }
  const start = wanted === '' ? -1 : joined.indexOf(wanted);
  if (start < 0) return undefined;
  const first = lineOf[start] ?? 0;
  const last = lineOf[start + wanted.length - 1] ?? first;
  return lines.slice(first, last + 1);
}

export interface TitleChoice {
  title: string;
  source: 'metadata' | 'page' | 'none';
  /** The page's title block, where one was found (the authors are looked for under it). */
  pageTitle?: PageTitle;
  warnings: ImportWarning[];
}

/**
 * Picks the title: the metadata title when it looks real and the page agrees (spaces repaired from
 * the page), the page's largest text when the metadata is junk or contradicted, and a metadata
 * title the page neither shows nor contradicts.
 */
export function chooseTitle(metadataTitle: string | undefined, page: PdfPageText | undefined): TitleChoice {
  const warnings: ImportWarning[] = [];
  const fromPage = page ? pageTitle(page) : undefined;
  const meta = cleanMetadataText(metadataTitle);
  const junk = meta ? junkTitleReason(meta) : 'empty';
  const withPage = (choice: Omit<TitleChoice, 'warnings' | 'pageTitle'>): TitleChoice => ({
    ...choice,
    warnings,
    ...(fromPage ? { pageTitle: fromPage } : {}),
  });

  if (meta && !junk) {
    const lines = page ? visualLines(page) : [];
    const pageText = lines.map((line) => line.rawText).join('\n');
    const metaChars = compact(meta).chars;
    const pageChars = fromPage ? compact(fromPage.title).chars : '';
    // The page shows a longer title that begins with the metadata one: a subtitle the metadata left out.
    if (fromPage && pageChars.length > metaChars.length && pageChars.startsWith(metaChars)) {
      return withPage({ title: fromPage.title, source: 'page' });
    }
    const overlap = fromPage ? wordOverlap(meta, fromPage.title) : 0;
    const shownIn = linesShowing(meta, lines);
    if (shownIn) {
      // Shown large (as a title), or agreeing with the page's title: the metadata is right. Shown
      // only in body text while the page has another, larger title: it is a running head or a
      // journal name, and the page is right.
      const large = page !== undefined && Math.min(...shownIn.map((line) => line.fontSize)) > bodyFontSize(page) + 0.5;
      if (large || !fromPage?.prominent || overlap >= 0.6) return withPage({ title: repairTitleSpacing(meta, pageText), source: 'metadata' });
    } else if (!fromPage?.prominent || overlap >= 0.6) {
      return withPage({ title: meta, source: 'metadata' });
    }
    warnings.push({ message: `The metadata title “${meta}” is not the title on page 1; the page’s title was used` });
    return withPage({ title: fromPage.title, source: 'page' });
  }

  if (meta && junk) warnings.push({ message: `The metadata title “${meta}” was ignored (${junk})` });
  if (!fromPage) {
    warnings.push({ message: 'No title found: neither the metadata nor page 1 has one' });
    return withPage({ title: '', source: 'none' });
  }
  if (!fromPage.prominent) warnings.push({ message: 'The title is a guess: page 1 has no text larger than the body text' });
  return withPage({ title: fromPage.title, source: 'page' });
}

// ---------------------------------------------------------------------------------------------
// Authors
// ---------------------------------------------------------------------------------------------

const NAME_PARTICLES = new Set(['van', 'von', 'der', 'den', 'de', 'del', 'della', 'di', 'da', 'du', 'dos', 'das', 'le', 'la', 'y', 'bin', 'al', 'el', 'ter', 'ten', 'zu', 'st.']);
const NOT_NAME_WORDS =
  /\b(?:universit(?:y|ät|é|à|ade|ad)|institut[eo]?|college|school|department|dept|laborator(?:y|ies)|labs?|research|corporation|corp|inc|ltd|llc|gmbh|center|centre|academy|hospital|faculty|foundation|group|company|technology|sciences?|engineering|national|ministry|abstract|report|technical|paper|preprint|draft|working|version|proceedings|journal|conference|workshop|chapter|volume|edition|thesis|dissertation|submitted|accepted|review|article|appendix|introduction|keywords|contents|email|e-mail|correspondence|corresponding|equal|contribution|street|road|avenue)\b/i;
const MARKS = /[∗*†‡§¶#$+♦♣♠♥✝✉⋆★•⁎◇○●\d]/gu;

/** A person's name from "Given Family" text: the last word (with particles) is the family name. */
export function personName(text: string): Author {
  const tokens = text.trim().split(/\s+/);
  if (tokens.length < 2) return { literal: text.trim() };
  let familyStart = tokens.length - 1;
  while (familyStart > 1 && NAME_PARTICLES.has((tokens[familyStart - 1] ?? '').toLowerCase())) familyStart -= 1;
  return { family: tokens.slice(familyStart).join(' '), given: tokens.slice(0, familyStart).join(' ') };
}

/** True for "Mohammad R. Haghighat", "Jan Keim", "Ludwig van Beethoven"; false for places, institutions, sentences. */
export function looksLikeName(text: string): boolean {
  const clean = text.trim();
  if (clean === '' || /[@:/()[\]{}"“”]/.test(clean) || NOT_NAME_WORDS.test(clean)) return false;
  const tokens = clean.split(/\s+/);
  if (tokens.length < 2 || tokens.length > 5) return false;
  const last = tokens[tokens.length - 1] ?? '';
  if (!/^\p{Lu}[\p{L}'’-]+$/u.test(last)) return false;
  return tokens.every(
    (token) => NAME_PARTICLES.has(token.toLowerCase()) || /^\p{Lu}[\p{L}'’-]*\.?$/u.test(token) || /^(?:\p{Lu}\.){1,3}(?:-\p{Lu}\.)?$/u.test(token),
  );
}

/** The names in one line of an author block, or undefined when the line is not (only) names. */
function namesInLine(line: TextLine): string[] | undefined {
  const names: string[] = [];
  for (const segment of line.segments) {
    const parts = segment
      // "Name (name@host)", "Name <name@host>", Springer's "(B)" / "(✉)" for the corresponding author.
      .replace(/[(<][^()<>]*@[^()<>]*[)>]|\((?:B|✉|\*)\)/gu, ' ')
      .replace(MARKS, ' ')
      .replace(/\s+/g, ' ')
      .split(/ ?(?:,|;|&|\band\b) ?/u)
      .map((part) => part.trim())
      .filter((part) => part !== '');
    if (parts.length === 0) continue;
    for (const part of parts) {
      if (!looksLikeName(part)) return undefined;
      names.push(part);
    }
  }
  return names.length > 0 ? names : undefined;
}

function isAbstractHeadingLine(line: TextLine): boolean {
  return abstractHeading(line) !== undefined;
}

/**
 * The authors printed under the title: lines (or the cells of an author grid) that consist only of
 * names, in a font no smaller than the first such line, before the abstract or the body text.
 * Affiliation and e-mail lines between rows of names are skipped.
 */
export function pageAuthors(page: PdfPageText, title: PageTitle): Author[] {
  const lines = visualLines(page);
  const lastTitleLine = title.lines[title.lines.length - 1];
  const startIndex = lastTitleLine ? lines.findIndex((line) => line.y === lastTitleLine.y && line.text === lastTitleLine.text) + 1 : 0;
  const names: string[] = [];
  let nameSize: number | undefined;
  for (let index = startIndex; index > 0 && index < lines.length && index < startIndex + 30; index += 1) {
    const line = lines[index];
    if (!line || isAbstractHeadingLine(line)) break;
    const found = namesInLine(line);
    if (!found) {
      if (line.text.length > 110 || isSectionHeading(line.text)) break;
      continue;
    }
    if (nameSize !== undefined && line.fontSize < nameSize - 0.6) continue;
    nameSize ??= line.fontSize;
    for (const name of found) if (!names.includes(name)) names.push(name);
  }
  return names.map(personName);
}

const JUNK_AUTHOR = /^(?:administrator|admin|user|owner|unknown|author|authors|anonymous|default|root|guest|test|windows user|microsoft office user|apple|hp|dell|lenovo)$/i;

/** Authors from an Info/XMP author string ("A. Smith; B. Jones", "Smith, Alice", "A and B"), junk refused. */
export function metadataAuthors(value: string | undefined): Author[] {
  const text = cleanMetadataText(value);
  if (!text || PERL_REFERENCE.test(text) || JUNK_AUTHOR.test(text) || !/\p{L}{2}/u.test(text) || text.includes('@')) return [];
  const people = text.includes(';') ? text.split(';') : text.split(/\s*(?:,\s*and\s+|\s+and\s+|\s*&\s*)/);
  const authors: Author[] = [];
  for (const raw of people) {
    const person = raw.trim();
    if (person === '') continue;
    const commaParts = person.split(',').map((part) => part.trim());
    if (commaParts.length === 2 && commaParts.every((part) => part !== '') && !/\s/.test(commaParts[0] ?? ' ')) {
      authors.push({ family: commaParts[0] ?? '', given: commaParts[1] ?? '' });
    } else if (commaParts.length > 1) {
      for (const part of commaParts) if (part !== '') authors.push(personName(part));
    } else {
      authors.push(personName(person));
    }
  }
  return authors;
}

// ---------------------------------------------------------------------------------------------
// Abstract and keywords
// ---------------------------------------------------------------------------------------------

const ABSTRACT_WORD = /^(abstract|a\s?b\s?s\s?t\s?r\s?a\s?c\s?t|summary|zusammenfassung|kurzfassung|résumé|resumen|resumo)\b/i;

/** The text after an abstract heading on its line, or undefined when the line does not start with one. */
function abstractHeading(line: TextLine): string | undefined {
  const match = ABSTRACT_WORD.exec(line.text);
  if (!match) return undefined;
  const word = match[1] ?? '';
  const rest = line.text.slice(word.length);
  const separator = /^\s*[—–:.-]+\s*/.exec(rest);
  const after = separator ? rest.slice(separator[0].length) : rest.trim();
  if (after === '') return '';
  if (separator) return after;
  // "Abstract" run into its text: only when it is its own run (a bold heading) or in capitals.
  const ownRun = line.firstRun.replace(/[—–:.-]+$/, '').trim().toLowerCase() === word.toLowerCase();
  if (/^summary$/i.test(word)) return undefined;
  return ownRun || word === word.toUpperCase() ? after : undefined;
}

const RUN_IN_SECTIONS =
  /^(?:key\s?words?|index terms|ccs concepts|acm reference format|general terms|categories and subject descriptors|mathematics subject classification|msc(?:\s?20\d0)?|jel(?: classification)?|pacs|highlights|graphical abstract|permanent url|reference:|article info|a r t i c l e\s+i n f o|received\b|accepted\b|published\b|citation:|\*?\s?corresponding author|e-?mail:|preprint submitted|permission to make|©|this work is licensed|author keywords|subjects?:)/i;
const STANDALONE_SECTIONS =
  /^(?:\d{1,2}\.?\s{0,2})?(?:introduction|background|motivation|overview|preliminaries|related work|contents|table of contents|acknowledge?ments?|references|inhaltsverzeichnis|einleitung)$/i;
const NUMBERED_HEADING = /^(?:\d{1,2}(?:\.\d{1,2}){0,3}\.?|[IVX]{1,5}\.)\s{0,3}\p{Lu}/u;

/** "1 Introduction", "I. INTRODUCTION", "Keywords:", "CCS Concepts"…: the end of the abstract. */
export function isSectionHeading(text: string): boolean {
  const line = text.trim();
  if (RUN_IN_SECTIONS.test(line) || STANDALONE_SECTIONS.test(line)) return true;
  return NUMBERED_HEADING.test(line) && line.length <= 60 && !/[.,;]$/.test(line);
}

const MAX_ABSTRACT = 6000;

/** Collects running lines from `lines[start]` until a heading, a font change, a wide gap or a column end. */
function collectParagraphs(lines: readonly TextLine[], start: number, firstText: string, vocabulary?: ReadonlySet<string>): string {
  const parts: string[] = firstText === '' ? [] : [firstText];
  let bodySize: number | undefined;
  let previous: TextLine | undefined = firstText === '' ? undefined : lines[start - 1];
  const spacings: number[] = [];
  let length = firstText.length;
  for (let index = start; index < lines.length && length < MAX_ABSTRACT; index += 1) {
    const line = lines[index];
    if (!line) break;
    if (isSectionHeading(line.text) || isAbstractHeadingLine(line)) break;
    if (bodySize !== undefined && (line.fontSize > bodySize + 1.2 || line.fontSize < bodySize - 1.5)) break;
    if (previous && bodySize !== undefined) {
      const drop = previous.y - line.y;
      const spacing = spacings.length > 0 ? (spacings.slice().sort((a, b) => a - b)[Math.floor(spacings.length / 2)] ?? drop) : line.fontSize * 1.25;
      const endedSentence = /[.!?:]$/.test(previous.text);
      // Up the page: the next column. Keep going only in mid-sentence.
      if (drop < -line.fontSize * 2 && endedSentence) break;
      if (drop > Math.max(spacing * 2.5, line.fontSize * 2.2)) break;
      if (drop > 0 && drop < line.fontSize * 3) spacings.push(drop);
    }
    bodySize ??= line.fontSize;
    parts.push(line.text);
    length += line.text.length;
    previous = line;
  }
  return joinLines(parts, vocabulary).slice(0, MAX_ABSTRACT);
}

export interface AbstractFound {
  text: string;
  /** "heading": after an "Abstract" heading; "paragraph": the first long paragraph of page 1 (a guess). */
  source: 'heading' | 'paragraph';
}

/**
 * The abstract: the text after an "Abstract" heading ("Abstract", "ABSTRACT", "Abstract—…",
 * "Abstract. …") on the given pages, up to the next section; else the first long paragraph of the
 * first page set in the body font.
 */
export function findAbstract(pages: readonly PdfPageText[], vocabulary?: ReadonlySet<string>): AbstractFound | undefined {
  for (const page of pages) {
    const lines = readingLines(page);
    for (const [index, line] of lines.entries()) {
      const rest = abstractHeading(line);
      if (rest === undefined) continue;
      const text = collectParagraphs(lines, index + 1, rest, vocabulary);
      if (text.length >= 15) return { text, source: 'heading' };
    }
  }
  const first = pages[0];
  return first ? firstLongParagraph(first, vocabulary) : undefined;
}

function firstLongParagraph(page: PdfPageText, vocabulary?: ReadonlySet<string>): AbstractFound | undefined {
  const lines = readingLines(page);
  const body = bodyFontSize(page);
  let paragraph: TextLine[] = [];
  const consider = (): AbstractFound | undefined => {
    const text = joinLines(
      paragraph.map((line) => line.text),
      vocabulary,
    );
    const words = text.split(/\s+/).length;
    const sentences = text.split(/[.!?]\s+\p{Lu}/u).length;
    if (text.length >= 400 && words >= 60 && sentences >= 3 && !RUN_IN_SECTIONS.test(text)) return { text: text.slice(0, MAX_ABSTRACT), source: 'paragraph' };
    return undefined;
  };
  for (const line of lines) {
    const previous = paragraph[paragraph.length - 1];
    const breaks =
      !previous ||
      Math.abs(line.fontSize - previous.fontSize) > 0.6 ||
      previous.y - line.y > line.fontSize * 1.9 ||
      previous.y - line.y < -line.fontSize ||
      isSectionHeading(line.text);
    if (breaks && previous) {
      const found = consider();
      if (found) return found;
      paragraph = [];
    }
    if (Math.abs(line.fontSize - body) <= 0.6 && !isSectionHeading(line.text)) paragraph.push(line);
  }
  return paragraph.length > 0 ? consider() : undefined;
}

const KEYWORDS_HEADING = /^(?:key\s?words?|index terms|author keywords)\b\s*[—–:.-]*\s*/i;

/** Keywords from a "Keywords:" or "Index Terms—" line on page 1 (and the lines that continue it). */
export function pageKeywords(page: PdfPageText): string[] {
  const lines = readingLines(page);
  const index = lines.findIndex((line) => KEYWORDS_HEADING.test(line.text));
  const first = lines[index];
  if (!first) return [];
  const parts = [first.text.replace(KEYWORDS_HEADING, '')];
  for (let next = index + 1; next < lines.length && next <= index + 3; next += 1) {
    const line = lines[next];
    const previous = parts[parts.length - 1] ?? '';
    if (!line || isSectionHeading(line.text) || Math.abs(line.fontSize - first.fontSize) > 0.6) break;
    if (/\.$/.test(previous) && !/^\p{Ll}/u.test(line.text)) break;
    parts.push(line.text);
  }
  return splitKeywords(joinLines(parts));
}

/** "a, b; c · d." → ["a", "b", "c", "d"]. */
export function splitKeywords(text: string | undefined): string[] {
  if (!text) return [];
  return text
    .split(/\s*[,;·•]\s*/)
    .map((word) => word.replace(/\.$/, '').trim())
    .filter((word) => /\p{L}/u.test(word) && word.length <= 100);
}

// ---------------------------------------------------------------------------------------------
// Putting it together
// ---------------------------------------------------------------------------------------------

const THESIS = /\b(?:dissertation|doctor of philosophy|ph\.?\s?d\.?\s+thesis|master'?s thesis|bachelor'?s thesis|submitted in (?:partial )?fulfil?ment|zur erlangung|doktors? der|doktorarbeit)\b/i;

export interface PaperGuess {
  paper: PaperDraft;
  /** Where the title came from. */
  titleSource: TitleChoice['source'];
  abstractSource?: AbstractFound['source'];
  arxiv?: ArxivIdentifier;
  warnings: ImportWarning[];
}

/**
 * The paper a PDF holds, from its metadata and its first pages (page 1 first; page 2 is searched for
 * an abstract heading too). `vocabulary` (from `documentVocabulary`) helps join hyphenated words.
 */
export function guessPaper(input: {
  metadata: PdfMetadataFields;
  pages: readonly PdfPageText[];
  vocabulary?: ReadonlySet<string>;
  currentYear?: number;
}): PaperGuess {
  const { metadata, pages, vocabulary } = input;
  const first = pages[0];
  const warnings: ImportWarning[] = [];

  const titleChoice = chooseTitle(metadata.title, first);
  warnings.push(...titleChoice.warnings);

  const fromPage = first && titleChoice.pageTitle ? pageAuthors(first, titleChoice.pageTitle) : [];
  const fromMetadata = metadataAuthors(metadata.author);
  const authors = fromPage.length > 0 ? fromPage : fromMetadata;
  if (authors.length === 0 && first) warnings.push({ message: 'No authors found with confidence; add them by hand' });

  const firstPageText = first ? readingLines(first, { includeRotated: true }).map((line) => line.rawText).join('\n') : '';
  const metadataValues = [metadata.doi, ...(metadata.otherValues ?? []), metadata.subject, metadata.keywords, metadata.title];
  const doi = findDoi(metadataValues, firstPageText);
  const arxiv = findArxivId([...metadataValues, doi], firstPageText);
  const year = findYear({
    pageText: firstPageText,
    ...(metadata.publicationDate ? { publicationDate: metadata.publicationDate } : {}),
    ...(arxiv ? { arxiv } : {}),
    ...(input.currentYear !== undefined ? { currentYear: input.currentYear } : {}),
  });
  const abstract = findAbstract(pages.slice(0, 2), vocabulary);
  if (abstract?.source === 'paragraph') warnings.push({ message: 'No “Abstract” heading: the abstract is the first long paragraph of page 1' });

  const metadataKeywords = splitKeywords(cleanMetadataText(metadata.keywords));
  const keywords = metadataKeywords.length > 0 ? metadataKeywords : first ? pageKeywords(first) : [];

  let type: PaperType = 'misc';
  if (THESIS.test(firstPageText)) type = 'thesis';
  else if (hasConferenceFooter(firstPageText)) type = 'inproceedings';
  else if (doi && !/^10\.48550\//i.test(doi)) type = 'article';
  else if (arxiv) type = 'preprint';

  const paper: PaperDraft = {
    type,
    title: titleChoice.title,
    authors,
    keywords,
    extra: {},
    ...(year !== undefined ? { year } : {}),
    ...(abstract ? { abstract: abstract.text } : {}),
    ...(doi ? { doi } : {}),
    ...(arxiv ? { arxivId: arxiv.id } : {}),
  };
  return {
    paper,
    titleSource: titleChoice.source,
    ...(abstract ? { abstractSource: abstract.source } : {}),
    ...(arxiv ? { arxiv } : {}),
    warnings,
  };
}
