import http from 'node:http';
import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiMethods, ipcChannel, methodNames, type ApiResult, type MethodName } from '../../../../shared/api/contract';
import type { Sift } from '../../../../electron/services/container';
import { registerIpc, type InvokeEventLike, type IpcMainLike } from '../../../../electron/main/ipc';
import { startWebServer, type RunningWebServer } from '../../../../electron/web/server';
import { folderContents } from '../../../helpers/folder-contents';
import { openTempSift } from '../../../helpers/temp-library';

// Issue 8: every contract method called with hostile input, generated from one valid input per
// method, through dispatch, Electron's IPC handlers and browser mode's HTTP API alike. A refused
// call is a clean `invalid-input` error that changes nothing on disk and pollutes no prototype.

/** One valid input per method. Ids name nothing in the library, so that a call that passes the schema is harmless. */
const validSamples: Record<MethodName, unknown> = {
  'library.info': {},
  'library.openSample': {},
  'library.chooseAndOpen': {},
  'backups.list': {},
  'backups.restore': { id: 'no-such-backup' },
  'papers.list': { ids: ['no-such-paper'] },
  'papers.get': { ids: ['no-such-paper'] },
  'papers.update': { id: 'no-such-paper', changes: { title: 'A title', status: 'read', authors: [{ family: 'Doe', given: 'J' }], year: 2020 } },
  'papers.updateMany': { paperIds: ['no-such-paper'], changes: { status: 'read', rating: 3 } },
  'tags.add': { paperIds: ['no-such-paper'], tag: 'hostile' },
  'tags.remove': { paperIds: ['no-such-paper'], tag: 'hostile' },
  'tags.rename': { from: 'no-such-tag', to: 'other-tag' },
  'tags.setColor': { name: 'no-such-tag', color: '#123456' },
  'tags.pin': { name: 'no-such-tag', slot: 3 },
  'tags.delete': { name: 'no-such-tag' },
  'tags.restore': { tags: [{ name: 'no-such-tag', color: 'red', paperIds: ['no-such-paper'] }] },
  'notes.add': { paperId: 'no-such-paper', body: 'A note' },
  'notes.update': { paperId: 'no-such-paper', noteId: 'no-such-note', body: 'A note' },
  'notes.delete': { paperId: 'no-such-paper', noteId: 'no-such-note' },
  'annotations.add': { paperId: 'no-such-paper', attachmentId: 'no-such-attachment', page: 1, rects: [[1, 2, 3, 4]], quote: 'quoted', color: 'yellow', comment: 'c', tags: ['t'] },
  'annotations.update': { paperId: 'no-such-paper', annotationId: 'no-such-annotation', color: 'green', comment: 'c', tags: ['t'] },
  'annotations.delete': { paperId: 'no-such-paper', annotationId: 'no-such-annotation' },
  'attachments.read': { paperId: 'no-such-paper', attachmentId: 'no-such-attachment' },
  'import.preview': { importId: 'import-hostile-1', files: [{ name: 'a.bib', data: Buffer.from('@article{a, title={T}}').toString('base64') }], text: 'Some pasted text', format: 'auto' },
  'import.commit': { importId: 'import-no-such-preview', decisions: [{ index: 0, action: 'skip' }], tags: ['t'] },
  'import.cancel': { importId: 'import-no-such-preview' },
  'export.markdown': { paperIds: ['no-such-paper'], columns: ['title', 'year'] },
  'export.bibliography': { paperIds: ['no-such-paper'], format: 'bibtex' },
  'export.save': { suggestedName: 'export.md', content: 'text' },
  'export.table': { paperIds: ['no-such-paper'], columns: ['title'], format: 'csv', options: { bom: true, linkTitles: false, footnotes: false } },
  'export.notes': { paperIds: ['no-such-paper'], naming: 'title' },
  'export.saveFolder': { files: [{ fileName: 'a.md', content: 'text' }] },
  'search.query': { query: 'transformer', limit: 10, offset: 0, sort: 'relevance', fulltext: false, allIds: false },
  'searches.list': {},
  'searches.save': { id: 'no-such-search', name: 'Saved', query: 'year:2020' },
  'searches.delete': { id: 'no-such-search' },
  'columns.list': {},
  'columns.save': { id: 'no-such-column', name: 'Dataset', kind: 'select', options: ['a', 'b'] },
  'columns.delete': { id: 'no-such-column' },
  'cells.get': { paperIds: ['no-such-paper'] },
  'cells.set': { paperId: 'no-such-paper', columnId: 'no-such-column', value: 'v' },
  'cells.setEvidence': { paperId: 'no-such-paper', columnId: 'no-such-column', annotationId: 'no-such-annotation' },
  'tables.list': {},
  'tables.save': { id: 'no-such-table', name: 'Preset', source: { kind: 'tag', value: 't' }, columns: [{ id: 'title', hidden: false, width: 100 }], sort: { columnId: 'title', direction: 'asc' } },
  'tables.delete': { id: 'no-such-table' },
  'screening.decide': { paperIds: ['no-such-paper'], decision: 'exclude', reasonId: 'no-such-reason' },
  'screening.restore': { states: [{ paperId: 'no-such-paper', screening: { decision: 'exclude', reason: 'r', reasonId: 'r', decidedAt: '2026-01-01T00:00:00.000Z' } }] },
  'screening.criteria.get': {},
  'screening.criteria.set': { reasons: [{ id: 'r1', label: 'Off topic' }], includeKeywords: ['keep'], excludeKeywords: ['drop'] },
  'screening.stats': { paperIds: ['no-such-paper'] },
  'dashboard.stats': { paperIds: ['no-such-paper'], top: 100 },
  'history.state': {},
  'history.undo': {},
  'history.redo': {},
  'papers.related': { paperId: 'no-such-paper', limit: 5 },
  'compare.analyze': { paperIds: ['no-such-paper-a', 'no-such-paper-b'] },
  'comparisons.get': { paperIds: ['no-such-paper-a', 'no-such-paper-b'] },
  'comparisons.save': { id: 'no-such-comparison', paperIds: ['no-such-paper-a', 'no-such-paper-b'], note: 'A note' },
};

type Path = Array<string | number>;
type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

const HUGE = 'x'.repeat(1024 * 1024 + 1);
const WRONG_TYPES: Array<[string, unknown]> = [
  ['number', 42],
  ['string', 'x'],
  ['null', null],
  ['array', []],
  ['object', {}],
  ['boolean', true],
];
const PROTO_KEYS = ['__proto__', 'constructor', 'prototype'];

/** Every place in a JSON value: object fields and array items at any depth (not the root). */
function paths(value: unknown, prefix: Path = []): Path[] {
  const result: Path[] = [];
  if (Array.isArray(value)) {
    value.forEach((item, index) => result.push([...prefix, index], ...paths(item, [...prefix, index])));
  } else if (value !== null && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) result.push([...prefix, key], ...paths(item, [...prefix, key]));
  }
  return result;
}

/** Every object in a JSON value, the root included. */
function objectPaths(value: unknown): Path[] {
  return [[], ...paths(value)].filter((at) => {
    const found = get(value, at);
    return found !== null && typeof found === 'object' && !Array.isArray(found);
  });
}

function get(value: unknown, at: Path): unknown {
  return at.reduce<unknown>((current, key) => (current as Record<string | number, unknown>)[key], value);
}

/** A deep copy with the value at `at` replaced (JSON values only, so structuredClone is exact). */
function replace(value: unknown, at: Path, replacement: unknown): unknown {
  const copy = structuredClone(value);
  if (at.length === 0) return replacement;
  const parent = get(copy, at.slice(0, -1)) as Record<string | number, unknown>;
  parent[at[at.length - 1] as string | number] = replacement;
  return copy;
}

/**
 * A key added to the object at `at` through JSON text, as a request body or an IPC message would
 * carry it: JSON.parse makes `__proto__` an own property instead of setting the prototype.
 */
function withParsedKey(value: unknown, at: Path, key: string, keyValue: Json): unknown {
  const marker = '__sift_hostile_marker__';
  const target = structuredClone(value);
  const object = get(target, at) as Record<string, unknown>;
  object[marker] = keyValue;
  return JSON.parse(JSON.stringify(target).replace(`"${marker}"`, JSON.stringify(key)));
}

const label = (at: Path) => (at.length === 0 ? '(root)' : at.join('.'));

interface Variant {
  method: MethodName;
  name: string;
  input: unknown;
  /** Variants every method must refuse whatever its schema: unknown keys and non-objects. */
  mustRefuse: boolean;
}

function variantsOf(method: MethodName): Variant[] {
  const sample = validSamples[method];
  const variants: Variant[] = [];
  const add = (name: string, input: unknown, mustRefuse = false) => variants.push({ method, name, input, mustRefuse });
  for (const at of paths(sample)) {
    for (const [type, wrong] of WRONG_TYPES) add(`${label(at)} as ${type}`, replace(sample, at, wrong));
    if (typeof get(sample, at) === 'string') {
      add(`${label(at)} as a 1 MB string`, replace(sample, at, HUGE));
      add(`${label(at)} with a NUL byte`, replace(sample, at, `${String(get(sample, at))}\0`));
      add(`${label(at)} as NUL bytes`, replace(sample, at, '\0\0\0'));
    }
  }
  for (const at of objectPaths(sample)) {
    add(`unknown key in ${label(at)}`, replace(sample, at, { ...(get(sample, at) as object), unexpected: 1 }), true);
    add(`unknown key with an object value in ${label(at)}`, replace(sample, at, { ...(get(sample, at) as object), unexpected: { deeper: [1] } }), true);
    for (const key of PROTO_KEYS) {
      add(`"${key}" key in ${label(at)}`, withParsedKey(sample, at, key, { polluted: true }), true);
      add(`"${key}" key with a nested prototype in ${label(at)}`, withParsedKey(sample, at, key, { prototype: { polluted: true }, __proto__: { polluted: true } } as Json), true);
    }
  }
  // An IPC call without an argument arrives as undefined, and dispatch reads it (and null) as {}:
  // refused unless the method takes no input or only optional fields.
  const takesEmpty = apiMethods[method].input.safeParse({}).success;
  for (const [name, input] of [
    ['undefined', undefined],
    ['null', null],
  ] as const) {
    add(name, input, !takesEmpty);
  }
  for (const [name, input] of [
    ['42', 42],
    ['a string', 'x'],
    ['an array', []],
    ['an array of the sample', [sample]],
    ['true', true],
    ['NaN', Number.NaN],
    ['a 1 MB string', HUGE],
  ] as const) {
    add(name, input, true);
  }
  return variants;
}

const allVariants = methodNames.flatMap(variantsOf);
const schemaAccepts = (variant: Variant) => apiMethods[variant.method].input.safeParse(variant.input ?? {}).success;
const refused = allVariants.filter((variant) => !schemaAccepts(variant));
const accepted = allVariants.filter(schemaAccepts);

/** Names and sizes of everything under a folder: cheap enough to check after every call. */
async function fingerprint(folder: string): Promise<string> {
  const entries = await readdir(folder, { recursive: true, withFileTypes: true });
  const lines = await Promise.all(
    entries
      .filter((entry) => entry.name !== 'library.lock')
      .map(async (entry) => {
        const file = path.join(entry.parentPath, entry.name);
        const info = await stat(file);
        return `${path.relative(folder, file)} ${entry.isFile() ? info.size : 'dir'} ${entry.isFile() ? info.mtimeMs : ''}`;
      }),
  );
  return lines.sort().join('\n');
}

const prototypes = { object: Object.getOwnPropertyNames(Object.prototype).sort(), array: Object.getOwnPropertyNames(Array.prototype).sort(), fn: Object.getOwnPropertyNames(Function.prototype).sort() };
function expectNoPollution(): void {
  expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(prototypes.object);
  expect(Object.getOwnPropertyNames(Array.prototype).sort()).toEqual(prototypes.array);
  expect(Object.getOwnPropertyNames(Function.prototype).sort()).toEqual(prototypes.fn);
  expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  expect(Object.prototype.constructor).toBe(Object);
}

function expectRefusal(result: ApiResult<unknown>, method: MethodName): void {
  expect(result.ok).toBe(false);
  if (result.ok) return;
  expect(result.error.code).toBe('invalid-input');
  expect(result.error.message.startsWith(`Invalid input for ${method}: `)).toBe(true);
  expect(result.error.message.length).toBeLessThan(2000);
}

/** Codes a schema-valid call may end with: a domain answer, never a crash. */
const domainCodes = ['not-found', 'unavailable', 'invalid-input', 'forbidden', 'library-failed'];

class FakeIpcMain implements IpcMainLike {
  readonly handlers = new Map<string, (event: InvokeEventLike, input: unknown) => Promise<ApiResult<unknown>>>();
  handle(channel: string, listener: (event: InvokeEventLike, input: unknown) => Promise<ApiResult<unknown>>) {
    this.handlers.set(channel, listener);
  }
  removeHandler(channel: string) {
    this.handlers.delete(channel);
  }
}
const appFrame: InvokeEventLike = { senderFrame: { url: 'app://bundle/index.html', parent: null } };

function post(port: number, method: string, input: unknown): Promise<ApiResult<unknown>> {
  const body = input === undefined ? '' : JSON.stringify(input);
  return new Promise((resolve, reject) => {
    const request = http.request({ host: '127.0.0.1', port, method: 'POST', path: `/api/${method}`, headers: { 'x-sift-token': 'hostile-token', 'content-type': 'application/json' } }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => {
        try {
          expect(response.statusCode).toBe(200);
          resolve(JSON.parse(Buffer.concat(chunks).toString('utf8')) as ApiResult<unknown>);
        } catch (error) {
          reject(error as Error);
        }
      });
    });
    request.on('error', reject);
    request.end(body);
  });
}

describe('hostile input for every method', () => {
  let sift: Sift;
  let folder: string;
  let cleanup: () => Promise<void>;
  let before: Record<string, string>;
  let beforePrint: string;
  let ipc: FakeIpcMain;
  let server: RunningWebServer;

  beforeAll(async () => {
    ({ sift, folder, cleanup } = await openTempSift({ withSample: true, storage: { compactWhenIdleMs: 600_000, watchExternalChanges: false } }));
    ipc = new FakeIpcMain();
    registerIpc(ipc, sift.dispatch);
    server = await startWebServer({ sift, staticFolder: folder, token: 'hostile-token' });
    before = await folderContents(folder);
    beforePrint = await fingerprint(folder);
  });
  afterAll(async () => {
    await server.close();
    await cleanup();
  });

  it('has one valid sample per method, each accepted by the method\'s schema', () => {
    expect(Object.keys(validSamples).sort()).toEqual([...methodNames].sort());
    for (const method of methodNames) {
      const parsed = apiMethods[method].input.safeParse(validSamples[method]);
      expect(parsed.success, `${method}: ${parsed.error?.message ?? ''}`).toBe(true);
    }
  });

  it('derives many hostile variants per method, and every method refuses unknown keys, prototype keys and non-objects', () => {
    for (const method of methodNames) expect(allVariants.filter((variant) => variant.method === method).length, method).toBeGreaterThanOrEqual(15);
    const wronglyAccepted = allVariants.filter((variant) => variant.mustRefuse && schemaAccepts(variant)).map((variant) => `${variant.method}: ${variant.name}`);
    expect(wronglyAccepted).toEqual([]);
    // For the report: how many variants there are, and how many a schema lets through as valid.
    console.info(`hostile variants: ${allVariants.length} over ${methodNames.length} methods; refused by the schema ${refused.length}, schema-valid ${accepted.length}`);
  });

  it.each(methodNames)('%s: every refused variant is a clean invalid-input error, the same through dispatch, IPC and HTTP, with nothing changed', async (method) => {
    const channel = ipc.handlers.get(ipcChannel(method));
    for (const variant of refused.filter((candidate) => candidate.method === method)) {
      const direct = await sift.dispatch(method, variant.input);
      expectRefusal(direct, method);
      // Electron structured-clones what the renderer sends; JSON is what browser mode reads.
      const viaIpc = await channel?.(appFrame, structuredClone(variant.input));
      expect(viaIpc, variant.name).toEqual(direct);
      if (!Number.isNaN(variant.input)) {
        const viaHttp = await post(server.port, method, variant.input);
        expect(viaHttp, variant.name).toEqual(direct);
      }
      expect(await fingerprint(folder), variant.name).toBe(beforePrint);
      expectNoPollution();
    }
    expect(await folderContents(folder)).toEqual(before);
  });

  it('schema-valid variants end in a domain answer, never an internal error, and pollute nothing', async () => {
    for (const variant of accepted) {
      const result = await sift.dispatch(variant.method, variant.input);
      if (!result.ok) {
        expect(domainCodes, `${variant.method} ${variant.name}: ${result.error.message}`).toContain(result.error.code);
        expect(result.error.message.length).toBeLessThan(2000);
      }
      expectNoPollution();
    }
  });

  it('combined mutations (fast-check, fixed seed) are refused cleanly or answered, never crash, and refusals change nothing', async () => {
    const mutation = fc.oneof(
      fc.record({ kind: fc.constant('wrong-type' as const), pick: fc.nat(), value: fc.constantFrom(...WRONG_TYPES.map(([, wrong]) => wrong), HUGE, '\0', -1, 1e308, Number.MAX_SAFE_INTEGER + 2) }),
      fc.record({ kind: fc.constant('extra-key' as const), pick: fc.nat(), key: fc.constantFrom(...PROTO_KEYS, 'unexpected', 'toString', 'valueOf', '__defineGetter__', 'hasOwnProperty') }),
      fc.record({ kind: fc.constant('drop' as const), pick: fc.nat() }),
      fc.record({ kind: fc.constant('anything' as const), pick: fc.nat(), value: fc.jsonValue({ maxDepth: 3 }) }),
    );
    function apply(input: unknown, step: { kind: string; pick: number; value?: unknown; key?: string }): unknown {
      if (input === null || typeof input !== 'object') return input;
      if (step.kind === 'extra-key') {
        const objects = objectPaths(input);
        return withParsedKey(input, objects[step.pick % objects.length] ?? [], step.key ?? 'unexpected', { polluted: true });
      }
      const places = paths(input);
      const at = places[step.pick % Math.max(1, places.length)];
      if (!at) return input;
      if (step.kind === 'drop') {
        const copy = structuredClone(input);
        const parent = get(copy, at.slice(0, -1)) as Record<string | number, unknown>;
        if (Array.isArray(parent)) parent.splice(at[at.length - 1] as number, 1);
        else delete parent[at[at.length - 1] as string];
        return copy;
      }
      return replace(input, at, step.value);
    }
    let refusedRuns = 0;
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...methodNames), fc.array(mutation, { minLength: 1, maxLength: 4 }), fc.boolean(), async (method, steps, throughJson) => {
        let input = steps.reduce<unknown>((current, step) => apply(current, step), validSamples[method]);
        if (throughJson) input = JSON.parse(JSON.stringify(input) ?? 'null');
        const print = await fingerprint(folder);
        const result = await sift.dispatch(method, input);
        if (!result.ok) {
          expect(domainCodes).toContain(result.error.code);
          expect(result.error.message.length).toBeLessThan(2000);
          if (result.error.code === 'invalid-input') {
            refusedRuns += 1;
            expect(await fingerprint(folder)).toBe(print);
          }
        }
        expectNoPollution();
      }),
      { numRuns: 1000, seed: 8_2026 },
    );
    expect(refusedRuns).toBeGreaterThan(500);
  });
});
