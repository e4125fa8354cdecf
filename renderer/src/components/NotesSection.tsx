import { useCallback } from 'react';
import type { Paper } from '../../../shared/model/library';
import { libraryStore } from '../state/library-store';
import { toasts } from '../state/toast-store';
import { NoteEditor } from './NoteEditor';

interface Props {
  paper: Paper;
  focusNoteId: string | undefined;
  onNoteFocused: () => void;
  onAddNote: () => void;
  onEscape: () => void;
}

export function NotesSection({ paper, focusNoteId, onNoteFocused, onAddNote, onEscape }: Props) {
  const paperId = paper.id;
  const deleteNote = useCallback(
    async (noteId: string, body: string) => {
      const deleted = await libraryStore.deleteNote(paperId, noteId);
      if (!deleted) return;
      if (body.trim() === '') return;
      toasts.info('Note deleted', { label: 'Undo', run: () => void libraryStore.addNote(paperId, body) });
    },
    [paperId],
  );

  return (
    <section className="detail-section notes" aria-labelledby="notes-heading">
      <div className="section-heading-row">
        <h2 id="notes-heading" className="section-title">
          Notes{paper.notes.length > 0 && <span className="section-count">{paper.notes.length}</span>}
        </h2>
        <button type="button" className="button small add-note" data-testid="add-note" onClick={onAddNote} title="Add note (N)">
          Add note
        </button>
      </div>
      {paper.notes.length === 0 && (
        <p className="muted">No notes yet. Notes are Markdown, saved as you type, and shown with a live preview.</p>
      )}
      {paper.notes.map((note, index) => (
        <NoteEditor
          key={note.id}
          paperId={paper.id}
          note={note}
          index={index}
          autoFocus={note.id === focusNoteId}
          onFocused={onNoteFocused}
          onDelete={(body) => void deleteNote(note.id, body)}
          onEscape={onEscape}
        />
      ))}
    </section>
  );
}
