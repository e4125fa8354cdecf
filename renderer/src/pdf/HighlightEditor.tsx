import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import { highlightColors, type HighlightColor } from '../../../shared/model/highlights';
import { tagNameSchema } from '../../../shared/model/library';
import './highlights.css';

export const highlightColorLabels: Record<HighlightColor, string> = {
  yellow: 'Yellow',
  green: 'Green',
  blue: 'Blue',
  pink: 'Pink',
  purple: 'Purple',
};

/** "method, to read" → ["method", "to read"]; names that are not valid tags are reported. */
export function parseTagList(text: string): { tags: string[]; invalid?: string } {
  const tags: string[] = [];
  for (const part of text.split(',')) {
    if (part.trim() === '') continue;
    const parsed = tagNameSchema.safeParse(part);
    if (!parsed.success) return { tags, invalid: `“${part.trim()}”: ${parsed.error.issues[0]?.message ?? 'not a tag name'}` };
    if (!tags.includes(parsed.data)) tags.push(parsed.data);
  }
  return { tags };
}

export interface HighlightDraft {
  color: HighlightColor;
  comment: string;
  tags: string[];
}

interface Props {
  /** A new highlight (a color button creates it) or an existing one (changes are saved). */
  mode: 'new' | 'edit';
  initial: { color?: HighlightColor; comment?: string; tags?: readonly string[] };
  readOnly: string | undefined;
  /** New: create with this color. Edit: change the color at once. */
  onColor: (draft: HighlightDraft) => void;
  /** Edit: save the comment and tags. */
  onSave?: (draft: HighlightDraft) => void;
  onDelete?: () => void;
  onClose: () => void;
  autoFocus?: boolean;
}

/**
 * The five colors, a comment and tags for a highlight: in the reader's popover over a selection
 * or a highlight, and in the detail pane's list. Enter in a field saves (a new highlight takes
 * the last color picked, yellow at first); Esc closes without saving.
 */
export function HighlightEditor({ mode, initial, readOnly, onColor, onSave, onDelete, onClose, autoFocus = false }: Props) {
  const [comment, setComment] = useState(initial.comment ?? '');
  const [tagText, setTagText] = useState((initial.tags ?? []).join(', '));
  const [color, setColor] = useState<HighlightColor>(initial.color ?? 'yellow');
  const parsed = parseTagList(tagText);
  const firstButton = useRef<HTMLButtonElement>(null);
  const commentId = useId();
  const tagsId = useId();
  useEffect(() => {
    if (autoFocus) firstButton.current?.focus({ preventScroll: true });
  }, [autoFocus]);

  const draft = (picked: HighlightColor): HighlightDraft => ({ color: picked, comment, tags: parsed.tags });
  const pick = (picked: HighlightColor) => {
    if (parsed.invalid) return;
    setColor(picked);
    onColor(draft(picked));
  };
  const submit = () => {
    if (parsed.invalid) return;
    if (mode === 'new') onColor(draft(color));
    else onSave?.(draft(color));
  };
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Escape') {
      // Handled here: Esc closes the editor, not the reader behind it.
      event.preventDefault();
      event.stopPropagation();
      onClose();
    } else if (event.key === 'Enter' && !event.shiftKey && event.target instanceof HTMLElement && event.target.matches('input, textarea')) {
      event.preventDefault();
      submit();
    }
  };

  return (
    <div className="highlight-editor" onKeyDown={onKeyDown}>
      <div className="highlight-colors" role="group" aria-label={mode === 'new' ? 'Highlight in color' : 'Color'}>
        {highlightColors.map((option, index) => (
          <button
            key={option}
            ref={index === highlightColors.indexOf(initial.color ?? 'yellow') ? firstButton : undefined}
            type="button"
            className={`highlight-swatch pdf-color-${option}`}
            data-testid={`highlight-color-${option}`}
            aria-label={mode === 'new' ? `Highlight ${highlightColorLabels[option]}` : highlightColorLabels[option]}
            aria-pressed={mode === 'edit' ? option === color : undefined}
            title={readOnly ?? (mode === 'new' ? `Highlight in ${option}` : `Make it ${option}`)}
            disabled={readOnly !== undefined || parsed.invalid !== undefined}
            onClick={() => pick(option)}
          />
        ))}
      </div>
      <label className="visually-hidden" htmlFor={commentId}>
        Comment
      </label>
      <textarea
        id={commentId}
        className="highlight-comment-input"
        data-testid="highlight-comment"
        placeholder="Comment (optional)"
        rows={2}
        value={comment}
        readOnly={readOnly !== undefined}
        maxLength={100_000}
        onChange={(event) => setComment(event.target.value)}
      />
      <label className="visually-hidden" htmlFor={tagsId}>
        Tags
      </label>
      <input
        id={tagsId}
        className="highlight-tags-input"
        data-testid="highlight-tags"
        placeholder="Tags, separated by commas"
        value={tagText}
        readOnly={readOnly !== undefined}
        aria-invalid={parsed.invalid !== undefined || undefined}
        onChange={(event) => setTagText(event.target.value)}
      />
      {parsed.invalid && <p className="highlight-editor-error">{parsed.invalid}</p>}
      <div className="highlight-editor-actions">
        {mode === 'new' ? (
          <span className="muted small">Pick a color to highlight · Esc cancels</span>
        ) : (
          <>
            {onDelete && (
              <button type="button" className="button small ghost danger-text" data-testid="highlight-delete" onClick={onDelete} disabled={readOnly !== undefined}>
                Delete
              </button>
            )}
            <span className="spacer" />
            <button type="button" className="button small" onClick={onClose}>
              Cancel
            </button>
            <button
              type="button"
              className="button small primary"
              data-testid="highlight-save"
              onClick={submit}
              disabled={readOnly !== undefined || parsed.invalid !== undefined}
            >
              Save
            </button>
          </>
        )}
      </div>
    </div>
  );
}
