import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decideNavigation, decideWindowOpen, isAppUrl, isSafeExternalUrl } from '../../../../electron/main/security';

// Checklist E5–E7 as properties: whatever URL a page produces, the window stays on app://bundle, no
// new window opens, and only http(s) links with a host and no credentials, or mailto, reach the OS.

const RUNS = 2000;
const SEED = 20_261_127;

/** Hostile URLs and look-alikes of the app's own. */
const corpus = [
  'https://evil.example/',
  'http://localhost:5173/',
  'http://127.0.0.1/',
  'file:///etc/passwd',
  'file://server/share/x.html',
  'javascript:alert(1)',
  'JaVaScRiPt:alert(1)',
  ' javascript:alert(1)',
  'data:text/html,<script>alert(1)</script>',
  'blob:app://bundle/1234',
  'app://bundle/../',
  'app://bundle.evil/',
  'app://bundle@evil/',
  'app://evil@bundle/',
  'app://user:pw@bundle/index.html',
  'app://bundle:80/index.html',
  'app://BUNDLE/index.html',
  'app://evil/',
  'app:bundle/index.html',
  'app:/bundle/index.html',
  'about:blank',
  'about:srcdoc',
  'chrome://settings',
  'chrome-extension://abc/x.html',
  'devtools://devtools/bundled/inspector.html',
  'view-source:app://bundle/index.html',
  'smb://server/share',
  'ms-msdt:/id PCWDiagnostic',
  'search-ms:query=x&crumb=location:\\\\evil\\share',
  'ms-officecmd:{}',
  'vscode://file/etc/passwd',
  '\\\\server\\share\\x.exe',
  '//evil.example/',
  'https://user:pw@example.org/',
  'https://user@example.org/',
  'https://',
  'http:///x',
  'mailto:',
  '',
];

const schemes = ['app', 'APP', 'https', 'http', 'file', 'javascript', 'data', 'mailto', 'smb', 'ms-msdt', 'search-ms', 'about', 'chrome', 'blob', 'ftp', 'ws'];
const hosts = ['bundle', 'BUNDLE', 'bundle.evil', 'evil', 'bundle:443', 'bundle.', '127.0.0.1', 'localhost', '[::1]', 'xn--bndle-kva', '', '%62undle'];
const userinfos = ['', 'user@', 'user:pw@', ':@', 'bundle@', '@'];
const paths = ['', '/', '/index.html', '/../', '/%2e%2e/', '/..%2f', '\\..\\', '/%00', '?x=1', '#/route', '/a/b/../../c'];

/** URLs assembled from hostile parts, plus the corpus mutated, plus arbitrary text and web URLs. */
const hostileUrl = fc.oneof(
  fc.tuple(fc.constantFrom(...schemes), fc.constantFrom('://', ':', ':/', ':\\\\', ':///'), fc.constantFrom(...userinfos), fc.constantFrom(...hosts), fc.constantFrom(...paths)).map((parts) => parts.join('')),
  fc.tuple(fc.constantFrom(...corpus), fc.string({ maxLength: 10 })).map(([url, suffix]) => url + suffix),
  fc.webUrl({ withFragments: true, withQueryParameters: true, authoritySettings: { withUserInfo: true, withPort: true, withIPv4: true, withIPv6: true } }),
  fc.string(),
  fc.constantFrom(...corpus),
);

function parse(url: string): URL | undefined {
  try {
    return new URL(url);
  } catch {
    return undefined;
  }
}

describe('URL policy (properties, fixed seed)', () => {
  it.each(corpus)('the hostile URL %j is never an app page, except the app:// forms that parse to app://bundle/', (url) => {
    const parsed = parse(url);
    const isApp = parsed?.protocol === 'app:' && parsed.host === 'bundle' && parsed.username === '' && parsed.password === '';
    expect(isAppUrl(url)).toBe(isApp);
    expect(decideNavigation(url).allow).toBe(isApp);
  });

  it('only app://bundle pages (no credentials, no port) are navigable', () => {
    fc.assert(
      fc.property(hostileUrl, (url) => {
        const decision = decideNavigation(url);
        if (!decision.allow) return;
        const parsed = parse(url);
        expect(parsed?.protocol).toBe('app:');
        expect(parsed?.host).toBe('bundle');
        expect(parsed?.username).toBe('');
        expect(parsed?.password).toBe('');
        expect(isAppUrl(url)).toBe(true);
      }),
      { numRuns: RUNS, seed: SEED },
    );
  });

  it('a refused navigation goes to the OS browser only when the URL is a safe external one', () => {
    fc.assert(
      fc.property(hostileUrl, (url) => {
        const decision = decideNavigation(url);
        if (decision.allow) return;
        expect(decision.openExternally).toBe(isSafeExternalUrl(url));
      }),
      { numRuns: RUNS, seed: SEED },
    );
  });

  it('window.open is always denied, app pages included', () => {
    fc.assert(
      fc.property(fc.oneof(hostileUrl, fc.constant('app://bundle/index.html')), (url) => {
        const decision = decideWindowOpen(url);
        expect(decision.action).toBe('deny');
        expect(decision.openExternally).toBe(isSafeExternalUrl(url));
      }),
      { numRuns: RUNS, seed: SEED },
    );
  });

  it('an accepted external URL is http(s) with a host and no credentials, or mailto', () => {
    let accepted = 0;
    fc.assert(
      fc.property(hostileUrl, (url) => {
        if (!isSafeExternalUrl(url)) return;
        accepted += 1;
        const parsed = parse(url);
        expect(parsed).toBeDefined();
        if (!parsed) return;
        expect(['https:', 'http:', 'mailto:']).toContain(parsed.protocol);
        expect(parsed.username).toBe('');
        expect(parsed.password).toBe('');
        if (parsed.protocol !== 'mailto:') expect(parsed.hostname.length).toBeGreaterThan(0);
      }),
      { numRuns: RUNS, seed: SEED },
    );
    // The generator does reach the accepting side, so the property is not vacuous.
    expect(accepted).toBeGreaterThan(100);
  });

  it.each([
    'file:///C:/Windows/System32/calc.exe',
    'file://server/share/x.exe',
    'smb://server/share',
    'ms-msdt:/id PCWDiagnostic /skip force',
    'search-ms:query=x&crumb=location:\\\\evil\\share',
    'javascript:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    '\\\\server\\share\\x.exe',
    '\\\\?\\C:\\Windows',
    'https://user:pw@example.org/',
    'app://bundle/index.html',
    'ftp://example.org/',
    'vbscript:msgbox(1)',
  ])('%j is never opened externally', (url) => {
    expect(isSafeExternalUrl(url)).toBe(false);
    expect(decideWindowOpen(url).openExternally).toBe(false);
  });
});
