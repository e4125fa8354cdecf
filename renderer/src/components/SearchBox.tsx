import { useId, useLayoutEffect, useMemo, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import { completeQuery, type QueryCompletion } from '../../../shared/search/parse-query';
import type { Workspace } from '../state/use-workspace';
import { SearchCompletions } from './SearchCompletions';

interface Props {
  workspace: Workspace;
}

interface Completions {
  items: QueryCompletion[];
  /** The highlighted suggestion, -1 for none (Enter then goes to the list). */
  active: number;
}

const closed: Completions = { items: [], active: -1 };

/** The query with the ranges the search did not understand wrapped for a wavy underline. */
function underlined(query: string, hints: Workspace['hints']): ReactNode[] {
  const nodes: ReactNode[] = [];
  let last = 0;
  for (const hint of [...hints].sort((a, b) => a.start - b.start)) {
    const start = Math.max(hint.start, last);
    // An empty range (a missing value at the end) still gets a mark the width of a letter.
    const end = Math.max(Math.min(hint.end, query.length), start);
    if (start > last) nodes.push(query.slice(last, start));
    nodes.push(
      <span key={start} className="search-hint-mark" data-testid="search-hint-mark">
        {end > start ? query.slice(start, end) : '\u00a0'}
      </span>,
    );
    last = end;
  }
  if (last < query.length) nodes.push(query.slice(last));
  return nodes;
}

/**
 * The search box: a combobox whose suggestions (field names, tags, venues, the values of status:,
 * decision: and has:) come from `completeQuery` as the user types. ↑/↓ choose, Tab or Enter accept,
 * Esc closes them (a second Esc goes back to the list), Ctrl+Space asks for them. What the search
 * did not understand is underlined in place, by a copy of the text drawn behind the input.
 */
export function SearchBox({ workspace }: Props) {
  const { ui, dispatch, refs, tags, venues, hints, search } = workspace;
  const listId = useId();
  const [completions, setCompletions] = useState<Completions>(closed);
  const mirror = useRef<HTMLDivElement>(null);
  /** Where the caret goes once React has put an accepted suggestion in the box. */
  const caretAfterRender = useRef<number | undefined>(undefined);
  const tagNames = useMemo(() => tags.map((tag) => tag.name), [tags]);
  const open = completions.items.length > 0;

  const syncMirror = () => {
    const input = refs.search.current;
    if (input && mirror.current) mirror.current.scrollLeft = input.scrollLeft;
  };

  useLayoutEffect(() => {
    const input = refs.search.current;
    const caret = caretAfterRender.current;
    if (input && caret !== undefined) {
      caretAfterRender.current = undefined;
      input.setSelectionRange(caret, caret);
    }
    syncMirror();
  });

  /** Suggestions at the caret. `explicit`: asked for with Ctrl+Space, so an empty word gets every field. */
  const suggest = (text: string, caret: number, explicit: boolean) => {
    const startOfWord = caret === 0 || /\s/.test(text[caret - 1] ?? '');
    if (startOfWord && !explicit) {
      setCompletions(closed);
      return;
    }
    // Venues are gathered from every summary only when `venue:` is being completed.
    const items = completeQuery(text, caret, {
      tags: tagNames,
      get venues() {
        return venues();
      },
    });
    const typed = (item: QueryCompletion) => text.slice(item.replaceFrom, item.replaceTo);
    // What is typed is already a whole suggestion (status:read): Enter should search, not accept.
    const exact = items.some((item) => item.insert.toLowerCase() === typed(item).toLowerCase());
    setCompletions(items.length === 0 ? closed : { items, active: exact ? -1 : 0 });
  };

  const accept = (item: QueryCompletion) => {
    const text = ui.query;
    const isField = item.insert.endsWith(':');
    const after = text.slice(item.replaceTo);
    // A finished value gets a space after it, so the next word can be typed at once.
    const space = !isField && !/^\s/.test(after) ? ' ' : '';
    const next = `${text.slice(0, item.replaceFrom)}${item.insert}${space}${after}`;
    const caret = item.replaceFrom + item.insert.length + space.length;
    dispatch({ type: 'setQuery', query: next });
    caretAfterRender.current = caret;
    // A field name goes on to its values (tag: → the tags).
    if (isField) suggest(next, caret, false);
    else setCompletions(closed);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    const input = event.currentTarget;
    if (event.key === ' ' && event.ctrlKey) {
      event.preventDefault();
      suggest(input.value, input.selectionStart ?? input.value.length, true);
      return;
    }
    if (open) {
      const { items, active } = completions;
      if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
        event.preventDefault();
        const step = event.key === 'ArrowDown' ? 1 : -1;
        const next = active < 0 ? (step === 1 ? 0 : items.length - 1) : (active + step + items.length) % items.length;
        setCompletions({ items, active: next });
        return;
      }
      const chosen = items[active] ?? (event.key === 'Tab' ? items[0] : undefined);
      if ((event.key === 'Enter' || event.key === 'Tab') && chosen && !event.shiftKey) {
        event.preventDefault();
        accept(chosen);
        return;
      }
      if (event.key === 'Escape') {
        event.preventDefault();
        setCompletions(closed);
        return;
      }
      if (event.key === 'ArrowLeft' || event.key === 'ArrowRight' || event.key === 'Home' || event.key === 'End') setCompletions(closed);
    }
    if (event.key === 'Escape') {
      event.preventDefault();
      if (ui.syntaxHelpOpen) {
        dispatch({ type: 'setSyntaxHelpOpen', open: false });
        return;
      }
      // Leaving the search keeps the query: Esc is "back to the list", x clears.
      workspace.focusList();
    } else if (event.key === 'ArrowDown' || event.key === 'Enter') {
      event.preventDefault();
      if (workspace.visibleIds.length === 0) return;
      if (!ui.selection.cursor || !workspace.visibleIds.includes(ui.selection.cursor)) workspace.move('first', false);
      workspace.focusList();
    }
  };

  const activeId = open && completions.active >= 0 ? `${listId}-${completions.active}` : undefined;
  return (
    <div className={`search${search.pending ? ' pending' : ''}`} role="search">
      <svg className="search-icon" viewBox="0 0 20 20" aria-hidden="true">
        <circle cx="8.5" cy="8.5" r="5.5" fill="none" stroke="currentColor" strokeWidth="1.8" />
        <path d="M12.8 12.8 17 17" stroke="currentColor" strokeWidth="1.8" strokeLinecap="round" />
      </svg>
      <span className="search-spinner" aria-hidden="true" />
      {hints.length > 0 && (
        <div ref={mirror} className="search-mirror" aria-hidden="true">
          {underlined(ui.query, hints)}
        </div>
      )}
      <input
        ref={refs.search}
        type="text"
        role="combobox"
        className="search-input"
        data-testid="search-input"
        placeholder="Search…  ( / )   try ti: tag: year:"
        aria-label="Search papers"
        aria-autocomplete="list"
        aria-expanded={open}
        aria-controls={listId}
        aria-activedescendant={activeId}
        aria-describedby={hints.length > 0 ? 'search-hints' : undefined}
        aria-invalid={hints.length > 0 || undefined}
        spellCheck={false}
        autoComplete="off"
        value={ui.query}
        onChange={(event) => {
          const input = event.target;
          dispatch({ type: 'setQuery', query: input.value });
          suggest(input.value, input.selectionStart ?? input.value.length, false);
        }}
        onKeyDown={onKeyDown}
        onScroll={syncMirror}
        onSelect={syncMirror}
        onBlur={() => setCompletions(closed)}
      />
      {ui.query && (
        <button
          type="button"
          className="search-clear"
          aria-label="Clear search"
          data-testid="search-clear"
          onClick={() => {
            dispatch({ type: 'setQuery', query: '' });
            setCompletions(closed);
            refs.search.current?.focus();
          }}
        >
          ×
        </button>
      )}
      <SearchCompletions
        id={listId}
        items={completions.items}
        active={completions.active}
        onChoose={accept}
        onHover={(index) => setCompletions((current) => ({ ...current, active: index }))}
      />
    </div>
  );
}
