#!/usr/bin/env node
// The `sift` command: runs the bundled CLI (built by `npm install`/`npm run build`).
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const cli = fileURLToPath(new URL('../dist/cli.mjs', import.meta.url));
if (!existsSync(cli)) {
  process.stderr.write('sift: the CLI is not built yet; run "npm run build" in the Sift folder first.\n');
  process.exit(1);
}
await import(cli);
