import type { CellValue, ColumnInput, PaperCells, ReviewTableInput } from '../../shared/api/contract';
import { MAX_COLUMNS, type Column, type Paper, type ReviewTable } from '../../shared/model/library';
import { ApiFailure } from './api-failure';
import type { LibraryStore } from './library-store';

export interface ReviewTableServiceDeps {
  /** The open library (another one may be opened while Sift runs). */
  store: () => LibraryStore;
  now: () => Date;
  newId: () => string;
  /** Told after every change that reached the disk. */
  onChanged: (reason: string, paperIds?: string[]) => void;
}

const QUOTE_PREVIEW = 300;

/**
 * The review table: custom columns (`library.columns`), their cells (`paper.fields[columnId]`),
 * the highlight each cell cites as evidence (`paper.evidence[columnId]`, kept apart from `fields`
 * so that `fields` holds values only), and saved layouts (`library.reviewTables`).
 */
export class ReviewTableService {
  constructor(private readonly deps: ReviewTableServiceDeps) {}

  private get store(): LibraryStore {
    return this.deps.store();
  }

  columns(): { columns: Column[] } {
    return { columns: structuredClone(this.store.data.columns) };
  }

  async saveColumn(input: ColumnInput): Promise<{ column: Column; cleared: number }> {
    const existing = this.store.data.columns;
    const name = input.name.trim();
    if (input.id !== undefined && !existing.some((column) => column.id === input.id)) {
      throw new ApiFailure('not-found', `No column with id "${input.id}" in this library`);
    }
    const clash = existing.find((column) => column.id !== input.id && column.name.toLowerCase() === name.toLowerCase());
    if (clash) throw new ApiFailure('invalid-input', `There is already a column named “${clash.name}”`);
    if (input.id === undefined && existing.length >= MAX_COLUMNS) throw new ApiFailure('invalid-input', `A review table has at most ${MAX_COLUMNS} columns`);
    const column: Column = { id: input.id ?? this.deps.newId(), name, kind: input.kind };
    if (input.kind === 'select') column.options = (input.options ?? []).map((option) => option.trim());
    const { cleared, paperIds } = await this.store.transact((tx) => {
      const columns = tx.collection('columns');
      const index = columns.findIndex((candidate) => candidate.id === column.id);
      if (index >= 0) columns[index] = column;
      else columns.push(column);
      // A changed kind or option list clears the cells that no longer fit it.
      const changed: string[] = [];
      if (index >= 0) {
        for (const paper of tx.current.papers) {
          const value = paper.fields[column.id];
          if (value === undefined || fits(column, value)) continue;
          const editable = tx.paper(paper.id);
          clearCell(editable, column.id);
          editable.updatedAt = this.deps.now().toISOString();
          changed.push(paper.id);
        }
      }
      return { cleared: changed.length, paperIds: changed };
    });
    this.deps.onChanged('column-saved', paperIds);
    return { column: structuredClone(column), cleared };
  }

  async deleteColumn(id: string): Promise<{ deleted: boolean; cleared: number }> {
    if (!this.store.data.columns.some((column) => column.id === id)) return { deleted: false, cleared: 0 };
    const paperIds = await this.store.transact((tx) => {
      tx.replaceCollection(
        'columns',
        tx.current.columns.filter((column) => column.id !== id),
      );
      const tables = tx.current.reviewTables;
      if (tables?.some((table) => table.columns.some((column) => column.id === id) || table.sort?.columnId === id)) {
        tx.replaceCollection(
          'reviewTables',
          tables.map((table) => {
            const { sort, ...rest } = table;
            const kept: ReviewTable = { ...rest, columns: table.columns.filter((column) => column.id !== id) };
            if (sort && sort.columnId !== id) kept.sort = sort;
            return kept;
          }),
        );
      }
      const changed: string[] = [];
      const now = this.deps.now().toISOString();
      for (const paper of tx.current.papers) {
        if (paper.fields[id] === undefined && paper.evidence?.[id] === undefined) continue;
        const editable = tx.paper(paper.id);
        clearCell(editable, id);
        editable.updatedAt = now;
        changed.push(paper.id);
      }
      return changed;
    });
    this.deps.onChanged('column-deleted', paperIds);
    return { deleted: true, cleared: paperIds.length };
  }

  cells(paperIds: readonly string[]): { rows: PaperCells[] } {
    const rows = paperIds.map((paperId) => {
      const paper = this.requirePaper(paperId);
      const highlights = new Map(paper.annotations.map((annotation) => [annotation.id, annotation]));
      const evidence = Object.entries(paper.evidence ?? {}).flatMap(([columnId, annotationId]) => {
        const annotation = highlights.get(annotationId);
        return annotation ? [{ columnId, annotationId, page: annotation.page, quote: preview(annotation.quote) }] : [];
      });
      return {
        paperId,
        fields: { ...paper.fields },
        evidence,
        highlights: paper.annotations.map((annotation) => ({ id: annotation.id, page: annotation.page, quote: preview(annotation.quote) })),
      };
    });
    return { rows };
  }

  async setCell(paperId: string, columnId: string, value: CellValue): Promise<{ value: CellValue }> {
    const column = this.requireColumn(columnId);
    this.requirePaper(paperId);
    const next = value === '' ? null : value;
    if (next !== null && !fits(column, next)) throw new ApiFailure('invalid-input', misfit(column, next));
    const changed = await this.store.transact((tx) => {
      const paper = tx.paper(paperId);
      if ((paper.fields[columnId] ?? null) === next) return false;
      if (next === null) clearCell(paper, columnId);
      else paper.fields[columnId] = next;
      paper.updatedAt = this.deps.now().toISOString();
      return true;
    });
    if (changed) this.deps.onChanged('cell-set', [paperId]);
    return { value: next };
  }

  async setEvidence(paperId: string, columnId: string, annotationId: string | null): Promise<{ evidence: { annotationId: string; page: number; quote: string } | null }> {
    this.requireColumn(columnId);
    const paper = this.requirePaper(paperId);
    const annotation = annotationId === null ? undefined : paper.annotations.find((candidate) => candidate.id === annotationId);
    if (annotationId !== null && !annotation) throw new ApiFailure('not-found', `The paper has no highlight with id "${annotationId}"`);
    await this.store.transact((tx) => {
      const editable = tx.paper(paperId);
      const evidence = { ...editable.evidence };
      if (annotationId === null) delete evidence[columnId];
      else evidence[columnId] = annotationId;
      if (Object.keys(evidence).length > 0) editable.evidence = evidence;
      else delete editable.evidence;
      editable.updatedAt = this.deps.now().toISOString();
    });
    this.deps.onChanged('cell-evidence', [paperId]);
    return { evidence: annotation ? { annotationId: annotation.id, page: annotation.page, quote: preview(annotation.quote) } : null };
  }

  tables(): { tables: ReviewTable[] } {
    return { tables: structuredClone(this.store.data.reviewTables ?? []) };
  }

  async saveTable(input: ReviewTableInput): Promise<{ table: ReviewTable }> {
    const tables = this.store.data.reviewTables ?? [];
    if (input.id !== undefined && !tables.some((table) => table.id === input.id)) throw new ApiFailure('not-found', `No preset with id "${input.id}"`);
    const name = input.name.trim();
    const clash = tables.find((table) => table.id !== input.id && table.name.toLowerCase() === name.toLowerCase());
    if (clash) throw new ApiFailure('invalid-input', `There is already a preset named “${clash.name}”`);
    const table: ReviewTable = { ...structuredClone(input), id: input.id ?? this.deps.newId(), name };
    await this.store.transact((tx) => {
      const index = tables.findIndex((candidate) => candidate.id === table.id);
      tx.replaceCollection('reviewTables', index >= 0 ? tables.map((candidate, at) => (at === index ? table : candidate)) : [...tables, table]);
    });
    this.deps.onChanged('review-table-saved', []);
    return { table: structuredClone(table) };
  }

  async deleteTable(id: string): Promise<{ deleted: boolean }> {
    const tables = this.store.data.reviewTables ?? [];
    if (!tables.some((table) => table.id === id)) return { deleted: false };
    await this.store.transact((tx) => tx.replaceCollection('reviewTables', tables.filter((table) => table.id !== id)));
    this.deps.onChanged('review-table-deleted', []);
    return { deleted: true };
  }

  private requireColumn(id: string): Column {
    const column = this.store.data.columns.find((candidate) => candidate.id === id);
    if (!column) throw new ApiFailure('not-found', `No column with id "${id}" in this library`);
    return column;
  }

  private requirePaper(id: string): Paper {
    const paper = this.store.getPaper(id);
    if (!paper) throw new ApiFailure('not-found', `No paper with id "${id}" in this library`);
    return paper;
  }
}

/** Whether a value may stand in a cell of this column. */
export function fits(column: Column, value: string | number | boolean | null): boolean {
  switch (column.kind) {
    case 'text':
      return typeof value === 'string';
    case 'number':
      return typeof value === 'number' && Number.isFinite(value);
    case 'boolean':
      return typeof value === 'boolean';
    case 'select':
      return typeof value === 'string' && (column.options ?? []).includes(value);
  }
}

function misfit(column: Column, value: string | number | boolean): string {
  switch (column.kind) {
    case 'text':
      return `“${column.name}” holds text`;
    case 'number':
      return `“${column.name}” holds numbers`;
    case 'boolean':
      return `“${column.name}” holds yes or no`;
    case 'select':
      return `“${String(value)}” is not an option of “${column.name}”`;
  }
}

function clearCell(paper: Paper, columnId: string): void {
  delete paper.fields[columnId];
  if (paper.evidence?.[columnId] !== undefined) {
    const { [columnId]: _dropped, ...rest } = paper.evidence;
    if (Object.keys(rest).length > 0) paper.evidence = rest;
    else delete paper.evidence;
  }
}

function preview(quote: string): string {
  const line = quote.replace(/\s+/g, ' ').trim();
  return line.length > QUOTE_PREVIEW ? `${line.slice(0, QUOTE_PREVIEW - 1)}…` : line;
}
