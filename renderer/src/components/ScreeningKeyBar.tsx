import type { ScreeningReason } from '../../../shared/model/library';
import type { Decision } from '../screening/use-screening-session';

interface Props {
  reasons: readonly ScreeningReason[];
  pendingExclude: boolean;
  canUndo: boolean;
  disabled: boolean;
  onDecide: (decision: Decision) => void;
  onExclude: () => void;
  onPickReason: (number: number) => void;
  onCancelExclude: () => void;
  onUndo: () => void;
  onGo: (delta: 1 | -1) => void;
  onNote: () => void;
}

/**
 * The screening keys, each also a button; after E, the numbered reasons to pick from. The keys
 * work from anywhere in the view, so these buttons never take focus from the keyboard's flow.
 */
export function ScreeningKeyBar({ reasons, pendingExclude, canUndo, disabled, onDecide, onExclude, onPickReason, onCancelExclude, onUndo, onGo, onNote }: Props) {
  if (pendingExclude) {
    return (
      <div className="screening-keybar screening-reason-picker" data-testid="reason-picker" role="group" aria-label="Pick an exclusion reason">
        <span className="screening-keybar-label">Exclude because…</span>
        {reasons.map((reason, index) => (
          <button key={reason.id} type="button" className="key-button reason-button" data-testid="reason-option" onClick={() => onPickReason(index + 1)}>
            <kbd>{index + 1}</kbd> {reason.label}
          </button>
        ))}
        <button type="button" className="key-button" onClick={onCancelExclude}>
          <kbd>Esc</kbd> Cancel
        </button>
      </div>
    );
  }
  return (
    <div className="screening-keybar" data-testid="screening-keys" role="group" aria-label="Screening keys">
      <button type="button" className="key-button decision-include" disabled={disabled} onClick={() => onDecide('include')}>
        <kbd>I</kbd> Include
      </button>
      <button type="button" className="key-button decision-maybe" disabled={disabled} onClick={() => onDecide('maybe')}>
        <kbd>M</kbd> Maybe
      </button>
      <button type="button" className="key-button decision-exclude" disabled={disabled} onClick={onExclude}>
        <kbd>E</kbd> Exclude{reasons.length > 0 ? ' + 1–9' : ''}
      </button>
      <span className="screening-keybar-gap" />
      <button type="button" className="key-button" disabled={!canUndo} onClick={onUndo}>
        <kbd>U</kbd> Undo
      </button>
      <button type="button" className="key-button" onClick={() => onGo(-1)}>
        <kbd>K</kbd> Previous
      </button>
      <button type="button" className="key-button" onClick={() => onGo(1)}>
        <kbd>J</kbd> Next
      </button>
      <button type="button" className="key-button" disabled={disabled} onClick={onNote}>
        <kbd>N</kbd> Note
      </button>
    </div>
  );
}
