import Fuse, { type Expression } from 'fuse.js';
import { useEffect, useId, useLayoutEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { commands, isRunnable, type Command, type CommandContext } from '../commands/commands';
import { shortcutLabel } from '../commands/shortcut';
import { Kbd } from './Kbd';

interface Props {
  context: CommandContext;
  onClose: () => void;
}

/** Ctrl/Cmd+K: every command, filtered with fuse.js as you type, runnable with ↑/↓ and Enter. */
export function CommandPalette({ context, onClose }: Props) {
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  const listId = useId();
  const input = useRef<HTMLInputElement>(null);
  const activeItem = useRef<HTMLLIElement>(null);

  const available = useMemo(() => commands.filter((command) => command.isAvailable?.(context) ?? true), [context]);
  const fuse = useMemo(
    () =>
      new Fuse(
        available.map((command) => ({ command, title: command.titleFor?.(context) ?? command.title, keywords: command.keywords ?? [], shortcut: command.shortcut ? shortcutLabel(command.shortcut) : '' })),
        {
          keys: [
            { name: 'title', weight: 3 },
            { name: 'keywords', weight: 1 },
            { name: 'shortcut', weight: 0.5 },
          ],
          threshold: 0.4,
          ignoreLocation: true,
        },
      ),
    [available, context],
  );
  // Each word must match somewhere (title, keywords or shortcut), in any order: "markdown copy" finds "Copy … as Markdown".
  const words = query.trim().split(/\s+/).filter(Boolean);
  const items: Command[] =
    words.length > 0
      ? fuse.search({ $and: words.map((word): Expression => ({ $or: ['title', 'keywords', 'shortcut'].map((key) => ({ [key]: word })) })) }).map((result) => result.item.command)
      : available;

  const previousFocus = useRef<HTMLElement | null>(null);
  // Focus goes back before a command runs, so a command that moves focus on purpose has the last word.
  const restoreFocus = () => {
    const previous = previousFocus.current;
    if (previous?.isConnected) previous.focus();
  };
  useEffect(() => {
    previousFocus.current = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    input.current?.focus();
    return () => {
      const now = document.activeElement;
      const previous = previousFocus.current;
      if ((now === null || now === document.body || !now.isConnected) && previous?.isConnected) previous.focus();
    };
  }, []);

  useLayoutEffect(() => {
    activeItem.current?.scrollIntoView({ block: 'nearest' });
  }, [active, query]);

  const firstRunnable = (from: number, step: 1 | -1): number => {
    for (let offset = 0; offset < items.length; offset += 1) {
      const index = (((from + step * offset) % items.length) + items.length) % items.length;
      const command = items[index];
      if (command && isRunnable(command, context)) return index;
    }
    return -1;
  };
  const activeIndex = items[active] && isRunnable(items[active], context) ? active : firstRunnable(active, 1);

  const run = (command: Command | undefined) => {
    if (!command || !isRunnable(command, context)) return;
    restoreFocus();
    onClose();
    if (command.id !== 'palette') command.run(context);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      const step = event.key === 'ArrowDown' ? 1 : -1;
      const next = firstRunnable(activeIndex + step, step);
      if (next >= 0) setActive(next);
    } else if (event.key === 'Enter') {
      event.preventDefault();
      run(items[activeIndex]);
    } else if (event.key === 'Escape') {
      event.preventDefault();
      onClose();
    } else if (event.key === 'Tab') {
      // The palette is modal: focus stays in its input.
      event.preventDefault();
    }
  };

  return (
    <div className="palette-backdrop" onMouseDown={(event) => event.target === event.currentTarget && onClose()}>
      <div className="palette" data-testid="palette" role="dialog" aria-modal="true" aria-label="Command palette">
        <div className="palette-search">
          <input
            ref={input}
            className="palette-input"
            data-testid="palette-input"
            type="text"
            role="combobox"
            aria-expanded="true"
            aria-controls={listId}
            aria-activedescendant={activeIndex >= 0 ? `${listId}-${activeIndex}` : undefined}
            aria-autocomplete="list"
            placeholder="Type a command…"
            autoComplete="off"
            spellCheck={false}
            value={query}
            onChange={(event) => {
              setQuery(event.target.value);
              setActive(0);
            }}
            onKeyDown={onKeyDown}
          />
        </div>
        <ul className="palette-list" id={listId} role="listbox" aria-label="Commands">
          {items.length === 0 && <li className="palette-empty">No command matches “{query}”.</li>}
          {items.map((command, index) => {
            const reason = command.disabledReason?.(context);
            return (
              <li
                key={command.id}
                ref={index === activeIndex ? activeItem : undefined}
                id={`${listId}-${index}`}
                role="option"
                aria-selected={index === activeIndex}
                aria-disabled={reason !== undefined || undefined}
                className={`palette-item${index === activeIndex ? ' active' : ''}${reason ? ' disabled' : ''}`}
                data-testid="palette-item"
                data-command={command.id}
                onMouseMove={() => reason === undefined && index !== activeIndex && setActive(index)}
                onMouseDown={(event) => event.preventDefault()}
                onClick={() => run(command)}
              >
                <span className="palette-group">{command.group}</span>
                <span className="palette-title">{command.titleFor?.(context) ?? command.title}</span>
                {reason && <span className="palette-reason">{reason}</span>}
                {command.shortcut && <Kbd shortcut={command.shortcut} />}
              </li>
            );
          })}
        </ul>
        <footer className="palette-footer">
          <span>
            <kbd>↑</kbd> <kbd>↓</kbd> to choose
          </span>
          <span>
            <kbd>Enter</kbd> to run
          </span>
          <span>
            <kbd>Esc</kbd> to close
          </span>
        </footer>
      </div>
    </div>
  );
}
