import { useCallback, useEffect, useRef, useState } from 'react';
import type { PaperCells } from '../../../shared/api/contract';
import type { Column, ReviewTable } from '../../../shared/model/library';
import { call, onEvent, onReconnect } from '../api/client';
import { toasts } from '../state/toast-store';
import { errorMessage } from '../util/error-message';

export interface ReviewData {
  columns: readonly Column[];
  tables: readonly ReviewTable[];
  /** Cells, evidence and highlights of the rows, by paper id (rows not fetched yet are absent). */
  cells: ReadonlyMap<string, PaperCells>;
  loaded: boolean;
  reloadLayout: () => void;
  /** Puts a value in the local copy at once (the call to save it is made by the caller). */
  patchCell: (paperId: string, columnId: string, value: string | number | boolean | null) => void;
  reloadCells: (paperIds?: readonly string[]) => void;
}

/** The library's custom columns and presets, and the cells of the given rows, kept fresh on `library.changed`. */
export function useReviewData(rowIds: readonly string[]): ReviewData {
  const [columns, setColumns] = useState<readonly Column[]>([]);
  const [tables, setTables] = useState<readonly ReviewTable[]>([]);
  const [cells, setCells] = useState<ReadonlyMap<string, PaperCells>>(new Map());
  const [loaded, setLoaded] = useState(false);
  const rowsRef = useRef(rowIds);
  rowsRef.current = rowIds;

  const reloadLayout = useCallback(() => {
    Promise.all([call('columns.list', {}), call('tables.list', {})]).then(
      ([listed, saved]) => {
        setColumns(listed.columns);
        setTables(saved.tables);
        setLoaded(true);
      },
      (error: unknown) => toasts.error(errorMessage(error)),
    );
  }, []);

  const reloadCells = useCallback((paperIds?: readonly string[]) => {
    const wanted = paperIds ?? rowsRef.current;
    if (wanted.length === 0) return;
    call('cells.get', { paperIds: [...wanted] }).then(
      ({ rows }) =>
        setCells((before) => {
          const next = new Map(paperIds ? before : []);
          for (const row of rows) next.set(row.paperId, row);
          return next;
        }),
      // A paper deleted meanwhile: the next list change fetches again.
      () => undefined,
    );
  }, []);

  useEffect(() => {
    reloadLayout();
    const stops = [
      onEvent('library.changed', ({ reason, paperIds }) => {
        if (reason.startsWith('column-') || reason.startsWith('review-table-') || paperIds === undefined) reloadLayout();
        const rows = new Set(rowsRef.current);
        if (paperIds === undefined) reloadCells();
        else {
          const touched = paperIds.filter((id) => rows.has(id));
          if (touched.length > 0) reloadCells(touched);
        }
      }),
      onReconnect(() => {
        reloadLayout();
        reloadCells();
      }),
    ];
    return () => {
      for (const stop of stops) stop();
    };
  }, [reloadLayout, reloadCells]);

  const key = rowIds.join(' ');
  useEffect(() => reloadCells(), [key, reloadCells]);

  const patchCell = useCallback((paperId: string, columnId: string, value: string | number | boolean | null) => {
    setCells((before) => {
      const row = before.get(paperId) ?? { paperId, fields: {}, evidence: [], highlights: [] };
      const fields = { ...row.fields };
      if (value === null || value === '') delete fields[columnId];
      else fields[columnId] = value;
      const next = new Map(before);
      next.set(paperId, { ...row, fields });
      return next;
    });
  }, []);

  return { columns, tables, cells, loaded, reloadLayout, patchCell, reloadCells };
}
