import { useState } from 'react';
import type { ScreeningCriteriaInput } from '../../../shared/api/contract';
import { MAX_SCREENING_REASONS, type ScreeningCriteria } from '../../../shared/model/library';
import { screeningCriteriaStore } from '../screening/criteria-store';
import { KeywordListEditor } from './KeywordListEditor';
import { ScreeningReasonRow } from './ScreeningReasonRow';

interface Props {
  criteria: ScreeningCriteria;
  readOnly: string | undefined;
  onClose: () => void;
}

/** The screening criteria, edited in place: numbered exclusion reasons and the keywords to highlight. Every change is saved at once. */
export function ScreeningCriteriaPanel({ criteria, readOnly, onClose }: Props) {
  const [newReason, setNewReason] = useState('');
  const disabled = readOnly !== undefined;
  const save = (changes: Partial<ScreeningCriteriaInput>) => screeningCriteriaStore.save({ ...criteria, ...changes });
  const { reasons } = criteria;
  const full = reasons.length >= MAX_SCREENING_REASONS;
  const addReason = async () => {
    const label = newReason.trim();
    if (label === '' || full) return;
    if (await save({ reasons: [...reasons, { label }] })) setNewReason('');
  };
  const move = (index: number, delta: -1 | 1) => {
    const next = [...reasons];
    const [moved] = next.splice(index, 1);
    if (moved) next.splice(index + delta, 0, moved);
    void save({ reasons: next });
  };

  return (
    <div className="screening-criteria-panel" data-testid="screening-criteria">
      <div className="screening-panel-heading">
        <h2 className="screening-panel-title">Criteria</h2>
        <button type="button" className="icon-button" onClick={onClose} aria-label="Close the criteria panel" title="Close">
          ×
        </button>
      </div>
      <p className="muted small">Saved in the library as you change them.{readOnly ? ` ${readOnly}.` : ''}</p>

      <section className="screening-criteria-section" aria-labelledby="criteria-reasons-title">
        <h3 id="criteria-reasons-title" className="screening-field-label">
          Exclusion reasons <span className="muted">(E, then 1–9)</span>
        </h3>
        {reasons.length === 0 && <p className="muted small">None yet: E then excludes without a reason.</p>}
        <ol className="reason-rows">
          {reasons.map((reason, index) => (
            <ScreeningReasonRow
              // A new label from the main side (or a move) starts the field over.
              key={`${reason.id}:${reason.label}:${index}`}
              reason={reason}
              number={index + 1}
              count={reasons.length}
              disabled={disabled}
              onRename={(label) => void save({ reasons: reasons.map((other) => (other.id === reason.id ? { ...other, label } : other)) })}
              onMove={(delta) => move(index, delta)}
              onDelete={() => void save({ reasons: reasons.filter((other) => other.id !== reason.id) })}
            />
          ))}
        </ol>
        <form
          className="reason-add"
          onSubmit={(event) => {
            event.preventDefault();
            void addReason();
          }}
        >
          <input
            className="text-input small"
            data-testid="new-reason"
            value={newReason}
            maxLength={200}
            disabled={disabled || full}
            placeholder={full ? 'Nine reasons: keys 1–9 are taken' : `Reason E${reasons.length + 1}, e.g. “Wrong population”`}
            aria-label="New exclusion reason"
            onChange={(event) => setNewReason(event.target.value)}
          />
          <button type="submit" className="button small" data-testid="add-reason" disabled={disabled || full || newReason.trim() === ''}>
            Add
          </button>
        </form>
      </section>

      <section className="screening-criteria-section">
        <KeywordListEditor
          kind="include"
          label="Inclusion keywords (green)"
          keywords={criteria.includeKeywords}
          disabled={disabled}
          onChange={(includeKeywords) => void save({ includeKeywords })}
        />
        <KeywordListEditor
          kind="exclude"
          label="Exclusion keywords (red)"
          keywords={criteria.excludeKeywords}
          disabled={disabled}
          onChange={(excludeKeywords) => void save({ excludeKeywords })}
        />
        <p className="muted small">
          Marked in titles and abstracts, whatever the case. A keyword also marks longer words it begins (“child” marks “children”);
          one under four letters marks whole words only, unless it ends in *.
        </p>
      </section>
    </div>
  );
}
