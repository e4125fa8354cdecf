import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { MenuItemConstructorOptions } from 'electron';
import { buildMenuTemplate, type MenuActions } from '../../../../electron/main/menu';
import { repoRoot } from '../../../helpers/temp-library';

function items(template: readonly MenuItemConstructorOptions[]): MenuItemConstructorOptions[] {
  return template.flatMap((item) => [item, ...(Array.isArray(item.submenu) ? items(item.submenu) : [])]);
}

/** The command ids the renderer defines, read from its source as text (the main side never imports the renderer). */
function rendererCommandIds(): Set<string> {
  const source = readFileSync(path.join(repoRoot, 'renderer/src/commands/commands.ts'), 'utf8');
  const ids = [...source.matchAll(/\bid: '([a-z0-9-]+)'/g), ...source.matchAll(/(?:readerCommand|statusCommand|historyCommand)\('([a-z0-9-]+)'/g)].map((match) => match[1] ?? '');
  return new Set(ids);
}

function actions(overrides: Partial<MenuActions> = {}): MenuActions & { ran: string[] } {
  const ran: string[] = [];
  return {
    ran,
    platform: 'linux',
    newLibrary: () => ran.push('new-library'),
    openLibrary: () => ran.push('open-library'),
    recentLibraries: [],
    openRecentLibrary: (folder) => ran.push(`recent:${folder}`),
    clearRecentLibraries: () => ran.push('clear-recent'),
    openDataFolder: () => ran.push('data-folder'),
    runCommand: (id) => ran.push(`command:${id}`),
    ...overrides,
  };
}

function submenu(template: readonly MenuItemConstructorOptions[], label: string): MenuItemConstructorOptions[] {
  const menu = template.find((item) => item.label === label || item.role === label);
  return (menu?.submenu ?? []) as MenuItemConstructorOptions[];
}

const labels = (menu: readonly MenuItemConstructorOptions[]) => menu.map((item) => item.label ?? item.role ?? '—');

describe('the application menu', () => {
  it('finds the renderer’s command ids in its source', () => {
    const ids = rendererCommandIds();
    for (const id of ['undo', 'redo', 'import', 'export', 'compare', 'review-table', 'screen', 'open-pdf', 'close-view', 'palette', 'reader-find']) expect(ids).toContain(id);
  });

  it.each(['linux', 'darwin', 'win32'] as const)('on %s, runs only commands the renderer has, each once clicked', (platform) => {
    const menu = actions({ platform, recentLibraries: ['/papers/review'] });
    for (const item of items(buildMenuTemplate(menu))) (item.click as (() => void) | undefined)?.();
    const known = rendererCommandIds();
    const commandIds = menu.ran.filter((id) => id.startsWith('command:')).map((id) => id.slice('command:'.length));
    expect(commandIds.length).toBeGreaterThan(10);
    for (const id of commandIds) expect(known, id).toContain(id);
    expect(menu.ran.filter((id) => !id.startsWith('command:'))).toEqual(['new-library', 'open-library', 'recent:/papers/review', 'clear-recent', 'data-folder']);
  });

  it('has File, Edit, Search, View, Window and Help; macOS adds the app menu first', () => {
    expect(labels(buildMenuTemplate(actions()))).toEqual(['File', 'Edit', 'Search', 'View', 'windowMenu', 'help']);
    expect(labels(buildMenuTemplate(actions({ platform: 'darwin' })))).toEqual(['appMenu', 'File', 'Edit', 'Search', 'View', 'windowMenu', 'help']);
  });

  it.each([
    ['linux', 'quit'],
    ['darwin', 'close'],
  ] as const)('File on %s: libraries, import and export, backups, the folder, then %s', (platform, last) => {
    const file = submenu(buildMenuTemplate(actions({ platform })), 'File');
    expect(labels(file)).toEqual([
      'New Library…',
      'Open Library…',
      'Open Recent',
      '—',
      'Import…',
      'Export…',
      'Export Review Table as Markdown…',
      '—',
      'Restore from Backup…',
      'Show Library Folder',
      '—',
      last,
    ]);
  });

  it('File › Open Recent lists the recent libraries, then Clear Recent', () => {
    const menu = actions({ recentLibraries: ['/a/review', '/b/thesis'] });
    const recent = submenu(submenu(buildMenuTemplate(menu), 'File'), 'Open Recent');
    expect(labels(recent)).toEqual(['/a/review', '/b/thesis', '—', 'Clear Recent']);
    (recent[1]?.click as () => void)();
    expect(menu.ran).toEqual(['recent:/b/thesis']);
    expect(recent.at(-1)?.enabled).toBe(true);
  });

  it('File › Open Recent says when there are none, and Clear Recent is off', () => {
    const recent = submenu(submenu(buildMenuTemplate(actions()), 'File'), 'Open Recent');
    expect(recent.map((item) => [item.label ?? '—', item.enabled ?? true])).toEqual([
      ['No Recent Libraries', false],
      ['—', true],
      ['Clear Recent', false],
    ]);
  });

  it.each(['linux', 'darwin', 'win32'] as const)('Edit on %s: the library’s Undo and Redo (renderer commands), then the text roles', (platform) => {
    const menu = actions({ platform });
    const edit = submenu(buildMenuTemplate(menu), 'Edit');
    expect(labels(edit)).toEqual(['Undo', 'Redo', '—', 'cut', 'copy', 'paste', 'pasteAndMatchStyle', 'delete', '—', 'selectAll']);
    expect(edit.slice(0, 2).map((item) => item.accelerator)).toEqual(['CmdOrCtrl+Z', 'Shift+CmdOrCtrl+Z']);
    for (const item of edit.slice(0, 2)) (item.click as () => void)();
    expect(menu.ran).toEqual(['command:undo', 'command:redo']);
    // No role would take the keys from the renderer's commands.
    expect(edit.map((item) => item.role).filter(Boolean)).not.toContain('undo');
    expect(edit.map((item) => item.role).filter(Boolean)).not.toContain('redo');
  });

  it('View opens each view (and the dashboard) with ⌘/Ctrl+digit, then zoom and full screen', () => {
    const menu = actions();
    const view = submenu(buildMenuTemplate(menu), 'View');
    expect(view.slice(0, 6).map((item) => [item.label, item.accelerator])).toEqual([
      ['Library', 'CmdOrCtrl+1'],
      ['Compare', 'CmdOrCtrl+2'],
      ['Review Table', 'CmdOrCtrl+3'],
      ['Screening', 'CmdOrCtrl+4'],
      ['Reader', 'CmdOrCtrl+5'],
      ['Dashboard', 'CmdOrCtrl+6'],
    ]);
    for (const item of view.slice(0, 6)) (item.click as () => void)();
    expect(menu.ran).toEqual(['command:close-view', 'command:compare', 'command:review-table', 'command:screen', 'command:open-pdf', 'command:dashboard']);
    expect(view.map((item) => item.role).filter(Boolean)).toEqual(['resetZoom', 'zoomIn', 'zoomOut', 'togglefullscreen', 'reload', 'toggleDevTools']);
  });

  it('gives library, import and export commands accelerators, none used twice', () => {
    const all = items(buildMenuTemplate(actions()));
    const accelerator = (label: string) => all.find((item) => item.label === label)?.accelerator;
    expect([accelerator('New Library…'), accelerator('Open Library…'), accelerator('Import…'), accelerator('Export…'), accelerator('Find…')]).toEqual([
      'CmdOrCtrl+Shift+N',
      'CmdOrCtrl+O',
      'CmdOrCtrl+I',
      'CmdOrCtrl+Shift+E',
      'CmdOrCtrl+F',
    ]);
    const accelerators = all.map((item) => item.accelerator).filter(Boolean);
    expect(new Set(accelerators).size).toBe(accelerators.length);
  });

  it('has a Search menu: Find, Save Search, Search Inside PDFs, Search Syntax', () => {
    const search = submenu(buildMenuTemplate(actions()), 'Search');
    expect(search.map((item) => item.label).filter(Boolean)).toEqual(['Find…', 'Save Search…', 'Search Inside PDFs', 'Search Syntax']);
  });

  it('Help: Keyboard Shortcuts (the palette), Search Syntax, and About (in the app menu on macOS)', () => {
    expect(labels(submenu(buildMenuTemplate(actions()), 'help'))).toEqual(['Keyboard Shortcuts', 'Search Syntax', '—', 'about']);
    expect(labels(submenu(buildMenuTemplate(actions({ platform: 'darwin' })), 'help'))).toEqual(['Keyboard Shortcuts', 'Search Syntax']);
  });

  it('gives every command an accelerator (a command in two menus has it in one), except the recent libraries', () => {
    const withClick: Array<{ label: string; accelerator?: string }> = [];
    const walk = (items: readonly MenuItemConstructorOptions[], inRecent: boolean) => {
      for (const item of items) {
        const recent = inRecent || item.label === 'Open Recent';
        if (item.click && !recent && item.label) withClick.push({ label: item.label, ...(typeof item.accelerator === 'string' ? { accelerator: item.accelerator } : {}) });
        if (Array.isArray(item.submenu)) walk(item.submenu, recent);
      }
    };
    walk(buildMenuTemplate(actions({ recentLibraries: ['/home/ann/review'] })), false);
    const labelsWithout = [...new Set(withClick.map((item) => item.label))].filter((label) => !withClick.some((item) => item.label === label && item.accelerator));
    expect(withClick.length).toBeGreaterThan(15);
    expect(labelsWithout).toEqual([]);
  });
});
