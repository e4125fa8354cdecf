import type { ReactNode } from 'react';

interface Props {
  label: string;
  count: number;
  active: boolean;
  testId: string;
  data?: Record<`data-${string}`, string>;
  marker?: ReactNode;
  onClick: () => void;
}

export function SidebarItem({ label, count, active, testId, data, marker, onClick }: Props) {
  return (
    <button
      type="button"
      className={`sidebar-item${active ? ' active' : ''}`}
      aria-pressed={active}
      data-testid={testId}
      {...data}
      onClick={onClick}
      title={label}
    >
      {marker}
      <span className="sidebar-label">{label}</span>
      <span className="sidebar-count">{count}</span>
    </button>
  );
}
