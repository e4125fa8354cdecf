import type { ScreeningStats } from '../../../shared/api/contract';

/** "12 of 66 screened" with a bar, for the view's header. */
export function ScreeningProgress({ stats }: { stats: ScreeningStats | undefined }) {
  const screened = stats?.screened ?? 0;
  const total = stats?.identified ?? 0;
  const percent = total === 0 ? 0 : Math.round((screened / total) * 100);
  return (
    <div className="screening-progress" data-testid="screening-progress" data-screened={screened} data-total={total}>
      <div className="screening-progress-text">
        <strong>{screened}</strong> of {total} screened <span className="muted">({percent}%)</span>
      </div>
      <div className="screening-progress-bar" role="progressbar" aria-label="Screened" aria-valuemin={0} aria-valuemax={total} aria-valuenow={screened}>
        <span className="screening-progress-part decision-include" style={{ width: `${total ? (100 * (stats?.included ?? 0)) / total : 0}%` }} />
        <span className="screening-progress-part decision-maybe" style={{ width: `${total ? (100 * (stats?.maybe ?? 0)) / total : 0}%` }} />
        <span className="screening-progress-part decision-exclude" style={{ width: `${total ? (100 * (stats?.excluded ?? 0)) / total : 0}%` }} />
      </div>
    </div>
  );
}
