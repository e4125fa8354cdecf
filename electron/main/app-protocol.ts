import { realpath } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { APP_HOST, APP_SCHEME } from './security';

/**
 * Maps an app://bundle/<path> request to a file inside the built renderer, or undefined for
 * anything else: other hosts, credentials, traversal (`..`, encoded or not), NUL bytes, backslashes.
 */
export function resolveBundleRequest(requestUrl: string, rendererFolder: string): string | undefined {
  let url: URL;
  try {
    url = new URL(requestUrl);
  } catch {
    return undefined;
  }
  if (url.protocol !== `${APP_SCHEME}:` || url.host !== APP_HOST || url.username !== '' || url.password !== '') return undefined;
  let pathname: string;
  try {
    pathname = decodeURIComponent(url.pathname);
  } catch {
    return undefined;
  }
  if (pathname.includes('\0') || pathname.includes('\\')) return undefined;
  const relative = pathname === '/' || pathname === '' ? 'index.html' : pathname.replace(/^\/+/, '');
  const root = path.resolve(rendererFolder);
  const file = path.resolve(root, relative);
  return file.startsWith(root + path.sep) ? file : undefined;
}

// The callback form: Electron's asar support patches it (the packaged renderer is inside app.asar).
const realPath = promisify(realpath);

/**
 * resolveBundleRequest, then the same check on real paths: a symbolic link inside the renderer
 * folder (or a folder of it) cannot lead to a file outside. Undefined for anything that does not exist.
 */
export async function resolveBundleFile(requestUrl: string, rendererFolder: string): Promise<string | undefined> {
  const file = resolveBundleRequest(requestUrl, rendererFolder);
  if (file === undefined) return undefined;
  try {
    const [root, real] = await Promise.all([realPath(path.resolve(rendererFolder)), realPath(file)]);
    return real.startsWith(root + path.sep) ? real : undefined;
  } catch {
    return undefined;
  }
}

const mimeTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.map': 'application/json',
};

export function mimeTypeFor(file: string): string {
  return mimeTypes[path.extname(file)] ?? 'application/octet-stream';
}
