import type { ReadStatus } from '../../../shared/model/library';
import type { Movement } from '../state/selection';
import type { View } from '../state/ui-state';
import { matchesShortcut, type Shortcut } from './shortcut';
import { readerController, type ReaderActions } from '../pdf/reader-controller';
import { compareController } from '../compare/compare-controller';
import { themeStore } from '../theme/theme-store';
import type { ThemeChoice } from '../theme/theme';
import type { HistoryState } from '../../../shared/api/contract';
import { isMac } from '../util/platform';
import { historyTitle, type HistoryDirection } from './history';
import { historyStore } from './history-store';

/** What commands can see and do; the app builds one per render. */
export interface CommandContext {
  view: View;
  paletteOpen: boolean;
  /** A modal dialog (restore from backup, import) has the keyboard. */
  dialogOpen: boolean;
  /** A library with papers is open (not loading, failed or empty). */
  hasPapers: boolean;
  isEmptyLibrary: boolean;
  /** A library is open and loaded (empty or not): its backups can be restored. */
  libraryLoaded: boolean;
  /** Why the library cannot be changed, when it cannot. */
  readOnly: string | undefined;
  /** What Undo and Redo would change next (labels from the main side; none when unknown or nothing). */
  history: HistoryState;
  canChooseLibrary: boolean;
  /** Selected papers that are in the list now. */
  selectedIds: readonly string[];
  /** The list as shown, in display order. */
  visibleIds: readonly string[];
  hasSearchOrFilter: boolean;
  /** The query a saved search would hold now ('' when there is none). */
  currentQuery: string;
  /** "Search inside PDFs" is on. */
  fulltext: boolean;
  hasFilter: boolean;
  cursorId: string | undefined;

  togglePalette: () => void;
  focusSearch: () => void;
  clearSearchAndFilter: () => void;
  saveSearch: () => void;
  toggleSyntaxHelp: () => void;
  toggleFulltext: () => void;
  showAllPapers: () => void;
  compareSelected: () => void;
  openReview: () => void;
  /** Opens the library dashboard. */
  openDashboard: () => void;
  /** Opens the screening view on the list as shown (with the criteria panel, if asked). */
  openScreening: (criteriaOpen?: boolean) => void;
  copyReview: () => void;
  exportReview: () => void;
  /** Opens the Export dialog (selection, current list or whole library; every format). */
  openExport: () => void;
  focusTagInput: () => void;
  addNote: () => void;
  setStatus: (status: ReadStatus) => void;
  /** Which tag each number key 1–9 toggles (slot → tag name). */
  pinnedTags: ReadonlyMap<number, string>;
  togglePinnedTag: (slot: number) => void;
  selectAll: () => void;
  move: (movement: Movement, extend: boolean) => void;
  openCursorPaper: () => void;
  openSampleLibrary: () => void;
  chooseLibrary: () => void;
  openRestore: () => void;
  /** Opens the import dialog on its files or its paste tab. */
  openImport: (tab: 'files' | 'paste') => void;
  closeView: () => void;
  /** Opens the selected paper's (first) PDF in the reader. */
  openPdf: () => void;
  /** Copies the highlights of the paper in the reader, or of the selected papers, as Markdown. */
  copyHighlights: () => void;
}

export type CommandGroup = 'General' | 'Search' | 'List' | 'Paper' | 'Views' | 'Export' | 'Library';

export interface Command {
  id: string;
  title: string;
  /** The title as it reads now, when it names something that changes (the tag pinned to a key). */
  titleFor?: (context: CommandContext) => string;
  group: CommandGroup;
  /** Extra words the palette matches on. */
  keywords?: readonly string[];
  shortcut?: Shortcut;
  /** Other keys that run it too (Ctrl+Y for Redo off the Mac); the palette shows only `shortcut`. */
  otherShortcuts?: readonly Shortcut[];
  /**
   * From the desktop menu while a text field has the focus, the field's own edit command runs
   * instead (`document.execCommand`): the menu's accelerator takes the key from the field.
   */
  inTextField?: 'undo' | 'redo';
  /** Runs even while the user types in a text field (only for modifier shortcuts). */
  whileTyping?: boolean;
  /** Hidden from the palette and keyboard when false. */
  isAvailable?: (context: CommandContext) => boolean;
  /** Shown but not runnable, with this reason, when it returns a string. */
  disabledReason?: (context: CommandContext) => string | undefined;
  run: (context: CommandContext) => void;
}

const withPapers = (context: CommandContext) => context.hasPapers;
const readOnlyReason = (context: CommandContext) => (context.readOnly ? 'The library is read-only' : undefined);
const needsSelection = (context: CommandContext) =>
  readOnlyReason(context) ?? (context.selectedIds.length === 0 ? 'Select a paper first' : undefined);
const needsListView = (context: CommandContext) =>
  context.view !== 'library' ? 'Only in the paper list' : context.visibleIds.length === 0 ? 'The list is empty' : undefined;
const needsRows = (context: CommandContext) => (context.visibleIds.length === 0 ? 'The list is empty' : undefined);
const inReader = (context: CommandContext) => context.view === 'reader';

/** A key of the PDF reader, run by the open reader (renderer/src/pdf/reader-controller.ts). */
function readerCommand(id: string, title: string, action: keyof ReaderActions, shortcut: Shortcut, keywords: readonly string[], whileTyping = false): Command {
  return { id, title, group: 'Views', keywords: ['pdf', 'reader', ...keywords], shortcut, whileTyping, isAvailable: inReader, run: () => readerController.run(action) };
}

/** Theme: System, Light or Dark; a per-machine preference (renderer/src/theme/theme-store.ts), so always available. */
function themeCommand(choice: ThemeChoice, name: string): Command {
  const title = `Theme: ${name}`;
  return {
    id: `theme-${choice}`,
    title,
    titleFor: () => (themeStore.getChoice() === choice ? `${title} (current)` : title),
    group: 'General',
    keywords: ['appearance', 'colors', 'color scheme', choice === 'system' ? 'automatic os follow' : choice === 'dark' ? 'night mode' : 'day mode'],
    run: () => themeStore.setChoice(choice),
  };
}

/**
 * Undo or Redo of the last library change, in any view (the main side keeps the history). Not
 * while typing: there Ctrl/⌘+Z is the field's own text undo.
 */
function historyCommand(direction: HistoryDirection, shortcut: Shortcut, otherShortcuts: readonly Shortcut[]): Command {
  return {
    id: direction,
    title: direction === 'undo' ? 'Undo' : 'Redo',
    titleFor: (context) => historyTitle(direction, context.history),
    group: 'General',
    keywords: direction === 'undo' ? ['revert', 'back', 'history', 'change'] : ['again', 'forward', 'history', 'change'],
    shortcut,
    otherShortcuts,
    inTextField: direction,
    isAvailable: (context) => context.libraryLoaded,
    disabledReason: readOnlyReason,
    run: () => void historyStore.step(direction),
  };
}

function statusCommand(status: ReadStatus, title: string, key: string): Command {
  return {
    id: `mark-${status}`,
    title,
    group: 'Paper',
    keywords: ['status', status],
    shortcut: { key },
    isAvailable: withPapers,
    disabledReason: needsSelection,
    run: (context) => context.setStatus(status),
  };
}

/** Number key `slot` toggles the tag pinned to it; listed only while one is. */
function pinnedTagCommand(slot: number): Command {
  return {
    id: `toggle-pinned-tag-${slot}`,
    title: `Toggle pinned tag ${slot}`,
    titleFor: (context) => `Toggle tag “${context.pinnedTags.get(slot) ?? ''}” (pinned to ${slot})`,
    group: 'Paper',
    keywords: ['tag', 'label', 'pinned', 'number', 'key', String(slot)],
    shortcut: { key: String(slot) },
    isAvailable: (context) => context.hasPapers && context.pinnedTags.has(slot),
    disabledReason: needsSelection,
    run: (context) => context.togglePinnedTag(slot),
  };
}

/**
 * Every action in the app. The command palette lists these and the keyboard shortcut handler
 * dispatches from the same list, so an action and its shortcut cannot drift apart.
 */
export const commands: readonly Command[] = [
  {
    id: 'focus-search',
    title: 'Focus search',
    group: 'Search',
    keywords: ['find', 'query'],
    shortcut: { key: '/' },
    isAvailable: withPapers,
    // In the reader, the desktop menu's Find (and /) find in the document.
    run: (context) => (context.view === 'reader' ? readerController.run('find') : context.focusSearch()),
  },
  {
    id: 'clear-search',
    title: 'Clear search and filters',
    group: 'Search',
    keywords: ['reset', 'query', 'tag', 'status'],
    shortcut: { key: 'x' },
    isAvailable: withPapers,
    disabledReason: (context) => (context.hasSearchOrFilter ? undefined : 'Nothing to clear'),
    run: (context) => context.clearSearchAndFilter(),
  },
  {
    id: 'save-search',
    title: 'Save search…',
    group: 'Search',
    keywords: ['saved searches', 'smart collection', 'keep', 'bookmark', 'query'],
    isAvailable: withPapers,
    disabledReason: (context) => readOnlyReason(context) ?? (context.currentQuery ? undefined : 'Type a query first'),
    shortcut: { key: 's', mod: true },
    whileTyping: true,
    run: (context) => context.saveSearch(),
  },
  {
    id: 'search-syntax',
    title: 'Search syntax help',
    group: 'Search',
    keywords: ['query language', 'fields', 'operators', 'examples', 'tag:', 'year:'],
    isAvailable: withPapers,
    shortcut: { key: 'F1' },
    whileTyping: true,
    run: (context) => context.toggleSyntaxHelp(),
  },
  {
    id: 'toggle-fulltext',
    title: 'Search inside PDFs: on or off',
    group: 'Search',
    keywords: ['full text', 'fulltext', 'pdf', 'pages'],
    isAvailable: withPapers,
    shortcut: { key: 'f', mod: true, shift: true },
    whileTyping: true,
    run: (context) => context.toggleFulltext(),
  },
  {
    id: 'show-all',
    title: 'Show all papers',
    group: 'Search',
    keywords: ['sidebar', 'library', 'filter', 'unfiltered'],
    shortcut: { key: 'a' },
    isAvailable: withPapers,
    run: (context) => context.showAllPapers(),
  },
  {
    id: 'next-paper',
    title: 'Next paper',
    group: 'List',
    keywords: ['down', 'move', 'select'],
    shortcut: { key: 'ArrowDown' },
    isAvailable: withPapers,
    disabledReason: needsListView,
    run: (context) => context.move(1, false),
  },
  {
    id: 'previous-paper',
    title: 'Previous paper',
    group: 'List',
    keywords: ['up', 'move', 'select'],
    shortcut: { key: 'ArrowUp' },
    isAvailable: withPapers,
    disabledReason: needsListView,
    run: (context) => context.move(-1, false),
  },
  {
    id: 'extend-down',
    title: 'Extend selection down',
    group: 'List',
    keywords: ['range', 'multi'],
    shortcut: { key: 'ArrowDown', shift: true },
    isAvailable: withPapers,
    disabledReason: needsListView,
    run: (context) => context.move(1, true),
  },
  {
    id: 'extend-up',
    title: 'Extend selection up',
    group: 'List',
    keywords: ['range', 'multi'],
    shortcut: { key: 'ArrowUp', shift: true },
    isAvailable: withPapers,
    disabledReason: needsListView,
    run: (context) => context.move(-1, true),
  },
  {
    id: 'first-paper',
    title: 'First paper',
    group: 'List',
    keywords: ['top', 'home'],
    shortcut: { key: 'Home' },
    isAvailable: withPapers,
    disabledReason: needsListView,
    run: (context) => context.move('first', false),
  },
  {
    id: 'last-paper',
    title: 'Last paper',
    group: 'List',
    keywords: ['bottom', 'end'],
    shortcut: { key: 'End' },
    isAvailable: withPapers,
    disabledReason: needsListView,
    run: (context) => context.move('last', false),
  },
  {
    id: 'open-paper',
    title: 'Open selected paper',
    group: 'List',
    keywords: ['details', 'detail pane', 'show'],
    shortcut: { key: 'Enter' },
    isAvailable: withPapers,
    disabledReason: (context) => needsListView(context) ?? (context.cursorId ? undefined : 'Select a paper first'),
    run: (context) => context.openCursorPaper(),
  },
  {
    id: 'select-all',
    title: 'Select all papers in the list',
    group: 'List',
    keywords: ['everything', 'multi'],
    shortcut: { key: 'a', mod: true },
    isAvailable: withPapers,
    disabledReason: needsRows,
    run: (context) => context.selectAll(),
  },
  {
    id: 'add-tag',
    title: 'Add tag to selection',
    group: 'Paper',
    keywords: ['label', 'tags'],
    shortcut: { key: 'l' },
    isAvailable: withPapers,
    disabledReason: needsSelection,
    run: (context) => context.focusTagInput(),
  },
  {
    id: 'add-note',
    title: 'Add note',
    group: 'Paper',
    keywords: ['markdown', 'annotate', 'write'],
    shortcut: { key: 'n' },
    isAvailable: withPapers,
    disabledReason: (context) => readOnlyReason(context) ?? (context.selectedIds.length === 1 ? undefined : 'Select one paper'),
    run: (context) => context.addNote(),
  },
  statusCommand('unread', 'Mark as unread', 'u'),
  statusCommand('reading', 'Mark as reading', 'i'),
  statusCommand('read', 'Mark as read', 'r'),
  ...[1, 2, 3, 4, 5, 6, 7, 8, 9].map(pinnedTagCommand),
  {
    id: 'compare',
    title: 'Compare selected papers',
    group: 'Views',
    keywords: ['side by side', 'shared terms'],
    shortcut: { key: 'c' },
    isAvailable: withPapers,
    disabledReason: (context) =>
      context.selectedIds.length >= 2 && context.selectedIds.length <= 4 ? undefined : 'Select 2–4 papers',
    run: (context) => context.compareSelected(),
  },
  {
    id: 'screen',
    title: 'Screen papers',
    group: 'Views',
    keywords: ['screening', 'include', 'exclude', 'maybe', 'decision', 'prisma', 'systematic', 'triage'],
    shortcut: { key: 's', shift: true },
    isAvailable: withPapers,
    disabledReason: needsRows,
    run: (context) => context.openScreening(),
  },
  {
    id: 'screening-criteria',
    title: 'Edit screening criteria…',
    group: 'Views',
    keywords: ['screening', 'exclusion reasons', 'inclusion', 'keywords', 'highlight', 'prisma'],
    isAvailable: withPapers,
    disabledReason: needsRows,
    run: (context) => context.openScreening(true),
  },
  {
    id: 'review-table',
    title: 'Open review table',
    group: 'Views',
    keywords: ['grid', 'spreadsheet', 'overview'],
    shortcut: { key: 't' },
    isAvailable: withPapers,
    run: (context) => context.openReview(),
  },
  {
    id: 'dashboard',
    title: 'Open library dashboard',
    group: 'Views',
    keywords: ['overview', 'charts', 'statistics', 'stats', 'years', 'venues', 'tags', 'prisma', 'progress'],
    shortcut: { key: 'd', mod: true, shift: true },
    whileTyping: true,
    isAvailable: withPapers,
    run: (context) => context.openDashboard(),
  },
  {
    id: 'open-pdf',
    title: 'Open PDF',
    group: 'Views',
    keywords: ['reader', 'read', 'attachment', 'highlight', 'full text'],
    shortcut: { key: 'p' },
    isAvailable: withPapers,
    disabledReason: (context) => (context.selectedIds.length === 1 ? undefined : 'Select one paper'),
    run: (context) => context.openPdf(),
  },
  readerCommand('reader-find', 'Find in PDF', 'find', { key: 'f', mod: true }, ['search', 'find in document'], true),
  readerCommand('reader-zoom-in', 'Zoom in', 'zoomIn', { key: '+' }, ['bigger', 'larger', 'magnify']),
  readerCommand('reader-zoom-out', 'Zoom out', 'zoomOut', { key: '-' }, ['smaller']),
  readerCommand('reader-fit-width', 'Fit page width', 'fitWidth', { key: 'w' }, ['zoom', 'width']),
  readerCommand('reader-next-page', 'Next page', 'nextPage', { key: 'PageDown' }, ['page down', 'forward']),
  readerCommand('reader-previous-page', 'Previous page', 'previousPage', { key: 'PageUp' }, ['page up', 'back']),
  {
    id: 'close-view',
    title: 'Close view',
    group: 'Views',
    keywords: ['back', 'exit', 'dismiss'],
    shortcut: { key: 'Escape' },
    whileTyping: true,
    isAvailable: withPapers,
    disabledReason: (context) => (context.view === 'library' ? 'No view is open' : undefined),
    run: (context) => context.closeView(),
  },
  {
    id: 'export',
    title: 'Export…',
    group: 'Export',
    keywords: ['save', 'csv', 'bibtex', 'biblatex', 'ris', 'csl-json', 'markdown', 'notes', 'obsidian', 'zettlr', 'bibliography', 'download'],
    shortcut: { key: 'e', mod: true, shift: true },
    whileTyping: true,
    isAvailable: withPapers,
    run: (context) => context.openExport(),
  },
  {
    id: 'copy-markdown',
    title: 'Copy review table as Markdown',
    group: 'Export',
    keywords: ['clipboard', 'gfm', 'table'],
    shortcut: { key: 'm' },
    isAvailable: withPapers,
    disabledReason: needsRows,
    run: (context) => context.copyReview(),
  },
  {
    id: 'export-markdown',
    title: 'Export review table as Markdown…',
    group: 'Export',
    keywords: ['save', 'file', 'download', 'gfm'],
    shortcut: { key: 'm', shift: true },
    isAvailable: withPapers,
    disabledReason: needsRows,
    run: (context) => context.exportReview(),
  },
  {
    id: 'copy-comparison',
    title: 'Copy comparison as Markdown',
    group: 'Export',
    keywords: ['compare', 'clipboard', 'gfm', 'table', 'note'],
    isAvailable: (context) => context.view === 'compare',
    run: () => compareController.run('copyMarkdown'),
  },
  {
    id: 'export-comparison',
    title: 'Export comparison as Markdown…',
    group: 'Export',
    keywords: ['compare', 'save', 'file', 'download', 'gfm', 'note'],
    isAvailable: (context) => context.view === 'compare',
    run: () => compareController.run('exportMarkdown'),
  },
  {
    id: 'copy-highlights',
    title: 'Copy highlights as Markdown',
    group: 'Export',
    keywords: ['pdf', 'annotations', 'quotes', 'clipboard', 'reader'],
    isAvailable: withPapers,
    disabledReason: (context) => (context.view === 'reader' || context.selectedIds.length > 0 ? undefined : 'Select a paper first'),
    run: (context) => context.copyHighlights(),
  },
  {
    id: 'open-sample',
    title: 'Open the sample library',
    group: 'Library',
    keywords: ['example', 'demo', 'welcome'],
    shortcut: { key: 's' },
    isAvailable: (context) => context.isEmptyLibrary,
    run: (context) => context.openSampleLibrary(),
  },
  {
    id: 'open-library',
    title: 'Open another library…',
    group: 'Library',
    keywords: ['folder', 'switch', 'choose'],
    shortcut: { key: 'o', mod: true },
    whileTyping: true,
    isAvailable: (context) => context.canChooseLibrary,
    run: (context) => context.chooseLibrary(),
  },
  {
    id: 'import',
    title: 'Import papers…',
    group: 'Library',
    keywords: ['bibtex', 'ris', 'csl-json', 'zotero', 'mendeley', 'pdf', 'files', 'folder', 'add'],
    shortcut: { key: 'i', mod: true },
    whileTyping: true,
    isAvailable: (context) => context.libraryLoaded,
    disabledReason: readOnlyReason,
    run: (context) => context.openImport('files'),
  },
  {
    id: 'import-paste',
    title: 'Import pasted text…',
    group: 'Library',
    keywords: ['paste', 'clipboard', 'arxiv', 'doi', 'list', 'titles'],
    // Not while typing: in a text field Ctrl+Shift+V is "paste as plain text".
    shortcut: { key: 'v', mod: true, shift: true },
    isAvailable: (context) => context.libraryLoaded,
    disabledReason: readOnlyReason,
    run: (context) => context.openImport('paste'),
  },
  {
    id: 'restore-backup',
    title: 'Restore from backup…',
    group: 'Library',
    keywords: ['backups', 'undo', 'recover', 'history', 'revert'],
    isAvailable: (context) => context.libraryLoaded,
    disabledReason: readOnlyReason,
    shortcut: { key: 'b', mod: true, shift: true },
    run: (context) => context.openRestore(),
  },
  historyCommand('undo', { key: 'z', mod: true }, []),
  historyCommand('redo', { key: 'z', mod: true, shift: true }, isMac ? [] : [{ key: 'y', mod: true }]),
  themeCommand('system', 'System'),
  themeCommand('light', 'Light'),
  themeCommand('dark', 'Dark'),
  {
    id: 'palette',
    title: 'Command palette',
    group: 'General',
    keywords: ['commands', 'actions', 'help', 'shortcuts'],
    shortcut: { key: 'k', mod: true },
    whileTyping: true,
    run: (context) => context.togglePalette(),
  },
];

/** Whether the key pressed is one of the command's. */
export function matchesCommand(event: KeyboardEvent, command: Command): boolean {
  return [...(command.shortcut ? [command.shortcut] : []), ...(command.otherShortcuts ?? [])].some((shortcut) => matchesShortcut(event, shortcut));
}

export function isRunnable(command: Command, context: CommandContext): boolean {
  return (command.isAvailable?.(context) ?? true) && command.disabledReason?.(context) === undefined;
}
