import { useEffect, useId, useLayoutEffect, useRef, useState, type KeyboardEvent } from 'react';
import type { PaperSummary } from '../../../shared/api/contract';
import type { Note } from '../../../shared/model/library';
import { caretPosition } from '../util/caret-position';
import { insertPaperLink, paperLinkMarkdown } from '../util/paper-link';
import { MarkdownPreview } from './MarkdownPreview';
import { PaperLinkCompletions } from './PaperLinkCompletions';
import { usePaperLinkCompletion } from './use-paper-link-completion';
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

/** Edits within a minute of creating the note do not count as a later edit. */
const EDITED_AFTER_MS = 60_000;

export function NoteEditor({ paperId, note, index, readOnly, autoFocus, onFocused, onDelete, onEscape }: Props) {
  const draft = useNoteDraft(paperId, note);
  const textarea = useRef<HTMLTextAreaElement>(null);
  const labelId = useId();
  const listId = useId();
  const links = usePaperLinkCompletion(paperId);
  const [listAt, setListAt] = useState({ top: 0, left: 0 });
  /** Where the caret goes once React has put a link into the text. */
  const pendingCaret = useRef<number | undefined>(undefined);
  const created = new Date(note.createdAt);
  const updated = new Date(note.updatedAt);
  const edited = updated.getTime() - created.getTime() >= EDITED_AFTER_MS;

  useLayoutEffect(() => {
    const caret = pendingCaret.current;
    if (caret === undefined || !textarea.current) return;
    pendingCaret.current = undefined;
    textarea.current.setSelectionRange(caret, caret);
  }, [draft.text]);

  const linkQueryStart = links.query?.start;
  useLayoutEffect(() => {
    const element = textarea.current;
    if (linkQueryStart === undefined || !element) return;
    const caret = caretPosition(element, linkQueryStart);
    setListAt({ top: element.offsetTop + caret.top + caret.height + 4, left: element.offsetLeft + Math.min(caret.left, element.clientWidth - 280) });
  }, [linkQueryStart]);

  const followCaret = () => {
    const element = textarea.current;
    if (element) links.update(element.value, element.selectionStart);
  };

  /** Enter pressed before the answer to the typed text arrived: its first paper is linked when it does. */
  const acceptWhenFresh = useRef(false);
  const chooseLink = (paper: PaperSummary) => {
    const element = textarea.current;
    const query = links.query;
    if (!element || !query) return;
    const next = insertPaperLink(element.value, query, element.selectionStart, paperLinkMarkdown(paper.title, paper.id));
    links.close();
    pendingCaret.current = next.caret;
    draft.change(next.text);
  };

  useEffect(() => {
    if (!acceptWhenFresh.current || (links.query && !links.fresh)) return;
    acceptWhenFresh.current = false;
    const first = links.choices[0];
    if (links.query && first) chooseLink(first);
  });

  useEffect(() => {
    if (!autoFocus) return;
    textarea.current?.focus();
    textarea.current?.scrollIntoView({ block: 'nearest', behavior: 'smooth' });
    onFocused();
  }, [autoFocus, onFocused]);

  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (links.query) {
      const chosen = links.choices[links.active];
      if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
        event.preventDefault();
        links.move(event.key === 'ArrowDown' ? 1 : -1);
        return;
      }
      if ((event.key === 'Enter' || event.key === 'Tab') && !event.shiftKey && (chosen || !links.fresh)) {
        event.preventDefault();
        if (links.fresh && chosen) chooseLink(chosen);
        else acceptWhenFresh.current = true;
        return;
      }
      if (event.key === 'Escape') {
        event.preventDefault();
        links.dismiss();
        return;
      }
    }
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
        <span className="note-date">
          <span data-testid="note-created">
            created <time dateTime={note.createdAt}>{timeFormat.format(created)}</time>
          </span>
          {edited && (
            <span data-testid="note-updated">
              {' · '}edited <time dateTime={note.updatedAt}>{timeFormat.format(updated)}</time>
            </span>
          )}
        </span>
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
        <div className="note-editor-wrap">
          <textarea
            ref={textarea}
            className="note-editor"
            data-testid="note-editor"
            aria-label={`Note ${index + 1} (Markdown)`}
            placeholder="Write in Markdown: **bold**, - lists, [links](https://…), | tables |, [[ to link a paper"
            value={draft.text}
            readOnly={readOnly}
            aria-autocomplete="list"
            aria-controls={links.query ? listId : undefined}
            aria-activedescendant={links.query && links.choices.length > 0 ? `${listId}-${links.active}` : undefined}
            onChange={(event) => {
              draft.change(event.target.value);
              if (!readOnly) links.update(event.target.value, event.target.selectionStart);
            }}
            onSelect={() => !readOnly && followCaret()}
            onBlur={() => {
              links.close();
              draft.flush();
            }}
            onKeyDown={onKeyDown}
          />
          {links.query && (
            <PaperLinkCompletions
              id={listId}
              choices={links.choices}
              active={links.active}
              typed={links.query.text}
              searching={links.searching || !links.fresh}
              position={listAt}
              onChoose={chooseLink}
            />
          )}
        </div>
        <div className="note-preview markdown" data-testid="note-preview" aria-label="Preview">
          {draft.text.trim() ? <MarkdownPreview text={draft.text} /> : <p className="muted preview-empty">Preview</p>}
        </div>
      </div>
    </article>
  );
}
