/**
 * LaTeX in BibTeX values to plain Unicode text, and BibTeX name lists to authors.
 *
 * citation-js (`@citation-js/plugin-bibtex`) does the decoding: accents in all their spellings,
 * `\ss`, `\l`, `\ae`, `{\i}`, `--`/`---`, `\&`, `~`, case-protecting braces, math with its
 * super- and subscripts, and the splitting of names into given/von/family/Jr parts. Around it:
 *
 * - before: commands citation-js does not know would come out as raw TeX (`\TeX`, `\times`) or
 *   glued to their argument (`\autocap{e}xcerpt` → "\autocapexcerpt"). A small table turns common
 *   ones into Unicode; any other command is dropped when it takes a braced argument (the argument
 *   stays) and loses its backslash otherwise (`\log` → "log"), and is reported;
 * - after: citation-js marks formatting with HTML (`<i>`, `<sup>`, small-caps `<span>`); Sift
 *   stores plain text, so italics and the like are dropped and scripts that have no Unicode form
 *   become `^{…}`/`_{…}`. `{\'\i}` comes out as a dotless ı plus an accent, which is put back
 *   together as í. No-break spaces (`~`) become plain spaces, and runs of white space one space.
 *
 * Math is therefore kept readable rather than as TeX: `$16\times 16$` → "16×16", `OCL$_h$` → "OCLₕ",
 * `$O(n^{2k})$` → "O(n^{2k})".
 */

import type { Author } from '../../model/library';
import {
  argumentCommands,
  commands,
  diacritics,
  formatting,
  formattingCommands,
  formattingEnvs,
  mathCommands,
  mathScriptFormatting,
} from '@citation-js/plugin-bibtex/lib/input/constants.js';
import { parse as parseValue, type CitationJsName } from '@citation-js/plugin-bibtex/lib/input/value.js';

/** The author that stands for BibTeX's `and others` (also written `et al.`). */
export const ET_AL: Readonly<{ literal: string }> = { literal: 'et al.' };

/** Decoded text plus what went wrong on the way, for the caller to turn into warnings. */
export interface Decoded<T> {
  value: T;
  /** Plain-language problems that complete "The title field …", e.g. "has unbalanced LaTeX". */
  problems: string[];
}

const KNOWN_TO_CITATION_JS = new Set([
  ...Object.keys(diacritics),
  ...Object.keys(commands),
  ...Object.keys(mathCommands),
  ...Object.keys(formattingEnvs),
  ...Object.keys(formattingCommands),
  ...Object.keys(argumentCommands),
  ...Object.keys(mathScriptFormatting),
  'begin',
  'end',
]);

/** Commands citation-js leaves as TeX, as Unicode. */
const SYMBOLS: Record<string, string> = {
  TeX: 'TeX', LaTeX: 'LaTeX', BibTeX: 'BibTeX', LaTeXe: 'LaTeX2ε',
  aa: 'å', AA: 'Å', slash: '/', hyphen: '-', textendash: '–', textemdash: '—',
  relax: '', protect: '', nobreakspace: ' ', quad: ' ', qquad: ' ',
  dots: '…', ldots: '…', cdots: '⋯',
  times: '×', cdot: '·', pm: '±', mp: '∓', div: '÷', ast: '∗', star: '⋆', circ: '∘', bullet: '•',
  leq: '≤', le: '≤', geq: '≥', ge: '≥', neq: '≠', ne: '≠', ll: '≪', gg: '≫',
  approx: '≈', sim: '∼', simeq: '≃', cong: '≅', equiv: '≡', propto: '∝',
  infty: '∞', partial: '∂', nabla: '∇', sum: '∑', prod: '∏', int: '∫', sqrt: '√', ell: 'ℓ', hbar: 'ℏ', prime: '′',
  to: '→', rightarrow: '→', leftarrow: '←', leftrightarrow: '↔', Rightarrow: '⇒', Leftarrow: '⇐',
  Leftrightarrow: '⇔', mapsto: '↦', uparrow: '↑', downarrow: '↓',
  in: '∈', notin: '∉', ni: '∋', subset: '⊂', subseteq: '⊆', supset: '⊃', supseteq: '⊇',
  cup: '∪', cap: '∩', emptyset: '∅', setminus: '∖', forall: '∀', exists: '∃',
  neg: '¬', lnot: '¬', land: '∧', wedge: '∧', lor: '∨', vee: '∨', oplus: '⊕', otimes: '⊗',
  vdash: '⊢', models: '⊨', top: '⊤', bot: '⊥', Box: '□', Diamond: '◇', langle: '⟨', rangle: '⟩', mid: '∣',
};

/** Commands that only wrap their argument; dropped quietly, the argument kept. */
const WRAPPERS = new Set([
  'autocap', 'mbox', 'hbox', 'text', 'textnormal', 'ensuremath', 'NoCaseChange', 'nocase',
  'mathit', 'mathbf', 'mathsf', 'mathtt', 'mathcal', 'mathbb', 'mathfrak', 'boldsymbol', 'bm', 'operatorname',
]);

/** Commands whose argument is not meant to be read (sorting hints). */
const INVISIBLE = new Set(['noopsort', 'SortNoop', 'sortnoop', 'label', 'index', 'phantom', 'hphantom', 'vphantom']);

/** Control symbols (`\` and one non-letter) citation-js does not handle. */
const CONTROL_SYMBOLS: Record<string, string> = {
  '\\': ' ', ' ': ' ', '\n': ' ', '\t': ' ', '\r': ' ', ',': ' ', ';': ' ', ':': ' ', '>': ' ',
  '/': '', '-': '', '!': '', '@': '',
};

const MARKUP_DROPPED = ['italics', 'bold', 'smallcaps', 'nocase'].flatMap((name) => formatting[name] ?? []);
const SCRIPTS = (['superscript', 'subscript'] as const).map((name) => {
  const [open = '', close = ''] = formatting[name] ?? [];
  return { pattern: new RegExp(`${escapeRegExp(open)}(.*?)${escapeRegExp(close)}`, 'gs'), mark: name === 'superscript' ? '^' : '_' };
});

/** Decodes a text value: `Les {N}ouvelles {I}d{\'e}es` → "Les Nouvelles Idées". */
export function decodeLatex(raw: string): Decoded<string> {
  const problems: string[] = [];
  const prepared = prepareTex(raw, problems);
  try {
    return { value: cleanText(String(parseValue(prepared, 'note'))), problems };
  } catch {
    // citation-js gives up on a whole value for one lone "$" or a \begin without \end.
  }
  try {
    const relaxed = prepared.replace(/(?<!\\)\$/g, '\\$').replace(/\\(?:begin|end)\s*\{[^{}]*\}/g, '');
    const value = cleanText(String(parseValue(relaxed, 'note')));
    problems.push('has unbalanced LaTeX (a lone "$" or a \\begin without \\end), so "$" was kept as a dollar sign');
    return { value, problems };
  } catch {
    problems.push('could not be read as LaTeX, so it was kept with its markup removed');
    return { value: cleanText(prepared.replace(/\\[A-Za-z]+|[{}$\\]/g, '')), problems };
  }
}

/**
 * Splits and decodes a BibTeX name list (`van der Waals, J. D. and {World Health Organization}`).
 * Particles join the family name ("van der Waals"); a Jr part follows the given names after a
 * comma ("Martin Luther, Jr."), as Zotero stores it; a name that is one braced group is an
 * institution (`literal`); `others` and `et al.` become {@link ET_AL}. Two repairs of what
 * citation-js would read: an accented capital in braces starts a given or family name, not a
 * particle (`{\'E}mile Zola`), and "First Last, Jr" is not "Last = First Last, First = Jr".
 */
/** The longest single name split into given and family parts (a Paper's `literal` holds 1,000). */
const MAX_NAME_LENGTH = 1000;

export function decodeNames(raw: string): Decoded<Author[]> {
  const problems: string[] = [];
  const prepared = decodeSpecialCharacters(prepareTex(raw, problems));
  const pieces = splitTopLevel(prepared, /\s+and\s+/iy).map((piece) => piece.trim());
  const whole = () => pieces.filter(Boolean).map((piece) => ({ literal: cleanText(piece.replace(/[{}$]/g, '')) }));
  if (pieces.some((piece) => piece.length > MAX_NAME_LENGTH)) {
    // citation-js orders a name's words with Array#shift, quadratic in their number (1.5 s for one
    // 1.1 MB name from a macro bomb); no real name is that long, and a Paper keeps 1,000 characters.
    problems.push(`has a name longer than ${MAX_NAME_LENGTH.toLocaleString('en')} characters, so each name was kept whole`);
    return { value: whole(), problems };
  }
  let parsed: CitationJsName[];
  try {
    parsed = parseValue(prepared, 'author') as CitationJsName[];
  } catch {
    problems.push('could not be split into given and family names, so each name was kept whole');
    return { value: whole(), problems };
  }
  const aligned = pieces.length === parsed.length;
  const authors: Author[] = [];
  parsed.forEach((name, index) => {
    const piece = aligned ? (pieces[index] ?? '') : '';
    const author = toAuthor(withSuffixOnlyFixed(name, piece), piece);
    if (author) authors.push(author);
  });
  return { value: authors, problems };
}

/**
 * "Richard H. Granger, Jr" is, to BibTeX, the family name "Richard H. Granger" and the given name
 * "Jr"; people who write it mean Richard H. Granger Jr. Read such a name that way.
 */
function withSuffixOnlyFixed(name: CitationJsName, piece: string): CitationJsName {
  const match = suffixOnly(piece);
  if (!match) return name;
  try {
    const [person] = parseValue(match.person, 'author') as CitationJsName[];
    return person?.family ? { ...person, suffix: match.suffix } : name;
  } catch {
    return name;
  }
}

const SUFFIX = /^(?:jr\.?|sr\.?|ii|iii|iv)$/i;

/**
 * `^([^,]*\s[^,]*?)\s*,\s*(jr\.?|sr\.?|ii|iii|iv)$/i` without the regex: it backtracked over every
 * space of a comma-less name, quadratic (31 s on the 1.1 MB name of a macro bomb).
 */
function suffixOnly(piece: string): { person: string; suffix: string } | undefined {
  const comma = piece.indexOf(',');
  if (comma === -1 || piece.includes(',', comma + 1)) return undefined;
  const suffix = piece.slice(comma + 1).trimStart();
  if (!SUFFIX.test(suffix)) return undefined;
  // The regex's greedy `[^,]*\s` took everything before the comma, once it held a space.
  const person = piece.slice(0, comma);
  return /\s/.test(person) ? { person, suffix } : undefined;
}

/** Writes authors back in BibTeX's name-list syntax, for fields kept verbatim in `extra`. */
export function formatBibtexNames(authors: Author[]): string {
  return authors
    .map((author) => {
      if ('literal' in author) return author.literal === ET_AL.literal ? 'others' : `{${author.literal}}`;
      const family = author.family.includes(',') ? `{${author.family}}` : author.family;
      return author.given ? `${family}, ${author.given}` : family;
    })
    .join(' and ');
}

/** Splits `text` at `separator` where it is outside braces (`separator` must be sticky). */
export function splitTopLevel(text: string, separator: RegExp): string[] {
  const parts: string[] = [];
  let depth = 0;
  let from = 0;
  for (let at = 0; at < text.length; at += 1) {
    const char = text[at];
    if (char === '\\') {
      at += 1;
    } else if (char === '{') {
      depth += 1;
    } else if (char === '}') {
      depth = Math.max(0, depth - 1);
    } else if (depth === 0) {
      separator.lastIndex = at;
      const match = separator.exec(text);
      if (match && match[0].length > 0) {
        parts.push(text.slice(from, at));
        from = at + match[0].length;
        at = from - 1;
      }
    }
  }
  parts.push(text.slice(from));
  return parts;
}

function toAuthor(name: CitationJsName, piece: string): Author | undefined {
  const clean = (part: string | undefined) => (part === undefined ? '' : cleanText(part));
  const family = [clean(name.prefix), clean(name.family)].filter(Boolean).join(' ');
  const given = [clean(name.given), clean(name.suffix)].filter(Boolean).join(', ');
  if (/^(others|et\.?\s*al\.?)$/i.test(piece) || (!piece && /^(others|et al\.)$/i.test(`${family} ${given}`.trim()))) {
    return { ...ET_AL };
  }
  if (!family && !given) return undefined;
  if (isOneBracedGroup(piece)) return { literal: [given, family].filter(Boolean).join(' ') };
  if (!family) return { family: given };
  return given ? { family, given } : { family };
}

/**
 * Decodes accented letters outside braces (`{\'E}`, `\'{E}`, `\c{C}`) before citation-js splits
 * names: it takes the case of a word from its first plain letter, so it reads `{\'E}mile Zola` as
 * the particle "Émile" and the family name "Zola", where BibTeX sees an upper-case É.
 */
function decodeSpecialCharacters(text: string): string {
  if (!text.includes('\\')) return text;
  let out = '';
  let depth = 0;
  let at = 0;
  while (at < text.length) {
    const char = text[at] ?? '';
    let end = at;
    if (depth === 0 && char === '{' && text[at + 1] === '\\') {
      end = skipGroup(text, at);
    } else if (depth === 0 && char === '\\') {
      const word = /^(?:[A-Za-z]+|[^A-Za-z])/.exec(text.slice(at + 1, at + 101))?.[0] ?? '';
      end = at + 1 + word.length;
      if (text[end] === '{') end = skipGroup(text, end);
      else if (!/[A-Za-z]/.test(word) && /\S/.test(text[end] ?? '')) end += 1;
    }
    if (end > at) {
      const piece = text.slice(at, end);
      let decoded = piece;
      try {
        decoded = cleanText(String(parseValue(piece, 'note')));
      } catch {
        // Left as it was; citation-js reports it when it splits the names.
      }
      out += /^[^\s,{}]+$/.test(decoded) ? decoded : piece;
      at = end;
      continue;
    }
    if (char === '{') depth += 1;
    else if (char === '}') depth = Math.max(0, depth - 1);
    out += char;
    at += 1;
  }
  return out;
}

/** True for `{World Health Organization}`, false for `{\"O}zge Aks{\i}n`. */
function isOneBracedGroup(piece: string): boolean {
  if (!piece.startsWith('{') || !piece.endsWith('}')) return false;
  let depth = 0;
  for (let at = 0; at < piece.length; at += 1) {
    const char = piece[at];
    if (char === '\\') at += 1;
    else if (char === '{') depth += 1;
    else if (char === '}' && --depth === 0) return at === piece.length - 1;
  }
  return false;
}

/** Rewrites the commands citation-js does not know (see the module comment). */
function prepareTex(raw: string, problems: string[]): string {
  if (!raw.includes('\\')) return raw;
  const unknown = new Set<string>();
  let out = '';
  let at = 0;
  while (at < raw.length) {
    const slash = raw.indexOf('\\', at);
    if (slash === -1) {
      out += raw.slice(at);
      break;
    }
    out += raw.slice(at, slash);
    const word = /^[A-Za-z]+/.exec(raw.slice(slash + 1, slash + 101))?.[0];
    if (word === undefined) {
      const symbol = raw[slash + 1];
      if (symbol === undefined) break;
      out += Object.hasOwn(CONTROL_SYMBOLS, symbol) ? CONTROL_SYMBOLS[symbol] : KNOWN_TO_CITATION_JS.has(symbol) || /[&%$#_{}]/.test(symbol) ? `\\${symbol}` : symbol;
      at = slash + 2;
      continue;
    }
    // A starred form (`\enquote*{…}`) reads like the plain one.
    const next = slash + 1 + word.length + (raw[slash + 1 + word.length] === '*' ? 1 : 0);
    if (word === 'url' && raw[next] === '{') {
      // citation-js reads a URL as TeX, so "~" would become a space and "--" a dash.
      const end = skipGroup(raw, next);
      out += `\\url{${literalForCitationJs(raw.slice(next + 1, end - 1))}}`;
      at = end;
      continue;
    }
    if (KNOWN_TO_CITATION_JS.has(word)) {
      out += `\\${word}`;
      at = next;
      continue;
    }
    const spaces = /^[ \t\r\n]*/.exec(raw.slice(next, next + 100))?.[0] ?? '';
    const takesArgument = raw[next + spaces.length] === '{';
    if (Object.hasOwn(SYMBOLS, word)) {
      // TeX swallows the spaces after a command (`16\times 16` → "16×16"), but `a \leq b` reads
      // better as "a ≤ b": keep them when the command has a space before it too.
      out += SYMBOLS[word];
      at = /\s/.test(raw[slash - 1] ?? '') ? next : next + spaces.length;
    } else if (INVISIBLE.has(word) && takesArgument) {
      at = skipGroup(raw, next + spaces.length);
    } else if (takesArgument) {
      if (!WRAPPERS.has(word)) unknown.add(word);
      at = next + spaces.length;
    } else {
      unknown.add(word);
      out += word;
      at = next;
    }
  }
  if (unknown.size > 0) {
    const list = [...unknown].map((word) => `\\${word}`).join(', ');
    problems.push(`uses ${unknown.size === 1 ? 'a LaTeX command' : 'LaTeX commands'} Sift does not know (${list}), kept as plain text`);
  }
  return out;
}

/** Text that citation-js outputs exactly as written (it is free of braces and backslashes). */
function literalForCitationJs(text: string): string {
  return text.replace(/[~$-]/g, (char) => (char === '~' ? '\\textasciitilde{}' : char === '$' ? '\\$' : '-{}'));
}

/** The offset just after the braced group that starts at `open`. */
function skipGroup(text: string, open: number): number {
  let depth = 0;
  for (let at = open; at < text.length; at += 1) {
    const char = text[at];
    if (char === '\\') at += 1;
    else if (char === '{') depth += 1;
    else if (char === '}' && --depth === 0) return at + 1;
  }
  return text.length;
}

function cleanText(text: string): string {
  let out = text;
  // Every field of every entry passes here, so skip the work that plain ASCII text does not need.
  if (out.includes('<')) {
    for (const marker of MARKUP_DROPPED) out = out.split(marker).join('');
    for (const { pattern, mark } of SCRIPTS) {
      out = out.replace(pattern, (_match, inner: string) => ([...inner].length === 1 ? `${mark}${inner}` : `${mark}{${inner}}`));
    }
  }
  if (/[^\t-~]/.test(out)) out = out.replace(/[ıȷ](?=[\u0300-\u036f])/g, (char) => (char === 'ı' ? 'i' : 'j')).normalize('NFC');
  return out.replace(/\s+/g, ' ').trim();
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
