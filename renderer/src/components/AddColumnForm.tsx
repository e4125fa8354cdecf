import { useState } from 'react';
import type { Column } from '../../../shared/model/library';
import { call } from '../api/client';
import { errorMessage } from '../util/error-message';

interface Props {
  onAdded: (column: Column) => void;
  onClose: () => void;
}

const kinds: Array<{ kind: Column['kind']; label: string }> = [
  { kind: 'text', label: 'Text' },
  { kind: 'number', label: 'Number' },
  { kind: 'select', label: 'Single select' },
  { kind: 'boolean', label: 'Yes / no' },
];

/** Adds a custom column: a name, a kind, and for a select its options (comma-separated). */
export function AddColumnForm({ onAdded, onClose }: Props) {
  const [name, setName] = useState('');
  const [kind, setKind] = useState<Column['kind']>('text');
  const [options, setOptions] = useState('');
  const [error, setError] = useState<string>();
  const [saving, setSaving] = useState(false);

  const submit = async () => {
    setSaving(true);
    try {
      const list = options
        .split(',')
        .map((option) => option.trim())
        .filter(Boolean);
      const { column } = await call('columns.save', { name, kind, ...(kind === 'select' ? { options: list } : {}) });
      onAdded(column);
    } catch (failure) {
      setError(errorMessage(failure));
    } finally {
      setSaving(false);
    }
  };

  return (
    <form
      className="add-column-form"
      data-testid="add-column-form"
      onSubmit={(event) => {
        event.preventDefault();
        void submit();
      }}
      onKeyDown={(event) => {
        event.stopPropagation();
        if (event.key === 'Escape') {
          event.preventDefault();
          onClose();
        }
      }}
    >
      <label>
        Name
        <input autoFocus data-testid="column-name" value={name} maxLength={200} onChange={(event) => setName(event.target.value)} placeholder="Method, Dataset, Key result…" />
      </label>
      <label>
        Kind
        <select data-testid="column-kind" value={kind} onChange={(event) => setKind(event.target.value as Column['kind'])}>
          {kinds.map((choice) => (
            <option key={choice.kind} value={choice.kind}>
              {choice.label}
            </option>
          ))}
        </select>
      </label>
      {kind === 'select' && (
        <label className="grow">
          Options
          <input data-testid="column-options" value={options} onChange={(event) => setOptions(event.target.value)} placeholder="comma-separated: ImageNet, COCO" />
        </label>
      )}
      <button type="submit" className="button primary" data-testid="column-add-submit" disabled={saving || name.trim() === ''}>
        Add
      </button>
      <button type="button" className="button" onClick={onClose}>
        Cancel
      </button>
      {error && (
        <p className="form-error" role="alert" data-testid="column-error">
          {error}
        </p>
      )}
    </form>
  );
}
