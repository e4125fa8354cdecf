/**
 * DOIs, arXiv ids and years as papers print them: in XMP and Info metadata, in arXiv's side stamp,
 * in "doi:"/doi.org labels, copyright lines and conference footers. Pure functions over strings.
 */

// Crossref's recommended pattern (https://www.crossref.org/blog/dois-and-matching-regular-expressions/),
// which matches 74.4 M of 74.9 M DOIs; the rest are old SICI-style DOIs with <>.
const DOI_IN_TEXT = /\b10\.\d{4,9}\/[-._;()/:\p{L}\p{N}]+/gu;
const DOI_LABEL = /(?:\bdoi\s*[:=]?\s*|\bdoi\.org\/|\bdx\.doi\.org\/)$/i;

/** "10.1145/3597503.3639130." → "10.1145/3597503.3639130": drops closing punctuation and unbalanced brackets. */
export function cleanDoi(raw: string): string | undefined {
  let doi = raw.trim();
  for (;;) {
    const last = doi.charAt(doi.length - 1);
    if ('.,;:'.includes(last) && doi.length > 0) {
      doi = doi.slice(0, -1);
      continue;
    }
    if (last === ')' && count(doi, '(') < count(doi, ')')) {
      doi = doi.slice(0, -1);
      continue;
    }
    break;
  }
  return /^10\.\d{4,9}\/\S+$/u.test(doi) ? doi : undefined;
}

function count(text: string, character: string): number {
  return text.split(character).length - 1;
}

/** DOIs in running text, labelled ones ("doi:", "https://doi.org/") first. */
export function doisInText(raw: string): { doi: string; labelled: boolean }[] {
  // Links may percent-encode the slash ("https://doi.org/10.1000%2Fabc").
  const text = raw.replace(/(\b10\.\d{4,9})%2F/gi, '$1/');
  const found: { doi: string; labelled: boolean }[] = [];
  for (const match of text.matchAll(DOI_IN_TEXT)) {
    const doi = cleanDoi(decodeUrlPart(match[0]));
    if (!doi) continue;
    const before = text.slice(Math.max(0, match.index - 20), match.index);
    found.push({ doi, labelled: DOI_LABEL.test(before) });
  }
  return found;
}

function decodeUrlPart(text: string): string {
  if (!text.includes('%')) return text;
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/**
 * The paper's DOI: from metadata values first (any DOI they contain), then from page text, where a
 * labelled DOI wins and an unlabelled one counts only if it is the only DOI on the page (otherwise
 * it is likely a citation).
 */
export function findDoi(metadataValues: readonly (string | undefined)[], pageText: string): string | undefined {
  for (const value of metadataValues) {
    if (!value) continue;
    const [first] = doisInText(value);
    if (first) return first.doi;
  }
  const inText = doisInText(pageText);
  const labelled = inText.find((entry) => entry.labelled);
  if (labelled) return labelled.doi;
  const distinct = new Set(inText.map((entry) => entry.doi.toLowerCase()));
  return distinct.size === 1 ? inText[0]?.doi : undefined;
}

export interface ArxivIdentifier {
  /** Without version: "2206.10883", "hep-th/9901001". */
  id: string;
  /** "v3", where printed. */
  version?: string;
  /** The year of the first version, from the id's YYMM. */
  year: number;
}

const NEW_ARXIV = String.raw`(\d{2})(\d{2})\.\d{4,5}`;
const OLD_ARXIV = String.raw`[a-z][a-z-]{1,15}(?:\.[A-Z]{2})?\/(\d{2})(\d{2})\d{3}`;
const ARXIV_ID = new RegExp(String.raw`(?:${NEW_ARXIV}|${OLD_ARXIV})(v\d{1,3})?`, 'u');
/** arXiv's stamp: `arXiv:2206.10883v3 [cs.CL] 22 Jul 2022` or `arXiv:hep-th/9901001v1  4 Jan 1999`. */
const ARXIV_STAMP = new RegExp(
  String.raw`arXiv:\s?(${ARXIV_ID.source})(?:\s{0,3}\[[\w.-]{2,20}\])?\s{1,3}\d{1,2}\s[A-Z][a-z]{2}\s(?:19|20)\d{2}`,
  'u',
);
const ARXIV_LABELLED = new RegExp(String.raw`(?:arXiv:\s?|arxiv\.org\/(?:abs|pdf)\/|10\.48550\/arXiv\.)(${ARXIV_ID.source})`, 'iu');

/** "2206.10883v3" → { id: "2206.10883", version: "v3", year: 2022 }; undefined when not an arXiv id. */
export function parseArxivId(text: string): ArxivIdentifier | undefined {
  const match = new RegExp(`^${ARXIV_ID.source}$`, 'u').exec(text.trim());
  if (!match) return undefined;
  const [whole, newYy, newMm, oldYy, oldMm, version] = match;
  const yy = Number(newYy ?? oldYy);
  const mm = Number(newMm ?? oldMm);
  if (mm < 1 || mm > 12) return undefined;
  // New-style ids began in April 2007 (0704); old-style ones in 1991.
  if (newYy !== undefined && (yy < 7 || (yy === 7 && mm < 4))) return undefined;
  const year = yy >= 91 ? 1900 + yy : 2000 + yy;
  const id = version ? whole.slice(0, -version.length) : whole;
  return { id, year, ...(version ? { version } : {}) };
}

/** True for arXiv's side stamp (`arXiv:2206.10883v3 [cs.CL] 22 Jul 2022`), alone on its line. */
export function isArxivStamp(text: string): boolean {
  const match = ARXIV_STAMP.exec(text.trim());
  return match !== null && match.index === 0 && match[0].length >= text.trim().length - 2;
}

/**
 * The paper's arXiv id: from the side stamp anywhere in the page text, then from metadata values
 * that name one ("arXiv:…", an arxiv.org link, an arXiv DOI). A bare "arXiv:…" in running text is
 * not taken: on page 1 it is as likely to be a citation.
 */
export function findArxivId(metadataValues: readonly (string | undefined)[], pageText: string): ArxivIdentifier | undefined {
  const stamp = ARXIV_STAMP.exec(pageText);
  if (stamp?.[1] !== undefined) return parseArxivId(stamp[1]);
  for (const value of metadataValues) {
    const labelled = value ? ARXIV_LABELLED.exec(value) : null;
    if (labelled?.[1] !== undefined) {
      const parsed = parseArxivId(labelled[1]);
      if (parsed) return parsed;
    }
  }
  return undefined;
}

const MONTHS = 'Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?';
const COPYRIGHT_YEAR = /(?:©|\(c\)|\bcopyright\b)\s{0,3}(?:c\s{0,2})?(?:©\s{0,2})?((?:19|20)\d{2})\b/iu;
/** A conference footer such as "PLDI’09, June 15–20, 2009" or "ICSE ’24, April 14–20, 2024". */
const VENUE_DATE = new RegExp(String.raw`\b[A-Z][A-Za-z]{1,15}\s?['’]\d{2},\s(?:${MONTHS})\.?\s\d{1,2}(?:\s?[–-]\s?\d{1,2})?,\s((?:19|20)\d{2})\b`, 'u');

/** True when the page carries a conference footer ("PLDI’09, June 15–20, 2009, Dublin, Ireland"). */
export function hasConferenceFooter(pageText: string): boolean {
  return VENUE_DATE.test(pageText);
}

function plausibleYear(year: number, now: number): boolean {
  return year >= 1900 && year <= now + 1;
}

/**
 * The publication year, where the document states one: a publication date in XMP, then a venue
 * footer or copyright line on page 1, then the arXiv id. The file's creation date is not used: it
 * is the date the PDF was made, often years after publication.
 */
export function findYear(input: {
  publicationDate?: string;
  pageText: string;
  arxiv?: ArxivIdentifier;
  currentYear?: number;
}): number | undefined {
  const now = input.currentYear ?? new Date().getFullYear();
  const candidates = [
    /^((?:19|20)\d{2})/.exec(input.publicationDate?.trim() ?? '')?.[1],
    VENUE_DATE.exec(input.pageText)?.[1],
    COPYRIGHT_YEAR.exec(input.pageText)?.[1],
  ];
  for (const candidate of candidates) {
    const year = Number(candidate);
    if (candidate !== undefined && plausibleYear(year, now)) return year;
  }
  return input.arxiv?.year;
}
