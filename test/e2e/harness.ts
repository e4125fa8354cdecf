import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { LibraryStore } from '../../electron/services/library-store';
import type { Library } from '../../shared/model/library';

const repoRoot = fileURLToPath(new URL('../..', import.meta.url));

/** Debian's Chromium, as CI installs it; the flags keep it from reaching for the network. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.SIFT_CHROMIUM ?? '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
  });
}

export interface BrowserModeApp {
  url: string;
  libraryFolder: string;
  page: Page;
  context: BrowserContext;
  /** Problems the page reported: uncaught errors, console errors, CSP violations. */
  pageErrors: string[];
  /** The library as it is on disk (library.json plus its journal), read the way Sift reads it. */
  readLibrary(): Promise<Library>;
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

export async function openApp(browser: Browser): Promise<BrowserModeApp> {
  const libraryFolder = await mkdtemp(path.join(os.tmpdir(), 'sift-e2e-'));
  const { url, child } = await startBrowserMode(libraryFolder);
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, acceptDownloads: true });
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(url).origin });
  const page = await context.newPage();
  const pageErrors: string[] = [];
  page.on('pageerror', (error) => pageErrors.push(`pageerror: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') pageErrors.push(`console: ${message.text()}`);
  });
  await page.goto(url);
  return {
    url,
    libraryFolder,
    page,
    context,
    pageErrors,
    async readLibrary() {
      const store = await LibraryStore.open(libraryFolder, { readOnly: true, watchExternalChanges: false });
      if (store.state.kind !== 'ready') throw new Error(`library did not load: ${store.state.message}`);
      return structuredClone(store.data) as Library;
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
