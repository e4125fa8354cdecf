import { describe, expect, it } from 'vitest';
import type { MenuItemConstructorOptions } from 'electron';
import { buildMenuTemplate } from '../../../../electron/main/menu';
import { commands } from '../../../../renderer/src/commands/commands';

function items(template: readonly MenuItemConstructorOptions[]): MenuItemConstructorOptions[] {
  return template.flatMap((item) => [item, ...(Array.isArray(item.submenu) ? items(item.submenu) : [])]);
}

describe('the application menu', () => {
  it.each(['linux', 'darwin', 'win32'] as const)('on %s, runs only commands the renderer has, each once clicked', (platform) => {
    const ran: string[] = [];
    const template = buildMenuTemplate({ platform, openLibrary: () => ran.push('open-library'), openDataFolder: () => ran.push('data-folder'), runCommand: (id) => ran.push(id) });
    for (const item of items(template)) (item.click as (() => void) | undefined)?.();
    const known = new Set(commands.map((command) => command.id));
    const commandIds = ran.filter((id) => id !== 'open-library' && id !== 'data-folder');
    expect(commandIds.length).toBeGreaterThan(4);
    for (const id of commandIds) expect(known, id).toContain(id);
  });

  it('has a Search menu: Find, Save Search, Search Inside PDFs, Search Syntax', () => {
    const template = buildMenuTemplate({ platform: 'linux', openLibrary: () => undefined, openDataFolder: () => undefined, runCommand: () => undefined });
    const search = template.find((item) => item.label === 'Search');
    const labels = (search?.submenu as MenuItemConstructorOptions[]).map((item) => item.label).filter(Boolean);
    expect(labels).toEqual(['Find…', 'Save Search…', 'Search Inside PDFs', 'Search Syntax']);
  });
});
