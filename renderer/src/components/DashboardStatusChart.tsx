import { Cell, Pie, PieChart, ResponsiveContainer } from 'recharts';
import type { LibraryStats } from '../../../shared/api/contract';
import { filterQuery } from '../../../shared/dashboard/filter-query';

const statuses = [
  { status: 'unread', label: 'Unread' },
  { status: 'reading', label: 'Reading' },
  { status: 'read', label: 'Read' },
] as const;

interface Props {
  status: LibraryStats['status'];
  onPick: (query: string) => void;
}

/** Reading status as a ring (Recharts) with a legend whose entries filter the list. */
export function DashboardStatusChart({ status, onPick }: Props) {
  const total = status.unread + status.reading + status.read;
  const data = statuses.map((entry) => ({ ...entry, count: status[entry.status] }));
  return (
    <div className="status-chart">
      <div className="status-ring">
        <ResponsiveContainer width="100%" height={180} initialDimension={{ width: 180, height: 180 }}>
          <PieChart accessibilityLayer={false}>
            <Pie data={data} dataKey="count" nameKey="label" innerRadius="64%" outerRadius="92%" paddingAngle={data.filter((entry) => entry.count > 0).length > 1 ? 2 : 0} startAngle={90} endAngle={-270} isAnimationActive={false} stroke="none">
              {data.map((entry) => (
                <Cell key={entry.status} className={`chart-slice chart-slice-${entry.status}`} data-testid="status-slice" data-label={entry.label} data-count={entry.count} />
              ))}
            </Pie>
            <text x="50%" y="47%" textAnchor="middle" dominantBaseline="middle" className="status-ring-total">
              {total}
            </text>
            <text x="50%" y="59%" textAnchor="middle" dominantBaseline="middle" className="status-ring-caption">
              {total === 1 ? 'paper' : 'papers'}
            </text>
          </PieChart>
        </ResponsiveContainer>
      </div>
      <ul className="status-legend">
        {data.map((entry) => (
          <li key={entry.status}>
            <button type="button" className="status-legend-item" data-testid="status-legend" onClick={() => onPick(filterQuery('status', entry.status))} title={`Show the ${entry.label.toLowerCase()} papers`}>
              <span className={`status-swatch chart-swatch-${entry.status}`} aria-hidden="true" />
              <span className="status-legend-label">{entry.label}</span>
              <span className="status-legend-count">{entry.count}</span>
              <span className="status-legend-share">{total > 0 ? `${Math.round((entry.count / total) * 100)}%` : '–'}</span>
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}
