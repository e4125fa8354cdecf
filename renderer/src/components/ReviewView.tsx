import { useEffect, useMemo, useRef, useState, useSyncExternalStore } from 'react';
import type { PaperSummary } from '../../../shared/api/contract';
import { call } from '../api/client';
import { arrangeRows, defaultLayout, exportKey, gridColumns, layoutOf, moveColumn, presetOf, reconcile, setHidden, type CellValue, type GridColumn, type ReviewLayout, type RowSource } from '../review/review-layout';
import { reviewExportTarget } from '../review/review-export-target';
import { useReviewData } from '../review/use-review-data';
import '../review/review-table.css';
import { savedSearchesStore } from '../search/saved-searches-store';
import { toasts } from '../state/toast-store';
import type { Workspace } from '../state/use-workspace';
import { errorMessage } from '../util/error-message';
import { AddColumnForm } from './AddColumnForm';
import type { ColumnAction } from './ReviewColumnMenu';
import { ReviewGrid } from './ReviewGrid';

interface Props {
  workspace: Workspace;
}

/**
 * Rows drawn in the table. The table is a preview: drawing 50,000 rows would freeze the window,
 * and Copy and Export take every row from the main side anyway.
 */
const MAX_TABLE_ROWS = 1000;

const sourceLabels: Record<RowSource['kind'], string> = { query: 'Current list', tag: 'Tag', savedSearch: 'Saved search', selection: 'Selection' };

/** Papers of a tag, or of a tag nested under it (`method` holds `method/rl`). */
function taggedWith(paper: PaperSummary, tag: string): boolean {
  return paper.tags.some((name) => name === tag || name.startsWith(`${tag}/`));
}

/**
 * The review table: rows from the current list, a tag, a saved search or the selection; built-in
 * and custom columns, edited in place from the keyboard; sort, filter, reorder, hide; layouts saved
 * as presets; Copy as Markdown / Export Markdown… take the visible columns in order.
 */
export function ReviewView({ workspace }: Props) {
  const { visible, papers, summaryOf, tagColors, currentQuery, selectedIds } = workspace;
  const [layout, setLayout] = useState<ReviewLayout>();
  const [presetId, setPresetId] = useState<string>('');
  const [adding, setAdding] = useState(false);
  const [presetName, setPresetName] = useState<string>();
  const [searched, setSearched] = useState<{ query: string; ids: readonly string[] }>();
  const { searches } = useSyncExternalStore(savedSearchesStore.subscribe, savedSearchesStore.getState);
  const copyButton = useRef<HTMLButtonElement>(null);
  useEffect(() => copyButton.current?.focus(), []);

  const source = layout?.source ?? { kind: 'query', value: '' };
  // A saved search, or the query of a preset that is not the list's query now, is asked of the main side.
  const searchQuery =
    source.kind === 'savedSearch'
      ? searches.find((search) => search.id === source.value)?.query
      : source.kind === 'query' && source.value !== '' && source.value !== currentQuery
        ? source.value
        : undefined;
  useEffect(() => {
    if (searchQuery === undefined) return;
    let live = true;
    call('search.query', { query: searchQuery, limit: 0, allIds: true }).then(
      ({ ids }) => live && setSearched({ query: searchQuery, ids: ids ?? [] }),
      (error: unknown) => toasts.error(errorMessage(error)),
    );
    return () => {
      live = false;
    };
  }, [searchQuery]);

  const sourceRows = useMemo((): readonly PaperSummary[] => {
    const summaries = (ids: readonly string[]) => ids.flatMap((id) => summaryOf(id) ?? []);
    switch (source.kind) {
      case 'query':
        return searchQuery === undefined ? visible : searched?.query === searchQuery ? summaries(searched.ids) : [];
      case 'tag':
        return papers.filter((paper) => taggedWith(paper, source.value));
      case 'savedSearch':
        return searched && searched.query === searchQuery ? summaries(searched.ids) : [];
      case 'selection':
        return summaries(source.value.split(' ').filter(Boolean));
    }
  }, [source.kind, source.value, searchQuery, searched, visible, papers, summaryOf]);

  const sourceIds = useMemo(() => sourceRows.map((paper) => paper.id), [sourceRows]);
  const data = useReviewData(sourceIds);
  const { columns: libraryColumns, tables } = data;

  useEffect(() => {
    if (!data.loaded) return;
    setLayout((current) => (current ? reconcile(current, libraryColumns) : defaultLayout(libraryColumns)));
  }, [data.loaded, libraryColumns]);

  const shown = useMemo(() => (layout ? gridColumns(layout, libraryColumns) : []), [layout, libraryColumns]);
  const cells = data.cells;
  const fieldsOf = useMemo(() => (id: string) => cells.get(id)?.fields, [cells]);
  const arranged = useMemo(() => (layout ? arrangeRows(sourceRows, shown, layout, fieldsOf) : sourceRows), [sourceRows, shown, layout, fieldsOf]);
  const rows = arranged.length > MAX_TABLE_ROWS ? arranged.slice(0, MAX_TABLE_ROWS) : arranged;
  const hidden = layout?.columns.filter((column) => column.hidden) ?? [];

  const change = (next: (current: ReviewLayout) => ReviewLayout) => setLayout((current) => (current ? next(current) : current));
  const exportIds = arranged.map((paper) => paper.id);
  const exportColumns = shown.map(exportKey);

  useEffect(() => {
    reviewExportTarget.set({ paperIds: exportIds, columns: exportColumns });
  });
  useEffect(() => () => reviewExportTarget.set(undefined), []);

  const setCell = (paperId: string, column: { id: string }, value: CellValue) => {
    data.patchCell(paperId, column.id, value);
    call('cells.set', { paperId, columnId: column.id, value }).catch((error: unknown) => {
      toasts.error(errorMessage(error));
      data.reloadCells([paperId]);
    });
  };

  const columnAction = (column: GridColumn, action: ColumnAction) => {
    switch (action) {
      case 'sort-asc':
      case 'sort-desc':
        return change((current) => ({ ...current, sort: { columnId: column.id, direction: action === 'sort-asc' ? 'asc' : 'desc' } }));
      case 'move-left':
      case 'move-right':
        return change((current) => moveColumn(current, column.id, action === 'move-left' ? -1 : 1));
      case 'hide':
        return change((current) => setHidden(current, column.id, true));
      case 'delete':
        if (!('custom' in column)) return;
        if (!window.confirm(`Delete the column “${column.label}” and every value in it? This cannot be undone.`)) return;
        call('columns.delete', { id: column.id }).then(
          ({ cleared }) => {
            toasts.info(`Deleted the column “${column.label}”${cleared > 0 ? ` and its values on ${cleared} papers` : ''}`);
            data.reloadLayout();
            data.reloadCells();
          },
          (error: unknown) => toasts.error(errorMessage(error)),
        );
    }
  };

  const rename = (column: GridColumn, name: string) => {
    if (!('custom' in column)) return;
    const { custom } = column;
    call('columns.save', { id: custom.id, name, kind: custom.kind, ...(custom.options ? { options: custom.options } : {}) }).then(
      () => data.reloadLayout(),
      (error: unknown) => toasts.error(errorMessage(error)),
    );
  };

  const savePreset = (name: string) => {
    if (!layout) return;
    const existing = tables.find((table) => table.name.toLowerCase() === name.trim().toLowerCase());
    call('tables.save', presetOf(layout, name, existing?.id)).then(
      ({ table }) => {
        setPresetId(table.id);
        setPresetName(undefined);
        toasts.info(`Saved the preset “${table.name}”`);
        data.reloadLayout();
      },
      (error: unknown) => toasts.error(errorMessage(error)),
    );
  };

  const setSource = (next: RowSource) => change((current) => ({ ...current, source: next }));

  const scope = (() => {
    switch (source.kind) {
      case 'query':
        return source.value && source.value !== currentQuery ? `matching “${source.value}”` : currentQuery ? `the current list (${currentQuery})` : 'the current list';
      case 'tag':
        return `tagged #${source.value}`;
      case 'savedSearch':
        return `saved search “${searches.find((search) => search.id === source.value)?.name ?? '?'}”`;
      case 'selection':
        return 'the selection';
    }
  })();

  return (
    <section className="view review-view" data-testid="review-view" aria-labelledby="review-title">
      <header className="view-header">
        <div>
          <h1 id="review-title" className="view-title">
            Review table
          </h1>
          <p className="muted" data-testid="review-scope">
            {arranged.length} of {papers.length} papers, {scope}
            {layout?.sort ? ' · sorted' : ' · in list order'}
          </p>
        </div>
        <div className="button-row">
          <button
            ref={copyButton}
            type="button"
            className="button primary"
            data-testid="copy-markdown"
            disabled={arranged.length === 0}
            onClick={workspace.copyReview}
            title="Copy as a Markdown table (M)"
          >
            Copy as Markdown
          </button>
          <button
            type="button"
            className="button"
            data-testid="export-markdown"
            disabled={arranged.length === 0}
            onClick={workspace.exportReview}
            title="Save as a Markdown file (Shift+M)"
          >
            Export Markdown…
          </button>
          <button
            type="button"
            className="button"
            data-testid="review-export-dialog"
            disabled={arranged.length === 0}
            onClick={() => workspace.dispatch({ type: 'setExportOpen', open: true })}
            title="Export as Markdown, CSV, BibTeX, BibLaTeX, RIS, CSL-JSON or notes (Ctrl/⌘+Shift+E)"
          >
            Export…
          </button>
          <button type="button" className="button" data-testid="close-view" onClick={workspace.closeView}>
            Close <kbd>Esc</kbd>
          </button>
        </div>
      </header>
      <div className="review-toolbar" data-testid="review-toolbar">
        <label>
          Rows
          <select
            data-testid="review-source"
            // Until the layout has loaded a change of rows would have nowhere to go.
            disabled={!layout}
            value={source.kind}
            onChange={(event) => {
              const kind = event.target.value as RowSource['kind'];
              if (kind === 'query') setSource({ kind, value: '' });
              else if (kind === 'tag') setSource({ kind, value: workspace.tags[0]?.name ?? '' });
              else if (kind === 'savedSearch') setSource({ kind, value: searches[0]?.id ?? '' });
              else setSource({ kind, value: selectedIds.join(' ') });
            }}
          >
            {(Object.keys(sourceLabels) as Array<RowSource['kind']>).map((kind) => (
              <option key={kind} value={kind}>
                {sourceLabels[kind]}
                {kind === 'selection' ? ` (${selectedIds.length})` : ''}
              </option>
            ))}
          </select>
        </label>
        {source.kind === 'tag' && (
          <select aria-label="Tag" data-testid="review-source-tag" value={source.value} onChange={(event) => setSource({ kind: 'tag', value: event.target.value })}>
            {workspace.tags.map((tag) => (
              <option key={tag.name} value={tag.name}>
                #{tag.name} ({tag.count})
              </option>
            ))}
          </select>
        )}
        {source.kind === 'savedSearch' && (
          <select aria-label="Saved search" data-testid="review-source-search" value={source.value} onChange={(event) => setSource({ kind: 'savedSearch', value: event.target.value })}>
            {searches.map((search) => (
              <option key={search.id} value={search.id}>
                {search.name}
              </option>
            ))}
          </select>
        )}
        {source.kind === 'selection' && (
          <button type="button" className="button small" onClick={() => setSource({ kind: 'selection', value: selectedIds.join(' ') })}>
            Use the selection now ({selectedIds.length})
          </button>
        )}
        <span className="toolbar-gap" />
        <label>
          Preset
          <select
            data-testid="review-preset"
            value={presetId}
            onChange={(event) => {
              const table = tables.find((candidate) => candidate.id === event.target.value);
              setPresetId(event.target.value);
              if (table) setLayout(reconcile(layoutOf(table), libraryColumns));
            }}
          >
            <option value="">Unsaved layout</option>
            {tables.map((table) => (
              <option key={table.id} value={table.id}>
                {table.name}
              </option>
            ))}
          </select>
        </label>
        {presetName === undefined ? (
          <button type="button" className="button small" data-testid="save-preset" disabled={!layout || workspace.readOnly !== undefined} onClick={() => setPresetName(tables.find((table) => table.id === presetId)?.name ?? '')}>
            Save preset…
          </button>
        ) : (
          <form
            className="preset-form"
            onSubmit={(event) => {
              event.preventDefault();
              if (presetName.trim()) savePreset(presetName);
            }}
            onKeyDown={(event) => {
              event.stopPropagation();
              if (event.key === 'Escape') {
                event.preventDefault();
                setPresetName(undefined);
              }
            }}
          >
            <input autoFocus aria-label="Preset name" data-testid="preset-name" placeholder="Preset name" value={presetName} onChange={(event) => setPresetName(event.target.value)} />
            <button type="submit" className="button small primary" disabled={!presetName.trim()}>
              Save
            </button>
          </form>
        )}
        {presetId && (
          <button
            type="button"
            className="button small"
            onClick={() => {
              call('tables.delete', { id: presetId }).then(
                () => {
                  setPresetId('');
                  data.reloadLayout();
                },
                (error: unknown) => toasts.error(errorMessage(error)),
              );
            }}
          >
            Delete preset
          </button>
        )}
        {hidden.length > 0 && (
          <select
            aria-label="Show a hidden column"
            data-testid="show-column"
            value=""
            onChange={(event) => event.target.value && change((current) => setHidden(current, event.target.value, false))}
          >
            <option value="">Hidden: {hidden.length}</option>
            {hidden.map((column) => (
              <option key={column.id} value={column.id}>
                Show {libraryColumns.find((custom) => custom.id === column.id)?.name ?? column.id}
              </option>
            ))}
          </select>
        )}
        <button type="button" className="button small" data-testid="add-column" disabled={workspace.readOnly !== undefined} onClick={() => setAdding(true)}>
          + Add column
        </button>
      </div>
      {adding && (
        <AddColumnForm
          onAdded={(column) => {
            setAdding(false);
            toasts.info(`Added the column “${column.name}”`);
            data.reloadLayout();
          }}
          onClose={() => setAdding(false)}
        />
      )}
      <div className="table-scroll">
        {layout && (
          <ReviewGrid
            rows={rows}
            columns={shown}
            layout={layout}
            cellsOf={(id) => cells.get(id)}
            tagColors={tagColors}
            readOnly={workspace.readOnly !== undefined}
            onSetCell={setCell}
            onSetEvidence={(paperId, column, annotationId) => {
              call('cells.setEvidence', { paperId, columnId: column.id, annotationId }).then(
                () => data.reloadCells([paperId]),
                (error: unknown) => toasts.error(errorMessage(error)),
              );
            }}
            onFilter={(columnId, text) => change((current) => ({ ...current, filters: { ...current.filters, [columnId]: text } }))}
            onColumnAction={columnAction}
            onRename={rename}
            onOpenPaper={(id) => {
              workspace.clickPaper(id, 'single');
              workspace.closeView();
            }}
          />
        )}
        {arranged.length === 0 && <p className="view-empty">No papers {sourceRows.length > 0 ? 'pass the filters' : `in ${scope}`}.</p>}
        {rows.length < arranged.length && (
          <p className="view-empty" data-testid="review-truncated">
            Showing the first {rows.length.toLocaleString()} of {arranged.length.toLocaleString()} rows. Copy and Export include all of them.
          </p>
        )}
      </div>
    </section>
  );
}
