/**
 * Property test: whatever a paper holds (titles, names, tags, notes with `---` lines, YAML's
 * `: `, ` #`, `No`, `&anchor`, `*alias`, `!tag`, `%`, `@`, any Unicode), the front matter of its
 * note is the block Obsidian and Zettlr find (from the first `---` line to the next), and the
 * `yaml` parser, as YAML 1.2 and as YAML 1.1, reads exactly the values `noteFrontMatter` gives.
 * The title is one `# ` heading line. `FUZZ_RUNS` sets the number of runs, `FUZZ_SEED` the seed.
 */

import fc from 'fast-check';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { noteFrontMatter, paperNoteFiles } from '../../../../shared/export/notes-bundle';
import { newPaper, type Paper } from '../../../../shared/model/library';
import { fuzzSettings, hostileTextFrom, paperFieldsFrom } from '../../../helpers/hostile-text';

const { runs: RUNS, seed: SEED, timeout: TIMEOUT } = fuzzSettings(1500);
const now = '2026-01-01T00:00:00.000Z';

const HOSTILE = [
  '---', '\n---\n', '\n---', '---\n', '...', '\n...\n', '\n', '\r\n', '\r', '\t', ' ', '\u00a0', '\u2028', '\u0085', '\ufeff', '\0',
  ': ', ' #', '#', '- ', '? ', '[', ']', '{', '}', '&a', '*a', '!tag', '!!str', '%YAML 1.1', '@', '`', '|', '>', "'", '"',
  'No', 'yes', 'on', 'Off', 'y', 'n', '~', 'null', 'true', '0x1F', '1e3', '1706.03762', '2019', '-1', '.inf', '.NaN', '<<',
  '=', '\\', '\\n', '\ud800', '\u{1f600}', '<script>', '[x](javascript:alert(1))', '# heading', '> quote',
];

const hostileText = hostileTextFrom(HOSTILE);

function paperArbitrary(id: string): fc.Arbitrary<Paper> {
  return fc
    .record({
      ...paperFieldsFrom(hostileText),
      doi: fc.option(hostileText, { nil: undefined }),
      arxivId: fc.option(hostileText, { nil: undefined }),
      url: fc.option(hostileText, { nil: undefined }),
      citationKey: fc.option(hostileText, { nil: undefined }),
      abstract: fc.option(hostileText, { nil: undefined }),
      reason: fc.option(hostileText, { nil: undefined }),
      notes: fc.array(hostileText, { maxLength: 2 }),
    })
    .map(({ reason, notes, ...fields }) =>
      newPaper(
        {
          id,
          ...fields,
          screening: reason === undefined ? { decision: 'exclude' } : { decision: 'exclude', reason },
          notes: notes.map((body, index) => ({ id: `n${index}`, body, createdAt: now, updatedAt: now })),
        },
        now,
      ),
    );
}

const papersArbitrary = fc.integer({ min: 1, max: 3 }).chain((count) => fc.tuple(...Array.from({ length: count }, (_, index) => paperArbitrary(`p${index}`))));

describe('notes bundle front matter with hostile papers', () => {
  it('is the block between the first two --- lines and parses (YAML 1.2 and 1.1) to noteFrontMatter', () => {
    fc.assert(
      fc.property(papersArbitrary, (papers) => {
        const files = paperNoteFiles(papers);
        expect(files).toHaveLength(papers.length);
        papers.forEach((paper, index) => {
          const content = Buffer.from(files[index]?.content ?? '', 'utf8').toString('utf8');
          const lines = content.split('\n');
          expect(lines[0]).toBe('---');
          // Obsidian ends front matter at the next line that is `---` (trailing blanks allowed).
          const end = lines.findIndex((line, at) => at > 0 && /^---[ \t]*$/.test(line));
          expect(end).toBeGreaterThan(0);
          const yaml = lines.slice(1, end).join('\n');
          const values = parse(yaml) as Record<string, unknown>;
          // The file is UTF-8: the yaml library writes a lone surrogate as an escape, so it survives too.
          const want = noteFrontMatter(paper, String(values.citekey));
          expect(values).toEqual(want);
          expect(parse(yaml, { version: '1.1' })).toEqual(want);
          // Then a blank line and the title as one heading.
          expect(lines[end + 1]).toBe('');
          expect(lines[end + 2]).toMatch(/^# \S/);
        });
      }),
      { seed: SEED, numRuns: RUNS },
    );
  }, TIMEOUT);
});

describe('notes bundle front matter: the counterexamples the property found', () => {
  it.each<[string, Partial<Paper>]>([
    ['a title that ends in blank lines (a |+ block scalar lost its last one at the closing ---)', { title: '\n---\n\n' }],
    ['a name with a line that starts with a space (yaml wrote it as a backslash)', { title: 'T', authors: [{ family: '\n---\n---1706.03762', given: '    ------   \r\n' }] }],
    ['--- lines in the title and a note', { title: '---\nTitle\n---', notes: [{ id: 'n', body: '---\nnot: front matter\n---', createdAt: now, updatedAt: now }] }],
  ])('reads back %s', (_name, fields) => {
    const paper = newPaper({ id: 'p', title: '', ...fields }, now);
    const [file] = paperNoteFiles([paper]);
    const [, yaml = ''] = /^---\n([\s\S]*?)\n---\n/.exec(file?.content ?? '') ?? [];
    const values = parse(yaml) as Record<string, unknown>;
    expect(values).toEqual(noteFrontMatter(paper, String(values.citekey)));
    expect(values.title).toBe(paper.title);
  });
});
