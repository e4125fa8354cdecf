/**
 * Citation keys for an export: one per paper, unique within the export, ASCII-safe, and stable (the
 * same papers give the same keys on every run, whatever order they are exported in).
 *
 * A paper keeps its own `citationKey` when it is safe (below) and no other paper claims it first;
 * an unsafe key is folded to ASCII and stripped (`Müller2019` → `Muller2019`); a paper without one
 * gets `authorYearWord` (`vaswani2017attention`; `wordYear` without an author), as Better BibTeX and
 * JabRef make them. When two papers want the same key, a paper's own key beats a made one, then the
 * paper added first keeps it and the others get `a`, `b`, `c`… (`vaswani2017attentiona`).
 */

import type { Paper } from '../model/library';

/**
 * Safe in a BibTeX entry, in `\cite{…}` and as a Pandoc `@key`: starts with a letter, digit or `_`,
 * then only those and `_:.+/*!?@-`. No spaces, braces, commas, `%`, `#`, `~`, quotes or backslashes.
 */
export const SAFE_CITATION_KEY = /^[A-Za-z0-9_][A-Za-z0-9_:.+/*!?@-]*$/;

const UNSAFE_CHARACTERS = /[^A-Za-z0-9_:.+/*!?@-]/g;
const MAX_KEY_LENGTH = 100;

/** Small words that make poor keys (`on2017the`): the key takes the first title word not among them. */
const STOP_WORDS = new Set([
  'a', 'an', 'the', 'on', 'of', 'in', 'for', 'and', 'or', 'to', 'with', 'from', 'by', 'at', 'as', 'is', 'are', 'be',
  'via', 'towards', 'toward', 'what', 'how', 'why', 'when', 'do', 'does', 'can', 'we', 'our', 'your', 'using', 'into',
]);

/** Letters that have no combining-mark decomposition, spelled in ASCII. */
const LETTERS: Record<string, string> = {
  ß: 'ss', æ: 'ae', Æ: 'AE', œ: 'oe', Œ: 'OE', ø: 'o', Ø: 'O', ł: 'l', Ł: 'L', đ: 'd', Đ: 'D', ð: 'd', Ð: 'D',
  þ: 'th', Þ: 'TH', ı: 'i', ĸ: 'k', ŋ: 'ng', Ŋ: 'NG',
};

/** `Ångström Œuvre` → `Angstrom OEuvre`: accents dropped, special letters spelled out, the rest kept. */
export function foldToAscii(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^\0-\x7f]/g, (char) => LETTERS[char] ?? char);
}

type KeyedPaper = Pick<Paper, 'id' | 'title' | 'authors' | 'year' | 'citationKey' | 'addedAt'>;

/** The key each paper gets in this export, by paper id. */
export function citationKeys(papers: readonly KeyedPaper[]): Map<string, string> {
  const wanted = papers.map((paper, index) => {
    const own = paper.citationKey === undefined ? '' : safeKey(paper.citationKey);
    return { paper, index, key: own || madeKey(paper), own: own !== '' };
  });
  // Who gets a contested key: its owner before a made-up claim, then the paper added first.
  const order = [...wanted].sort(
    (a, b) => Number(b.own) - Number(a.own) || compare(a.paper.addedAt, b.paper.addedAt) || compare(a.paper.id, b.paper.id) || a.index - b.index,
  );
  const taken = new Set<string>();
  const keys = new Map<string, string>();
  // Plain keys first, so a suffixed key never takes one that a later paper owns.
  const contested: typeof wanted = [];
  for (const claim of order) {
    if (taken.has(claim.key)) {
      contested.push(claim);
      continue;
    }
    taken.add(claim.key);
    keys.set(claim.paper.id, claim.key);
  }
  for (const claim of contested) {
    let n = 0;
    while (taken.has(`${claim.key}${suffix(n)}`)) n += 1;
    const key = `${claim.key}${suffix(n)}`;
    taken.add(key);
    keys.set(claim.paper.id, key);
  }
  return keys;
}

/** A paper's own key made safe, or '' when nothing usable is left. */
function safeKey(key: string): string {
  if (SAFE_CITATION_KEY.test(key) && key.length <= MAX_KEY_LENGTH) return key;
  const cleaned = foldToAscii(key).replace(UNSAFE_CHARACTERS, '').replace(/^[^A-Za-z0-9_]+/, '').slice(0, MAX_KEY_LENGTH);
  return SAFE_CITATION_KEY.test(cleaned) ? cleaned : '';
}

/** `vaswani2017attention`: first author's family name, year, first significant title word. */
function madeKey(paper: KeyedPaper): string {
  const first = paper.authors.find((author) => !('literal' in author) || author.literal !== 'et al.');
  const name = first === undefined ? '' : 'literal' in first ? (first.literal.split(/\s+/)[0] ?? '') : first.family;
  const words = paper.title.split(/[\s\-–—/:]+/).map(keyPart).filter(Boolean);
  const word = words.find((candidate) => !STOP_WORDS.has(candidate)) ?? words[0] ?? '';
  // Without an author, the word leads: `web2023` rather than `2023web`.
  const key = (name === '' ? `${word}${paper.year ?? ''}` : `${keyPart(name)}${paper.year ?? ''}${word}`).slice(0, MAX_KEY_LENGTH);
  return key === '' ? 'paper' : key;
}

function keyPart(text: string): string {
  return foldToAscii(text).toLowerCase().replace(/[^a-z0-9]/g, '');
}

/** 0 → a, 25 → z, 26 → aa … */
function suffix(n: number): string {
  let out = '';
  let rest = n;
  do {
    out = String.fromCharCode(97 + (rest % 26)) + out;
    rest = Math.floor(rest / 26) - 1;
  } while (rest >= 0);
  return out;
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
