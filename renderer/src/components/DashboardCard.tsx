import { useRef, type ReactNode } from 'react';
import { exportChart } from '../dashboard/chart-export';

interface Props {
  /** Names the card's test id and its exported files (`papers-per-year.svg`). */
  id: string;
  title: string;
  /** A line under the title: what is counted and how. */
  note?: ReactNode;
  /** Offers Export SVG / PNG when the card shows a chart. */
  exportable: boolean;
  className?: string;
  children: ReactNode;
}

/** One card of the dashboard: a title, a chart (or a deliberate empty state), and its exports. */
export function DashboardCard({ id, title, note, exportable, className, children }: Props) {
  const card = useRef<HTMLElement>(null);
  const save = (format: 'svg' | 'png') => {
    if (card.current) void exportChart(card.current, title, id, format);
  };
  return (
    <section ref={card} className={`dashboard-card${className ? ` ${className}` : ''}`} data-testid={`dashboard-${id}`} aria-labelledby={`dashboard-${id}-title`}>
      <header className="dashboard-card-header">
        <div>
          <h2 id={`dashboard-${id}-title`} className="dashboard-card-title">
            {title}
          </h2>
          {note && <p className="dashboard-card-note">{note}</p>}
        </div>
        {exportable && (
          <div className="dashboard-card-actions">
            <button type="button" className="button ghost small" data-testid="export-svg" onClick={() => save('svg')} title={`Save “${title}” as an SVG drawing`}>
              SVG
            </button>
            <button type="button" className="button ghost small" data-testid="export-png" onClick={() => save('png')} title={`Save “${title}” as a PNG image`}>
              PNG
            </button>
          </div>
        )}
      </header>
      <div className="dashboard-card-body">{children}</div>
    </section>
  );
}
