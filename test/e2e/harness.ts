import { spawn, type ChildProcess } from 'node:child_process';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, expect } from 'vitest';
import { LibraryStore } from '../../electron/services/library-store';
import { stableStringify } from '../../electron/services/stable-stringify';
import type { ApiResult, MethodInput, MethodName, MethodOutput } from '../../shared/api/contract';
import type { Library } from '../../shared/model/library';

const repoRoot = fileURLToPath(new URL('../..', import.meta.url));

/** Debian's Chromium, as CI installs it; the flags keep it from reaching for the network. */
function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.SIFT_CHROMIUM ?? '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
  });
}

/**
 * One Chromium for the test file: launched before its tests (handed to `use`), closed after them,
 * with the artifacts folder that failure screenshots go to.
 */
export function chromiumPerFile(use: (browser: Browser) => void): void {
  let browser: Browser | undefined;
  beforeAll(async () => {
    browser = await launchChromium();
    use(browser);
    await mkdir(artifactsFolder, { recursive: true });
  });
  afterAll(async () => browser?.close());
}

/**
 * Chromium for the file, and a fresh browser-mode app on an empty library for each test, handed to
 * `use` before the test and finished after it: a test fails if its page reported any error.
 */
export function freshAppPerTest(use: (app: BrowserModeApp) => void): void {
  let browser: Browser | undefined;
  let app: BrowserModeApp | undefined;
  chromiumPerFile((launched) => (browser = launched));
  beforeEach(async () => {
    if (!browser) throw new Error('Chromium did not start');
    app = await openApp(browser);
    use(app);
  });
  afterEach(async (context) => {
    if (app) expect(await finishApp(app, context)).toEqual([]);
    app = undefined;
  });
}

export interface BrowserModeApp {
  url: string;
  /** The run's API token (from the URL's hash), for calling the API from the test as another client would. */
  token: string;
  libraryFolder: string;
  page: Page;
  context: BrowserContext;
  /** Problems the page reported: uncaught errors, console errors, CSP violations. */
  pageErrors: string[];
  /** The library as it is on disk (library.json plus its journal), read the way Sift reads it. */
  readLibrary(): Promise<Library>;
  /** Calls the browser-mode API directly (POST /api/<method> with the token), as a second client would. */
  callApi<M extends MethodName>(method: M, input: MethodInput<M>): Promise<MethodOutput<M>>;
  stop(): Promise<void>;
}

/** Starts `npm run web`'s entry on a fresh temp library, exactly as a user would, and waits for its URL line. */
async function startBrowserMode(libraryFolder: string): Promise<{ url: string; child: ChildProcess }> {
  const child = spawn(process.execPath, [path.join(repoRoot, 'electron/dist/web.mjs'), '--library', libraryFolder, '--port', '0'], {
    cwd: repoRoot,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const url = await new Promise<string>((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => reject(new Error(`browser mode did not start:\n${output}`)), 20_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /^Sift browser mode: (http:\/\/127\.0\.0\.1:\d+\/#token=\S+)$/m.exec(output);
      if (match?.[1]) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`browser mode exited with ${code}:\n${output}`));
    });
  });
  return { url, child };
}

export interface OpenAppOptions {
  /** Written as the folder's library.json (pretty-printed with sorted keys, as Sift writes it) before browser mode starts. */
  library?: Library;
  /** Anything else the folder should hold before browser mode starts (a damaged file, backups); runs after `library`. */
  prepareFolder?: (libraryFolder: string) => Promise<void>;
  /** Scripts that run in the page before the app's own (e.g. a PerformanceObserver that must see everything). */
  initScripts?: Array<() => void>;
  /** Runs on the page before it first loads Sift (to route its requests, say), so nothing is missed or made twice. */
  preparePage?: (page: Page) => Promise<void>;
}

export async function openApp(browser: Browser, options: OpenAppOptions = {}): Promise<BrowserModeApp> {
  const libraryFolder = await mkdtemp(path.join(os.tmpdir(), 'sift-e2e-'));
  if (options.library) await writeFile(path.join(libraryFolder, 'library.json'), stableStringify(options.library));
  await options.prepareFolder?.(libraryFolder);
  const { url, child } = await startBrowserMode(libraryFolder);
  const token = new URLSearchParams(new URL(url).hash.replace(/^#/, '')).get('token') ?? '';
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, acceptDownloads: true });
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(url).origin });
  const page = await context.newPage();
  for (const script of options.initScripts ?? []) await page.addInitScript(script);
  await options.preparePage?.(page);
  const pageErrors: string[] = [];
  page.on('pageerror', (error) => pageErrors.push(`pageerror: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') pageErrors.push(`console: ${message.text()}`);
  });
  await page.goto(url);
  return {
    url,
    token,
    libraryFolder,
    page,
    context,
    pageErrors,
    async readLibrary() {
      const store = await LibraryStore.open(libraryFolder, { readOnly: true, watchExternalChanges: false });
      if (store.state.kind !== 'ready') throw new Error(`library did not load: ${store.state.message}`);
      return structuredClone(store.data) as Library;
    },
    async callApi(method, input) {
      const response = await fetch(new URL(`/api/${method}`, url), {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-sift-token': token },
        body: JSON.stringify(input),
      });
      const result = (await response.json()) as ApiResult<MethodOutput<typeof method>>;
      if (!result.ok) throw new Error(`${method}: ${result.error.message}`);
      return result.value;
    },
    async stop() {
      await context.close();
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
      await rm(libraryFolder, { recursive: true, force: true });
    },
  };
}

/** Where tests leave screenshots for the README and for people to look at. */
export const screenshotFolder = path.join(repoRoot, 'resources', 'screenshots');
export const artifactsFolder = path.join(repoRoot, 'test', '.artifacts');

/** What an afterEach hook knows of the test that just ran. */
interface FinishedTest {
  task: { name: string; result?: { state?: string } };
}

/**
 * Ends a test's app: keeps a screenshot in test/.artifacts when the test failed, stops browser
 * mode and the page, and returns the errors the page reported, for the test to assert on.
 */
export async function finishApp(app: BrowserModeApp, test: FinishedTest): Promise<string[]> {
  if (test.task.result?.state === 'fail') {
    await mkdir(artifactsFolder, { recursive: true });
    await app.page.screenshot({ path: path.join(artifactsFolder, `${test.task.name.replace(/\W+/g, '-')}.png`) }).catch(() => undefined);
  }
  const errors = [...app.pageErrors];
  await app.stop();
  return errors;
}
