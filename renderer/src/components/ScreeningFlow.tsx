import type { ScreeningStats } from '../../../shared/api/contract';

interface Props {
  stats: ScreeningStats;
}

function percent(part: number, whole: number): string {
  return whole > 0 ? `${Math.round((part / whole) * 100)}%` : '0%';
}

/**
 * Screening progress and the screening stage of a PRISMA 2020 flow: records identified → screened
 * → excluded (with the reasons) or sought for full text (included and maybe).
 */
export function ScreeningFlow({ stats }: Props) {
  const segments = [
    { key: 'include', label: 'Included', count: stats.included },
    { key: 'maybe', label: 'Maybe', count: stats.maybe },
    { key: 'exclude', label: 'Excluded', count: stats.excluded },
    { key: 'undecided', label: 'Not screened', count: stats.undecided },
  ];
  return (
    <div className="screening-flow" data-testid="screening-flow">
      <div className="flow-progress" role="img" aria-label={`${stats.screened} of ${stats.identified} screened`}>
        {segments.map((segment) =>
          segment.count > 0 ? <span key={segment.key} className={`flow-segment flow-${segment.key}`} style={{ flexGrow: segment.count }} title={`${segment.label}: ${segment.count}`} /> : null,
        )}
      </div>
      <ul className="flow-legend">
        {segments.map((segment) => (
          <li key={segment.key}>
            <span className={`flow-dot flow-${segment.key}`} aria-hidden="true" />
            {segment.label} <strong data-testid={`flow-${segment.key}`}>{segment.count}</strong>
          </li>
        ))}
      </ul>
      <ol className="flow-steps">
        <li className="flow-box">
          <span className="flow-box-label">Records identified</span>
          <strong data-testid="flow-identified">{stats.identified}</strong>
        </li>
        <li className="flow-box">
          <span className="flow-box-label">Records screened</span>
          <strong data-testid="flow-screened">{stats.screened}</strong>
          <span className="flow-box-note">{percent(stats.screened, stats.identified)} done</span>
        </li>
        <li className="flow-split">
          <div className="flow-box flow-box-exclude">
            <span className="flow-box-label">Excluded</span>
            <strong>{stats.excluded}</strong>
            {(stats.reasons.some((reason) => reason.count > 0) || stats.noReason > 0) && (
              <ul className="flow-reasons">
                {stats.reasons
                  .filter((reason) => reason.count > 0)
                  .map((reason) => (
                    <li key={reason.reasonId ?? `former:${reason.label}`}>
                      <span>{reason.number !== undefined ? `E${reason.number} ${reason.label}` : reason.label}</span>
                      <span>{reason.count}</span>
                    </li>
                  ))}
                {stats.noReason > 0 && (
                  <li>
                    <span>No reason given</span>
                    <span>{stats.noReason}</span>
                  </li>
                )}
              </ul>
            )}
          </div>
          <div className="flow-box flow-box-include">
            <span className="flow-box-label">Sought for full text</span>
            <strong>{stats.included + stats.maybe}</strong>
            <span className="flow-box-note">
              {stats.included} included · {stats.maybe} maybe
            </span>
          </div>
        </li>
      </ol>
    </div>
  );
}
