import { useEffect, useRef } from 'react';
import { filterQuery } from '../../../shared/dashboard/filter-query';
import { yearBars } from '../../../shared/dashboard/library-stats';
import { prismaSummary } from '../../../shared/screening/prisma-summary';
import { useDashboardStats } from '../dashboard/use-dashboard-stats';
import type { Workspace } from '../state/use-workspace';
import { toasts } from '../state/toast-store';
import { copyText } from '../util/clipboard';
import { errorMessage } from '../util/error-message';
import { DashboardBarChart } from './DashboardBarChart';
import { DashboardCard } from './DashboardCard';
import { DashboardStatusChart } from './DashboardStatusChart';
import { ScreeningFlow } from './ScreeningFlow';
import '../dashboard/dashboard.css';

interface Props {
  workspace: Workspace;
}

function papers(count: number): string {
  return `${count} ${count === 1 ? 'paper' : 'papers'}`;
}

/**
 * The library at a glance: papers per year, reading status, top tags and venues, screening with
 * its PRISMA flow, exclusions by reason and where the papers came from. A bar runs its query in
 * the list (and closes the dashboard); each chart saves as SVG or PNG.
 */
export function DashboardView({ workspace }: Props) {
  const { stats, failed } = useDashboardStats();
  const closeButton = useRef<HTMLButtonElement>(null);
  useEffect(() => closeButton.current?.focus(), []);

  const pick = (query: string) => {
    workspace.dispatch({ type: 'runQuery', query });
    workspace.focusList();
  };

  const copyPrisma = () => {
    if (!stats) return;
    copyText(prismaSummary(stats.screening, 'the whole library')).then(
      () => toasts.info('Copied the PRISMA screening counts'),
      (error: unknown) => toasts.error(`Could not copy: ${errorMessage(error)}`),
    );
  };

  const years = stats ? yearBars(stats.years).map((entry) => ({ label: String(entry.year), count: entry.count, query: filterQuery('year', entry.year) })) : [];
  const reasons = stats
    ? [
        ...stats.screening.reasons.map((reason) => ({ label: reason.number !== undefined ? `E${reason.number} ${reason.label}` : reason.label, count: reason.count })),
        ...(stats.screening.noReason > 0 ? [{ label: 'No reason given', count: stats.screening.noReason }] : []),
      ]
    : [];

  return (
    <section className="view dashboard-view" data-testid="dashboard-view" aria-labelledby="dashboard-title">
      <header className="view-header">
        <div>
          <h1 id="dashboard-title" className="view-title">
            Library overview
          </h1>
          <p className="dashboard-summary" data-testid="dashboard-summary">
            {stats ? (
              <>
                <span>{papers(stats.papers)}</span>
                <span>{stats.withPdf} with a PDF</span>
                <span>{stats.withNotes} with notes</span>
                <span>
                  {stats.screening.screened} of {stats.screening.identified} screened
                </span>
              </>
            ) : failed ? (
              'The overview could not be loaded.'
            ) : (
              'Counting…'
            )}
          </p>
        </div>
        <button ref={closeButton} type="button" className="button" data-testid="close-view" onClick={workspace.closeView}>
          Close <kbd>Esc</kbd>
        </button>
      </header>
      {stats && (
        <div className="dashboard-grid">
          <DashboardCard
            id="papers-per-year"
            title="Papers per year"
            className="wide"
            exportable={years.length > 0}
            note={
              years.length > 0
                ? `Click a bar to list that year's papers${stats.noYear > 0 ? ` · ${papers(stats.noYear)} without a year` : ''}`
                : undefined
            }
          >
            {years.length > 0 ? (
              <DashboardBarChart data={years} orientation="columns" kind="year" onPick={pick} height={230} />
            ) : (
              <p className="dashboard-empty">{stats.papers === 0 ? 'The library is empty: import papers to see them by year.' : `None of the ${papers(stats.papers)} has a year yet.`}</p>
            )}
          </DashboardCard>

          <DashboardCard id="reading-status" title="Reading status" exportable={stats.papers > 0} note="Click a status to list its papers">
            {stats.papers > 0 ? <DashboardStatusChart status={stats.status} onPick={pick} /> : <p className="dashboard-empty">No papers to read yet.</p>}
          </DashboardCard>

          <DashboardCard
            id="top-tags"
            title="Top tags"
            exportable={stats.tags.length > 0}
            note={stats.tags.length > 0 ? `${stats.tags.length} of ${stats.tagCount} · a parent tag counts the papers of its nested tags` : undefined}
          >
            {stats.tags.length > 0 ? (
              <DashboardBarChart
                data={stats.tags.map((tag) => ({ ...tag, query: filterQuery('tag', tag.label) }))}
                orientation="rows"
                kind="tag"
                onPick={pick}
                height={Math.max(120, stats.tags.length * 26 + 30)}
              />
            ) : (
              <p className="dashboard-empty">No tags yet. Tag papers with L to group them here.</p>
            )}
          </DashboardCard>

          <DashboardCard
            id="top-venues"
            title="Top venues"
            exportable={stats.venues.length > 0}
            note={stats.venues.length > 0 ? `${stats.venues.length} of ${stats.venueCount}${stats.noVenue > 0 ? ` · ${papers(stats.noVenue)} without a venue` : ''}` : undefined}
          >
            {stats.venues.length > 0 ? (
              <DashboardBarChart
                data={stats.venues.map((venue) => ({ ...venue, query: filterQuery('venue', venue.label) }))}
                orientation="rows"
                kind="venue"
                onPick={pick}
                height={Math.max(120, stats.venues.length * 26 + 30)}
                labelWidth={170}
              />
            ) : (
              <p className="dashboard-empty">No paper has a venue yet.</p>
            )}
          </DashboardCard>

          <DashboardCard id="screening" title="Screening" exportable={false} note="PRISMA 2020, title and abstract stage">
            <ScreeningFlow stats={stats.screening} />
            <button type="button" className="button small" data-testid="copy-prisma" onClick={copyPrisma} disabled={stats.papers === 0}>
              Copy PRISMA counts
            </button>
          </DashboardCard>

          <DashboardCard id="exclusion-reasons" title="Exclusions by reason" exportable={stats.screening.excluded > 0} note={stats.screening.excluded > 0 ? papers(stats.screening.excluded) + ' excluded' : undefined}>
            {stats.screening.excluded > 0 ? (
              <DashboardBarChart data={reasons} orientation="rows" kind="reason" height={Math.max(120, reasons.length * 26 + 30)} labelWidth={170} />
            ) : (
              <p className="dashboard-empty">No paper is excluded yet. Screen with Shift+S.</p>
            )}
          </DashboardCard>

          <DashboardCard id="sources" title="Imported from" exportable={stats.sources.length > 0} note={stats.sources.length > 0 ? 'Papers per import format' : undefined}>
            {stats.sources.length > 0 ? (
              <DashboardBarChart data={stats.sources} orientation="rows" kind="source" height={Math.max(120, stats.sources.length * 26 + 30)} labelWidth={110} />
            ) : (
              <p className="dashboard-empty">Nothing imported yet.</p>
            )}
          </DashboardCard>
        </div>
      )}
    </section>
  );
}
