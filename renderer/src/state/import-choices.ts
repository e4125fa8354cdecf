import type { ImportDecision, ImportPreview, ImportPreviewItem } from '../../../shared/api/contract';
import { tagNameSchema } from '../../../shared/model/library';

export type ImportAction = ImportPreviewItem['action'];
export type ImportFilter = 'all' | 'duplicates' | 'warnings';
/** The user's choices that differ from each item's default action, by item index. */
export type ImportOverrides = ReadonlyMap<number, ImportAction>;

export function actionOf(item: ImportPreviewItem, overrides: ImportOverrides): ImportAction {
  return overrides.get(item.index) ?? item.action;
}

/** Sets one item's action, keeping only choices that differ from its default. */
export function withAction(overrides: ImportOverrides, item: ImportPreviewItem, action: ImportAction): ImportOverrides {
  const next = new Map(overrides);
  if (action === item.action) next.delete(item.index);
  else next.set(item.index, action);
  return next;
}

/** Sets the action of every item `pick` chooses (items that cannot take it, a merge without a duplicate, keep theirs). */
export function withActionForAll(
  overrides: ImportOverrides,
  items: readonly ImportPreviewItem[],
  action: ImportAction,
  pick: (item: ImportPreviewItem) => boolean,
): ImportOverrides {
  const next = new Map(overrides);
  for (const item of items) {
    if (!pick(item) || (action === 'merge' && !item.duplicate)) continue;
    if (action === item.action) next.delete(item.index);
    else next.set(item.index, action);
  }
  return next;
}

export interface ActionTally {
  import: number;
  merge: number;
  skip: number;
}

export function tallyActions(items: readonly ImportPreviewItem[], overrides: ImportOverrides): ActionTally {
  const tally: ActionTally = { import: 0, merge: 0, skip: 0 };
  for (const item of items) tally[actionOf(item, overrides)] += 1;
  return tally;
}

/** What import.commit needs: only the changed items; the rest take their default on the main side. */
export function decisionsOf(overrides: ImportOverrides): ImportDecision[] {
  return [...overrides].map(([index, action]) => ({ index, action }));
}

export function filterItems(items: readonly ImportPreviewItem[], filter: ImportFilter): readonly ImportPreviewItem[] {
  if (filter === 'duplicates') return items.filter((item) => item.duplicate !== undefined);
  if (filter === 'warnings') return items.filter((item) => item.warnings.length > 0);
  return items;
}

export function plural(count: number, one: string, many = `${one}s`): string {
  return `${count.toLocaleString()} ${count === 1 ? one : many}`;
}

/** "612 papers · 87 duplicates · 14 warnings". */
export function countsLabel(counts: ImportPreview['counts']): string {
  return [plural(counts.items, 'paper'), plural(counts.duplicates, 'duplicate'), plural(counts.warnings, 'warning')].join(' · ');
}


/** Items are numbered from 1 on screen; the contract counts from 0. */
export function itemNumber(index: number): number {
  return index + 1;
}

/** The item an in-batch duplicate points at ("batch:12" → 12), or undefined for a library paper. */
export function batchIndex(duplicate: NonNullable<ImportPreviewItem['duplicate']>): number | undefined {
  if (!duplicate.inBatch) return undefined;
  const index = Number(duplicate.id.slice(duplicate.id.indexOf(':') + 1));
  return Number.isInteger(index) ? index : undefined;
}

const reasonWords: Record<NonNullable<ImportPreviewItem['duplicate']>['reason'], string> = {
  doi: 'DOI',
  arxiv: 'arXiv id',
  'title-year': 'title and year',
  'fuzzy-title': 'similar title',
};

/** How a duplicate was found, in words: "DOI", "title and year", "similar title (0.93)". */
export function reasonLabel(duplicate: NonNullable<ImportPreviewItem['duplicate']>): string {
  if (duplicate.reason === 'fuzzy-title') return `Similar title (${duplicate.score.toFixed(2)})`;
  return `Duplicate by ${reasonWords[duplicate.reason]}`;
}

const formatLabels: Record<string, string> = {
  bibtex: 'BibTeX',
  ris: 'RIS',
  'csl-json': 'CSL-JSON',
  paste: 'Pasted list',
  pdf: 'PDF',
  unknown: 'Unknown format',
};

export function formatLabel(format: string): string {
  return formatLabels[format] ?? format;
}

export type TagListResult = { ok: true; tags: string[] } | { ok: false; error: string };

/** The tags field: names separated by commas (a tag may contain spaces and colons: "source:scopus 2026"). */
export function parseTagList(text: string): TagListResult {
  const tags: string[] = [];
  for (const part of text.split(',')) {
    if (part.trim() === '') continue;
    const parsed = tagNameSchema.safeParse(part);
    if (!parsed.success) return { ok: false, error: `“${part.trim()}”: ${parsed.error.issues[0]?.message ?? 'not a valid tag name'}` };
    if (!tags.includes(parsed.data)) tags.push(parsed.data);
  }
  if (tags.length > 50) return { ok: false, error: 'At most 50 tags can be added in one import' };
  return { ok: true, tags };
}
