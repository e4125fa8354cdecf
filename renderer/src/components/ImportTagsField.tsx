import { useId, type KeyboardEvent } from 'react';
import { parseTagList } from '../state/import-choices';

interface Props {
  value: string;
  onChange: (value: string) => void;
  disabled?: boolean;
}

/** "Tags to add": comma-separated tag names given to every paper the import adds or merges into. */
export function ImportTagsField({ value, onChange, disabled = false }: Props) {
  const id = useId();
  const hintId = useId();
  const parsed = parseTagList(value);

  // Enter in a one-line field often means "submit"; here it must not start or commit an import.
  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'Enter') event.preventDefault();
  };

  return (
    <div className="import-field import-tags-field">
      <label className="import-label" htmlFor={id}>
        Tags to add
      </label>
      <input
        id={id}
        type="text"
        className={`import-input${parsed.ok ? '' : ' invalid'}`}
        data-testid="import-tags"
        placeholder="e.g. source:scopus-2026-11, round-1"
        autoComplete="off"
        spellCheck={false}
        aria-invalid={!parsed.ok || undefined}
        aria-describedby={hintId}
        disabled={disabled}
        value={value}
        onChange={(event) => onChange(event.target.value)}
        onKeyDown={onKeyDown}
      />
      <p id={hintId} className={parsed.ok ? 'import-hint' : 'field-error'} role={parsed.ok ? undefined : 'alert'}>
        {parsed.ok ? 'Comma-separated; given to every imported or merged paper.' : parsed.error}
      </p>
    </div>
  );
}
