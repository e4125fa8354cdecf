import { useEffect, useMemo, useRef, useState } from 'react';
import type { PaperSummary } from '../../../shared/api/contract';
import { comparisonFields, comparisonMarkdown, type ComparisonField } from '../../../shared/export/comparison-markdown';
import type { Column, Paper } from '../../../shared/model/library';
import { call } from '../api/client';
import { compareController } from '../compare/compare-controller';
import { alignSentences, compareRows, type SentenceRef } from '../compare/compare-rows';
import { useCompareAnalysis } from '../compare/use-compare-analysis';
import { useComparisonNote } from '../compare/use-comparison-note';
import { searchStore } from '../search/search-store';
import { copyComparisonMarkdown, exportComparisonMarkdown } from '../state/comparison-export';
import { useWholePapers } from '../state/use-whole-papers';
import type { Workspace } from '../state/use-workspace';
import { CompareColumn } from './CompareColumn';
import { CompareSimilarity } from './CompareSimilarity';
import { ComparisonNoteEditor } from './ComparisonNoteEditor';

interface Props {
  workspace: Workspace;
}

/** Keys of the rows comparisonFields gives, in its order, before and after the custom columns. */
const LEADING_FIELDS = ['title', 'authors', 'year', 'venue', 'tags', 'decision'];
const TRAILING_FIELDS = ['abstract', 'notes'];
/** Rows left out when no compared paper has anything in them. */
const OPTIONAL_ROWS = new Set(['authors', 'field', 'tags']);

/**
 * 2–4 papers side by side. One CSS grid holds every field, a row per field across the papers; each
 * paper's column is a subgrid, so a field lines up however long the titles are. Titles, tags and
 * the first authors come from the summaries; the rest from the whole papers. The abstracts are
 * analysed by the main side with the library's TF-IDF model (shared and unique words, similarity,
 * sentence alignment); the comparison note is saved with the set of papers.
 */
export function CompareView({ workspace }: Props) {
  const { ui, summaryOf, tagColors, hitOf, readOnly } = workspace;
  const papers = ui.compareIds.map(summaryOf).filter((paper): paper is PaperSummary => paper !== undefined);
  const paperIds = papers.map((paper) => paper.id);
  const whole = useWholePapers(papers);
  const loaded = papers.every((paper) => whole.has(paper.id));
  // Keyed on the texts, so an edited abstract is analysed again.
  const textKey = loaded ? papers.map((paper) => whole.get(paper.id)?.abstract ?? '').join('\u0000') : undefined;
  const analysis = useCompareAnalysis(paperIds, textKey);
  const { note, state: noteState, setNote } = useComparisonNote(paperIds, readOnly !== undefined);
  const [columns, setColumns] = useState<Column[]>([]);
  const [aligned, setAligned] = useState(false);
  const [hovered, setHovered] = useState<SentenceRef | undefined>();
  const [pinned, setPinned] = useState<SentenceRef | undefined>();
  const closeButton = useRef<HTMLButtonElement>(null);
  useEffect(() => closeButton.current?.focus(), []);
  useEffect(() => {
    let current = true;
    call('columns.list', {})
      .then((answer) => {
        if (current) setColumns(answer.columns);
      })
      .catch(() => undefined);
    return () => {
      current = false;
    };
  }, []);
  // Compared papers the search found show its matches too, even those past the first page of hits.
  const answer = workspace.search.answer;
  const compareKey = ui.compareIds.join('\u0000');
  useEffect(() => {
    if (!answer) return;
    for (const id of compareKey.split('\u0000')) searchStore.ensureHitOf(id);
  }, [answer, compareKey]);

  const fields = useMemo(() => {
    const keys = [...LEADING_FIELDS, ...columns.map((column) => `column-${column.id}`), ...TRAILING_FIELDS];
    return new Map<string, ComparisonField>(comparisonFields(columns).map((field, index) => [keys[index]!, field]));
  }, [columns]);
  const alignment = useMemo(() => (analysis ? alignSentences(analysis) : undefined), [analysis]);
  const anchorSentences = analysis?.papers[0]?.sentences.length ?? 0;
  const canAlign = anchorSentences > 0;
  const wholePapers = loaded ? papers.map((paper) => whole.get(paper.id)).filter((paper): paper is Paper => paper !== undefined) : [];
  // A field none of the compared papers has (no venues in a pasted list, say) would be a row of dashes.
  const allRows = compareRows(columns, aligned && canAlign ? anchorSentences : undefined);
  const rows = allRows.filter((row) => !OPTIONAL_ROWS.has(row.kind) || wholePapers.length === 0 || wholePapers.some((paper) => fields.get(row.key)?.value(paper)));
  const hiddenRows = allRows.filter((row) => !rows.includes(row)).map((row) => row.label.toLowerCase());

  const active = hovered ?? pinned;
  const activeMatches = active ? analysis?.papers.find((paper) => paper.id === active.paperId)?.sentences[active.sentence]?.matches : undefined;
  const targetOf = (paperId: string) => {
    const match = activeMatches?.find((candidate) => candidate.paperId === paperId);
    return match && match.sentence !== null ? { sentence: match.sentence, score: match.score } : undefined;
  };
  const onSentence = (sentence: SentenceRef, event: 'enter' | 'leave' | 'click') => {
    if (event === 'enter') setHovered(sentence);
    else if (event === 'leave') setHovered(undefined);
    else setPinned((now) => (now?.paperId === sentence.paperId && now.sentence === sentence.sentence ? undefined : sentence));
  };

  const markdown = () => comparisonMarkdown({ papers: wholePapers, columns, ...(analysis ? { similarity: analysis.similarity } : {}), note });
  const anyAbstract = wholePapers.some((paper) => paper.abstract);
  const ready = loaded && papers.length >= 2;
  // The palette's "Copy/Export comparison as Markdown" act on what is on screen now.
  const latest = useRef({ ready, markdown });
  useEffect(() => {
    latest.current = { ready, markdown };
  });
  useEffect(
    () =>
      compareController.attach({
        copyMarkdown: () => {
          if (latest.current.ready) void copyComparisonMarkdown(latest.current.markdown());
        },
        exportMarkdown: () => {
          if (latest.current.ready) void exportComparisonMarkdown(latest.current.markdown());
        },
      }),
    [],
  );

  return (
    <section className="view compare-view" data-testid="compare-view" aria-labelledby="compare-title">
      <header className="view-header">
        <div className="compare-heading">
          <h1 id="compare-title" className="view-title">
            Compare {papers.length} papers
          </h1>
          <div className="legend" data-testid="compare-legend">
            {!loaded ? (
              <span>Loading the abstracts…</span>
            ) : !anyAbstract ? (
              <span>None of these papers has an abstract.</span>
            ) : (
              <>
                <span className="legend-item">
                  <mark className="shared-term legend-swatch">shared</mark> in all {papers.length} abstracts
                  {analysis && (
                    <strong data-testid="shared-term-count">
                      {' '}
                      ({new Set(analysis.papers[0]?.shared.map((token) => token.term)).size} terms)
                    </strong>
                  )}
                </span>
                <span className="legend-item">
                  <mark className="unique-term legend-swatch">unique</mark> to one paper
                </span>
                <span className="legend-item">
                  <span className="sentence sentence-aligned legend-swatch">aligned</span> best-matching sentence — hover or click a sentence
                </span>
                <label className="legend-item align-toggle">
                  <input type="checkbox" data-testid="align-sentences" checked={aligned && canAlign} disabled={!canAlign} onChange={(event) => setAligned(event.target.checked)} />
                  Align sentences
                </label>
              </>
            )}
          </div>
        </div>
        {analysis && papers.length >= 2 && <CompareSimilarity similarity={analysis.similarity} />}
        <div className="button-row">
          <button
            type="button"
            className="button"
            data-testid="copy-comparison"
            disabled={!ready}
            onClick={() => void copyComparisonMarkdown(markdown())}
            title="Copy the comparison as Markdown (papers as columns, with the note)"
          >
            Copy Markdown
          </button>
          <button
            type="button"
            className="button"
            data-testid="export-comparison"
            disabled={!ready}
            onClick={() => void exportComparisonMarkdown(markdown())}
            title="Export comparison as Markdown (a file)"
          >
            Export Markdown…
          </button>
          <button ref={closeButton} type="button" className="button" data-testid="close-view" onClick={workspace.closeView}>
            Close <kbd>Esc</kbd>
          </button>
        </div>
      </header>
      {papers.length < 2 ? (
        <p className="view-empty">The papers being compared are no longer in the library.</p>
      ) : (
        <div className="compare-scroll" tabIndex={-1}>
          <div
            className="compare-grid"
            style={{ gridTemplateColumns: `7.5rem repeat(${papers.length}, minmax(15rem, 1fr))`, gridTemplateRows: `repeat(${rows.length}, auto)` }}
          >
            <div className="compare-labels" aria-hidden="true">
              {rows.map((row) => (
                <div key={row.key} className="compare-label">
                  {row.label}
                </div>
              ))}
            </div>
            {papers.map((paper, index) => (
              <CompareColumn
                key={paper.id}
                number={index + 1}
                summary={paper}
                whole={whole.get(paper.id)}
                hit={hitOf(paper.id)}
                rows={rows}
                fields={fields}
                analysis={analysis?.papers.find((candidate) => candidate.id === paper.id)}
                alignment={alignment?.get(paper.id)}
                active={active}
                target={targetOf(paper.id)}
                onSentence={onSentence}
                tagColors={tagColors}
              />
            ))}
          </div>
          {hiddenRows.length > 0 && (
            <p className="muted small compare-hidden-rows" data-testid="compare-hidden-rows">
              No compared paper has {hiddenRows.join(', ')}.
            </p>
          )}
          <ComparisonNoteEditor note={note} state={noteState} readOnly={readOnly} onChange={setNote} />
        </div>
      )}
    </section>
  );
}
