import { marked } from 'marked';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { noteFrontMatter, obsidianTag, paperNoteFiles } from '../../../../shared/export/notes-bundle';
import { MAX_FILE_NAME_LENGTH, safeFileStem } from '../../../../shared/export/safe-file-name';
import { citationKeys } from '../../../../shared/export/citation-keys';
import { authorName } from '../../../../shared/model/format-authors';
import { newPaper, type Paper } from '../../../../shared/model/library';
import { edgeCasePapers } from './edge-case-papers';

const papers = edgeCasePapers();
const now = '2026-01-01T00:00:00.000Z';

/** The YAML between the first two `---` lines. */
function frontMatterText(content: string): string {
  const match = /^---\n([\s\S]*?\n)---\n/.exec(content);
  if (!match?.[1]) throw new Error(`No front matter in:\n${content}`);
  return match[1];
}

/** What makes a file name unusable somewhere: Windows characters and names, trailing dot or space, a leading dot, length. */
function fileNameProblems(name: string): string[] {
  const problems: string[] = [];
  // eslint-disable-next-line no-control-regex -- control characters are what it looks for
  if (/[<>:"/\\|?*\u0000-\u001f\u007f]/.test(name)) problems.push('forbidden character');
  if (/^(?:CON|PRN|AUX|NUL|COM[0-9¹²³]|LPT[0-9¹²³])$/i.test(name.split('.')[0]?.trimEnd() ?? '')) problems.push('reserved name');
  if (/[. ]$/.test(name.replace(/\.md$/, ''))) problems.push('trailing dot or space');
  if (name.startsWith('.') || name.startsWith(' ')) problems.push('leading dot or space');
  if (Array.from(name).length > MAX_FILE_NAME_LENGTH) problems.push('too long');
  if (new TextEncoder().encode(name).length > 255) problems.push('too many bytes');
  if (!name.endsWith('.md') || name === '.md') problems.push('not a .md file');
  return problems;
}

function paper(title: string, fields: Partial<Paper> = {}): Paper {
  return newPaper({ id: `p-${title}`, title, authors: [], ...fields }, now);
}

describe('paperNoteFiles', () => {
  const files = paperNoteFiles(papers);

  it('writes one file per paper, in order, with safe and unique names', () => {
    expect(files).toHaveLength(papers.length);
    for (const file of files) expect(fileNameProblems(file.fileName), file.fileName).toEqual([]);
    const folded = files.map((file) => file.fileName.normalize('NFC').toLowerCase());
    expect(new Set(folded).size).toBe(files.length);
  });

  it('names files after the citation key, made safe', () => {
    expect(files.map((file) => file.fileName)).toEqual([
      'zola2019cats.md',
      'con_.md',
      'NUL_.draft.md',
      'Muller-2020-a-b.md',
      'no2020a.md',
      'no2020.md',
      'yamada2022.md',
      'paper.md',
      `${'k'.repeat(100)}.md`,
      'Smith2020.md',
      'smith2020-2.md',
      'hidden.md',
    ]);
  });

  it('front matter parses back (YAML 1.2 and 1.1) to exactly what was meant', () => {
    const keys = citationKeys(papers);
    papers.forEach((paper, index) => {
      const yaml = frontMatterText(files[index]?.content ?? '');
      const back: unknown = parse(yaml);
      expect(back, paper.id).toEqual(noteFrontMatter(paper, keys.get(paper.id) ?? ''));
      expect(parse(yaml, { version: '1.1' }), `${paper.id} in YAML 1.1`).toEqual(back);
      const matter = back as Record<string, unknown>;
      expect(matter.title).toBe(paper.title);
      expect(matter.aliases).toEqual(paper.title ? [paper.title] : []);
      expect(matter.authors).toEqual(paper.authors.map(authorName));
      expect(matter.year).toBe(paper.year);
      expect(matter.venue).toBe(paper.venue || undefined);
      expect(matter.doi).toBe(paper.doi);
      expect(matter.arxiv).toBe(paper.arxivId);
      expect(matter.url).toBe(paper.url);
      expect(matter.tags).toEqual(paper.tags.map(obsidianTag));
      expect(matter.status).toBe(paper.status);
      expect(matter.decision).toBe(paper.screening.decision);
      expect(matter.reason).toBe(paper.screening.reason);
    });
  });

  it.each([
    ['Title: with colon'],
    ['# hash first'],
    ['a #comment-like'],
    ["'single' and \"double\" quotes"],
    ['- dash first'],
    ['[bracket first]'],
    ['{brace first}'],
    ['*star first'],
    ['&anchor first'],
    ['!tag first'],
    ['%percent first'],
    ['@at first'],
    ['`backtick first'],
    ['| pipe first'],
    ['> greater first'],
    ['? question first'],
    ['yes'],
    ['No'],
    ['on'],
    ['null'],
    ['~'],
    ['2024'],
    ['0o17'],
    ['2019-01-01'],
    ['.inf'],
    ['line one\nline two'],
    ['  leading and trailing spaces  '],
    ['tab\there'],
    ['---'],
    ['...'],
    ['\u2028 unicode line separator'],
  ])('a title %j parses back identically', (title) => {
    const [file] = paperNoteFiles([paper(title)]);
    const matter = parse(frontMatterText(file?.content ?? '')) as { title: unknown; aliases: unknown };
    expect(matter.title).toBe(title);
    expect(matter.aliases).toEqual([title]);
  });

  it.each([
    ['CON', 'CON_.md'],
    ['nul.txt', 'nul_.txt.md'],
    ['Com1 ', 'Com1_.md'],
    ['LPT9', 'LPT9_.md'],
    ['Console', 'Console.md'],
    ['a<b>c:d"e/f\\g|h?i*j', 'a-b-c-d-e-f-g-h-i-j.md'],
    ['Title [with] #tags ^block', 'Title -with- -tags -block.md'],
    ['trailing dots...', 'trailing dots.md'],
    ['trailing spaces   ', 'trailing spaces.md'],
    ['.hidden', 'hidden.md'],
    ['tab\tand\nnewline', 'tab and newline.md'],
    ['control\u0001char\u007f', 'control-char.md'],
    ['', 'paper.md'],
    ['???', 'paper.md'],
    ['Cafe\u0301', 'Café.md'],
  ])('with naming: title, %j is saved as %j', (title, expected) => {
    expect(paperNoteFiles([paper(title)], { naming: 'title' })[0]?.fileName).toBe(expected);
  });

  it('keeps long names within the limits without splitting a character', () => {
    for (const title of ['x'.repeat(500), '日本語'.repeat(100), '🧪'.repeat(200), `${'a'.repeat(112)} . . .`]) {
      const name = paperNoteFiles([paper(title)], { naming: 'title' })[0]?.fileName ?? '';
      expect(fileNameProblems(name), name).toEqual([]);
      expect(name).not.toContain('\ufffd');
      expect(title.startsWith(name.replace(/\.md$/, '').replace(/[ .]+$/, ''))).toBe(true);
    }
  });

  it('suffixes names that clash, whatever the case or Unicode form, even when cut to length', () => {
    const long = 'y'.repeat(300);
    const names = paperNoteFiles([paper('Same'), paper('same'), paper('SAME'), paper('Caf\u00e9'), paper('Cafe\u0301'), paper(long), paper(`${long}z`)], { naming: 'title' }).map(
      (file) => file.fileName,
    );
    expect(names.slice(0, 5)).toEqual(['Same.md', 'same-2.md', 'SAME-3.md', 'Café.md', 'Café-2.md']);
    expect(names[5]).toBe(`${'y'.repeat(MAX_FILE_NAME_LENGTH - 3)}.md`);
    expect(names[6]).toBe(`${'y'.repeat(MAX_FILE_NAME_LENGTH - 5)}-2.md`);
    for (const name of names) expect(fileNameProblems(name), name).toEqual([]);
  });

  it('points links to other papers in the bundle at their notes; leaves other links alone', () => {
    const content = files[0]?.content ?? '';
    expect(content).toContain('[Injection](con_.md)');
    expect(content).toContain('[the web](https://example.org)');
    const alone = paperNoteFiles([papers[0] as Paper])[0]?.content ?? '';
    expect(alone).toContain('[Injection](sift:paper/formulas)');
  });

  it('URL-encodes a linked note name with spaces', () => {
    const target = paper('Target Paper');
    const source = paper('Source', { notes: [{ id: 'n', body: `See [it](sift:paper/${encodeURIComponent(target.id)}).`, createdAt: now, updatedAt: now }] });
    const [, note] = paperNoteFiles([target, source], { naming: 'title' });
    expect(note?.content).toContain('See [it](Target%20Paper.md).');
  });

  it('encodes parentheses in a linked note name, so the link does not end early', () => {
    const target = paper('Target (draft');
    const source = paper('Source', { notes: [{ id: 'n', body: `See [it](sift:paper/${encodeURIComponent(target.id)}).`, createdAt: now, updatedAt: now }] });
    const [, note] = paperNoteFiles([target, source], { naming: 'title' });
    expect(note?.content).toContain('See [it](Target%20%28draft.md).');
  });

  it('keeps names within the limit however many clash', () => {
    const names = paperNoteFiles(
      Array.from({ length: 1200 }, (_, index) => newPaper({ id: `p${index}`, title: 'z'.repeat(200), authors: [] }, now)),
      { naming: 'title' },
    ).map((file) => file.fileName);
    expect(new Set(names).size).toBe(1200);
    for (const name of names) expect(fileNameProblems(name), name).toEqual([]);
    expect(names[1199]).toBe(`${'z'.repeat(MAX_FILE_NAME_LENGTH - 8)}-1200.md`);
  });

  it('exposes its public API', async () => {
    expect(Object.keys(await import('../../../../shared/export/notes-bundle')).sort()).toEqual(['noteFrontMatter', 'obsidianTag', 'paperNoteFiles']);
    expect(Object.keys(await import('../../../../shared/export/safe-file-name')).sort()).toEqual(['MAX_FILE_NAME_LENGTH', 'safeFileStem', 'uniqueFileName']);
    expect(Object.keys(await import('../../../../shared/export/csv')).sort()).toEqual(['csvField', 'neutralizeFormula', 'reviewTableCsv']);
  });

  it('gives the Markdown the outline it promises: the title, then Abstract, Notes and Highlights, and no heading from imported text', () => {
    const headings = marked
      .lexer(files[0]?.content.replace(/^---\n[\s\S]*?\n---\n/, '') ?? '')
      .filter((token) => token.type === 'heading')
      .map((token) => `${'#'.repeat((token as { depth: number }).depth)} ${(token as { text: string }).text}`);
    expect(headings).toEqual(['# Cats, Dogs, and "Other" Pets: a Study', '## Abstract', '## Notes', '### 2026-02-04', '### 2026-02-05 (edited 2026-02-07)', '## Highlights']);
  });

  it('writes highlights in reading order with their page, comment and tags', () => {
    const content = files[0]?.content ?? '';
    const highlights = content.slice(content.indexOf('## Highlights'));
    expect(highlights).toBe(
      [
        '## Highlights',
        '',
        '> An early quote with \\[brackets\\] and \\`code\\` (p. 2)',
        '',
        '> A later quote across lines (p. 4)',
        '',
        'Why \\*this\\* matters',
        '',
        'Tags: key, method/rct',
        '',
      ].join('\n'),
    );
  });

  it('leaves out empty sections and absent fields', () => {
    const [file] = paperNoteFiles([paper('Bare', { venue: '', doi: '  ' })]);
    expect(file?.content).toBe(
      ['---', 'title: Bare', 'authors: []', 'tags: []', 'status: unread', 'decision: undecided', 'citekey: bare', 'aliases:', '  - Bare', '---', '', '# Bare', ''].join('\n'),
    );
  });

  it('keeps a trailing # in the title heading', () => {
    const [file] = paperNoteFiles([paper('Programming in C #')]);
    expect(file?.content).toContain('\n# Programming in C \\#\n');
    expect(safeFileStem('Programming in C #')).toBe('Programming in C');
  });
});
