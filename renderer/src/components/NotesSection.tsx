import { useCallback, useMemo } from 'react';
import type { PaperSummary } from '../../../shared/api/contract';
import type { Note } from '../../../shared/model/library';
import { libraryStore } from '../state/library-store';
import { toasts } from '../state/toast-store';
import { NoteEditor } from './NoteEditor';
import { PaperLinkContext, type PaperLinks } from './paper-link-context';

interface Props {
  paperId: string;
  /** Undefined while the whole paper is being fetched. */
  notes: readonly Note[] | undefined;
  /** From the summary: how many notes there are, known before the notes themselves. */
  noteCount: number;
  readOnly: string | undefined;
  focusNoteId: string | undefined;
  onNoteFocused: () => void;
  onAddNote: () => void;
  onEscape: () => void;
  /** Looks up the papers that links in the notes name. */
  summaryOf: (id: string) => PaperSummary | undefined;
  /** Opens a paper a link in a note names. */
  onOpenPaper: (id: string) => void;
}

export function NotesSection({ paperId, notes, noteCount, readOnly, focusNoteId, onNoteFocused, onAddNote, onEscape, summaryOf, onOpenPaper }: Props) {
  const links = useMemo<PaperLinks>(() => ({ titleOf: (id) => summaryOf(id)?.title, open: onOpenPaper }), [summaryOf, onOpenPaper]);
  const deleteNote = useCallback(
    async (noteId: string, body: string) => {
      const deleted = await libraryStore.deleteNote(paperId, noteId);
      if (!deleted) return;
      if (body.trim() === '') return;
      toasts.info('Note deleted', { label: 'Undo', run: () => void libraryStore.addNote(paperId, body) });
    },
    [paperId],
  );
  const count = notes?.length ?? noteCount;

  return (
    <section className="detail-section notes" aria-labelledby="notes-heading">
      <div className="section-heading-row">
        <h2 id="notes-heading" className="section-title">
          Notes{count > 0 && <span className="section-count">{count}</span>}
        </h2>
        <button
          type="button"
          className="button small add-note"
          data-testid="add-note"
          onClick={onAddNote}
          disabled={readOnly !== undefined}
          title={readOnly ?? 'Add note (N)'}
        >
          Add note
        </button>
      </div>
      {notes === undefined && noteCount > 0 && <p className="muted loading-text">Loading notes…</p>}
      {count === 0 && (
        <p className="muted">
          {readOnly ? 'No notes.' : 'No notes yet. Notes are Markdown, saved as you type, and shown with a live preview.'}
        </p>
      )}
      <PaperLinkContext.Provider value={links}>
        {notes?.map((note, index) => (
          <NoteEditor
            key={note.id}
            paperId={paperId}
            note={note}
            index={index}
            readOnly={readOnly !== undefined}
            autoFocus={note.id === focusNoteId}
            onFocused={onNoteFocused}
            onDelete={(body) => void deleteNote(note.id, body)}
            onEscape={onEscape}
          />
        ))}
      </PaperLinkContext.Provider>
    </section>
  );
}
