import { useState } from 'react';
import { compareHighlights, type HighlightColor } from '../../../shared/model/highlights';
import type { Annotation } from '../../../shared/model/library';
import { HighlightEditor } from './HighlightEditor';
import { deleteHighlight, updateHighlight } from './highlight-actions';
import './highlights.css';

interface Props {
  paperId: string;
  highlights: readonly Annotation[];
  readOnly: string | undefined;
  /** The highlight the reader shows as active. */
  activeId?: string;
  /** Opens the reader at a highlight (or, in the reader, scrolls to it). */
  onOpen: (highlight: Annotation) => void;
}

/** A paper's highlights in reading order: quote, page, color, comment and tags; each opens its place, and can be edited or deleted. */
export function HighlightList({ paperId, highlights, readOnly, activeId, onOpen }: Props) {
  const [editing, setEditing] = useState<string | undefined>();
  const sorted = [...highlights].sort(compareHighlights);
  return (
    <ol className="highlight-list" data-testid="highlight-list">
      {sorted.map((highlight) => (
        <li
          key={highlight.id}
          className={`highlight-item${highlight.id === activeId ? ' active' : ''}`}
          data-testid="highlight-item"
          data-annotation-id={highlight.id}
        >
          <button
            type="button"
            className="highlight-open"
            data-testid="highlight-open"
            title={`Show on page ${highlight.page}`}
            onClick={() => onOpen(highlight)}
          >
            <span className={`highlight-bar pdf-color-${highlight.color}`} aria-hidden="true" />
            <span className="highlight-body">
              <span className="highlight-quote" data-testid="highlight-quote">
                {highlight.quote}
              </span>
              {highlight.comment && (
                <span className="highlight-comment" data-testid="highlight-item-comment">
                  {highlight.comment}
                </span>
              )}
              <span className="highlight-meta">
                <span data-testid="highlight-page">p. {highlight.page}</span>
                {highlight.tags?.map((tag) => (
                  <span key={tag} className="highlight-tag">
                    {tag}
                  </span>
                ))}
              </span>
            </span>
          </button>
          {readOnly === undefined && editing !== highlight.id && (
            <button
              type="button"
              className="icon-button highlight-edit-toggle"
              data-testid="highlight-edit"
              aria-label={`Edit the highlight on page ${highlight.page}`}
              title="Edit color, comment or tags"
              onClick={() => setEditing(highlight.id)}
            >
              ✎
            </button>
          )}
          {editing === highlight.id && (
            <HighlightEditor
              mode="edit"
              autoFocus
              initial={{ color: highlight.color as HighlightColor, comment: highlight.comment ?? '', tags: highlight.tags ?? [] }}
              readOnly={readOnly}
              onColor={(draft) => void updateHighlight(paperId, highlight.id, { color: draft.color })}
              onSave={(draft) => {
                setEditing(undefined);
                void updateHighlight(paperId, highlight.id, { comment: draft.comment, tags: draft.tags });
              }}
              onDelete={() => {
                setEditing(undefined);
                void deleteHighlight(paperId, highlight.id);
              }}
              onClose={() => setEditing(undefined)}
            />
          )}
        </li>
      ))}
    </ol>
  );
}
