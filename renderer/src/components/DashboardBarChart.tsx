import type { KeyboardEvent } from 'react';
import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis, type BarShapeProps } from 'recharts';

/** One bar: what it is, how many papers, and the query a click on it runs (none: not clickable). */
export interface BarDatum {
  label: string;
  count: number;
  query?: string;
}

interface Props {
  data: readonly BarDatum[];
  /** `columns`: bars stand on the labels (years); `rows`: bars run right from the labels (tags, venues). */
  orientation: 'columns' | 'rows';
  /** Names the bars' test id (`year-bar`) and class (`chart-bar-year`), which the stylesheet colours. */
  kind: string;
  /** Runs a bar's query. */
  onPick?: (query: string) => void;
  height: number;
  /** For rows: room for the labels, in pixels. */
  labelWidth?: number;
}

const LONG_LABEL = 26;

function shortLabel(label: string): string {
  return label.length > LONG_LABEL ? `${label.slice(0, LONG_LABEL - 1)}…` : label;
}

/** The tooltip's content: Recharts hands it the hovered bar's data. */
function ChartTooltip({ active, payload }: { active?: boolean; payload?: ReadonlyArray<{ payload?: unknown }> }) {
  const datum = payload?.[0]?.payload as BarDatum | undefined;
  if (!active || !datum) return null;
  return (
    <div className="chart-tooltip">
      <span className="chart-tooltip-label">{datum.label}</span>
      <span className="chart-tooltip-value">
        {datum.count} {datum.count === 1 ? 'paper' : 'papers'}
      </span>
    </div>
  );
}

/**
 * A bar chart (Recharts, SVG) coloured by the stylesheet, so that it follows the theme. Each bar
 * with a query is a button: a click or Enter runs it.
 */
export function DashboardBarChart({ data, orientation, kind, onPick, height, labelWidth = 150 }: Props) {
  const rows = orientation === 'rows';
  const renderBar = (props: BarShapeProps) => {
    const datum = props.payload as BarDatum;
    const pick = datum.query !== undefined && onPick ? () => onPick(datum.query as string) : undefined;
    const onKeyDown = (event: KeyboardEvent) => {
      if (pick && (event.key === 'Enter' || event.key === ' ')) {
        event.preventDefault();
        pick();
      }
    };
    return (
      <rect
        x={props.x}
        y={props.y}
        width={Math.max(0, props.width)}
        height={Math.max(0, props.height)}
        rx={Math.min(3, Math.max(0, props.width) / 2, Math.max(0, props.height) / 2)}
        className={`chart-bar chart-bar-${kind}${pick ? ' clickable' : ''}`}
        data-testid={`${kind}-bar`}
        data-label={datum.label}
        data-count={datum.count}
        {...(pick ? { role: 'button', tabIndex: 0, 'aria-label': `${datum.label}: ${datum.count} ${datum.count === 1 ? 'paper' : 'papers'}`, onClick: pick, onKeyDown } : {})}
      />
    );
  };
  return (
    <ResponsiveContainer width="100%" height={height} initialDimension={{ width: 400, height }}>
      <BarChart data={[...data]} layout={rows ? 'vertical' : 'horizontal'} margin={{ top: 6, right: rows ? 28 : 8, bottom: 0, left: rows ? 0 : -18 }} barCategoryGap={rows ? 6 : '18%'} accessibilityLayer={false}>
        <CartesianGrid className="chart-grid" vertical={rows} horizontal={!rows} />
        {rows ? (
          <>
            <XAxis type="number" allowDecimals={false} axisLine={false} tickLine={false} className="chart-axis" />
            <YAxis type="category" dataKey="label" width={labelWidth} axisLine={false} tickLine={false} interval={0} tickFormatter={shortLabel} className="chart-axis" />
          </>
        ) : (
          <>
            <XAxis dataKey="label" axisLine={false} tickLine={false} minTickGap={4} className="chart-axis" />
            <YAxis allowDecimals={false} axisLine={false} tickLine={false} className="chart-axis" />
          </>
        )}
        <Tooltip content={ChartTooltip} cursor={{ className: 'chart-cursor' }} isAnimationActive={false} />
        <Bar dataKey="count" isAnimationActive={false} shape={renderBar} maxBarSize={rows ? 18 : 36} label={rows ? { position: 'right', className: 'chart-value' } : false} />
      </BarChart>
    </ResponsiveContainer>
  );
}
