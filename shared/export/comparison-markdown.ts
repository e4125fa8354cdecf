import { markdownTable } from 'markdown-table';
import { authorName } from '../model/format-authors';
import type { Column, Paper } from '../model/library';
import { escapeMarkdownCell } from './markdown-table';

/** What a comparison export holds: the papers in their compare order, the library's custom columns, the note. */
export interface ComparisonMarkdownInput {
  papers: readonly Paper[];
  /** The library's review-table columns: one row each, from `paper.fields[column.id]`. */
  columns?: readonly Column[];
  /** `similarity[i][j]` of the compared abstracts (compare.analyze); a table of its own when given. */
  similarity?: readonly (readonly number[])[];
  /** The comparison note (Markdown), written after the tables as it is. */
  note?: string;
}

/** A field of a compared paper as one row of the export (and of the Compare view). */
export interface ComparisonField {
  label: string;
  value: (paper: Paper) => string;
}

function cellValue(value: string | number | boolean | null | undefined): string {
  if (value === undefined || value === null || value === '') return '';
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  return String(value);
}

/** The rows of a comparison, in order: metadata, screening, custom columns, abstract, notes. */
export function comparisonFields(columns: readonly Column[] = []): ComparisonField[] {
  return [
    { label: 'Title', value: (paper) => paper.title },
    { label: 'Authors', value: (paper) => paper.authors.map(authorName).join(', ') },
    { label: 'Year', value: (paper) => cellValue(paper.year) },
    { label: 'Venue', value: (paper) => paper.venue ?? '' },
    { label: 'Tags', value: (paper) => paper.tags.join(', ') },
    {
      label: 'Decision',
      value: (paper) => (paper.screening.reason ? `${paper.screening.decision} (${paper.screening.reason})` : paper.screening.decision),
    },
    ...columns.map((column) => ({ label: column.name, value: (paper: Paper) => cellValue(paper.fields[column.id]) })),
    { label: 'Abstract', value: (paper) => paper.abstract ?? '' },
    { label: 'Notes', value: (paper) => paper.notes.map((note) => note.body.trim()).filter(Boolean).join('\n\n') },
  ];
}

const paperHeading = (index: number) => `Paper ${index + 1}`;

/**
 * A comparison as GitHub-flavoured Markdown: a table with the papers as columns and a row per field
 * (cells escaped like the review table's, so no title or abstract can break out of its cell), the
 * pairwise similarity of the abstracts, and the comparison note.
 */
export function comparisonMarkdown({ papers, columns = [], similarity, note }: ComparisonMarkdownInput): string {
  const header = ['Field', ...papers.map((_, index) => paperHeading(index))];
  const rows = comparisonFields(columns).map((field) => [escapeMarkdownCell(field.label), ...papers.map((paper) => escapeMarkdownCell(field.value(paper)) || '—')]);
  const parts = [`# Comparison of ${papers.length} papers`, markdownTable([header, ...rows], { alignDelimiters: false })];
  if (similarity && similarity.length === papers.length) {
    parts.push(
      '## Similarity of the abstracts (TF-IDF cosine)',
      markdownTable(
        [
          ['', ...papers.map((_, index) => paperHeading(index))],
          ...papers.map((_, row) => [paperHeading(row), ...papers.map((__, column) => (row === column ? '—' : (similarity[row]?.[column] ?? 0).toFixed(2)))]),
        ],
        { alignDelimiters: false },
      ),
    );
  }
  if (note !== undefined && note.trim() !== '') parts.push('## Comparison note', note.trim());
  return `${parts.join('\n\n')}\n`;
}
