import type { MenuItemConstructorOptions } from 'electron';

export interface MenuActions {
  platform: NodeJS.Platform;
  /** Asks for an empty folder and starts a library there. */
  newLibrary: () => void;
  openLibrary: () => void;
  /** Libraries opened lately, most recent first (File › Open Recent). */
  recentLibraries: readonly string[];
  openRecentLibrary: (folder: string) => void;
  clearRecentLibraries: () => void;
  openDataFolder: () => void;
  /** Runs a renderer command (by its id in renderer/src/commands/commands.ts), as the palette would. */
  runCommand: (command: string) => void;
}

/**
 * The views, by the renderer command that opens each. The Library is where closing a view goes back
 * to; the Reader opens the selected paper's PDF. ⌘/Ctrl+digit: the renderer binds no digit with a
 * modifier (1–9 alone toggle pinned tags).
 */
const views: ReadonlyArray<readonly [label: string, command: string]> = [
  ['Library', 'close-view'],
  ['Compare', 'compare'],
  ['Review Table', 'review-table'],
  ['Screening', 'screen'],
  ['Reader', 'open-pdf'],
  ['Dashboard', 'dashboard'],
];

function recentSubmenu(actions: MenuActions): MenuItemConstructorOptions[] {
  const recent: MenuItemConstructorOptions[] = actions.recentLibraries.map((folder) => ({
    label: folder,
    click: () => actions.openRecentLibrary(folder),
  }));
  if (recent.length === 0) recent.push({ label: 'No Recent Libraries', enabled: false });
  return [...recent, { type: 'separator' }, { label: 'Clear Recent', enabled: actions.recentLibraries.length > 0, click: actions.clearRecentLibraries }];
}

/** The application menu as data, so its shape is tested without Electron. */
export function buildMenuTemplate(actions: MenuActions): MenuItemConstructorOptions[] {
  const isMac = actions.platform === 'darwin';
  const run = (command: string) => () => actions.runCommand(command);
  const template: MenuItemConstructorOptions[] = [
    {
      label: 'File',
      submenu: [
        { label: 'New Library…', accelerator: 'CmdOrCtrl+Shift+N', click: actions.newLibrary },
        { label: 'Open Library…', accelerator: 'CmdOrCtrl+O', click: actions.openLibrary },
        { label: 'Open Recent', submenu: recentSubmenu(actions) },
        { type: 'separator' },
        { label: 'Import…', accelerator: 'CmdOrCtrl+I', click: run('import') },
        { label: 'Export…', accelerator: 'CmdOrCtrl+Shift+E', click: run('export') },
        { label: 'Export Review Table as Markdown…', accelerator: 'CmdOrCtrl+Shift+M', click: run('export-markdown') },
        { type: 'separator' },
        { label: 'Restore from Backup…', accelerator: 'CmdOrCtrl+Shift+B', click: run('restore-backup') },
        { label: 'Show Library Folder', accelerator: 'CmdOrCtrl+Shift+L', click: actions.openDataFolder },
        { type: 'separator' },
        isMac ? { role: 'close' } : { role: 'quit' },
      ],
    },
    {
      label: 'Edit',
      submenu: [
        // The library's Undo and Redo, in every view. The accelerator takes the key from a text
        // field, so in one the renderer's command undoes the field's typing instead.
        { label: 'Undo', accelerator: 'CmdOrCtrl+Z', click: run('undo') },
        { label: 'Redo', accelerator: 'Shift+CmdOrCtrl+Z', click: run('redo') },
        { type: 'separator' },
        { role: 'cut' },
        { role: 'copy' },
        { role: 'paste' },
        { role: 'pasteAndMatchStyle' },
        { role: 'delete' },
        { type: 'separator' },
        { role: 'selectAll' },
      ],
    },
    {
      label: 'Search',
      submenu: [
        { label: 'Find…', accelerator: 'CmdOrCtrl+F', click: run('focus-search') },
        { label: 'Save Search…', accelerator: 'CmdOrCtrl+S', click: run('save-search') },
        { label: 'Search Inside PDFs', accelerator: 'CmdOrCtrl+Shift+F', click: run('toggle-fulltext') },
        { type: 'separator' },
        { label: 'Search Syntax', accelerator: 'F1', click: run('search-syntax') },
      ],
    },
    {
      label: 'View',
      submenu: [
        ...views.map(([label, command], index): MenuItemConstructorOptions => ({ label, accelerator: `CmdOrCtrl+${index + 1}`, click: run(command) })),
        { type: 'separator' },
        { role: 'resetZoom' },
        { role: 'zoomIn' },
        { role: 'zoomOut' },
        { type: 'separator' },
        { role: 'togglefullscreen' },
        { type: 'separator' },
        { role: 'reload' },
        { role: 'toggleDevTools' },
      ],
    },
    { role: 'windowMenu' },
    {
      role: 'help',
      submenu: [
        // The command palette lists every command with its shortcut.
        { label: 'Keyboard Shortcuts', accelerator: 'CmdOrCtrl+K', click: run('palette') },
        // Its accelerator (F1) is on the Search menu's item: one key, one place.
        { label: 'Search Syntax', click: run('search-syntax') },
        ...(isMac ? [] : [{ type: 'separator' } as const, { role: 'about' } as const]),
      ],
    },
  ];
  if (isMac) template.unshift({ role: 'appMenu' });
  return template;
}
