import type { MethodInput } from '../../../shared/api/contract';

/** What the open review table would export: its rows as shown and its visible columns in order. */
export interface ReviewExportTarget {
  paperIds: readonly string[];
  columns: NonNullable<MethodInput<'export.markdown'>['columns']>;
}

let target: ReviewExportTarget | undefined;

/**
 * The open review table tells the M / Shift+M shortcuts (and the menu) what it shows, so that they
 * export the table on screen, not the list behind it; undefined when no review table is open.
 */
export const reviewExportTarget = {
  get: (): ReviewExportTarget | undefined => target,
  set: (next: ReviewExportTarget | undefined): void => {
    target = next;
  },
};
