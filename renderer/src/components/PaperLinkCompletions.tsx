import { useLayoutEffect, useRef } from 'react';
import type { PaperSummary } from '../../../shared/api/contract';
import { authorName } from '../../../shared/model/format-authors';

interface Props {
  id: string;
  choices: readonly PaperSummary[];
  active: number;
  typed: string;
  /** The choices do not answer what is typed yet (they are shown dimmed until they do). */
  searching: boolean;
  /** Where to draw it, relative to the note editor (under the caret's line). */
  position: { top: number; left: number };
  onChoose: (paper: PaperSummary) => void;
}

function byline(paper: PaperSummary): string {
  const first = paper.authors[0];
  const authors = first ? `${authorName(first)}${paper.authorCount > 1 ? ' et al.' : ''}` : '';
  return [authors, paper.year].filter((part) => part !== '' && part !== undefined).join(' · ');
}

/** The papers a `[[` link can point to, as a listbox the note editor drives with ↑/↓, Enter and Esc. */
export function PaperLinkCompletions({ id, choices, active, typed, searching, position, onChoose }: Props) {
  const root = useRef<HTMLDivElement>(null);
  // A note low in the detail pane would open the list out of sight.
  useLayoutEffect(() => {
    root.current?.scrollIntoView({ block: 'nearest' });
  }, [choices.length, position.top]);
  useLayoutEffect(() => {
    root.current?.querySelector('[aria-selected="true"]')?.scrollIntoView({ block: 'nearest' });
  }, [active]);
  return (
    <div ref={root} className="paper-link-completions" style={{ top: position.top, left: position.left }} data-testid="paper-link-completions">
      <p className="paper-link-completions-head" data-testid="paper-link-completions-head">
        {typed.trim() === '' ? 'Link to a paper: type its title, an author or a word' : searching ? 'Searching…' : `Papers matching “${typed}”`}
      </p>
      {choices.length === 0 && !searching ? (
        <p className="paper-link-completions-empty">No paper matches.</p>
      ) : (
        <ul id={id} role="listbox" aria-label="Papers to link" aria-busy={searching || undefined} className={searching ? 'stale' : undefined}>
          {choices.map((paper, index) => (
            <li
              key={paper.id}
              id={`${id}-${index}`}
              role="option"
              aria-selected={index === active}
              className={`paper-link-choice${index === active ? ' active' : ''}`}
              data-testid="paper-link-choice"
              data-paper-id={paper.id}
              // The textarea keeps focus (and its caret) while a choice is clicked.
              onMouseDown={(event) => event.preventDefault()}
              onClick={() => onChoose(paper)}
            >
              <span className="paper-link-choice-title">{paper.title || 'Untitled'}</span>
              <span className="paper-link-choice-meta">{byline(paper)}</span>
            </li>
          ))}
        </ul>
      )}
      <p className="paper-link-completions-keys">
        <kbd>↑</kbd> <kbd>↓</kbd> choose · <kbd>Enter</kbd> link · <kbd>Esc</kbd> close
      </p>
    </div>
  );
}
