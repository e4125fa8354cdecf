import { existsSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export const PRODUCT_NAME = 'Sift';

export interface AppPaths {
  /** The project (or packaged app) root, where package.json is. */
  root: string;
  rendererFolder: string;
  resourcesFolder: string;
  defaultLibraryFolder: string;
}

/** Walks up from `start` to the folder whose package.json names this app. */
export function findAppRoot(start: string): string {
  let folder = path.resolve(start);
  for (;;) {
    const manifest = path.join(folder, 'package.json');
    if (existsSync(manifest)) {
      const { name } = JSON.parse(readFileSync(manifest, 'utf8')) as { name?: string };
      if (name === 'sift') return folder;
    }
    const parent = path.dirname(folder);
    if (parent === folder) throw new Error(`Cannot find Sift's package.json above ${start}`);
    folder = parent;
  }
}

/**
 * The folder Electron's `app.getPath('userData')` gives for this app, so that the CLI and browser
 * mode open the same default library as the desktop app.
 */
export function userDataFolder(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string {
  const home = os.homedir();
  if (platform === 'darwin') return path.join(home, 'Library', 'Application Support', PRODUCT_NAME);
  if (platform === 'win32') return path.join(env.APPDATA ?? path.join(home, 'AppData', 'Roaming'), PRODUCT_NAME);
  return path.join(env.XDG_CONFIG_HOME ?? path.join(home, '.config'), PRODUCT_NAME);
}

export function appPaths(start: string, dataFolder: string = userDataFolder()): AppPaths {
  const root = findAppRoot(start);
  return {
    root,
    rendererFolder: path.join(root, 'renderer', 'dist'),
    resourcesFolder: path.join(root, 'resources'),
    defaultLibraryFolder: path.join(dataFolder, 'library'),
  };
}
