import type { LibraryStats } from '../api/contract';
import type { Paper } from '../model/library';
import { tagAncestors } from '../model/nested-tags';

/** What the overview reads of a paper. */
export type StatsPaper = Pick<Paper, 'year' | 'venue' | 'tags' | 'status' | 'source' | 'attachments' | 'notes'>;

/** How many tags and venues the overview lists when not told. */
export const DEFAULT_TOP = 10;

type Counted = { label: string; count: number };

/** Most papers first; ties by label, so the order never depends on the library's order. */
function byCount(a: Counted, b: Counted): number {
  return b.count - a.count || a.label.localeCompare(b.label);
}

/** A venue as grouped: lower case, runs of white space as one space, trimmed. */
export function venueKey(venue: string): string {
  return venue.toLowerCase().split(/\s+/).filter((part) => part.length > 0).join(' ');
}

/**
 * The library overview of the dashboard, without screening (the screening service counts that).
 * Tags count papers by full name, and each parent of a nested tag counts the distinct papers of its
 * subtree (`method` counts a paper tagged `method/rct` and `method/rl` once), as the sidebar and the
 * query `tag:method` do. Venues are grouped without case and runs of white space, and labelled by
 * their most used spelling (the first met on a tie).
 */
export function libraryStats(papers: readonly StatsPaper[], top = DEFAULT_TOP): Omit<LibraryStats, 'screening'> {
  const years = new Map<number, number>();
  let noYear = 0;
  const tags = new Map<string, number>();
  const venues = new Map<string, { count: number; spellings: Map<string, number> }>();
  let noVenue = 0;
  const status = { unread: 0, reading: 0, read: 0 };
  const sources = new Map<string, number>();
  let withPdf = 0;
  let withNotes = 0;

  for (const paper of papers) {
    if (paper.year === undefined) noYear += 1;
    else years.set(paper.year, (years.get(paper.year) ?? 0) + 1);

    const names = new Set<string>();
    for (const tag of paper.tags) {
      names.add(tag);
      for (const parent of tagAncestors(tag)) names.add(parent);
    }
    for (const name of names) tags.set(name, (tags.get(name) ?? 0) + 1);

    const venue = paper.venue?.trim();
    if (venue) {
      const key = venueKey(venue);
      const spelling = venue.replace(/\s+/g, ' ');
      const entry = venues.get(key) ?? { count: 0, spellings: new Map<string, number>() };
      entry.count += 1;
      entry.spellings.set(spelling, (entry.spellings.get(spelling) ?? 0) + 1);
      venues.set(key, entry);
    } else {
      noVenue += 1;
    }

    status[paper.status] += 1;
    const source = paper.source?.format.trim().toLowerCase() || 'manual';
    sources.set(source, (sources.get(source) ?? 0) + 1);
    if (paper.attachments.length > 0) withPdf += 1;
    if (paper.notes.length > 0) withNotes += 1;
  }

  const venueList = [...venues.values()].map(({ count, spellings }) => {
    let label = '';
    let best = 0;
    for (const [spelling, uses] of spellings) {
      if (uses > best) [label, best] = [spelling, uses];
    }
    return { label, count };
  });

  return {
    papers: papers.length,
    years: [...years].map(([year, count]) => ({ year, count })).sort((a, b) => a.year - b.year),
    noYear,
    tags: [...tags].map(([label, count]) => ({ label, count })).sort(byCount).slice(0, top),
    tagCount: tags.size,
    venues: venueList.sort(byCount).slice(0, top),
    venueCount: venues.size,
    noVenue,
    status,
    sources: [...sources].map(([label, count]) => ({ label, count })).sort(byCount),
    withPdf,
    withNotes,
  };
}

/** Beyond this many years from the first to the last, the chart shows only the years that have papers. */
export const MAX_FILLED_SPAN = 60;

/**
 * The bars of the papers-per-year chart: every year from the first to the last, with 0 for the
 * years between that have no paper (a gap shows as a gap), unless the span is too wide to read.
 */
export function yearBars(years: LibraryStats['years'], maxSpan = MAX_FILLED_SPAN): LibraryStats['years'] {
  const first = years[0];
  const last = years.at(-1);
  if (!first || !last || last.year - first.year > maxSpan) return years;
  const counts = new Map(years.map((entry) => [entry.year, entry.count]));
  const bars: LibraryStats['years'] = [];
  for (let year = first.year; year <= last.year; year += 1) bars.push({ year, count: counts.get(year) ?? 0 });
  return bars;
}
