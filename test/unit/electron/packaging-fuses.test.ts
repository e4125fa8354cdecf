import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { repoRoot } from '../../helpers/temp-library';

// Checklist E10: the fuses electron-builder flips in the packaged binary. (Reading them back from a
// built app needs the Electron binary: `npx @electron/fuses read --app <bin>` on a CI runner.)
describe('electron-builder.yml', () => {
  it('sets every security fuse', async () => {
    const config = parse(await readFile(path.join(repoRoot, 'electron-builder.yml'), 'utf8')) as { electronFuses?: unknown; asar?: unknown };
    expect(config.electronFuses).toEqual({
      runAsNode: false,
      enableCookieEncryption: true,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      loadBrowserProcessSpecificV8Snapshot: false,
      grantFileProtocolExtraPrivileges: false,
    });
    // onlyLoadAppFromAsar without an asar would leave the app nothing to load.
    expect(config.asar).toBe(true);
  });
});
