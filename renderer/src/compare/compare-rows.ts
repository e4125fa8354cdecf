import type { AbstractComparisonOutput } from '../../../shared/api/contract';
import type { Column } from '../../../shared/model/library';

/** One row of the compare grid: a field across every compared paper. */
export type CompareRow =
  | { kind: 'title' | 'authors' | 'tags' | 'decision' | 'abstract' | 'unaligned'; key: string; label: string }
  /** A field shown as text: year, venue, a custom column, notes (`label` is its ComparisonField's). */
  | { kind: 'field'; key: string; label: string }
  /** With "align sentences": the first paper's sentence `index` and its best match in each other paper. */
  | { kind: 'sentence'; key: string; label: string; index: number };

/** A sentence of a compared paper. */
export interface SentenceRef {
  paperId: string;
  sentence: number;
}

/** Where a paper's sentences go when the abstracts are laid out sentence by sentence. */
export interface PaperAlignment {
  /** Per aligned row: this paper's sentence in it, or null when none shares a term. */
  rows: (number | null)[];
  /** Per aligned row: the earlier row the sentence already stands in, if any. */
  repeatOf: (number | undefined)[];
  /** Sentences no row holds, in order. */
  rest: number[];
}

/**
 * Lays the abstracts out sentence by sentence: a row per sentence of the first paper, holding in
 * every other column the sentence most similar to it (method beside method, result beside
 * result); what no row holds is listed after.
 */
export function alignSentences(analysis: AbstractComparisonOutput): Map<string, PaperAlignment> {
  const anchor = analysis.papers[0];
  const alignments = new Map<string, PaperAlignment>();
  if (!anchor) return alignments;
  for (const paper of analysis.papers) {
    const rows = anchor.sentences.map((sentence, index) =>
      paper.id === anchor.id ? index : (sentence.matches.find((match) => match.paperId === paper.id)?.sentence ?? null),
    );
    const firstRow = new Map<number, number>();
    const repeatOf = rows.map((row, index) => {
      if (row === null) return undefined;
      const earlier = firstRow.get(row);
      if (earlier === undefined) firstRow.set(row, index);
      return earlier;
    });
    const rest = paper.sentences.map((_, index) => index).filter((index) => !firstRow.has(index));
    alignments.set(paper.id, { rows, repeatOf, rest });
  }
  return alignments;
}

/** The grid's rows: metadata, screening, the library's custom columns, the abstract (whole or sentence by sentence), notes. */
export function compareRows(columns: readonly Column[], alignedSentences: number | undefined): CompareRow[] {
  const abstractRows: CompareRow[] =
    alignedSentences === undefined
      ? [{ kind: 'abstract', key: 'abstract', label: 'Abstract' }]
      : [
          ...Array.from({ length: alignedSentences }, (_, index): CompareRow => ({ kind: 'sentence', key: `sentence-${index}`, label: `Sentence ${index + 1}`, index })),
          { kind: 'unaligned', key: 'unaligned', label: 'Other sentences' },
        ];
  return [
    { kind: 'title', key: 'title', label: 'Title' },
    { kind: 'authors', key: 'authors', label: 'Authors' },
    { kind: 'field', key: 'year', label: 'Year' },
    { kind: 'field', key: 'venue', label: 'Venue' },
    { kind: 'tags', key: 'tags', label: 'Tags' },
    { kind: 'decision', key: 'decision', label: 'Decision' },
    ...columns.map((column): CompareRow => ({ kind: 'field', key: `column-${column.id}`, label: column.name })),
    ...abstractRows,
    { kind: 'field', key: 'notes', label: 'Notes' },
  ];
}
