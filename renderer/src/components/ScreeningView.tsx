import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState, useSyncExternalStore } from 'react';
import type { PaperSummary } from '../../../shared/api/contract';
import type { Screening } from '../../../shared/model/library';
import { screeningCriteriaStore } from '../screening/criteria-store';
import { useScreeningKeys } from '../screening/use-screening-keys';
import { useScreeningSession } from '../screening/use-screening-session';
import { useScreeningStats } from '../screening/use-screening-stats';
import { libraryStore } from '../state/library-store';
import { paperCache } from '../state/paper-cache';
import { toasts } from '../state/toast-store';
import type { ScreeningTarget } from '../state/ui-state';
import { useWholePapers } from '../state/use-whole-papers';
import type { Workspace } from '../state/use-workspace';
import { ScreeningCounts } from './ScreeningCounts';
import { ScreeningCriteriaPanel } from './ScreeningCriteriaPanel';
import { ScreeningKeyBar } from './ScreeningKeyBar';
import { ScreeningPaper } from './ScreeningPaper';
import { ScreeningProgress } from './ScreeningProgress';

interface Props {
  workspace: Workspace;
  target: ScreeningTarget;
  /** The palette or a dialog has the keyboard. */
  keyboardBlocked: boolean;
}

const passKeys = new WeakMap<ScreeningTarget, number>();
let lastPassKey = 0;

/**
 * Title/abstract screening of the list as it was when the view opened, one paper at a time and by
 * keyboard: I include, M maybe, E then 1–9 exclude with a reason, U undo, J/K next/previous, N note.
 * Counts (and the PRISMA numbers) on the left, the criteria on the right.
 */
export function ScreeningView(props: Props) {
  // Opening it again (from the palette, on another list) starts a new pass: position and undo belong to one list.
  let key = passKeys.get(props.target);
  if (key === undefined) {
    key = ++lastPassKey;
    passKeys.set(props.target, key);
  }
  return <ScreeningPass key={key} {...props} />;
}

function ScreeningPass({ workspace, target, keyboardBlocked }: Props) {
  const { summaryOf, readOnly } = workspace;
  const { ids, scope } = target;
  useEffect(() => screeningCriteriaStore.start(), []);
  const { criteria, loaded: criteriaLoaded } = useSyncExternalStore(screeningCriteriaStore.subscribe, screeningCriteriaStore.getState);
  const { reasons } = criteria;
  const keywords = useMemo(() => ({ include: criteria.includeKeywords, exclude: criteria.excludeKeywords }), [criteria]);
  const stats = useScreeningStats(ids);

  // Start at the first paper not screened yet: a second pass picks up where the first stopped.
  const [start] = useState(() => Math.max(0, ids.findIndex((id) => summaryOf(id)?.decision === 'undecided')));
  const libraryScreening = useCallback(
    (id: string): Screening | undefined => {
      const summary = summaryOf(id);
      return paperCache.getSnapshot().get(id)?.screening ?? (summary ? { decision: summary.decision } : undefined);
    },
    [summaryOf],
  );
  const session = useScreeningSession(ids, start, libraryScreening);
  const { position } = session;
  const paperId = ids[position];
  const summary = paperId === undefined ? undefined : summaryOf(paperId);
  // The papers on either side are fetched too, so J and K show them at once.
  const nearby = useMemo(
    () => [ids[position], ids[position + 1], ids[position - 1]].flatMap((id) => (id === undefined ? [] : (summaryOf(id) ?? []))) as PaperSummary[],
    [ids, position, summaryOf],
  );
  const whole = useWholePapers(nearby);

  const [criteriaOpen, setCriteriaOpen] = useState(target.criteriaOpen);
  const openedForEmpty = useRef(false);
  useEffect(() => {
    // No criteria yet: show where they are made, once.
    if (!criteriaLoaded || openedForEmpty.current) return;
    openedForEmpty.current = true;
    if (criteria.reasons.length === 0 && criteria.includeKeywords.length === 0 && criteria.excludeKeywords.length === 0) setCriteriaOpen(true);
  }, [criteriaLoaded, criteria]);

  const paperRef = useRef<HTMLDivElement>(null);
  useEffect(() => paperRef.current?.focus(), []);
  const [note, setNote] = useState<{ paperId: string; body: string } | undefined>(undefined);
  const noteRef = useRef(note);
  useLayoutEffect(() => {
    noteRef.current = note;
  });
  const closeNote = useCallback(() => {
    const current = noteRef.current;
    // Focusing the paper blurs the field, which closes the note again: only the first close saves.
    noteRef.current = undefined;
    setNote(undefined);
    paperRef.current?.focus();
    if (!current || current.body.trim() === '') return;
    void libraryStore.addNote(current.paperId, current.body).then((saved) => {
      if (saved) toasts.info('Note saved');
    });
  }, []);

  const writable = () => {
    if (summary === undefined) return false;
    if (readOnly) toasts.info(`Decisions cannot be saved: ${readOnly}`);
    return readOnly === undefined;
  };
  const actions = {
    decide: (decision: 'include' | 'maybe') => {
      if (writable()) session.decide(decision);
    },
    startExclude: () => {
      if (!writable()) return;
      if (reasons.length === 0) session.decide('exclude');
      else session.setPendingExclude(true);
    },
    pickReason: (number: number) => {
      const reason = reasons[number - 1];
      if (reason) session.decide('exclude', reason);
    },
    openNote: () => {
      if (paperId !== undefined && writable()) setNote({ paperId, body: '' });
    },
  };
  useScreeningKeys({
    blocked: keyboardBlocked,
    noteOpen: note !== undefined,
    pendingExclude: session.pendingExclude,
    decide: (decision) => (decision === 'exclude' ? actions.startExclude() : actions.decide(decision)),
    startExclude: actions.startExclude,
    cancelExclude: () => session.setPendingExclude(false),
    pickReason: actions.pickReason,
    undo: session.undo,
    go: session.go,
    openNote: actions.openNote,
    closeNote,
    leaveField: () => paperRef.current?.focus(),
  });

  const screening = paperId === undefined ? undefined : session.screeningOf(paperId);
  return (
    <section className="view screening-view" data-testid="screening-view" aria-labelledby="screening-view-title">
      <header className="view-header screening-header">
        <div className="screening-heading">
          <h1 id="screening-view-title" className="view-title">
            Screening
          </h1>
          <p className="muted" data-testid="screening-scope">
            {ids.length === 0 ? 'The list is empty' : `Paper ${position + 1} of ${ids.length}`} · {scope}
          </p>
        </div>
        <ScreeningProgress stats={stats} />
        <div className="button-row">
          <button
            type="button"
            className={`button${criteriaOpen ? ' active' : ''}`}
            data-testid="screening-criteria-toggle"
            aria-pressed={criteriaOpen}
            onClick={() => {
              setCriteriaOpen((open) => !open);
              // The keys stay the screening keys; the panel's fields take focus when clicked.
              paperRef.current?.focus();
            }}
          >
            Criteria
          </button>
          <button type="button" className="button" data-testid="close-view" onClick={workspace.closeView}>
            Close <kbd>Esc</kbd>
          </button>
        </div>
      </header>
      <div className={`screening-body${criteriaOpen ? ' with-criteria' : ''}`}>
        <aside className="screening-side screening-side-counts" aria-label="Counts">
          <ScreeningCounts stats={stats} scope={scope} />
        </aside>
        <div className="screening-main">
          <div ref={paperRef} className="screening-scroll" tabIndex={-1} data-testid="screening-main">
            {summary ? (
              <ScreeningPaper summary={summary} whole={whole.get(summary.id)} screening={screening} reasons={reasons} keywords={keywords} />
            ) : (
              <p className="view-empty">{ids.length === 0 ? 'There are no papers in this list.' : 'This paper is no longer in the library.'}</p>
            )}
            {note && (
              <div className="screening-note-editor">
                <label className="screening-field-label" htmlFor="screening-note">
                  New note <span className="muted">— Markdown; Ctrl+Enter or Esc saves</span>
                </label>
                <textarea
                  id="screening-note"
                  className="screening-note-input"
                  data-testid="screening-note"
                  autoFocus
                  value={note.body}
                  onChange={(event) => setNote({ ...note, body: event.target.value })}
                  onBlur={closeNote}
                />
              </div>
            )}
          </div>
          {session.notice && (
            <p className="screening-notice" data-testid="screening-notice" role="status">
              {session.notice}
            </p>
          )}
          <ScreeningKeyBar
            reasons={reasons}
            pendingExclude={session.pendingExclude}
            canUndo={session.canUndo}
            disabled={readOnly !== undefined || summary === undefined}
            onDecide={(decision) => (decision === 'exclude' ? actions.startExclude() : actions.decide(decision))}
            onExclude={actions.startExclude}
            onPickReason={actions.pickReason}
            onCancelExclude={() => session.setPendingExclude(false)}
            onUndo={session.undo}
            onGo={session.go}
            onNote={actions.openNote}
          />
        </div>
        {criteriaOpen && (
          <aside className="screening-side screening-side-criteria" aria-label="Criteria">
            <ScreeningCriteriaPanel criteria={criteria} readOnly={readOnly} onClose={() => setCriteriaOpen(false)} />
          </aside>
        )}
      </div>
    </section>
  );
}
