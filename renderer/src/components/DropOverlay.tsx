interface Props {
  /** Why the drop would be refused, if it would. */
  blockedReason: string | undefined;
}

/** The whole window while files are dragged over it: where they will go, or why they cannot. */
export function DropOverlay({ blockedReason }: Props) {
  return (
    <div className={`drop-overlay${blockedReason ? ' blocked' : ''}`} data-testid="drop-overlay" aria-hidden="true">
      <div className="drop-overlay-card">
        <div className="drop-overlay-icon">{blockedReason ? '⊘' : '⤓'}</div>
        <p className="drop-overlay-title">{blockedReason ? 'Cannot import here' : 'Drop to import'}</p>
        <p className="drop-overlay-hint">
          {blockedReason ?? 'BibTeX, RIS, CSL-JSON, PDFs, pasted lists saved as text, or folders of them. You will see a preview first.'}
        </p>
      </div>
    </div>
  );
}
