/**
 * Pure geometry over the text runs of a PDF page: lines in visual order (for the title and authors,
 * which pdf.js may report in any order) and lines in content order (for running text such as the
 * abstract, whose content order is usually the reading order even in two columns).
 * No pdf.js import: extract-pdf.ts converts pdf.js items into `PdfTextItem`s.
 */

/** One run of text on a page, in PDF units with y growing upwards, after the page's /Rotate. */
export interface PdfTextItem {
  text: string;
  /** Start of the baseline. */
  x: number;
  y: number;
  /** Advance width along the baseline. */
  width: number;
  /** Effective font size: the glyph height after every transform. */
  fontSize: number;
  /** False for rotated or mirrored text, such as arXiv's side stamp. */
  upright: boolean;
  /** pdf.js saw a line break after this item. */
  endOfLine: boolean;
}

export interface PdfPageText {
  width: number;
  height: number;
  items: PdfTextItem[];
}

/** A line of text with the size of most of its characters. */
export interface TextLine {
  /** The text without footnote marks (∗, †, superscript digits after punctuation). */
  text: string;
  /** Every character of the line, marks included. */
  rawText: string;
  fontSize: number;
  x: number;
  /** Baseline of the line's main text. */
  y: number;
  /** The line cut at wide gaps (the columns of an author grid), marks removed. */
  segments: string[];
  /** The first item that is not blank, for "is this heading its own text run?" checks. */
  firstRun: string;
}

const MARK_SYMBOLS = /^[\s∗*†‡§¶#$+♦♣♠♥✝✉⋆★•⁎◇○●,]+$/u;

function isBlank(text: string): boolean {
  return text.trim() === '';
}

/** The size that most characters of `items` have. */
function dominantSize(items: readonly PdfTextItem[]): number {
  const weights = new Map<number, number>();
  let best = 0;
  let bestWeight = -1;
  for (const item of items) {
    if (isBlank(item.text)) continue;
    const size = Math.round(item.fontSize * 10) / 10;
    const weight = (weights.get(size) ?? 0) + item.text.trim().length;
    weights.set(size, weight);
    if (weight > bestWeight || (weight === bestWeight && size > best)) {
      best = size;
      bestWeight = weight;
    }
  }
  return best;
}

function median(values: number[]): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

/** A small, raised, short run: a footnote or affiliation mark (or an exponent). */
function isRaisedMark(item: PdfTextItem, size: number, baseline: number): boolean {
  return item.fontSize <= size * 0.82 && item.y - baseline >= size * 0.15 && item.text.trim().length <= 4;
}

/**
 * Joins the runs of one line. Marks are dropped from `text` when they are symbols, or when they
 * follow punctuation or precede a space ("(CRLC),¹ which"); an exponent inside a formula stays.
 */
function assembleLine(items: readonly PdfTextItem[]): TextLine {
  const size = dominantSize(items) || (items[0]?.fontSize ?? 0);
  const baseline = median(items.filter((item) => !isBlank(item.text) && Math.abs(item.fontSize - size) < 0.6).map((item) => item.y));
  const marks = items.map((item) => !isBlank(item.text) && isRaisedMark(item, size, baseline));
  const dropped = items.map((item, index) => {
    if (!marks[index]) return false;
    if (MARK_SYMBOLS.test(item.text)) return true;
    let before = index - 1;
    while (before >= 0 && marks[before]) before -= 1;
    let after = index + 1;
    while (after < items.length && marks[after]) after += 1;
    const previous = before >= 0 ? (items[before]?.text ?? '') : '';
    const next = after < items.length ? (items[after]?.text ?? '') : '';
    // After a digit it is an exponent ("10⁶"); after punctuation, or before a space or the line end, a footnote mark.
    if (/\d$/.test(previous)) return false;
    return before < 0 || /[,.;:)\]]\s*$/.test(previous) || next === '' || /^\s/.test(next);
  });

  let text = '';
  let rawText = '';
  const segments: string[] = [];
  let segment = '';
  let lastEnd: number | undefined;
  let lastKeptEnd: number | undefined;
  for (const [index, item] of items.entries()) {
    const gap = lastEnd === undefined ? 0 : item.x - lastEnd;
    const needsSpace = (joined: string): boolean =>
      joined !== '' && !/\s$/.test(joined) && !/^[\s,.;:)\]]/.test(item.text) && (gap > size * 0.2 || gap < -size);
    if (needsSpace(rawText)) rawText += ' ';
    rawText += item.text;
    if (!dropped[index]) {
      if (!isBlank(item.text)) {
        const keptGap = lastKeptEnd === undefined ? 0 : item.x - lastKeptEnd;
        if (lastKeptEnd !== undefined && keptGap > size * 1.0) {
          segments.push(segment);
          segment = '';
        }
        lastKeptEnd = item.x + item.width;
      }
      if (needsSpace(text)) text += ' ';
      text += item.text;
      segment += segment !== '' && !/\s$/.test(segment) && gap > size * 0.2 && !/^\s/.test(item.text) ? ` ${item.text}` : item.text;
    }
    lastEnd = item.x + item.width;
  }
  segments.push(segment);
  const first = items.find((item) => !isBlank(item.text));
  return {
    text: collapse(text),
    rawText: collapse(rawText),
    fontSize: size,
    x: first?.x ?? 0,
    y: baseline,
    segments: segments.map(collapse).filter((part) => part !== ''),
    firstRun: first?.text.trim() ?? '',
  };
}

function collapse(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/**
 * Lines in visual order, top to bottom. Upright runs whose vertical extents overlap form a line
 * (so superscripts join their line, and the two columns of a row join too); rotated text is left out.
 */
export function visualLines(page: PdfPageText): TextLine[] {
  const items = page.items.filter((item) => item.upright && !isBlank(item.text)).sort((a, b) => b.y - a.y || a.x - b.x);
  const groups: { items: PdfTextItem[]; bottom: number; top: number; size: number }[] = [];
  let current: (typeof groups)[number] | undefined;
  for (const item of items) {
    const bottom = item.y - item.fontSize * 0.2;
    const top = item.y + item.fontSize * 0.8;
    if (current) {
      const overlap = Math.min(top, current.top) - Math.max(bottom, current.bottom);
      if (overlap >= Math.min(item.fontSize, current.size) * 0.5) {
        current.items.push(item);
        if (item.fontSize > current.size) Object.assign(current, { bottom, top, size: item.fontSize });
        continue;
      }
    }
    current = { items: [item], bottom, top, size: item.fontSize };
    groups.push(current);
  }
  return groups.map((group) => assembleLine([...group.items].sort((a, b) => a.x - b.x)));
}

/**
 * Lines in content order: pdf.js's end-of-line flags, or a jump of the baseline, end a line.
 * Rotated text (side stamps, vertical axis labels) is left out unless `includeRotated`.
 */
export function readingLines(page: PdfPageText, options: { includeRotated?: boolean } = {}): TextLine[] {
  const lines: TextLine[] = [];
  let current: PdfTextItem[] = [];
  let baseline: number | undefined;
  let size = 0;
  const flush = (): void => {
    if (current.some((item) => !isBlank(item.text))) lines.push(assembleLine(current));
    current = [];
    baseline = undefined;
  };
  for (const item of page.items) {
    if (!item.upright && !options.includeRotated) continue;
    if (!isBlank(item.text)) {
      if (baseline !== undefined && Math.abs(item.y - baseline) > Math.max(size, item.fontSize) * 0.6) flush();
      if (baseline === undefined || item.fontSize > size) {
        baseline = item.y;
        size = item.fontSize;
      }
    }
    current.push(item);
    if (item.endOfLine) flush();
  }
  flush();
  return lines;
}

/** The page as plain text, one line per line, in content order (for full-text search). */
export function pageText(page: PdfPageText): string {
  return readingLines(page, { includeRotated: true })
    .map((line) => line.rawText)
    .join('\n');
}

/** The size of most of the page's characters: the body text. */
export function bodyFontSize(page: PdfPageText): number {
  return dominantSize(page.items.filter((item) => item.upright));
}

const HYPHENATED_WORD = /[\p{L}\p{N}]+(?:-[\p{L}\p{N}]+)+/gu;
const WORD = /[\p{L}\p{N}]+/gu;

/**
 * Words seen in the document, lower-cased, hyphenated compounds included ("component-based"),
 * so that a hyphen at a line end can be kept when the document writes the word with one.
 */
export function documentVocabulary(texts: readonly string[]): Set<string> {
  const words = new Set<string>();
  for (const text of texts) {
    for (const match of text.matchAll(HYPHENATED_WORD)) words.add(match[0].toLowerCase());
    for (const match of text.matchAll(WORD)) words.add(match[0].toLowerCase());
  }
  return words;
}

/**
 * Joins lines of running text into one paragraph: "knowl-" + "edge" becomes "knowledge" unless the
 * document elsewhere writes the compound with its hyphen ("component-" + "based"); a hyphen before
 * a capital ("Multi-" + "LexSum") is kept.
 */
export function joinLines(lines: readonly string[], vocabulary?: ReadonlySet<string>): string {
  let joined = '';
  for (const raw of lines) {
    const line = raw.trim();
    if (line === '') continue;
    if (joined === '') {
      joined = line;
      continue;
    }
    // Only the tail is searched: an anchored regex over the whole growing text would be quadratic.
    const hyphenEnd = /([\p{L}\p{N}]+)[-\u2010]$/u.exec(joined.slice(-64));
    if (hyphenEnd?.[1] !== undefined) {
      const next = (/^[\p{L}\p{N}]+(?:-[\p{L}\p{N}]+)*/u.exec(line)?.[0] ?? '').toLowerCase();
      const left = hyphenEnd[1].toLowerCase();
      // "state-" + "of-the-art": the rest is itself a compound, so the hyphen is part of it.
      const keepHyphen =
        !/^\p{Ll}/u.test(line) || next.includes('-') || (vocabulary?.has(`${left}-${next}`) === true && !vocabulary.has(left + next));
      joined = keepHyphen ? joined + line : joined.slice(0, -1) + line;
      continue;
    }
    joined += ` ${line}`;
  }
  return collapse(joined);
}
