import type { PaperSummary } from '../../../shared/api/contract';
import { formatAuthors } from '../../../shared/model/format-authors';
import type { Paper, Screening, ScreeningReason } from '../../../shared/model/library';
import type { ScreeningKeywords } from '../../../shared/screening/keyword-ranges';
import { summaryAuthors } from '../util/summary-authors';
import { KeywordText } from './KeywordText';
import { paperTypeLabels } from './paper-type-labels';

interface Props {
  summary: PaperSummary;
  /** Undefined until the whole paper (abstract, notes) has been fetched. */
  whole: Paper | undefined;
  screening: Screening | undefined;
  reasons: readonly ScreeningReason[];
  keywords: ScreeningKeywords;
}

const decisionLabels = { undecided: 'Not screened yet', include: 'Included', maybe: 'Maybe', exclude: 'Excluded' } as const;

/** "E2 Not empirical" while the reason is in the criteria, else the label it was given. */
function reasonText(screening: Screening, reasons: readonly ScreeningReason[]): string | undefined {
  const at = screening.reasonId === undefined ? -1 : reasons.findIndex((reason) => reason.id === screening.reasonId);
  const reason = reasons[at];
  if (reason) return `E${at + 1} ${reason.label}`;
  return screening.reason;
}

function decidedTime(screening: Screening): string | undefined {
  if (!screening.decidedAt) return undefined;
  const date = new Date(screening.decidedAt);
  return Number.isNaN(date.getTime()) ? undefined : date.toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
}

/** The paper being screened: its decision, the title and abstract large with the keywords marked, and its notes. */
export function ScreeningPaper({ summary, whole, screening, reasons, keywords }: Props) {
  const decision = screening?.decision ?? summary.decision;
  const reason = screening && decision === 'exclude' ? reasonText(screening, reasons) : undefined;
  const time = screening && decision !== 'undecided' ? decidedTime(screening) : undefined;
  const authors = whole ? formatAuthors(whole.authors, 12) : summaryAuthors(summary);
  const meta = [summary.year !== undefined ? String(summary.year) : undefined, summary.venue, paperTypeLabels[summary.type]].filter(Boolean);
  const abstract = whole?.abstract?.trim() ?? '';
  const notes = whole?.notes.filter((note) => note.body.trim() !== '') ?? [];

  return (
    <article className="screening-paper" data-testid="screening-paper" data-paper-id={summary.id} aria-labelledby="screening-paper-title">
      <p className={`screening-decision decision-${decision}`} data-testid="screening-decision" data-decision={decision} aria-live="polite">
        <span className="decision-dot" aria-hidden="true" />
        <span>{decisionLabels[decision]}</span>
        {reason && <span className="screening-reason">— {reason}</span>}
        {time && <span className="screening-time">{time}</span>}
      </p>
      <h2 id="screening-paper-title" className="screening-title" data-testid="screening-title">
        <KeywordText text={summary.title} keywords={keywords} />
      </h2>
      {authors && <p className="screening-authors">{authors}</p>}
      {meta.length > 0 && <p className="screening-meta">{meta.join(' · ')}</p>}
      <div className="screening-abstract" data-testid="screening-abstract">
        {!whole ? (
          <p className="muted">Loading the abstract…</p>
        ) : abstract ? (
          abstract.split(/\n{2,}/).map((paragraph, index) => (
            <p key={index}>
              <KeywordText text={paragraph} keywords={keywords} />
            </p>
          ))
        ) : (
          <p className="muted">This paper has no abstract.</p>
        )}
      </div>
      {notes.length > 0 && (
        <section className="screening-notes" aria-label="Notes">
          <h3 className="screening-notes-title">Notes</h3>
          {notes.map((note) => (
            <p key={note.id} className="screening-note-text" data-testid="screening-note-text">
              {note.body}
            </p>
          ))}
        </section>
      )}
    </article>
  );
}
