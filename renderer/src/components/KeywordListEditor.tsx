import { useState } from 'react';
import type { KeywordKind } from '../../../shared/screening/keyword-ranges';

interface Props {
  kind: KeywordKind;
  label: string;
  keywords: readonly string[];
  disabled: boolean;
  onChange: (keywords: string[]) => void;
}

/** Keywords as removable chips, and a field that adds more (several at once, separated by commas). */
export function KeywordListEditor({ kind, label, keywords, disabled, onChange }: Props) {
  const [draft, setDraft] = useState('');
  const inputId = `screening-keyword-${kind}`;
  const add = () => {
    const known = new Set(keywords.map((keyword) => keyword.toLowerCase()));
    const added = draft
      .split(',')
      .map((keyword) => keyword.trim())
      .filter((keyword) => keyword !== '' && !known.has(keyword.toLowerCase()));
    setDraft('');
    if (added.length > 0) onChange([...keywords, ...added]);
  };
  return (
    <div className={`keyword-editor keyword-editor-${kind}`} data-testid={`keywords-${kind}`}>
      <label className="screening-field-label" htmlFor={inputId}>
        {label}
      </label>
      {keywords.length > 0 && (
        <ul className="keyword-chips">
          {keywords.map((keyword) => (
            <li key={keyword} className={`keyword-chip keyword-${kind}`} data-testid="keyword-chip">
              <span>{keyword}</span>
              <button
                type="button"
                className="keyword-chip-remove"
                disabled={disabled}
                onClick={() => onChange(keywords.filter((other) => other !== keyword))}
                aria-label={`Remove “${keyword}”`}
              >
                ×
              </button>
            </li>
          ))}
        </ul>
      )}
      <input
        id={inputId}
        className="text-input small"
        data-testid={`keyword-input-${kind}`}
        value={draft}
        disabled={disabled}
        maxLength={1000}
        placeholder="Add keywords (Enter; commas for several)"
        onChange={(event) => setDraft(event.target.value)}
        onKeyDown={(event) => {
          if (event.key === 'Enter') {
            event.preventDefault();
            add();
          }
        }}
        onBlur={add}
      />
    </div>
  );
}
