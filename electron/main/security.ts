// Window and navigation policy, kept free of Electron imports so that it is unit-tested here
// without the Electron binary; main.ts only wires these functions to Electron's hooks.

/** The renderer's origin in Electron: a privileged custom scheme, never file://. */
export const APP_SCHEME = 'app';
export const APP_HOST = 'bundle';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;

export interface SecureWebPreferences {
  preload: string;
  contextIsolation: true;
  sandbox: true;
  nodeIntegration: false;
  nodeIntegrationInWorker: false;
  nodeIntegrationInSubFrames: false;
  webSecurity: true;
  allowRunningInsecureContent: false;
  experimentalFeatures: false;
  webviewTag: false;
  spellcheck: boolean;
}

/** Every Sift window is created with exactly these preferences. */
export function secureWebPreferences(preloadPath: string): SecureWebPreferences {
  return {
    preload: preloadPath,
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
  };
}

function parse(url: string): URL | undefined {
  try {
    return new URL(url);
  } catch {
    return undefined;
  }
}

/** True only for pages of the app itself (app://bundle/…); parsed, never compared by prefix. */
export function isAppUrl(url: string): boolean {
  const parsed = parse(url);
  return parsed !== undefined && parsed.protocol === `${APP_SCHEME}:` && parsed.host === APP_HOST && parsed.username === '' && parsed.password === '';
}

/** Links the OS browser may open: http(s) with a host and no credentials, or mailto. */
export function isSafeExternalUrl(url: string): boolean {
  const parsed = parse(url);
  if (!parsed) return false;
  if (parsed.protocol === 'mailto:') return parsed.pathname.length > 0;
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') return false;
  return parsed.hostname.length > 0 && parsed.username === '' && parsed.password === '';
}

export type NavigationDecision = { allow: true } | { allow: false; openExternally: boolean };

/** will-navigate: the window never leaves the app; a safe web link goes to the OS browser instead. */
export function decideNavigation(url: string): NavigationDecision {
  if (isAppUrl(url)) return { allow: true };
  return { allow: false, openExternally: isSafeExternalUrl(url) };
}

/** window.open / target=_blank: never a new Electron window; safe links go to the OS browser. */
export function decideWindowOpen(url: string): { action: 'deny'; openExternally: boolean } {
  return { action: 'deny', openExternally: isSafeExternalUrl(url) };
}

/** Only pages of the app's own origin, in the top frame, may call the API. */
export function isTrustedSender(frameUrl: string | undefined, isMainFrame: boolean): boolean {
  return isMainFrame && frameUrl !== undefined && isAppUrl(frameUrl);
}

/** Permissions a web page may ask for; Sift's renderer needs none beyond writing to the clipboard. */
const allowedPermissions = new Set(['clipboard-sanitized-write']);
export function isPermissionAllowed(permission: string): boolean {
  return allowedPermissions.has(permission);
}
