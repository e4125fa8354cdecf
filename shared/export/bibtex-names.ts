/**
 * Authors to BibTeX name lists and back, as the BibTeX importer reads them (decode-latex.ts):
 * `Family, Given` for a person, `Family, Jr., Given` when the given part ends in a suffix (Sift
 * keeps "Martin Luther, Jr."), `{Family}` (with the comma) for a family name that has no given part,
 * `{World Health Organization}` for a name that must not be split, and `others` for "et al.".
 */

import type { Author } from '../model/library';
import { ET_AL, splitTopLevel } from '../import/bibtex/decode-latex';
import { encodeLatex } from './encode-latex';

/** The authors as the value of `author` (or `editor`, …). */
export function encodeBibtexNames(authors: readonly Author[], ascii: boolean): string {
  return authors.map((author) => encodeName(author, ascii)).join(' and ');
}

function encodeName(author: Author, ascii: boolean): string {
  if ('literal' in author) return author.literal === ET_AL.literal ? 'others' : braced(encodeNameText(author.literal, ascii));
  if (author.family.trim() === '') return author.given ? braced(encodeNameText(author.given, ascii)) : '{}';
  // A word whose first letter is not a capital starts a "von" part, which readers join to the
  // rest with a space (`al-Khwarizmi` → "al Khwarizmi"): a hyphenated family name with one is braced whole.
  const vonHyphen = author.family.includes('-') && author.family.split(/[\s-]/).some((word) => !/^[^\p{L}]*[\p{Lu}\p{Lt}]/u.test(word));
  const family = vonHyphen ? braced(encodeNameText(author.family, ascii)) : part(author.family, ascii);
  if (!author.given) {
    // "Jean Dupont" alone would read as given + family, and `{Ann=}` alone as one literal name;
    // braced with a comma it stays one family name.
    return /\s/.test(author.family.trim()) || needsBraces(author.family) || vonHyphen ? `${braced(encodeNameText(author.family, ascii))},` : family;
  }
  const comma = author.given.lastIndexOf(', ');
  if (comma < 0) return `${family}, ${part(author.given, ascii)}`;
  return `${family}, ${part(author.given.slice(comma + 2), ascii)}, ${part(author.given.slice(0, comma), ascii)}`;
}

/**
 * A name part; braced when a comma or the word "and" in it would split the name or the list, an
 * `=` would make it a key of BibLaTeX's extended name format (`given=Jane`), or a hyphen beside a
 * space would be read as the break between two names (`Jean -Paul`): readers take those apart.
 */
function part(text: string, ascii: boolean): string {
  const encoded = encodeNameText(text, ascii);
  return needsBraces(text) ? braced(encoded) : encoded;
}

/**
 * `{text}`, one group. A group that starts with a backslash (`{\%Ann}`) is a "special character"
 * to BibTeX, and name parsers take it apart (`{\&Co}` loses its literal name): `{}` goes first.
 */
function braced(encoded: string): string {
  return encoded.startsWith('\\') ? `{{}${encoded}}` : `{${encoded}}`;
}

/**
 * A name's text as LaTeX, each run of hyphens braced (`{---}` for —, `{-{}-}` for --): a name
 * splits at its hyphens, so `A---B` and `A-{}-B` would read back as A-B and A -B.
 */
function encodeNameText(text: string, ascii: boolean): string {
  // After a control symbol (`\%`) the group would be read as its argument: `{}` keeps them apart.
  return encodeLatex(text, ascii).replace(/(\\[^A-Za-z])?(-(?:(?:\{\})?-)+)/g, (_run, symbol: string | undefined, dashes: string) => `${symbol === undefined ? '' : `${symbol}{}`}{${dashes}}`);
}

function needsBraces(text: string): boolean {
  return /[,=]|\band\b|\s-|-\s/i.test(text);
}

/**
 * A name list as the BibTeX importer keeps it in `extra` (decoded text, `formatBibtexNames`), or
 * as another importer wrote one (`Doe, Jane; Roe, R.` from RIS), back to authors.
 */
export function parseNameList(text: string): Author[] {
  const ris = !/ and /i.test(text) && text.includes(';');
  const pieces = ris ? text.split(';') : splitTopLevel(text, /\s+and\s+/iy);
  return pieces
    .map((piece) => piece.trim())
    .filter(Boolean)
    .map((piece) => parseName(piece, ris));
}

/** RIS has no family-only names: a name without a comma is an institution there. */
function parseName(piece: string, ris: boolean): Author {
  if (/^(others|et\.? ?al\.?)$/i.test(piece)) return { ...ET_AL };
  if (isOneGroup(piece)) return { literal: piece.slice(1, -1) };
  const [family = '', ...rest] = splitTopLevel(piece, /,/y).map((part) => part.trim());
  const unbraced = isOneGroup(family) ? family.slice(1, -1) : family;
  const given = rest.filter(Boolean).join(', ');
  if (given !== '') return { family: unbraced, given };
  return ris ? { literal: unbraced } : { family: unbraced };
}

function isOneGroup(text: string): boolean {
  if (!text.startsWith('{') || !text.endsWith('}')) return false;
  let depth = 0;
  for (let at = 0; at < text.length; at += 1) {
    if (text[at] === '{') depth += 1;
    else if (text[at] === '}' && --depth === 0) return at === text.length - 1;
  }
  return false;
}
