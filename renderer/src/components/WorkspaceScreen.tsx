import { lazy, Suspense, type CSSProperties } from 'react';
import type { CommandContext } from '../commands/commands';
import { usePaneWidths } from '../state/use-pane-widths';
import type { Workspace } from '../state/use-workspace';
import { CompareView } from './CompareView';
import { DetailPane } from './DetailPane';
import { PaneSeparator } from './PaneSeparator';
import { PaperList } from './PaperList';
import { ReadOnlyBanner } from './ReadOnlyBanner';
import { ReviewView } from './ReviewView';
import { ScreeningView } from './ScreeningView';
import { SaveFailedBanner } from './SaveFailedBanner';
import { Sidebar } from './Sidebar';
import { Toolbar } from './Toolbar';

// pdf.js is loaded when a PDF is first opened, not with the app.
const PdfReader = lazy(() => import('../pdf/PdfReader').then((module) => ({ default: module.PdfReader })));
// The charting library too, when the dashboard first opens.
const DashboardView = lazy(() => import('./DashboardView').then((module) => ({ default: module.DashboardView })));

interface Props {
  workspace: Workspace;
  commandContext: CommandContext;
}

/** The library screen: toolbar, storage banners, then sidebar · list · detail (resizable), with Compare and Review drawn over the panes. */
export function WorkspaceScreen({ workspace, commandContext }: Props) {
  const { ui } = workspace;
  const overlay = ui.view !== 'library';
  const [widths, setWidth] = usePaneWidths();
  // Set through the CSSOM (not a style attribute), which the CSP allows; the stylesheet caps them in narrow windows.
  const paneStyle = { '--sidebar-width': `${widths.sidebar}px`, '--list-width': `${widths.list}px` } as CSSProperties;
  return (
    <div className="workspace">
      <Toolbar workspace={workspace} commandContext={commandContext} />
      <div className="workspace-banners">
        <SaveFailedBanner />
        {workspace.readOnly && <ReadOnlyBanner reason={workspace.readOnly} />}
      </div>
      <div className="workspace-body">
        <div className="panes" inert={overlay} aria-hidden={overlay || undefined} style={paneStyle}>
          <Sidebar workspace={workspace} />
          <PaneSeparator pane="sidebar" label="sidebar" width={widths.sidebar} onResize={setWidth} />
          <PaperList workspace={workspace} />
          <PaneSeparator pane="list" label="paper list" width={widths.list} onResize={setWidth} />
          <DetailPane workspace={workspace} />
        </div>
        {ui.view === 'compare' && <CompareView workspace={workspace} />}
        {ui.view === 'screening' && ui.screening && (
          <ScreeningView workspace={workspace} target={ui.screening} keyboardBlocked={commandContext.paletteOpen || commandContext.dialogOpen} />
        )}
        {ui.view === 'review' && <ReviewView workspace={workspace} />}
        {ui.view === 'dashboard' && (
          <Suspense fallback={<div className="view" aria-busy="true" />}>
            <DashboardView workspace={workspace} />
          </Suspense>
        )}
        {ui.view === 'reader' && ui.reader && (
          <Suspense fallback={<div className="view" aria-busy="true" />}>
            <PdfReader key={`${ui.reader.paperId}\n${ui.reader.attachmentId}`} workspace={workspace} target={ui.reader} />
          </Suspense>
        )}
      </div>
    </div>
  );
}
