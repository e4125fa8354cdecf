import { useId, useMemo, useState, type KeyboardEvent, type RefObject } from 'react';
import { tagNameSchema } from '../../../shared/model/library';
import type { TagInfo } from '../state/use-workspace';

interface Props {
  inputRef: RefObject<HTMLInputElement | null>;
  suggestions: readonly TagInfo[];
  exclude: ReadonlySet<string>;
  /** Resolves to false when the tag was not added (the input then keeps the text). */
  onAdd: (tag: string) => Promise<boolean>;
  onEscape: () => void;
  placeholder: string;
  /** Set when tags cannot be added now; the field is disabled and says why on hover. */
  disabledReason?: string | undefined;
}

const MAX_SUGGESTIONS = 8;

function rankSuggestions(all: readonly TagInfo[], exclude: ReadonlySet<string>, text: string): TagInfo[] {
  const needle = text.trim().toLowerCase();
  const candidates = all.filter((tag) => !exclude.has(tag.name));
  if (!needle) return [...candidates].sort((a, b) => b.count - a.count).slice(0, MAX_SUGGESTIONS);
  return candidates
    .filter((tag) => tag.name.toLowerCase().includes(needle) && tag.name.toLowerCase() !== needle)
    .sort((a, b) => Number(!a.name.toLowerCase().startsWith(needle)) - Number(!b.name.toLowerCase().startsWith(needle)) || b.count - a.count)
    .slice(0, MAX_SUGGESTIONS);
}

/** A text field that adds a tag on Enter, suggesting the library's existing tags as a listbox. */
export function TagInput({ inputRef, suggestions, exclude, onAdd, onEscape, placeholder, disabledReason }: Props) {
  const [value, setValue] = useState('');
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const [error, setError] = useState<string>();
  const listId = useId();
  const errorId = useId();
  const matches = useMemo(() => rankSuggestions(suggestions, exclude, value), [suggestions, exclude, value]);
  const showList = open && matches.length > 0 && (value.trim() !== '' || active >= 0);

  const commit = async (raw: string) => {
    const parsed = tagNameSchema.safeParse(raw);
    if (!parsed.success) {
      setError(parsed.error.issues[0]?.message ?? 'Not a valid tag name');
      return;
    }
    setError(undefined);
    setValue('');
    setActive(-1);
    setOpen(false);
    if (exclude.has(parsed.data)) return;
    const added = await onAdd(parsed.data);
    if (!added) setValue(parsed.data);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      setOpen(true);
      if (matches.length === 0) return;
      // -1 is the typed text itself, so the list cycles through it.
      const down = event.key === 'ArrowDown';
      setActive((index) => {
        if (down) return index + 1 >= matches.length ? -1 : index + 1;
        return index - 1 < -1 ? matches.length - 1 : index - 1;
      });
    } else if (event.key === 'Enter') {
      event.preventDefault();
      const chosen = showList && active >= 0 ? matches[active]?.name : undefined;
      void commit(chosen ?? value);
    } else if (event.key === 'Escape') {
      event.preventDefault();
      if (showList) {
        setOpen(false);
        setActive(-1);
      } else {
        setValue('');
        setError(undefined);
        onEscape();
      }
    }
  };

  return (
    <div className="tag-input-wrap">
      <input
        ref={inputRef}
        className={`tag-input${error ? ' invalid' : ''}`}
        data-testid="tag-input"
        type="text"
        role="combobox"
        aria-label="Add tag"
        aria-expanded={showList}
        aria-controls={listId}
        aria-autocomplete="list"
        aria-activedescendant={showList && active >= 0 ? `${listId}-${active}` : undefined}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? errorId : undefined}
        autoComplete="off"
        spellCheck={false}
        placeholder={placeholder}
        disabled={disabledReason !== undefined}
        title={disabledReason}
        value={value}
        onChange={(event) => {
          setValue(event.target.value);
          setOpen(true);
          setActive(-1);
          setError(undefined);
        }}
        onFocus={() => setOpen(true)}
        onBlur={() => {
          setOpen(false);
          setActive(-1);
        }}
        onKeyDown={onKeyDown}
      />
      {showList && (
        <ul className="suggestions" id={listId} role="listbox" aria-label="Existing tags" data-testid="tag-suggestions">
          {matches.map((tag, index) => (
            <li
              key={tag.name}
              id={`${listId}-${index}`}
              role="option"
              aria-selected={index === active}
              className={`suggestion${index === active ? ' active' : ''}`}
              data-testid="tag-suggestion"
              // Keep focus in the input: a blur would close the list before the click lands.
              onMouseDown={(event) => event.preventDefault()}
              onClick={() => void commit(tag.name)}
            >
              <span>{tag.name}</span>
              <span className="suggestion-count">{tag.count}</span>
            </li>
          ))}
        </ul>
      )}
      {error && (
        <p className="field-error" id={errorId} role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
