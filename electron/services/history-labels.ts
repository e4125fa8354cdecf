/** What Undo and Redo call a change, by the API method that made it. */
const labels: Record<string, string> = {
  'library.openSample': 'Open the sample library',
  'papers.update': 'Edit paper',
  'papers.updateMany': 'Change papers',
  'tags.add': 'Add tag',
  'tags.remove': 'Remove tag',
  'tags.rename': 'Rename tag',
  'tags.setColor': 'Tag color',
  'tags.pin': 'Pin tag',
  'tags.delete': 'Delete tag',
  'tags.restore': 'Restore tag',
  'notes.add': 'Add note',
  'notes.update': 'Edit note',
  'notes.delete': 'Delete note',
  'annotations.add': 'Add highlight',
  'annotations.update': 'Edit highlight',
  'annotations.delete': 'Delete highlight',
  'import.commit': 'Import',
  'searches.save': 'Save search',
  'searches.delete': 'Delete saved search',
  'columns.save': 'Edit column',
  'columns.delete': 'Delete column',
  'cells.set': 'Edit cell',
  'cells.setEvidence': 'Cite evidence',
  'tables.save': 'Save table preset',
  'tables.delete': 'Delete table preset',
  'screening.decide': 'Screening decision',
  'screening.restore': 'Restore screening decision',
  'screening.criteria.set': 'Edit screening criteria',
  'comparisons.save': 'Edit comparison note',
};

export function historyLabel(method: string): string {
  return labels[method] ?? method;
}
