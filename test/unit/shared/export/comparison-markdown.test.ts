import { marked, type Tokens } from 'marked';
import { describe, expect, it } from 'vitest';
import { comparisonMarkdown } from '../../../../shared/export/comparison-markdown';
import { newPaper, type Paper } from '../../../../shared/model/library';
import { samplePapers } from '../../../helpers/sample-papers';

const now = '2026-01-01T00:00:00.000Z';

function tablesOf(markdown: string): Tokens.Table[] {
  return marked.lexer(markdown, { gfm: true }).filter((token): token is Tokens.Table => token.type === 'table');
}

/** The parsed comparison table as { field label → cells }. */
function byField(table: Tokens.Table): Record<string, string[]> {
  return Object.fromEntries(table.rows.map((row) => [row[0]!.text, row.slice(1).map((cell) => cell.text)]));
}

describe('comparison as GFM Markdown', () => {
  it('has the papers as columns and a row per field, on real sample papers', () => {
    const papers = samplePapers().slice(0, 3);
    const markdown = comparisonMarkdown({ papers });
    const [table] = tablesOf(markdown);
    expect(table!.header.map((cell) => cell.text)).toEqual(['Field', 'Paper 1', 'Paper 2', 'Paper 3']);
    expect(table!.rows.map((row) => row[0]!.text)).toEqual(['Title', 'Authors', 'Year', 'Venue', 'Tags', 'Decision', 'Abstract', 'Notes']);
    const fields = byField(table!);
    expect(fields.Title).toEqual(papers.map((paper) => paper.title));
    expect(fields.Decision).toEqual(['undecided', 'undecided', 'undecided']);
    expect(fields.Notes).toEqual(['—', '—', '—']);
    expect(markdown.startsWith('# Comparison of 3 papers\n\n')).toBe(true);
  });

  it('adds custom columns, the similarity matrix and the note, and keeps hostile cells in their cell', () => {
    const hostile: Paper = {
      ...newPaper({ id: 'a', title: 'A | B\n<script>alert(1)</script>', abstract: 'One.\n\nTwo | three.', year: 2021, tags: ['x|y'] }, now),
      fields: { design: 'RCT | pilot', n: 120, blinded: true },
      notes: [{ id: 'n1', body: 'First note\nline two', createdAt: now, updatedAt: now }],
      screening: { decision: 'exclude', reason: 'Wrong population' },
    };
    const plain = newPaper({ id: 'b', title: 'Plain', authors: [{ family: 'Doe', given: 'Jane' }], venue: 'NeurIPS' }, now);
    const markdown = comparisonMarkdown({
      papers: [hostile, plain],
      columns: [
        { id: 'design', name: 'Design', kind: 'text' },
        { id: 'n', name: 'N', kind: 'number' },
        { id: 'blinded', name: 'Blinded', kind: 'boolean' },
      ],
      similarity: [
        [1, 0.4242],
        [0.4242, 1],
      ],
      note: '## Both\n\n- differ in *population*\n',
    });
    const [table, similarity] = tablesOf(markdown);
    const fields = byField(table!);
    expect(fields.Title).toEqual(['A | B<br>&lt;script&gt;alert(1)&lt;/script&gt;', 'Plain']);
    expect(table!.rows.every((row) => row.length === 3)).toBe(true);
    expect(fields.Design).toEqual(['RCT | pilot', '—']);
    expect(fields.N).toEqual(['120', '—']);
    expect(fields.Blinded).toEqual(['yes', '—']);
    expect(fields.Decision).toEqual(['exclude (Wrong population)', 'undecided']);
    expect(fields.Authors).toEqual(['—', 'Jane Doe']);
    expect(fields.Notes).toEqual(['First note<br>line two', '—']);
    expect(similarity!.rows.map((row) => row.map((cell) => cell.text))).toEqual([
      ['Paper 1', '—', '0.42'],
      ['Paper 2', '0.42', '—'],
    ]);
    expect(markdown.endsWith('## Comparison note\n\n## Both\n\n- differ in *population*\n')).toBe(true);
    expect(markdown).not.toContain('<script>');
  });
});
