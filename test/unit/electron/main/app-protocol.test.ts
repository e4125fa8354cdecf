import { mkdir, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolveBundleFile, resolveBundleRequest } from '../../../../electron/main/app-protocol';
import { tempFolder } from '../../../helpers/temp-library';

// Checklist E8: app://bundle/<path> never reads a file outside the built renderer, whatever the
// encoding of the path, and a symbolic link in the renderer folder cannot lead out of it.
describe('app:// requests on a real renderer folder', () => {
  let parent: string;
  let renderer: string;
  let cleanup: () => Promise<void>;

  beforeAll(async () => {
    ({ folder: parent, cleanup } = await tempFolder('sift-app-protocol-'));
    renderer = path.join(parent, 'renderer');
    await mkdir(path.join(renderer, 'assets'), { recursive: true });
    await writeFile(path.join(renderer, 'index.html'), '<!doctype html>');
    await writeFile(path.join(renderer, 'assets', 'index.js'), 'export {}');
    await writeFile(path.join(parent, 'secret.txt'), 'outside the bundle');
    await mkdir(path.join(parent, 'outside'));
    await writeFile(path.join(parent, 'outside', 'x.js'), 'outside the bundle');
    await symlink(path.join(parent, 'secret.txt'), path.join(renderer, 'assets', 'link.txt'));
    await symlink(path.join(parent, 'outside'), path.join(renderer, 'linked-folder'));
    await symlink('../../secret.txt', path.join(renderer, 'assets', 'relative-link.txt'));
  });
  afterAll(async () => cleanup());

  it.each([
    ['app://bundle/', 'index.html'],
    ['app://bundle/index.html', 'index.html'],
    ['app://bundle/assets/index.js', 'assets/index.js'],
    ['app://bundle/assets/../index.html', 'index.html'],
    // The URL parser folds dot segments before the path is looked at.
    ['app://bundle/..', 'index.html'],
  ])('serves %s', async (url, file) => {
    expect(await resolveBundleFile(url, renderer)).toBe(path.join(renderer, file));
  });

  it.each([
    'app://bundle/../secret.txt',
    'app://bundle/%2e%2e/secret.txt',
    'app://bundle/..%2fsecret.txt',
    'app://bundle/assets/..%2f..%2fsecret.txt',
    'app://bundle/%2e%2e%2fsecret.txt',
    'app://bundle/..%5csecret.txt',
    'app://bundle/assets%5c..%5c..%5csecret.txt',
    'app://bundle/%252e%252e/secret.txt',
    'app://bundle/%252e%252e%252fsecret.txt',
    'app://bundle/index.html%00',
    'app://bundle/index.html%00.js',
    'app://bundle/%00',
    'app://bundle/%E0%A4%A',
    'app://bundle//etc/passwd',
    'app://bundle/%2fetc%2fpasswd',
    'app://other/index.html',
    'app://bundle.evil/index.html',
    'app://bundle@evil/index.html',
    'app://evil@bundle/index.html',
    'https://bundle/index.html',
    'file:///etc/passwd',
    'app://bundle/assets/link.txt',
    'app://bundle/assets/relative-link.txt',
    'app://bundle/linked-folder/x.js',
    'app://bundle/missing.js',
  ])('refuses %s', async (url) => {
    expect(await resolveBundleFile(url, renderer)).toBeUndefined();
  });

  it('needs the real-path check: the lexical one alone would follow a link out of the bundle', () => {
    expect(resolveBundleRequest('app://bundle/assets/link.txt', renderer)).toBe(path.join(renderer, 'assets', 'link.txt'));
  });

  it('works when the renderer folder itself is reached through a link', async () => {
    const alias = path.join(parent, 'alias');
    await symlink(renderer, alias);
    expect(await resolveBundleFile('app://bundle/index.html', alias)).toBe(path.join(renderer, 'index.html'));
    expect(await resolveBundleFile('app://bundle/assets/link.txt', alias)).toBeUndefined();
  });
});
