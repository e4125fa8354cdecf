import type { NoteState } from '../compare/use-comparison-note';
import { MarkdownPreview } from './MarkdownPreview';

interface Props {
  note: string;
  state: NoteState;
  readOnly: string | undefined;
  onChange: (note: string) => void;
}

const stateLabels: Record<NoteState, string> = { loading: 'Loading…', saved: 'Saved', editing: 'Editing…', saving: 'Saving…', failed: 'Not saved' };

/** The comparison note (Markdown) of this set of papers, saved as you type, with its preview. */
export function ComparisonNoteEditor({ note, state, readOnly, onChange }: Props) {
  return (
    <section className="comparison-note" aria-labelledby="comparison-note-label">
      <div className="comparison-note-head">
        <label id="comparison-note-label" htmlFor="comparison-note" className="section-title">
          Comparison note
        </label>
        <span className="muted small" data-testid="comparison-note-state" data-state={state}>
          Markdown · {stateLabels[state]}
        </span>
      </div>
      <div className="comparison-note-body">
        <textarea
          id="comparison-note"
          className="comparison-note-input"
          data-testid="comparison-note"
          value={note}
          placeholder="What these papers share, where they differ, what to take from each…"
          disabled={state === 'loading' || readOnly !== undefined}
          title={readOnly}
          onChange={(event) => onChange(event.target.value)}
        />
        <div className="comparison-note-preview" aria-label="Preview">
          {note.trim() ? <MarkdownPreview text={note} /> : <p className="muted preview-empty">Preview</p>}
        </div>
      </div>
    </section>
  );
}
