import { useEffect, useRef, type KeyboardEvent } from 'react';

interface Props {
  query: string;
  onQuery: (query: string) => void;
  /** 0-based; -1 when there is no match. */
  current: number;
  total: number;
  /** Still reading pages' text: the count may grow. */
  searching: boolean;
  /** Bumped to move focus to the field again (Ctrl/Cmd+F while the bar is open). */
  focusRequest: number;
  onNext: () => void;
  onPrevious: () => void;
  onClose: () => void;
}

/** Find in document: the field, "3 of 17", previous and next. Enter and Shift+Enter step; Esc closes. */
export function FindBar({ query, onQuery, current, total, searching, focusRequest, onNext, onPrevious, onClose }: Props) {
  const input = useRef<HTMLInputElement>(null);
  useEffect(() => {
    input.current?.focus();
    input.current?.select();
  }, [focusRequest]);

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'Enter') {
      event.preventDefault();
      if (event.shiftKey) onPrevious();
      else onNext();
    } else if (event.key === 'Escape') {
      // Esc closes the find bar, not the reader.
      event.preventDefault();
      onClose();
    }
  };

  let status = '';
  if (query.trim()) {
    if (total === 0) status = searching ? 'Searching…' : 'No matches';
    else status = `${current + 1} of ${total}${searching ? '+' : ''}`;
  }

  return (
    <div className="pdf-find-bar" role="search" data-testid="pdf-find-bar">
      <input
        ref={input}
        type="search"
        className="pdf-find-input"
        data-testid="pdf-find-input"
        aria-label="Find in document"
        placeholder="Find in document"
        value={query}
        onChange={(event) => onQuery(event.target.value)}
        onKeyDown={onKeyDown}
      />
      <span className="pdf-find-status muted small" data-testid="pdf-find-status" aria-live="polite">
        {status}
      </span>
      <button type="button" className="icon-button" aria-label="Previous match" title="Previous match (Shift+Enter)" disabled={total === 0} onClick={onPrevious}>
        ↑
      </button>
      <button type="button" className="icon-button" data-testid="pdf-find-next" aria-label="Next match" title="Next match (Enter)" disabled={total === 0} onClick={onNext}>
        ↓
      </button>
      <button type="button" className="icon-button" aria-label="Close find" title="Close (Esc)" onClick={onClose}>
        ×
      </button>
    </div>
  );
}
