import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveBundleRequest } from '../../../../electron/main/app-protocol';
import {
  decideNavigation,
  decideWindowOpen,
  isAppUrl,
  isPermissionAllowed,
  isSafeExternalUrl,
  isTrustedSender,
  secureWebPreferences,
} from '../../../../electron/main/security';

describe('window policy', () => {
  it('creates every window isolated, sandboxed and without Node', () => {
    expect(secureWebPreferences('/app/preload.cjs')).toEqual({
      preload: '/app/preload.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      spellcheck: true,
    });
  });

  it.each([
    ['app://bundle/index.html', true],
    ['app://bundle/', true],
    ['app://bundle.evil/index.html', false],
    ['app://evil/index.html', false],
    ['app://user:pw@bundle/index.html', false],
    ['https://bundle/index.html', false],
    ['file:///etc/passwd', false],
    ['javascript:alert(1)', false],
    ['not a url', false],
  ])('isAppUrl(%s) is %s', (url, expected) => {
    expect(isAppUrl(url)).toBe(expected);
  });

  it.each([
    ['https://doi.org/10.1000/182', true],
    ['http://arxiv.org/abs/2206.10883', true],
    ['mailto:someone@example.org', true],
    ['https://user:pw@example.org/', false],
    ['file:///etc/passwd', false],
    ['javascript:alert(1)', false],
    ['data:text/html,<script>alert(1)</script>', false],
    ['smb://server/share', false],
    ['ms-msdt:/id', false],
    ['search-ms:query=x', false],
    ['\\\\server\\share', false],
    ['https://', false],
  ])('isSafeExternalUrl(%s) is %s', (url, expected) => {
    expect(isSafeExternalUrl(url)).toBe(expected);
  });

  it('never navigates the window away from the app, and sends safe links to the OS browser', () => {
    expect(decideNavigation('app://bundle/index.html#x')).toEqual({ allow: true });
    expect(decideNavigation('https://example.org/')).toEqual({ allow: false, openExternally: true });
    expect(decideNavigation('file:///etc/passwd')).toEqual({ allow: false, openExternally: false });
  });

  it('never opens a new Electron window', () => {
    expect(decideWindowOpen('https://example.org/')).toEqual({ action: 'deny', openExternally: true });
    expect(decideWindowOpen('app://bundle/index.html')).toEqual({ action: 'deny', openExternally: false });
    expect(decideWindowOpen('javascript:alert(1)')).toEqual({ action: 'deny', openExternally: false });
  });

  it('trusts only the app page in the top frame', () => {
    expect(isTrustedSender('app://bundle/index.html', true)).toBe(true);
    expect(isTrustedSender('app://bundle/index.html', false)).toBe(false);
    expect(isTrustedSender('https://evil.example/', true)).toBe(false);
    expect(isTrustedSender(undefined, true)).toBe(false);
  });

  it('denies permissions except writing to the clipboard', () => {
    for (const permission of ['media', 'geolocation', 'notifications', 'openExternal', 'fullscreen', 'clipboard-read']) {
      expect(isPermissionAllowed(permission), permission).toBe(false);
    }
    expect(isPermissionAllowed('clipboard-sanitized-write')).toBe(true);
  });
});

describe('the app:// protocol', () => {
  const root = path.resolve('/srv/sift/renderer/dist');

  it.each([
    ['app://bundle/', 'index.html'],
    ['app://bundle/index.html', 'index.html'],
    ['app://bundle/assets/index-abc.js', 'assets/index-abc.js'],
  ])('serves %s from the bundle', (url, file) => {
    expect(resolveBundleRequest(url, root)).toBe(path.join(root, file));
  });

  it.each([
    // The URL parser folds dot segments, so these stay inside the bundle.
    ['app://bundle/../package.json', path.join(root, 'package.json')],
    ['app://bundle/%2e%2e/package.json', path.join(root, 'package.json')],
    // Encoded once more: a literal "%2e%2e" folder name inside the bundle, not a traversal.
    ['app://bundle/%252e%252e/x', path.join(root, '%2e%2e/x')],
    ['app://bundle/..%2fpackage.json', undefined],
    ['app://bundle/assets/..%2f..%2f..%2fetc/passwd', undefined],
    ['app://bundle/index.html%00.js', undefined],
    ['app://bundle/..%5c..%5cwindows', undefined],
    ['app://other/index.html', undefined],
    ['https://bundle/index.html', undefined],
    ['app://bundle/%E0%A4%A', undefined],
  ])('never leaves the bundle: %s → %s', (url, expected) => {
    const resolved = resolveBundleRequest(url, root);
    expect(resolved).toBe(expected);
    if (resolved !== undefined) expect(resolved.startsWith(root + path.sep)).toBe(true);
  });
});
