import { readFile, realpath, stat } from 'node:fs/promises';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { eventNames } from '../../shared/api/contract';
import { contentSecurityPolicy } from '../../shared/api/content-security-policy';
import type { Sift } from '../services/container';
import { tokensEqual } from './tokens-equal';

export interface WebServerOptions {
  sift: Sift;
  /** The built renderer (renderer/dist). */
  staticFolder: string;
  token: string;
  port?: number;
  /** The largest request body accepted (256 MB: imports send PDFs as base64); tests set less. */
  maxBodyBytes?: number;
}

export interface RunningWebServer {
  url: string;
  /** The address the server listens on: always the loopback 127.0.0.1. */
  address: string;
  port: number;
  close(): Promise<void>;
}

const MAX_BODY_BYTES = 256 * 1024 * 1024;

const contentTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.map': 'application/json; charset=utf-8',
};

/** The same headers the Electron window gets: strict CSP, no framing, no sniffing. */
function securityHeaders(): Record<string, string> {
  return {
    'content-security-policy': contentSecurityPolicy,
    'x-content-type-options': 'nosniff',
    'x-frame-options': 'DENY',
    'referrer-policy': 'no-referrer',
    'cache-control': 'no-store',
  };
}

function sendJson(response: http.ServerResponse, status: number, body: unknown): void {
  response.writeHead(status, { ...securityHeaders(), 'content-type': 'application/json; charset=utf-8' });
  response.end(JSON.stringify(body));
}

class BodyTooLarge extends Error {}

/** The body as text; a body over the limit (declared or streamed) throws BodyTooLarge before it is all read. */
async function readBody(request: http.IncomingMessage, maxBytes: number): Promise<string> {
  const declared = Number(request.headers['content-length'] ?? 0);
  if (declared > maxBytes) throw new BodyTooLarge();
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > maxBytes) throw new BodyTooLarge();
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/**
 * A request from a page on another origin (a web page the user has open) must not reach the API,
 * even with a guessed token: browsers send Origin on cross-origin POSTs and on EventSource.
 */
function sameOrigin(request: http.IncomingMessage, port: number): boolean {
  const host = request.headers.host;
  if (host !== `127.0.0.1:${port}` && host !== `localhost:${port}`) return false;
  const origin = request.headers.origin;
  return origin === undefined || origin === `http://${host}`;
}

/** Resolves a URL path to a file inside the static folder; undefined for anything that would leave it. */
async function staticFile(folder: string, urlPath: string): Promise<string | undefined> {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return undefined;
  }
  if (decoded.includes('\0')) return undefined;
  const relative = decoded === '/' ? 'index.html' : decoded.replace(/^\/+/, '');
  const root = await realpath(folder);
  const candidate = path.resolve(root, relative);
  if (candidate !== root && !candidate.startsWith(root + path.sep)) return undefined;
  try {
    const real = await realpath(candidate);
    // A folder is not a page: reading one would fail with a 500.
    return real.startsWith(root + path.sep) && (await stat(real)).isFile() ? real : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Browser mode: serves the built renderer on 127.0.0.1 and the contract's methods at
 * `POST /api/<method>` (header `x-sift-token`), with events as Server-Sent Events at
 * `GET /api/events?token=…`. Every call goes through the same `dispatch` as Electron's IPC.
 */
export async function startWebServer(options: WebServerOptions): Promise<RunningWebServer> {
  const { sift, token } = options;
  const eventStreams = new Set<http.ServerResponse>();
  const unsubscribe = sift.subscribe((event, payload) => {
    const frame = `event: ${event}\ndata: ${JSON.stringify(payload)}\n\n`;
    for (const stream of eventStreams) stream.write(frame);
  });
  let port = 0;

  const server = http.createServer((request, response) => {
    void handle(request, response).catch((error: unknown) => {
      if (!response.headersSent) sendJson(response, 500, { ok: false, error: { code: 'internal', message: String((error as Error).message) } });
      else response.end();
    });
  });

  async function handle(request: http.IncomingMessage, response: http.ServerResponse): Promise<void> {
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    if (!sameOrigin(request, port)) {
      sendJson(response, 403, { ok: false, error: { code: 'forbidden', message: 'Cross-origin requests are refused' } });
      return;
    }
    if (url.pathname === '/api/events') {
      if (request.method !== 'GET' || !tokensEqual(url.searchParams.get('token') ?? undefined, token)) {
        sendJson(response, 401, { ok: false, error: { code: 'unauthorized', message: 'Missing or wrong token' } });
        return;
      }
      response.writeHead(200, { ...securityHeaders(), 'content-type': 'text/event-stream', connection: 'keep-alive' });
      response.write(`: connected; events ${eventNames.join(', ')}\n\n`);
      eventStreams.add(response);
      request.on('close', () => eventStreams.delete(response));
      return;
    }
    if (url.pathname.startsWith('/api/')) {
      const header = request.headers['x-sift-token'];
      if (!tokensEqual(typeof header === 'string' ? header : undefined, token)) {
        sendJson(response, 401, { ok: false, error: { code: 'unauthorized', message: 'Missing or wrong token' } });
        return;
      }
      if (request.method !== 'POST') {
        sendJson(response, 405, { ok: false, error: { code: 'method-not-allowed', message: 'Use POST' } });
        return;
      }
      const method = url.pathname.slice('/api/'.length);
      let input: unknown;
      try {
        const body = await readBody(request, options.maxBodyBytes ?? MAX_BODY_BYTES);
        input = body.trim() === '' ? {} : JSON.parse(body);
      } catch (error) {
        if (error instanceof BodyTooLarge) {
          // Answer, then drop the connection rather than read the rest of the body.
          response.setHeader('connection', 'close');
          sendJson(response, 413, { ok: false, error: { code: 'invalid-input', message: 'Request body too large' } });
          response.once('finish', () => request.destroy());
          return;
        }
        sendJson(response, 400, { ok: false, error: { code: 'invalid-input', message: `Request body is not JSON: ${(error as Error).message}` } });
        return;
      }
      const result = await sift.dispatch(method, input);
      // The envelope carries success or failure; only a route that does not exist is an HTTP error.
      // (Browsers log every 4xx/5xx response as a console error, which an expected refusal is not.)
      sendJson(response, !result.ok && result.error.code === 'unknown-method' ? 404 : 200, result);
      return;
    }
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      sendJson(response, 405, { ok: false, error: { code: 'method-not-allowed', message: 'Use GET' } });
      return;
    }
    const file = await staticFile(options.staticFolder, url.pathname);
    if (!file) {
      response.writeHead(404, { ...securityHeaders(), 'content-type': 'text/plain; charset=utf-8' });
      response.end('Not found');
      return;
    }
    const body = await readFile(file);
    response.writeHead(200, { ...securityHeaders(), 'content-type': contentTypes[path.extname(file)] ?? 'application/octet-stream' });
    response.end(request.method === 'HEAD' ? undefined : body);
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  port = (server.address() as AddressInfo).port;

  return {
    url: `http://127.0.0.1:${port}/#token=${encodeURIComponent(token)}`,
    address: (server.address() as AddressInfo).address,
    port,
    async close() {
      unsubscribe();
      for (const stream of eventStreams) stream.end();
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
    },
  };
}
