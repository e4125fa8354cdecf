import { readStatuses, type ReadStatus } from '../../../shared/model/library';
import type { Workspace } from '../state/use-workspace';
import { safeColor } from '../util/safe-color';
import { SavedSearchList } from './SavedSearchList';
import { SidebarItem } from './SidebarItem';

interface Props {
  workspace: Workspace;
}

const statusLabels: Record<ReadStatus, string> = { unread: 'Unread', reading: 'Reading', read: 'Read' };

export function Sidebar({ workspace }: Props) {
  const { ui, dispatch, papers, tags, statusCounts } = workspace;
  const { status, tag } = ui.filter;

  return (
    <nav className="sidebar" data-testid="sidebar" aria-label="Library">
      <ul className="sidebar-list">
        <li>
          <SidebarItem
            label="All papers"
            count={papers.length}
            active={status === undefined && tag === undefined}
            testId="sidebar-all"
            onClick={() => dispatch({ type: 'clearFilter' })}
          />
        </li>
      </ul>

      <SavedSearchList workspace={workspace} />

      <h2 className="sidebar-heading">Read status</h2>
      <ul className="sidebar-list">
        {readStatuses.map((value) => (
          <li key={value}>
            <SidebarItem
              label={statusLabels[value]}
              count={statusCounts[value]}
              active={status === value}
              testId="sidebar-status"
              data={{ 'data-status': value }}
              marker={<span className={`status-dot status-${value}`} aria-hidden="true" />}
              onClick={() => dispatch({ type: 'toggleStatusFilter', status: value })}
            />
          </li>
        ))}
      </ul>

      <h2 className="sidebar-heading">Tags</h2>
      {tags.length === 0 ? (
        <p className="sidebar-empty">No tags yet. Add one from a paper’s detail pane.</p>
      ) : (
        <ul className="sidebar-list">
          {tags.map((entry) => {
            const color = safeColor(entry.color);
            return (
              <li key={entry.name}>
                <SidebarItem
                  label={entry.name}
                  count={entry.count}
                  active={tag === entry.name}
                  testId="sidebar-tag"
                  data={{ 'data-tag': entry.name }}
                  marker={<span className="tag-dot" style={color ? { background: color } : undefined} aria-hidden="true" />}
                  onClick={() => dispatch({ type: 'toggleTagFilter', tag: entry.name })}
                />
              </li>
            );
          })}
        </ul>
      )}
    </nav>
  );
}
