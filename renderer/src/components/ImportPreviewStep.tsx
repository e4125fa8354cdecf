import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { ImportPreview, ImportPreviewItem } from '../../../shared/api/contract';
import {
  countsLabel,
  decisionsOf,
  filterItems,
  parseTagList,
  plural,
  tallyActions,
  withAction,
  withActionForAll,
  type ImportAction,
  type ImportFilter,
  type ImportOverrides,
} from '../state/import-choices';
import { importStore } from '../state/import-store';
import { ImportFileSummary } from './ImportFileSummary';
import { ImportItemList } from './ImportItemList';
import { ImportTagsField } from './ImportTagsField';

interface Props {
  preview: ImportPreview;
  committing: boolean;
  /** Why the last commit failed. */
  error: string | undefined;
  tagText: string;
  onTagTextChange: (text: string) => void;
}

const noOverrides: ImportOverrides = new Map();

function commitLabel(importing: number, merging: number): string {
  if (importing === 0 && merging === 0) return 'Nothing to import';
  if (importing === 0) return `Merge ${plural(merging, 'paper')}`;
  return merging > 0 ? `Import ${plural(importing, 'paper')}, merge ${merging.toLocaleString()}` : `Import ${plural(importing, 'paper')}`;
}

/** The preview of an import: counts, files, every item with its duplicate and warnings, the user's choices, and the commit. */
export function ImportPreviewStep({ preview, committing, error, tagText, onTagTextChange }: Props) {
  const [overrides, setOverrides] = useState<ImportOverrides>(noOverrides);
  const [filter, setFilter] = useState<ImportFilter>('all');
  const [expanded, setExpanded] = useState<ReadonlySet<number>>(() => new Set());
  const [target, setTarget] = useState<number>();
  const heading = useRef<HTMLHeadingElement>(null);

  // The counts are the first thing to read (and to hear, with a screen reader) once the preview is in.
  useEffect(() => heading.current?.focus(), []);

  const { items, files } = preview;
  const shown = useMemo(() => filterItems(items, filter), [items, filter]);
  const tally = useMemo(() => tallyActions(items, overrides), [items, overrides]);
  const duplicates = useMemo(() => items.filter((item) => item.duplicate).length, [items]);
  const withWarnings = useMemo(() => items.filter((item) => item.warnings.length > 0).length, [items]);
  const pdfFiles = useMemo(() => new Set(files.filter((file) => file.format === 'pdf').map((file) => file.name)), [files]);
  const tags = parseTagList(tagText);

  const onAction = useCallback((item: ImportPreviewItem, action: ImportAction) => setOverrides((current) => withAction(current, item, action)), []);
  const onToggleWarnings = useCallback(
    (index: number) =>
      setExpanded((current) => {
        const next = new Set(current);
        if (!next.delete(index)) next.add(index);
        return next;
      }),
    [],
  );
  const onShowItem = useCallback((index: number) => setTarget(index), []);
  // An earlier item may not be a duplicate itself: show everything when it is not in the list as filtered.
  useEffect(() => {
    if (target !== undefined && !shown.some((item) => item.index === target)) setFilter('all');
  }, [target, shown]);

  const filters: Array<{ id: ImportFilter; label: string; count: number }> = [
    { id: 'all', label: 'All', count: items.length },
    { id: 'duplicates', label: 'Duplicates', count: duplicates },
    { id: 'warnings', label: 'With warnings', count: withWarnings },
  ];
  const canCommit = !committing && tags.ok && tally.import + tally.merge > 0;

  return (
    <div className="import-step import-preview" data-testid="import-preview">
      <div className="import-preview-head">
        <h2 ref={heading} className="import-counts" data-testid="import-counts" tabIndex={-1}>
          {countsLabel(preview.counts)}
        </h2>
        <span className="import-tally" data-testid="import-tally">
          {tally.import.toLocaleString()} to import · {tally.merge.toLocaleString()} to merge · {tally.skip.toLocaleString()} to skip
        </span>
      </div>
      <ImportFileSummary files={files} />

      <div className="import-list-toolbar">
        <div className="segmented" role="group" aria-label="Show">
          {filters.map((option) => (
            <button
              key={option.id}
              type="button"
              className={`segment${filter === option.id ? ' active' : ''}`}
              aria-pressed={filter === option.id}
              data-testid="import-filter"
              data-filter={option.id}
              disabled={option.count === 0 && option.id !== 'all'}
              onClick={() => {
                setFilter(option.id);
                setTarget(undefined);
              }}
            >
              {option.label} <span className="segment-count">{option.count.toLocaleString()}</span>
            </button>
          ))}
        </div>
        <div className="button-row">
          <button
            type="button"
            className="button small"
            data-testid="import-skip-duplicates"
            disabled={duplicates === 0}
            onClick={() => setOverrides((current) => withActionForAll(current, items, 'skip', (item) => item.duplicate !== undefined))}
          >
            Skip all duplicates
          </button>
          <button
            type="button"
            className="button small"
            data-testid="import-import-all"
            onClick={() => setOverrides((current) => withActionForAll(current, items, 'import', () => true))}
          >
            Import all
          </button>
          <button
            type="button"
            className="button ghost small"
            data-testid="import-reset"
            disabled={overrides.size === 0}
            onClick={() => setOverrides(noOverrides)}
          >
            Reset choices
          </button>
        </div>
      </div>

      <ImportItemList
        // Another filter is another list, read from its top.
        key={filter}
        items={shown}
        overrides={overrides}
        pdfFiles={pdfFiles}
        expanded={expanded}
        target={target}
        onAction={onAction}
        onToggleWarnings={onToggleWarnings}
        onShowItem={onShowItem}
      />

      <footer className="import-footer import-commit-footer">
        <ImportTagsField value={tagText} onChange={onTagTextChange} disabled={committing} />
        <div className="import-commit">
          {error && (
            <p className="field-error" role="alert" data-testid="import-commit-error">
              Not imported: {error}
            </p>
          )}
          <div className="button-row">
            <button type="button" className="button" data-testid="import-back" disabled={committing} onClick={() => importStore.back()}>
              Back
            </button>
            <button
              type="button"
              className="button primary"
              data-testid="import-commit"
              disabled={!canCommit}
              onClick={() => void importStore.commit(decisionsOf(overrides), tags.ok ? tags.tags : [])}
            >
              {committing ? 'Importing…' : commitLabel(tally.import, tally.merge)}
            </button>
          </div>
        </div>
      </footer>
    </div>
  );
}
