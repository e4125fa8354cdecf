import type { ScreeningStats } from '../../../shared/api/contract';
import { prismaSummary } from '../../../shared/screening/prisma-summary';
import { toasts } from '../state/toast-store';
import { copyText } from '../util/clipboard';
import { errorMessage } from '../util/error-message';

interface Props {
  stats: ScreeningStats | undefined;
  /** What the list is (for the PRISMA text): "all papers", "matching “agents”"… */
  scope: string;
}

/** Live counts per decision and per exclusion reason, and the PRISMA numbers to copy. */
export function ScreeningCounts({ stats, scope }: Props) {
  if (!stats) return <p className="muted">Counting…</p>;
  const decisions = [
    { key: 'include', label: 'Included', count: stats.included },
    { key: 'maybe', label: 'Maybe', count: stats.maybe },
    { key: 'exclude', label: 'Excluded', count: stats.excluded },
    { key: 'undecided', label: 'Not screened', count: stats.undecided },
  ] as const;
  const prisma = prismaSummary(stats, scope);
  const copy = () =>
    copyText(prisma).then(
      () => toasts.info('Copied the PRISMA counts as Markdown'),
      (error: unknown) => toasts.error(errorMessage(error)),
    );

  return (
    <div className="screening-counts" data-testid="screening-counts">
      <section aria-labelledby="screening-decisions-title">
        <h2 id="screening-decisions-title" className="screening-panel-title">
          Decisions
        </h2>
        <ul className="screening-count-list">
          {decisions.map(({ key, label, count }) => (
            <li key={key} className={`screening-count decision-${key}`} data-testid={`count-${key}`} data-count={count}>
              <span className="decision-dot" aria-hidden="true" />
              <span className="screening-count-label">{label}</span>
              <span className="screening-count-value">{count}</span>
            </li>
          ))}
        </ul>
      </section>
      <section aria-labelledby="screening-reasons-title">
        <h2 id="screening-reasons-title" className="screening-panel-title">
          Exclusion reasons
        </h2>
        {stats.reasons.length === 0 && stats.noReason === 0 ? (
          <p className="muted small">No reasons yet: add them under Criteria.</p>
        ) : (
          <ul className="screening-count-list">
            {stats.reasons.map((reason) => (
              <li
                key={reason.reasonId ?? `former:${reason.label}`}
                className="screening-count reason-count"
                data-testid="count-reason"
                data-count={reason.count}
                title={reason.number === undefined ? 'No longer in the criteria' : undefined}
              >
                <span className="reason-number">{reason.number === undefined ? '–' : `E${reason.number}`}</span>
                <span className="screening-count-label">{reason.label}</span>
                <span className="screening-count-value">{reason.count}</span>
              </li>
            ))}
            {stats.noReason > 0 && (
              <li className="screening-count reason-count" data-testid="count-no-reason" data-count={stats.noReason}>
                <span className="reason-number">–</span>
                <span className="screening-count-label muted">No reason given</span>
                <span className="screening-count-value">{stats.noReason}</span>
              </li>
            )}
          </ul>
        )}
      </section>
      <section aria-labelledby="screening-prisma-title" className="screening-prisma">
        <div className="screening-panel-heading">
          <h2 id="screening-prisma-title" className="screening-panel-title">
            PRISMA counts
          </h2>
          <button type="button" className="button small" data-testid="copy-prisma" onClick={() => void copy()} title="Copy as Markdown">
            Copy
          </button>
        </div>
        <pre className="screening-prisma-text" data-testid="prisma-text">
          {prisma}
        </pre>
      </section>
    </div>
  );
}
