import { lazy, Suspense } from 'react';
import type { CommandContext } from '../commands/commands';
import type { Workspace } from '../state/use-workspace';
import { CompareView } from './CompareView';
import { DetailPane } from './DetailPane';
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

/** The library screen: toolbar, storage banners, then sidebar · list · detail, with Compare and Review drawn over the panes. */
export function WorkspaceScreen({ workspace, commandContext }: Props) {
  const { ui } = workspace;
  const overlay = ui.view !== 'library';
  return (
    <div className="workspace">
      <Toolbar workspace={workspace} commandContext={commandContext} />
      <div className="workspace-banners">
        <SaveFailedBanner />
        {workspace.readOnly && <ReadOnlyBanner reason={workspace.readOnly} />}
      </div>
      <div className="workspace-body">
        <div className="panes" inert={overlay} aria-hidden={overlay || undefined}>
          <Sidebar workspace={workspace} />
          <PaperList workspace={workspace} />
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
