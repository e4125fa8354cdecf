import type { CommandContext } from '../commands/commands';
import { shortcutLabel } from '../commands/shortcut';
import type { Workspace } from '../state/use-workspace';
import { SaveIndicator } from './SaveIndicator';
import { SearchBar } from './SearchBar';

interface Props {
  workspace: Workspace;
  commandContext: CommandContext;
}

const statusLabels = { unread: 'Unread', reading: 'Reading', read: 'Read' } as const;

export function Toolbar({ workspace, commandContext }: Props) {
  const { ui, dispatch, visible, papers, selectedIds } = workspace;
  const total = papers.length;
  const canCompare = selectedIds.length >= 2 && selectedIds.length <= 4;
  const { status, tag } = ui.filter;

  return (
    <header className="toolbar">
      <div className="brand">
        <span className="brand-mark" aria-hidden="true">
          S
        </span>
        <span className="brand-name">Sift</span>
      </div>
      <SearchBar workspace={workspace} />
      <div className="result-summary">
        <span className="result-count" data-testid="result-count" aria-live="polite">
          {visible.length} of {total} {total === 1 ? 'paper' : 'papers'}
        </span>
        {status && (
          <button
            type="button"
            className="filter-pill"
            onClick={() => dispatch({ type: 'toggleStatusFilter', status })}
            title="Remove this filter"
            data-testid="filter-pill"
          >
            {statusLabels[status]} <span aria-hidden="true">×</span>
            <span className="visually-hidden">remove filter</span>
          </button>
        )}
        {tag !== undefined && (
          <button
            type="button"
            className="filter-pill"
            onClick={() => dispatch({ type: 'toggleTagFilter', tag })}
            title="Remove this filter"
            data-testid="filter-pill"
          >
            #{tag} <span aria-hidden="true">×</span>
            <span className="visually-hidden">remove filter</span>
          </button>
        )}
      </div>
      <div className="toolbar-actions">
        <SaveIndicator readOnly={workspace.readOnly} />
        <button
          type="button"
          className="button"
          data-testid="import-button"
          disabled={workspace.readOnly !== undefined}
          onClick={() => commandContext.openImport('files')}
          title={workspace.readOnly ? 'The library is read-only' : `Import BibTeX, RIS, CSL-JSON, PDFs or a pasted list (${shortcutLabel({ key: 'i', mod: true })})`}
        >
          Import…
        </button>
        <button
          type="button"
          className="button"
          data-testid="export-button"
          disabled={workspace.visibleIds.length === 0 && workspace.selectedIds.length === 0}
          onClick={() => commandContext.openExport()}
          title={`Export the selection, the list or the library: Markdown, CSV, BibTeX, RIS, CSL-JSON, notes (${shortcutLabel({ key: 'e', mod: true, shift: true })})`}
        >
          Export…
        </button>
        <button
          type="button"
          className={`button${ui.view === 'compare' ? ' active' : ''}`}
          data-testid="compare-button"
          disabled={!canCompare}
          onClick={workspace.compareSelected}
          title={canCompare ? `Compare ${selectedIds.length} papers (C)` : 'Select 2–4 papers to compare'}
        >
          Compare
        </button>
        <button
          type="button"
          className={`button${ui.view === 'review' ? ' active' : ''}`}
          data-testid="review-button"
          onClick={workspace.openReview}
          title="Review table (T)"
        >
          Review table
        </button>
        <button
          type="button"
          className={`button${ui.view === 'screening' ? ' active' : ''}`}
          data-testid="screen-button"
          disabled={visible.length === 0}
          onClick={() => workspace.openScreening()}
          title={`Screen the papers in the list, one at a time (${shortcutLabel({ key: 's', shift: true })})`}
        >
          Screen
        </button>
        <button
          type="button"
          className={`button${ui.view === 'dashboard' ? ' active' : ''}`}
          data-testid="dashboard-button"
          onClick={workspace.openDashboard}
          title={`Dashboard: papers per year, tags, venues, reading and screening (${shortcutLabel({ key: 'd', mod: true, shift: true })})`}
        >
          <svg width="16" height="16" viewBox="0 0 16 16" fill="currentColor" aria-hidden="true">
            <rect x="2" y="8" width="3" height="6" rx="1" />
            <rect x="6.5" y="3" width="3" height="11" rx="1" />
            <rect x="11" y="6" width="3" height="8" rx="1" />
          </svg>
          <span className="visually-hidden">Dashboard</span>
        </button>
        <button
          type="button"
          className="button palette-hint"
          data-testid="palette-button"
          onClick={() => commandContext.togglePalette()}
          title="All commands and shortcuts"
          aria-label={`Command palette (${shortcutLabel({ key: 'k', mod: true })})`}
        >
          <span>Commands</span>
          <kbd>{shortcutLabel({ key: 'k', mod: true })}</kbd>
        </button>
      </div>
    </header>
  );
}
