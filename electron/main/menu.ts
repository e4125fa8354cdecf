import type { MenuItemConstructorOptions } from 'electron';

export interface MenuActions {
  platform: NodeJS.Platform;
  openLibrary: () => void;
  openDataFolder: () => void;
  /** Runs a renderer command (by its id in renderer/src/commands/commands.ts), as the palette would. */
  runCommand: (command: string) => void;
}

/** The application menu as data, so its shape is tested without Electron. */
export function buildMenuTemplate(actions: MenuActions): MenuItemConstructorOptions[] {
  const isMac = actions.platform === 'darwin';
  const template: MenuItemConstructorOptions[] = [
    {
      label: 'File',
      submenu: [
        { label: 'Open Library…', accelerator: 'CmdOrCtrl+O', click: actions.openLibrary },
        { label: 'Import…', accelerator: 'CmdOrCtrl+I', click: () => actions.runCommand('import') },
        { label: 'Restore from Backup…', click: () => actions.runCommand('restore-backup') },
        { label: 'Export Review Table as Markdown…', accelerator: 'CmdOrCtrl+Shift+M', click: () => actions.runCommand('export-markdown') },
        { type: 'separator' },
        { label: 'Show Library Folder', click: actions.openDataFolder },
        { type: 'separator' },
        isMac ? { role: 'close' } : { role: 'quit' },
      ],
    },
    { role: 'editMenu' },
    {
      label: 'Search',
      submenu: [
        { label: 'Find…', accelerator: 'CmdOrCtrl+F', click: () => actions.runCommand('focus-search') },
        { label: 'Save Search…', click: () => actions.runCommand('save-search') },
        { label: 'Search Inside PDFs', click: () => actions.runCommand('toggle-fulltext') },
        { type: 'separator' },
        { label: 'Search Syntax', click: () => actions.runCommand('search-syntax') },
      ],
    },
    {
      label: 'View',
      submenu: [
        { role: 'reload' },
        { role: 'toggleDevTools' },
        { type: 'separator' },
        { role: 'resetZoom' },
        { role: 'zoomIn' },
        { role: 'zoomOut' },
        { type: 'separator' },
        { role: 'togglefullscreen' },
      ],
    },
    { role: 'windowMenu' },
  ];
  if (isMac) template.unshift({ role: 'appMenu' });
  return template;
}
