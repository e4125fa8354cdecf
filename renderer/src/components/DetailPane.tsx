import type { Workspace } from '../state/use-workspace';
import { PaperDetail } from './PaperDetail';
import { SelectionDetail } from './SelectionDetail';

interface Props {
  workspace: Workspace;
}

export function DetailPane({ workspace }: Props) {
  const { selectedPapers } = workspace;
  const [only] = selectedPapers;
  return (
    <section className="detail-pane" data-testid="detail" aria-label="Paper details">
      {selectedPapers.length === 0 && (
        <div className="detail-empty">
          <p className="detail-empty-title">No paper selected</p>
          <p className="muted">
            Click a paper or use <kbd>↑</kbd> <kbd>↓</kbd>. Hold <kbd>Shift</kbd> or <kbd>Ctrl</kbd>/<kbd>⌘</kbd> while clicking
            to select several, then compare them side by side.
          </p>
        </div>
      )}
      {selectedPapers.length === 1 && only && <PaperDetail key={only.id} summary={only} workspace={workspace} />}
      {selectedPapers.length > 1 && <SelectionDetail papers={selectedPapers} workspace={workspace} />}
    </section>
  );
}
