import { useState, type KeyboardEvent } from 'react';
import type { PaperCells } from '../../../shared/api/contract';

interface Props {
  highlights: PaperCells['highlights'];
  /** The highlight the cell cites now. */
  current: string | undefined;
  onPick: (annotationId: string | null) => void;
  onClose: () => void;
}

/** Picks one of the paper's highlights (↑/↓, Enter) as a cell's evidence, or "No evidence"; Esc closes. */
export function EvidencePicker({ highlights, current, onPick, onClose }: Props) {
  const choices: Array<{ id: string | null; page?: number; quote: string }> = [...highlights, { id: null, quote: 'No evidence' }];
  // The cited highlight, else the first one.
  const [active, setActive] = useState(() => Math.max(0, choices.findIndex((choice) => current !== undefined && choice.id === current)));

  const onKeyDown = (event: KeyboardEvent<HTMLUListElement>) => {
    event.stopPropagation();
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      setActive((at) => (event.key === 'ArrowDown' ? Math.min(choices.length - 1, at + 1) : Math.max(0, at - 1)));
    } else if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      onPick(choices[active]?.id ?? null);
    } else if (event.key === 'Escape' || event.key === 'Tab') {
      event.preventDefault();
      onClose();
    }
  };

  return (
    <div className="evidence-picker" data-testid="evidence-picker">
      <p className="evidence-picker-title">{highlights.length === 0 ? 'This paper has no highlights to cite' : 'Cite a highlight as evidence'}</p>
      <ul
        role="listbox"
        aria-label="Highlights"
        tabIndex={0}
        ref={(element) => element?.focus()}
        onKeyDown={onKeyDown}
        onBlur={onClose}
        aria-activedescendant={`evidence-${active}`}
      >
        {choices.map((choice, index) => (
          <li
            key={choice.id ?? 'none'}
            id={`evidence-${index}`}
            role="option"
            aria-selected={index === active}
            className={index === active ? 'active' : undefined}
            onMouseDown={(event) => {
              event.preventDefault();
              onPick(choice.id);
            }}
          >
            {choice.page !== undefined && <span className="evidence-page">p. {choice.page} </span>}
            <span className="evidence-quote">{choice.quote}</span>
          </li>
        ))}
      </ul>
    </div>
  );
}
