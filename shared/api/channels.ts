/**
 * Method and event names, kept apart from the zod schemas so that the sandboxed preload can
 * build `window.sift` without bundling zod. `contract.ts` is typed against this list, so the
 * compiler fails if the two ever differ.
 */
export const methodNames = [
  'library.info',
  'library.openSample',
  'library.chooseAndOpen',
  'backups.list',
  'backups.restore',
  'papers.list',
  'papers.get',
  'papers.update',
  'papers.updateMany',
  'tags.add',
  'tags.remove',
  'tags.rename',
  'tags.setColor',
  'tags.pin',
  'tags.delete',
  'tags.restore',
  'notes.add',
  'notes.update',
  'notes.delete',
  'annotations.add',
  'annotations.update',
  'annotations.delete',
  'attachments.read',
  'import.preview',
  'import.commit',
  'import.cancel',
  'export.markdown',
  'export.bibliography',
  'export.save',
  'export.table',
  'export.notes',
  'export.saveFolder',
  'search.query',
  'searches.list',
  'searches.save',
  'searches.delete',
  'columns.list',
  'columns.save',
  'columns.delete',
  'cells.get',
  'cells.set',
  'cells.setEvidence',
  'tables.list',
  'tables.save',
  'tables.delete',
  'screening.decide',
  'screening.restore',
  'screening.criteria.get',
  'screening.criteria.set',
  'screening.stats',
  'dashboard.stats',
  'papers.related',
  'compare.analyze',
  'comparisons.get',
  'comparisons.save',
  'history.state',
  'history.undo',
  'history.redo',
] as const;
export type MethodName = (typeof methodNames)[number];

export const eventNames = ['library.changed', 'library.saveState', 'library.notice', 'import.progress', 'app.command', 'app.openFiles'] as const;
export type EventName = (typeof eventNames)[number];

/** One IPC channel per method; never a generic pass-through. */
export function ipcChannel(method: MethodName): string {
  return `sift:${method}`;
}
export function ipcEventChannel(event: EventName): string {
  return `sift-event:${event}`;
}

export function isMethodName(name: string): name is MethodName {
  return (methodNames as readonly string[]).includes(name);
}
