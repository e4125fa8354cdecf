/**
 * Plain Unicode text to the LaTeX that BibTeX and BibLaTeX read back as that same text: the
 * inverse of `shared/import/bibtex/decode-latex.ts`.
 *
 * - `\ { } % & $ # _ ~ ^` are escaped, and TeX's ligatures are broken (`--` → `-{}-`, `''` →
 *   `'{}'`), so that a title reads back character for character.
 * - With `ascii` (BibTeX, whose 8-bit world predates UTF-8), accented letters become accent
 *   commands (`é` → `{\'e}`, `č` → `{\v{c}}`), special letters and symbols their commands (`ß` →
 *   `{\ss}`, `×` → `$\times$`), from citation-js's own tables. A spelling is used only when the
 *   importer decodes it back to the same character; anything else (CJK, emoji) stays UTF-8.
 *   Without `ascii` (BibLaTeX with biber), Unicode stays as it is.
 * - White space runs become one space: a blank line inside a value would be a paragraph break.
 */

import { commands, diacritics, mathCommands } from '@citation-js/plugin-bibtex/lib/input/constants.js';
import { decodeLatex } from '../import/bibtex/decode-latex';

const SPECIAL: Record<string, string> = {
  '\\': '\\textbackslash{}',
  '{': '\\{',
  '}': '\\}',
  '%': '\\%',
  '&': '\\&',
  $: '\\$',
  '#': '\\#',
  _: '\\_',
  '~': '\\textasciitilde{}',
  '^': '\\textasciicircum{}',
};
const LIGATURE_CHARACTERS = new Set(['-', '`', "'"]);
/** TeX's own spelling of the dashes (`97--105`), which the importer reads back as them. */
const DASHES: Record<string, string> = { '–': '--', '—': '---' };

const COMMAND_FOR = reverse(commands);
/** citation-js's math table lacks some common relations, which the importer knows (decode-latex.ts). */
const MORE_MATH: Record<string, string> = { leq: '≤', geq: '≥', neq: '≠', approx: '≈', infty: '∞', rightarrow: '→', leftarrow: '←', ll: '≪', gg: '≫', sim: '∼' };
const MATH_COMMAND_FOR = reverse({ ...MORE_MATH, ...mathCommands });
const ACCENT_FOR = reverse(diacritics);
const spellings = new Map<string, string>();

/** CSL-JSON's rich text (also found in RIS and PubMed titles) and the LaTeX commands for it. */
const MARKUP = /<(i|b|sup|sub)>|<span (?:style="font-variant: ?small-caps;?"|class="nocase")>|<\/(i|b|sup|sub|span)>/g;
const MARKUP_COMMANDS: Record<string, string> = { i: '\\textit{', b: '\\textbf{', sup: '\\textsuperscript{', sub: '\\textsubscript{' };

/** True when `text` has rich-text tags (`<i>`, `<sup>`…) that become LaTeX commands. */
export function hasMarkup(text: string): boolean {
  MARKUP.lastIndex = 0;
  return MARKUP.test(text);
}

/** `text` as the body of a braced BibTeX value; rich-text tags become `\textit{…}` and the like. */
export function encodeLatex(text: string, ascii: boolean): string {
  return encodeRich(text, (plain) => encodeText(plain, ascii));
}

function encodeRich(text: string, encodeText: (plain: string) => string): string {
  if (!text.includes('<')) return encodeText(text);
  let out = '';
  let from = 0;
  const open: string[] = [];
  for (const match of text.matchAll(MARKUP)) {
    const [tag, opening, closing] = match;
    const at = match.index;
    if (closing !== undefined && open.at(-1) !== closing) continue;
    out += encodeText(text.slice(from, at));
    from = at + tag.length;
    if (closing !== undefined) {
      open.pop();
      out += '}';
    } else {
      const name = opening ?? 'span';
      open.push(name);
      out += tag.includes('small-caps') ? '\\textsc{' : (MARKUP_COMMANDS[name] ?? '{');
    }
  }
  return out + encodeText(text.slice(from)) + '}'.repeat(open.length);
}

function encodeText(text: string, ascii: boolean): string {
  // Most text is plain printable ASCII with nothing to escape.
  if (!/[^\x20-\x7e]|[\\{}%&$#_~^]|--|''|``| {2}/.test(text)) return text;
  const characters = [...text.replace(/\s+/g, ' ')];
  let out = '';
  const append = (piece: string): void => {
    // Doubled, "-", "`" and "'" make dashes and curly quotes: keep them apart.
    const first = piece[0] ?? '';
    if (LIGATURE_CHARACTERS.has(first) && out.endsWith(first)) out += '{}';
    out += piece;
  };
  for (let at = 0; at < characters.length; at += 1) {
    const char = characters[at] ?? '';
    const special = SPECIAL[char];
    if (special !== undefined) append(special);
    else if (!ascii || char <= '\x7f') append(char);
    else if (char in DASHES) append(DASHES[char] ?? char);
    else {
      // A letter and the combining marks after it spell one character.
      let cluster = char;
      while (/^\p{M}$/u.test(characters[at + 1] ?? '')) cluster += characters[++at];
      append(spelling(cluster));
    }
  }
  return out;
}

/**
 * A title with the words that must keep their capitals in braces (`{BERT}`, `{GPT-3}`,
 * `{ImageNet}`), since BibTeX styles that set titles in sentence case lower-case every letter
 * outside braces. A capital that only starts a word is left alone: it is title case.
 */
export function encodeTitle(title: string, ascii: boolean): string {
  return encodeRich(title, (plain) =>
    plain
      .replace(/\s+/g, ' ')
      .split(' ')
      .map((word) => {
        // A capital after the first letter of a word or of a hyphenated part: `GPT-3`, `iOS`, not `(Deep`.
        const inner = word.split(/[-/]/).some((part) => /\p{Lu}/u.test([...part.replace(/^\P{L}+/u, '')].slice(1).join('')));
        if (!inner) return encodeText(word, ascii);
        // Braces around the word itself: `({GPT-3}),` rather than `{(GPT-3),}`.
        const [, before = '', core = '', after = ''] = /^([("'“‘[]*)(.*?)([)"'”’\],.;:!?]*)$/su.exec(word) ?? [];
        return `${encodeText(before, ascii)}{${encodeText(core, ascii)}}${encodeText(after, ascii)}`;
      })
      .join(' '),
  );
}

/** The LaTeX for one non-ASCII character (with its combining marks), or the character itself. */
function spelling(cluster: string): string {
  const known = spellings.get(cluster);
  if (known !== undefined) return known;
  const wanted = cluster.normalize('NFC');
  const candidates = [
    COMMAND_FOR.get(wanted) === undefined ? undefined : `{\\${COMMAND_FOR.get(wanted)}}`,
    MATH_COMMAND_FOR.get(wanted) === undefined ? undefined : `$\\${MATH_COMMAND_FOR.get(wanted)}$`,
    accented(wanted),
  ];
  const found = candidates.find((candidate) => candidate !== undefined && decodeLatex(candidate).value === wanted) ?? cluster;
  spellings.set(cluster, found);
  return found;
}

/** `é` → `{\'e}`, `ǘ` → `{\'{\"u}}`, `í` → `{\'\i}`; undefined when a part has no command. */
function accented(char: string): string | undefined {
  const [base = '', ...marks] = [...char.normalize('NFD')];
  if (marks.length === 0 || !/^[A-Za-z]$/.test(base)) return undefined;
  const commandsForMarks = marks.map((mark) => ACCENT_FOR.get(mark));
  if (commandsForMarks.some((command) => command === undefined)) return undefined;
  // An accent over i or j sits on the dotless letter.
  let inner = /^[ij]$/.test(base) && marks.some((mark) => ABOVE.has(mark)) ? `\\${base}` : base;
  for (const command of commandsForMarks) {
    // `\'e`, but `\v{c}` and `\'{\i}`: a letter command or a longer argument needs braces.
    inner = /^[A-Za-z]/.test(command ?? '') || inner.length > 1 ? `\\${command}{${inner}}` : `\\${command}${inner}`;
  }
  return `{${inner}}`;
}

/** Combining marks placed above the letter (a dotted i loses its dot under them). */
const ABOVE = new Set(['\u0300', '\u0301', '\u0302', '\u0303', '\u0304', '\u0306', '\u0307', '\u0308', '\u030a', '\u030b', '\u030c']);

/** Value → the first name that maps to it, for single characters only. */
function reverse(table: Record<string, unknown>): Map<string, string> {
  const map = new Map<string, string>();
  for (const [name, value] of Object.entries(table)) {
    // Some entries are functions or longer strings; only single non-ASCII characters are wanted.
    if (typeof value === 'string' && value.normalize('NFC').length === 1 && value > '\x7f' && !map.has(value)) map.set(value, name);
  }
  return map;
}
