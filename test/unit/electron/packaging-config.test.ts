import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { Ajv } from 'ajv';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { repoRoot } from '../../helpers/temp-library';

// `npm run dist` needs the Electron binary, which cannot be downloaded here; this checks what can be
// checked without it: the configuration is one electron-builder accepts (its own schema, shipped
// in app-builder-lib), and everything it names is there after `npm run build` (CI runs the build
// before the tests).
interface BuilderConfig {
  appId?: string;
  productName?: string;
  directories?: { buildResources?: string; output?: string };
  files?: string[];
  asar?: boolean;
  asarUnpack?: string[];
  fileAssociations?: Array<{ ext: string; name?: string }>;
  linux?: { target?: unknown; icon?: string };
  mac?: { target?: Array<{ target: string; arch: string[] }>; icon?: string };
  win?: { target?: unknown; icon?: string };
}

const config = parse(readFileSync(path.join(repoRoot, 'electron-builder.yml'), 'utf8')) as BuilderConfig;
const schema = JSON.parse(readFileSync(path.join(repoRoot, 'node_modules/app-builder-lib/scheme.json'), 'utf8')) as object;
const validate = new Ajv({ allErrors: true, strict: false }).compile(schema);

/** Files under a folder, recursively, as paths relative to the repository. */
function filesUnder(folder: string): string[] {
  const absolute = path.join(repoRoot, folder);
  if (!existsSync(absolute)) return [];
  return readdirSync(absolute, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(repoRoot, path.join(entry.parentPath, entry.name)));
}

/** The files a `files`/`asarUnpack` pattern matches: a plain path, or `folder/**`. */
function matches(pattern: string): string[] {
  if (pattern.endsWith('/**')) return filesUnder(pattern.slice(0, -3));
  expect(pattern, `${pattern}: only plain paths and folder/** are checked`).not.toMatch(/[*?[{]/);
  return existsSync(path.join(repoRoot, pattern)) ? [pattern] : [];
}

describe('electron-builder.yml', () => {
  it('is valid by electron-builder’s own JSON schema', () => {
    expect(validate(config), JSON.stringify(validate.errors, null, 2)).toBe(true);
  });

  it('the schema check can fail (an unknown key and a wrong type are refused)', () => {
    expect(validate({ ...config, appID: 'org.sift.app' })).toBe(false);
    expect(validate({ ...config, asar: 'yes' })).toBe(false);
  });

  it('names the app and ships it in an asar', () => {
    expect(config).toMatchObject({ appId: 'org.sift.app', productName: 'Sift', asar: true });
  });

  it('builds AppImage and deb, a dmg for arm64 and x64, and an NSIS installer', () => {
    expect(config.linux?.target).toEqual(['AppImage', 'deb']);
    expect(config.mac?.target).toEqual([{ target: 'dmg', arch: ['arm64', 'x64'] }]);
    expect(config.win?.target).toEqual(['nsis']);
  });

  it('associates BibTeX and RIS files', () => {
    expect(config.fileAssociations?.map((association) => association.ext)).toEqual(['bib', 'ris']);
  });

  it('takes its icons from resources/icons (generated from resources/icon.svg)', () => {
    expect(config.directories?.buildResources).toBe('resources');
    expect(statSync(path.join(repoRoot, 'resources')).isDirectory()).toBe(true);
    expect(config.mac?.icon).toBe('resources/icons/icon.icns');
    expect(config.win?.icon).toBe('resources/icons/icon.ico');
    expect(config.linux?.icon).toBe('resources/icons/png');
    for (const icon of [config.mac?.icon, config.win?.icon]) expect(statSync(path.join(repoRoot, icon ?? '')).isFile(), icon).toBe(true);
    // electron-builder takes a Linux icon folder of <size>x<size>.png files.
    const linuxIcons = readdirSync(path.join(repoRoot, config.linux?.icon ?? ''));
    expect(linuxIcons).toContain('512x512.png');
    for (const name of linuxIcons) expect(name).toMatch(/^(\d+)x\1\.png$/);
  });

  it('ships only built files, and every file pattern matches something after npm run build', () => {
    const patterns = config.files ?? [];
    const included = patterns.filter((pattern) => !pattern.startsWith('!'));
    for (const pattern of included) {
      expect(pattern, 'no sources, tests or whole folders of the repository').toMatch(/^(package\.json|electron\/dist\/|renderer\/dist\/|resources\/)/);
      expect(matches(pattern).length, `${pattern} matches no file (run npm run build)`).toBeGreaterThan(0);
    }
    // What the app reads at run time (electron/services/app-paths.ts, main.ts) is among them.
    for (const needed of ['electron/dist/main.cjs', 'electron/dist/preload.cjs', 'electron/dist/task-worker.mjs', 'renderer/dist/index.html', 'resources/sample-library.json']) {
      expect(included.some((pattern) => matches(pattern).includes(needed)), needed).toBe(true);
    }
    expect(patterns).toContain('!**/*.map');
  });

  it('unpacks from the asar only folders that exist', () => {
    for (const pattern of config.asarUnpack ?? []) expect(matches(pattern).length, pattern).toBeGreaterThan(0);
  });
});
