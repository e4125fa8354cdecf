/**
 * `crossref` and `xdata` inheritance: an entry gets the fields it lacks from the entry it names.
 *
 * The rules are biblatex's defaults, as citation-js also applies them (its `mapping/crossref.js`,
 * which works on CSL output and so is not used here): a child never inherits the parent's keys and
 * sets, and a part takes its container's title under the container's name, e.g. an
 * `@inproceedings` takes the `@proceedings`' `title` as its `booktitle` and an `@inbook` takes the
 * `@book`'s `author` as its `bookauthor`. Plain BibTeX files, where the parent spells out its own
 * `booktitle`, work the same way.
 */

import type { BibtexEntry, BibtexField } from './read-bibtex-entries';

const NEVER_INHERITED = new Set([
  'ids', 'crossref', 'xref', 'xdata', 'entryset', 'entrysubtype', 'execute', 'label', 'options', 'presort',
  'related', 'relatedoptions', 'relatedstring', 'relatedtype', 'shorthand', 'shorthandintro', 'sortkey',
]);

const BOOK_PARTS = new Set(['inbook', 'bookinbook', 'suppbook']);
const COLLECTION_PARTS = new Set(['incollection', 'inreference', 'suppcollection']);
const PROCEEDINGS_PARTS = new Set(['inproceedings', 'conference']);

/** Parent type → which child types take its title, and under which prefix (`book` → `booktitle`). */
const TITLE_PREFIX: Record<string, { prefix: string; children: Set<string> }> = {
  mvbook: { prefix: 'main', children: new Set(['book', ...BOOK_PARTS]) },
  mvcollection: { prefix: 'main', children: new Set(['collection', 'reference', ...COLLECTION_PARTS]) },
  mvreference: { prefix: 'main', children: new Set(['collection', 'reference', ...COLLECTION_PARTS]) },
  mvproceedings: { prefix: 'main', children: new Set(['proceedings', ...PROCEEDINGS_PARTS]) },
  book: { prefix: 'book', children: BOOK_PARTS },
  collection: { prefix: 'book', children: COLLECTION_PARTS },
  reference: { prefix: 'book', children: COLLECTION_PARTS },
  proceedings: { prefix: 'book', children: PROCEEDINGS_PARTS },
  periodical: { prefix: 'journal', children: new Set(['article', 'suppperiodical']) },
};
const TITLE_FIELDS = ['title', 'subtitle', 'titleaddon'];
const TITLE_ONLY_FIELDS = new Set(['shorttitle', 'sorttitle', 'indextitle', 'indexsorttitle']);

/** Fills in inherited fields on `entries` in place; problems go to each entry's warnings. */
export function inheritFields(entries: BibtexEntry[]): void {
  const byKey = new Map<string, BibtexEntry>();
  const byLowerKey = new Map<string, BibtexEntry>();
  for (const entry of entries) {
    if (entry.key === undefined) continue;
    if (!byKey.has(entry.key)) byKey.set(entry.key, entry);
    const lower = entry.key.toLowerCase();
    if (!byLowerKey.has(lower)) byLowerKey.set(lower, entry);
  }
  // BibTeX matches cross-reference keys without regard to case; biber is exact. Try exact first.
  const find = (key: string) => byKey.get(key) ?? byLowerKey.get(key.toLowerCase());
  const done = new Set<BibtexEntry>();
  const active = new Set<BibtexEntry>();

  const resolve = (entry: BibtexEntry): void => {
    if (done.has(entry)) return;
    active.add(entry);
    for (const reference of xdataKeys(entry)) inherit(entry, reference, 'xdata');
    const crossref = entry.fields.get('crossref');
    const target = crossref?.value.trim();
    if (crossref && target) inherit(entry, { key: target, line: crossref.line }, 'crossref');
    active.delete(entry);
    done.add(entry);
  };

  const inherit = (entry: BibtexEntry, reference: { key: string; line: number }, field: 'crossref' | 'xdata'): void => {
    const warn = (message: string) => entry.warnings.push({ line: reference.line, ...(entry.key !== undefined && { entry: entry.key }), message });
    const parent = find(reference.key);
    if (!parent) {
      warn(`The ${field} target "${reference.key}" is not in this file, so nothing was inherited from it.`);
    } else if (parent === entry) {
      warn(`The ${field} field names the entry itself; it was ignored.`);
    } else if (active.has(parent)) {
      // A cycle: take what the parent has of its own, without following it further.
      warn(`The ${field} chain through "${reference.key}" loops back; only that entry's own fields were inherited.`);
      copyFields(entry, parent, field === 'crossref');
    } else {
      resolve(parent);
      copyFields(entry, parent, field === 'crossref');
    }
  };

  for (const entry of entries) resolve(entry);
}

function xdataKeys(entry: BibtexEntry): Array<{ key: string; line: number }> {
  const field = entry.fields.get('xdata');
  if (!field) return [];
  return field.value
    .split(',')
    .map((key) => key.trim())
    .filter(Boolean)
    .map((key) => ({ key, line: field.line }));
}

function copyFields(child: BibtexEntry, parent: BibtexEntry, crossref: boolean): void {
  // Own keys only: a parent typed `@constructor` or `@__proto__` must not find Object.prototype's members.
  const titles = crossref && Object.hasOwn(TITLE_PREFIX, parent.type) ? TITLE_PREFIX[parent.type] : undefined;
  const renameTitles = titles?.children.has(child.type) === true;
  const inherited = new Map<string, BibtexField>();
  for (const [name, field] of parent.fields) {
    if (NEVER_INHERITED.has(name)) continue;
    if (renameTitles && titles && TITLE_FIELDS.includes(name)) {
      if (titles.prefix === 'journal' && name === 'titleaddon') continue;
      inherited.set(`${titles.prefix}${name}`, field);
    } else if (renameTitles && TITLE_ONLY_FIELDS.has(name)) {
      continue;
    } else if (!inherited.has(name)) {
      inherited.set(name, field);
    }
  }
  if (crossref && BOOK_PARTS.has(child.type) && (parent.type === 'book' || parent.type === 'mvbook')) {
    const author = parent.fields.get('author');
    if (author) inherited.set('bookauthor', author);
  }
  for (const [name, field] of inherited) {
    if (!child.fields.has(name)) child.fields.set(name, field);
  }
}
