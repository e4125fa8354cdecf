import { Fragment, type ReactNode } from 'react';
import type { AbstractComparisonOutput, PaperSummary, SearchHit } from '../../../shared/api/contract';
import type { ComparisonField } from '../../../shared/export/comparison-markdown';
import type { Paper } from '../../../shared/model/library';
import type { CompareRow, PaperAlignment, SentenceRef } from '../compare/compare-rows';
import { fieldRanges } from '../search/hit-ranges';
import { summaryAuthors } from '../util/summary-authors';
import { CompareSentence } from './CompareSentence';
import { HighlightedText } from './HighlightedText';
import { TagChip } from './TagChip';

interface Props {
  /** 1-based, as the similarity matrix names the papers. */
  number: number;
  summary: PaperSummary;
  /** Undefined until the whole paper has been fetched. */
  whole: Paper | undefined;
  /** The paper's hit in the current search, if it is in the results. */
  hit: SearchHit | undefined;
  rows: readonly CompareRow[];
  /** The text of each field row by its key (shared with the Markdown export). */
  fields: ReadonlyMap<string, ComparisonField>;
  analysis: AbstractComparisonOutput['papers'][number] | undefined;
  alignment: PaperAlignment | undefined;
  active: SentenceRef | undefined;
  /** In this paper: the best match of the active sentence, with its score. */
  target: { sentence: number; score: number } | undefined;
  onSentence: (sentence: SentenceRef, event: 'enter' | 'leave' | 'click') => void;
  tagColors: ReadonlyMap<string, string>;
}

/** One paper's column of the compare grid (a subgrid, so its fields line up with the others'). */
export function CompareColumn({ number, summary, whole, hit, rows, fields, analysis, alignment, active, target, onSentence, tagColors }: Props) {
  const abstract = whole?.abstract ?? '';
  const matches = fieldRanges(hit, 'abstract');
  const sentence = (index: number) => {
    const range = analysis?.sentences[index];
    if (!range) return null;
    const ref = { paperId: summary.id, sentence: index };
    return (
      <CompareSentence
          text={abstract}
          start={range.start}
          end={range.end}
          shared={analysis.shared}
          unique={analysis.unique}
          matches={matches}
          active={active?.paperId === summary.id && active.sentence === index}
          alignedScore={target?.sentence === index ? target.score : undefined}
          onHover={(inside) => onSentence(ref, inside ? 'enter' : 'leave')}
        onPick={() => onSentence(ref, 'click')}
      />
    );
  };

  const abstractCell = (): ReactNode => {
    if (!whole) return <span className="muted">Loading…</span>;
    if (!abstract) return <span className="muted">No abstract.</span>;
    // Before the analysis arrives: the text with the search's matches only.
    if (!analysis) return <HighlightedText text={abstract} ranges={matches} />;
    let last = 0;
    return analysis.sentences.map((range, index) => {
      const gap = abstract.slice(last, range.start);
      last = range.end;
      return (
        <Fragment key={index}>
          {gap}
          {sentence(index)}
        </Fragment>
      );
    });
  };

  const cell = (row: CompareRow): ReactNode => {
    switch (row.kind) {
      case 'title':
        return (
          <>
            <span className="compare-number" aria-label={`Paper ${number}`}>
              {number}
            </span>
            <HighlightedText text={summary.title || 'Untitled'} ranges={summary.title ? fieldRanges(hit, 'title') : []} />
          </>
        );
      case 'authors':
        return (whole ? fields.get('authors')?.value(whole) : summaryAuthors(summary)) || '—';
      case 'tags':
        return summary.tags.length === 0 ? '—' : summary.tags.map((tag) => <TagChip key={tag} name={tag} color={tagColors.get(tag)} />);
      case 'decision':
        return <span className={`compare-decision decision-${summary.decision}`}>{whole ? fields.get('decision')?.value(whole) : summary.decision}</span>;
      case 'abstract':
        return abstractCell();
      case 'sentence': {
        const index = alignment?.rows[row.index];
        if (index === undefined || index === null) return <span className="muted">—</span>;
        const repeatOf = alignment?.repeatOf[row.index];
        // The same sentence is the best match of several: shown once, pointed at after.
        if (repeatOf !== undefined) return <span className="muted sentence-repeat">↑ the sentence beside sentence {repeatOf + 1}</span>;
        return sentence(index);
      }
      case 'unaligned': {
        const rest = alignment?.rest ?? [];
        if (rest.length === 0) return <span className="muted">—</span>;
        return rest.map((index) => <Fragment key={index}>{sentence(index)} </Fragment>);
      }
      case 'field': {
        const text = whole ? fields.get(row.key)?.value(whole) : undefined;
        return whole ? text || '—' : <span className="muted">Loading…</span>;
      }
    }
  };

  return (
    <div className="compare-column" data-testid="compare-column" data-paper-id={summary.id}>
      {rows.map((row) => {
        const Tag = row.kind === 'title' ? 'h2' : 'div';
        return (
          <Tag key={row.key} className={`compare-cell compare-${row.kind}`} data-row={row.key}>
            {cell(row)}
          </Tag>
        );
      })}
    </div>
  );
}
