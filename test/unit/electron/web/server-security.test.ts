import { mkdir, symlink, writeFile } from 'node:fs/promises';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi, type Mock } from 'vitest';
import { contentSecurityPolicy } from '../../../../shared/api/content-security-policy';
import { methodNames } from '../../../../shared/api/contract';
import type { Sift } from '../../../../electron/services/container';
import type { Dispatch } from '../../../../electron/services/dispatch';
import { startWebServer, type RunningWebServer } from '../../../../electron/web/server';
import { folderContents } from '../../../helpers/folder-contents';
import { openTempSift, tempFolder } from '../../../helpers/temp-library';

// Browser mode's door (issue 8): loopback only, a token compared in constant time, same-origin only
// (Origin and Host, against DNS rebinding), the Electron window's CSP on every answer, and no file
// outside the built renderer.

const TOKEN = 'correct-horse-battery-staple-0123456789';
const SECRET = 'a file next to the renderer that must never be served';

interface RawResponse {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

/** A request exactly as written: no URL normalization, any Host or Origin header. */
function raw(port: number, options: { method?: string; path: string; headers?: Record<string, string>; body?: string | Buffer; chunked?: boolean }): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const request = http.request(
      { host: '127.0.0.1', port, method: options.method ?? 'GET', path: options.path, headers: { host: `127.0.0.1:${port}`, ...options.headers }, setHost: false },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => resolve({ status: response.statusCode ?? 0, headers: response.headers, body: Buffer.concat(chunks).toString('utf8') }));
        response.on('error', reject);
      },
    );
    request.on('error', reject);
    if (options.body !== undefined && options.chunked) {
      const body = Buffer.from(options.body);
      for (let offset = 0; offset < body.length; offset += 512) request.write(body.subarray(offset, offset + 512));
      request.end();
    } else {
      request.end(options.body);
    }
  });
}

function expectSecurityHeaders(response: RawResponse, label: string): void {
  expect(response.headers['content-security-policy'], label).toBe(contentSecurityPolicy);
  expect(response.headers['x-content-type-options'], label).toBe('nosniff');
  expect(response.headers['x-frame-options'], label).toBe('DENY');
  expect(response.headers['referrer-policy'], label).toBe('no-referrer');
}

describe('browser mode server security', () => {
  let sift: Sift;
  let library: string;
  let cleanupSift: () => Promise<void>;
  let parent: string;
  let cleanupParent: () => Promise<void>;
  let server: RunningWebServer;
  let dispatch: Mock<Dispatch>;
  let before: Record<string, string>;

  beforeAll(async () => {
    ({ sift, folder: library, cleanup: cleanupSift } = await openTempSift({ storage: { compactWhenIdleMs: 600_000 } }));
    ({ folder: parent, cleanup: cleanupParent } = await tempFolder('sift-web-static-'));
    const staticFolder = path.join(parent, 'dist');
    await mkdir(path.join(staticFolder, 'assets'), { recursive: true });
    await writeFile(path.join(staticFolder, 'index.html'), '<!doctype html><script type="module" src="/assets/app.js"></script>');
    await writeFile(path.join(staticFolder, 'assets', 'app.js'), 'export {};');
    await writeFile(path.join(staticFolder, '%2e%2e'), 'a file literally named %2e%2e, inside the folder');
    await writeFile(path.join(parent, 'secret.txt'), SECRET);
    await symlink(path.join(parent, 'secret.txt'), path.join(staticFolder, 'assets', 'link.txt'));
    const real = sift.dispatch;
    dispatch = vi.fn<Dispatch>((method, input) => real(method, input));
    server = await startWebServer({ sift: { ...sift, dispatch }, staticFolder, token: TOKEN, maxBodyBytes: 4096 });
    before = await folderContents(library);
  });
  afterAll(async () => {
    await server.close();
    await cleanupSift();
    await cleanupParent();
  });
  beforeEach(() => dispatch.mockClear());

  it('listens on the loopback address only', async () => {
    expect(server.address).toBe('127.0.0.1');
    expect(server.url.startsWith(`http://127.0.0.1:${server.port}/`)).toBe(true);
    const external = Object.values(os.networkInterfaces())
      .flat()
      .find((entry) => entry && entry.family === 'IPv4' && !entry.internal);
    if (external) {
      await expect(
        new Promise((resolve, reject) => {
          const request = http.request({ host: external.address, port: server.port, path: '/', timeout: 2000 }, resolve);
          request.on('error', reject);
          request.on('timeout', () => request.destroy(new Error('timeout')));
          request.end();
        }),
      ).rejects.toThrow();
    }
  });

  it.each<[string, Record<string, string>]>([
    ['no token', {}],
    ['a wrong token of the same length', { 'x-sift-token': TOKEN.replace(/.$/, 'X') }],
    ['a shorter token', { 'x-sift-token': TOKEN.slice(0, -1) }],
    ['a longer token', { 'x-sift-token': `${TOKEN}0` }],
    ['an empty token', { 'x-sift-token': '' }],
    ['the token with a NUL-free control character', { 'x-sift-token': `${TOKEN}\t!` }],
    ['the token in Authorization', { authorization: `Bearer ${TOKEN}` }],
    ['the token in another header', { 'x-token': TOKEN }],
    ['the token in a cookie', { cookie: `token=${TOKEN}` }],
  ])('refuses an API call with %s (401, nothing dispatched)', async (_label, headers) => {
    for (const method of ['library.info', 'tags.add', 'export.saveFolder']) {
      const response = await raw(server.port, { method: 'POST', path: `/api/${method}`, headers, body: '{"paperIds":["x"],"tag":"t"}' });
      expect(response.status).toBe(401);
      expect(JSON.parse(response.body)).toEqual({ ok: false, error: { code: 'unauthorized', message: 'Missing or wrong token' } });
      expectSecurityHeaders(response, 'unauthorized');
    }
    expect(dispatch).not.toHaveBeenCalled();
  });

  it('refuses the token in the query string of an API call', async () => {
    const response = await raw(server.port, { method: 'POST', path: `/api/library.info?token=${TOKEN}`, body: '{}' });
    expect(response.status).toBe(401);
    expect(dispatch).not.toHaveBeenCalled();
  });

  it('answers with the right token', async () => {
    const response = await raw(server.port, { method: 'POST', path: '/api/library.info', headers: { 'x-sift-token': TOKEN }, body: '{}' });
    expect(response.status).toBe(200);
    expect(JSON.parse(response.body)).toMatchObject({ ok: true, value: { state: 'ready' } });
    expect(dispatch).toHaveBeenCalledWith('library.info', {});
  });

  it.each<[string, Record<string, string>]>([
    ['another origin', { origin: 'https://evil.example' }],
    ['an opaque origin', { origin: 'null' }],
    ['the same host on https', { origin: 'https://127.0.0.1:PORT' }],
    ['another port', { origin: 'http://127.0.0.1:1' }],
    ['localhost for a 127.0.0.1 host', { origin: 'http://localhost:PORT' }],
    ['a rebinding Host', { host: 'evil.example:PORT' }],
    ['a rebinding Host with a matching Origin', { host: 'evil.example:PORT', origin: 'http://evil.example:PORT' }],
    ['a Host without the port', { host: '127.0.0.1' }],
    ['a Host on another port', { host: '127.0.0.1:1' }],
    ['a Host that starts like ours', { host: '127.0.0.1:PORT.evil.example' }],
    ['an empty Host', { host: '' }],
  ])('refuses %s with 403 before anything else, with the token or without', async (_label, template) => {
    const headers = Object.fromEntries(Object.entries(template).map(([key, value]) => [key, value.replace('PORT', String(server.port))]));
    for (const request of [
      { method: 'POST', path: '/api/library.info', headers: { ...headers, 'x-sift-token': TOKEN }, body: '{}' },
      { method: 'POST', path: '/api/library.info', headers, body: '{}' },
      { method: 'GET', path: `/api/events?token=${TOKEN}`, headers },
      { method: 'GET', path: '/index.html', headers },
    ]) {
      const response = await raw(server.port, request);
      expect(response.status, `${request.method} ${request.path}`).toBe(403);
      expectSecurityHeaders(response, 'forbidden');
    }
    expect(dispatch).not.toHaveBeenCalled();
  });

  it('accepts the same origin, named by IP or as localhost', async () => {
    for (const host of [`127.0.0.1:${server.port}`, `localhost:${server.port}`]) {
      const response = await raw(server.port, { method: 'POST', path: '/api/library.info', headers: { host, origin: `http://${host}`, 'x-sift-token': TOKEN }, body: '{}' });
      expect(response.status, host).toBe(200);
    }
  });

  it.each([
    ['no token', '/api/events'],
    ['a wrong token', '/api/events?token=nope'],
    ['a token one character short', `/api/events?token=${TOKEN.slice(0, -1)}`],
    ['a wrong token before the right one', `/api/events?token=nope&token=${TOKEN}`],
  ])('the event stream refuses %s', async (_label, pathWithQuery) => {
    const response = await raw(server.port, { path: pathWithQuery });
    expect(response.status).toBe(401);
    expectSecurityHeaders(response, 'events');
  });

  it('the event stream opens with the token, with the same headers', async () => {
    const response = await new Promise<http.IncomingMessage>((resolve, reject) => {
      const request = http.get({ host: '127.0.0.1', port: server.port, path: `/api/events?token=${encodeURIComponent(TOKEN)}` }, resolve);
      request.on('error', reject);
    });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('text/event-stream');
    expect(response.headers['content-security-policy']).toBe(contentSecurityPolicy);
    response.destroy();
  });

  it('sends the same CSP, nosniff and frame DENY on every kind of answer', async () => {
    const token = { 'x-sift-token': TOKEN };
    const cases: Array<[string, Parameters<typeof raw>[1], number]> = [
      ['index.html', { path: '/' }, 200],
      ['a JS asset', { path: '/assets/app.js' }, 200],
      ['a HEAD', { method: 'HEAD', path: '/index.html' }, 200],
      ['API success', { method: 'POST', path: '/api/library.info', headers: token, body: '{}' }, 200],
      ['API refusal', { method: 'POST', path: '/api/tags.add', headers: token, body: '{"paperIds":7}' }, 200],
      ['API bad JSON', { method: 'POST', path: '/api/tags.add', headers: token, body: '{"paperIds":' }, 400],
      ['API wrong verb', { method: 'GET', path: '/api/library.info', headers: token }, 405],
      ['unknown method', { method: 'POST', path: '/api/papers.dropAll', headers: token, body: '{}' }, 404],
      ['static 404', { path: '/nope.js' }, 404],
      ['static wrong verb', { method: 'DELETE', path: '/index.html' }, 405],
      ['401', { method: 'POST', path: '/api/library.info', body: '{}' }, 401],
      ['403', { path: '/', headers: { origin: 'https://evil.example' } }, 403],
    ];
    for (const [label, request, status] of cases) {
      const response = await raw(server.port, request);
      expect(response.status, label).toBe(status);
      expectSecurityHeaders(response, label);
    }
    const js = await raw(server.port, { path: '/assets/app.js' });
    expect(js.headers['content-type']).toBe('text/javascript; charset=utf-8');
  });

  it.each([
    '/../secret.txt',
    '/../../secret.txt',
    '/assets/../../secret.txt',
    '/%2e%2e/secret.txt',
    '/%2E%2E/secret.txt',
    '/.%2e/secret.txt',
    '/..%2fsecret.txt',
    '/assets%2f..%2f..%2fsecret.txt',
    '/..%5csecret.txt',
    '/assets%5c..%5c..%5csecret.txt',
    '/..\\secret.txt',
    '/%252e%252e/secret.txt',
    '/%252e%252e%252fsecret.txt',
    '/%c0%ae%c0%ae/secret.txt',
    '/index.html%00',
    '/index.html%00.js',
    '/%00/../secret.txt',
    '/assets/link.txt',
    `/${encodeURIComponent(path.join(os.tmpdir(), 'x'))}`,
    '//etc/passwd',
    '/%2fetc%2fpasswd',
    '/%E0%A4%A',
    '/assets/',
    '/assets',
  ])('never serves a file outside the renderer folder: %s → 404', async (probe) => {
    const response = await raw(server.port, { path: probe });
    expect(response.status).toBe(404);
    expect(response.body).not.toContain(SECRET);
    expectSecurityHeaders(response, probe);
  });

  it('a double-encoded dot-dot is a file name inside the folder, not a way out', async () => {
    const response = await raw(server.port, { path: '/%252e%252e' });
    expect(response.status).toBe(200);
    expect(response.body).toBe('a file literally named %2e%2e, inside the folder');
  });

  it.each([
    ['declared in Content-Length', false],
    ['streamed in chunks', true],
  ])('refuses an oversized body %s (413, nothing dispatched)', async (_label, chunked) => {
    const body = JSON.stringify({ query: 'x'.repeat(8192) });
    const response = await raw(server.port, { method: 'POST', path: '/api/search.query', headers: { 'x-sift-token': TOKEN, 'content-type': 'application/json' }, body, chunked });
    expect(response.status).toBe(413);
    expect(JSON.parse(response.body)).toEqual({ ok: false, error: { code: 'invalid-input', message: 'Request body too large' } });
    expectSecurityHeaders(response, 'too large');
    expect(dispatch).not.toHaveBeenCalled();
    // The server is still there for the next request.
    const next = await raw(server.port, { method: 'POST', path: '/api/library.info', headers: { 'x-sift-token': TOKEN }, body: '{}' });
    expect(next.status).toBe(200);
  });

  it('no refused request changed the library on disk', async () => {
    expect(await folderContents(library)).toEqual(before);
    expect(methodNames.length).toBeGreaterThan(0);
  });
});
