/**
 * BibTeX and BibLaTeX import: `.bib` text to paper drafts, with a warning (and its line) for every
 * problem. Pure (no Node, no DOM) and it never throws.
 *
 * Why citation-js (`@citation-js/plugin-bibtex` 0.8; 0.9 needs Node 22) rather than a
 * hand-written parser or `@retorquere/bibtex-parser` (the parser behind Better BibTeX): on the six
 * real files in test/fixtures/bibtex both find every entry and decode the same titles and names
 * (both even leave `{'\i}` as a dotless ı plus an accent), but citation-js reads and decodes
 * d2l.bib (488 entries) in 25–40 ms and the 988-entry Better BibTeX file in 30–45 ms, where
 * @retorquere/bibtex-parser takes 250 ms and 400 ms (1,500 ms on a first run); on hostile input it
 * ran 32 s on a six-level `@string` bomb before overflowing its stack, and did not finish 200 KB of
 * "@" in 60 s. (Medians on this 2-core machine, warm, under load from other work.)
 *
 * Our own code keeps to what citation-js does not do: reading entry by entry with recovery, line
 * numbers and bounded macro expansion (read-bibtex-entries.ts); commands it does not know, plain
 * text instead of its HTML markup, and two name-splitting fixes (decode-latex.ts); crossref and
 * xdata (inherit-fields.ts); and the mapping onto Paper (entry-to-paper.ts), done from its parsed
 * values rather than its CSL output, which has no place for the citation key as written, unknown
 * fields or `extra`. With all of that, d2l.bib takes about 60 ms, the Better BibTeX file 70–110 ms
 * and 10,000 entries about 0.8 s (some 12,000 entries a second).
 */

import type { ImportedRecord, ImportResult, ImportWarning } from '../import-record';
import { entryToPaper } from './entry-to-paper';
import { inheritFields } from './inherit-fields';
import { readBibtexEntries } from './read-bibtex-entries';

/** After this many warnings not tied to a paper, the rest are counted in one; garbage stays cheap to show. */
const MAX_FILE_WARNINGS = 200;

/**
 * Parses BibTeX or BibLaTeX text. Every data entry becomes a record (also one without a key, or
 * whose key repeats an earlier one); `@string`, `@preamble`, `@comment`, `@xdata` and text between
 * entries do not. Text is decoded to Unicode; see entry-to-paper.ts for what goes where.
 */
export function parseBibtex(text: string): ImportResult {
  try {
    if (typeof text !== 'string') throw new TypeError('the input is not text');
    const { entries, warnings } = readBibtexEntries(text);
    inheritFields(entries);
    const records: ImportedRecord[] = [];
    const firstLineOfKey = new Map<string, number>();
    for (const entry of entries) {
      if (entry.type === 'xdata') continue;
      const record = entryToPaper(entry);
      if (entry.key !== undefined) {
        const first = firstLineOfKey.get(entry.key);
        if (first === undefined) {
          firstLineOfKey.set(entry.key, entry.line);
        } else {
          record.warnings.unshift({
            line: entry.line,
            entry: entry.key,
            message: `The citation key "${entry.key}" was already used on line ${first}; both entries were imported.`,
          });
        }
      }
      records.push(record);
    }
    return { format: 'bibtex', records, warnings: capped(warnings) };
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return { format: 'bibtex', records: [], warnings: [{ message: `This BibTeX file could not be read (${reason}).` }] };
  }
}

function capped(warnings: ImportWarning[]): ImportWarning[] {
  if (warnings.length <= MAX_FILE_WARNINGS) return warnings;
  const kept = warnings.slice(0, MAX_FILE_WARNINGS);
  kept.push({ message: `${(warnings.length - MAX_FILE_WARNINGS).toLocaleString('en')} more problems like these are not listed.` });
  return kept;
}
