import { useEffect, useId, useRef, type KeyboardEvent } from 'react';
import type { Note } from '../../../shared/model/library';
import { MarkdownPreview } from './MarkdownPreview';
import { useNoteDraft, type SaveState } from './use-note-draft';

interface Props {
  paperId: string;
  note: Note;
  index: number;
  /** The library cannot be changed: the note is shown, not edited. */
  readOnly: boolean;
  autoFocus: boolean;
  onFocused: () => void;
  onDelete: (body: string) => void;
  onEscape: () => void;
}

const saveLabels: Record<SaveState, string> = {
  idle: '',
  pending: 'Saving…',
  saving: 'Saving…',
  saved: 'Saved',
  error: 'Not saved',
};

const timeFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

export function NoteEditor({ paperId, note, index, readOnly, autoFocus, onFocused, onDelete, onEscape }: Props) {
  const draft = useNoteDraft(paperId, note);
  const textarea = useRef<HTMLTextAreaElement>(null);
  const labelId = useId();

  useEffect(() => {
    if (!autoFocus) return;
    textarea.current?.focus();
    textarea.current?.scrollIntoView({ block: 'nearest', behavior: 'smooth' });
    onFocused();
  }, [autoFocus, onFocused]);

  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (event.key === 'Escape') {
      event.preventDefault();
      draft.flush();
      onEscape();
    }
  };

  return (
    <article className="note" data-testid="note" data-note-id={note.id} aria-labelledby={labelId}>
      <header className="note-header">
        <h3 className="note-title" id={labelId}>
          Note {index + 1}
        </h3>
        <span className="note-date">edited {timeFormat.format(new Date(note.updatedAt))}</span>
        <span
          className={`save-status save-${draft.state}`}
          data-testid="save-status"
          role="status"
          aria-live="polite"
          title={draft.error}
        >
          {saveLabels[draft.state]}
          {draft.error && <span className="visually-hidden">: {draft.error}</span>}
        </span>
        {!readOnly && (
          <button
            type="button"
            className="button ghost small danger"
            data-testid="delete-note"
            onClick={() => {
              draft.discard();
              onDelete(draft.text);
            }}
          >
            Delete
          </button>
        )}
      </header>
      {draft.error && (
        <p className="field-error" role="alert">
          Not saved: {draft.error}{' '}
          <button type="button" className="link-button" onClick={draft.flush}>
            Try again
          </button>
        </p>
      )}
      <div className="note-body">
        <textarea
          ref={textarea}
          className="note-editor"
          data-testid="note-editor"
          aria-label={`Note ${index + 1} (Markdown)`}
          placeholder="Write in Markdown: **bold**, - lists, [links](https://…), | tables |"
          value={draft.text}
          readOnly={readOnly}
          onChange={(event) => draft.change(event.target.value)}
          onBlur={draft.flush}
          onKeyDown={onKeyDown}
        />
        <div className="note-preview markdown" data-testid="note-preview" aria-label="Preview">
          {draft.text.trim() ? <MarkdownPreview text={draft.text} /> : <p className="muted preview-empty">Preview</p>}
        </div>
      </div>
    </article>
  );
}
