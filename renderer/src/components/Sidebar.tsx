import { readStatuses, type ReadStatus } from '../../../shared/model/library';
import type { Workspace } from '../state/use-workspace';
import { SavedSearchList } from './SavedSearchList';
import { SidebarItem } from './SidebarItem';
import { TagTree } from './TagTree';

interface Props {
  workspace: Workspace;
}

const statusLabels: Record<ReadStatus, string> = { unread: 'Unread', reading: 'Reading', read: 'Read' };

export function Sidebar({ workspace }: Props) {
  const { ui, dispatch, papers, statusCounts } = workspace;
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

      <TagTree workspace={workspace} />
    </nav>
  );
}
