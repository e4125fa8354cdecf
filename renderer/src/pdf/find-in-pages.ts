/** A page's text as pdf.js's text layer lays it out: one string per text item, in order. */
export interface PageText {
  /** The text items (`TextItem.str`), in the order the text layer makes one span each. */
  items: readonly string[];
  /** Whether each item ends a line. */
  eol: readonly boolean[];
}

/** Where a found passage starts or ends: a text item of the page and a UTF-16 offset in it. */
export interface TextPoint {
  item: number;
  offset: number;
}

export interface FindMatch {
  /** 1-based. */
  page: number;
  start: TextPoint;
  /** Exclusive. */
  end: TextPoint;
}

/** The most matches one search reports: enough to step through, bounded for a huge document. */
export const MAX_MATCHES = 10_000;

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** The query as a pattern: case-insensitive, any run of white space (or a line break) matching any other. */
export function queryPattern(query: string): RegExp | undefined {
  const words = query.trim().split(/\s+/).filter(Boolean);
  if (words.length === 0) return undefined;
  return new RegExp(words.map(escapeRegExp).join('\\s+'), 'giu');
}

/**
 * Finds the query in the pages' text. Items are joined as the text layer shows them: a line end
 * counts as a space, so a phrase broken across two lines is found; a match may start in one item
 * and end in another.
 */
export function findInPages(pages: readonly (PageText | undefined)[], query: string, limit = MAX_MATCHES): FindMatch[] {
  const pattern = queryPattern(query);
  if (!pattern) return [];
  const matches: FindMatch[] = [];
  pages.forEach((page, index) => {
    if (!page || matches.length >= limit) return;
    let text = '';
    const starts: number[] = [];
    page.items.forEach((item, itemIndex) => {
      starts.push(text.length);
      text += item;
      if (page.eol[itemIndex] && !/\s$/.test(item)) text += ' ';
    });
    const pointAt = (offset: number, isEnd: boolean): TextPoint => {
      // The last item starting at or before the offset (for an end, strictly before it).
      let low = 0;
      let high = starts.length - 1;
      while (low < high) {
        const middle = Math.ceil((low + high) / 2);
        const start = starts[middle] ?? 0;
        if (isEnd ? start < offset : start <= offset) low = middle;
        else high = middle - 1;
      }
      const item = low;
      return { item, offset: Math.min(offset - (starts[item] ?? 0), page.items[item]?.length ?? 0) };
    };
    pattern.lastIndex = 0;
    for (const found of text.matchAll(pattern)) {
      if (found[0].length === 0) continue;
      matches.push({ page: index + 1, start: pointAt(found.index, false), end: pointAt(found.index + found[0].length, true) });
      if (matches.length >= limit) break;
    }
  });
  return matches;
}
