/** DOI and arXiv-id clean-up shared by the importers and the duplicate check. */

/** A registered DOI (`10.1234/x`) or a shortDOI (`10/abc12`, which doi.org resolves too). */
const DOI = /^10\.\d{4,9}\/\S+$/;
const SHORT_DOI = /^10\/[a-z0-9]+$/i;
const DOI_URL = /^(?:https?:\/\/)?(?:dx\.|www\.)?doi\.org\//i;
const DOI_PREFIX = /^doi:\s*/i;

const NEW_ARXIV_ID = /^\d{4}\.\d{4,5}(?:v\d{1,3})?$/;
const OLD_ARXIV_ID = /^[a-z][a-z-]{1,15}(?:\.[A-Z]{2})?\/\d{7}(?:v\d{1,3})?$/;

/**
 * The bare DOI in `text` (`https://doi.org/…`, `http://dx.doi.org/…`, `doi:…` and percent-encoded
 * URL forms are unwrapped), or undefined when it is not a DOI. The case is kept as written.
 */
export function normalizeDoi(text: string): string | undefined {
  let doi = text.trim();
  if (DOI_URL.test(doi)) {
    doi = doi.replace(DOI_URL, '');
    try {
      doi = decodeURIComponent(doi);
    } catch {
      // A stray "%" that is not an escape: keep the text as written.
    }
  }
  doi = doi.replace(DOI_PREFIX, '').replace(/[.,;]+$/, '');
  return DOI.test(doi) || SHORT_DOI.test(doi) ? doi : undefined;
}

/** A DOI as a comparison key: DOIs are case-insensitive, so "10.1000/ABC" and "10.1000/abc" are one. */
export function doiKey(text: string | undefined): string | undefined {
  return text === undefined ? undefined : normalizeDoi(text)?.toLowerCase();
}

/** An arXiv id as a comparison key: any version, any spelling ("arXiv:2206.10883v3" → "2206.10883"). */
export function arxivKey(text: string | undefined): string | undefined {
  if (text === undefined) return undefined;
  const id = bareArxivId(text) ?? findArxivId(text) ?? findArxivId(`arXiv:${text.trim()}`);
  return id?.replace(/v\d+$/, '').toLowerCase();
}

/** True for a shortDOI such as `10/fqd6hj`, which Better BibTeX exports in place of the full DOI. */
export function isShortDoi(doi: string): boolean {
  return SHORT_DOI.test(doi);
}

/** An arXiv id as written (`2101.00001v2`, `hep-th/9901001`), or undefined. */
export function bareArxivId(text: string): string | undefined {
  const id = text.trim().replace(/\.pdf$/i, '');
  return NEW_ARXIV_ID.test(id) || OLD_ARXIV_ID.test(id) ? id : undefined;
}

const ARXIV_IN_TEXT = [
  /arxiv\.org\/(?:abs|pdf|html)\/([^\s?#]+)/i,
  /\b10\.48550\/arxiv\.(\S+)/i,
  /\barxiv:\s*(\S+)/i,
];

/**
 * The arXiv id that `text` names explicitly: an arxiv.org URL, an arXiv DataCite DOI
 * (`10.48550/arXiv.…`) or an `arXiv:` prefix. A bare number is never taken, since it could be anything.
 */
export function findArxivId(text: string): string | undefined {
  for (const pattern of ARXIV_IN_TEXT) {
    const match = pattern.exec(text);
    const candidate = match?.[1]?.replace(/[.,;)\]]+$/, '');
    const id = candidate === undefined ? undefined : bareArxivId(candidate);
    if (id !== undefined) return id;
  }
  return undefined;
}
