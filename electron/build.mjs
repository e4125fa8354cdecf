// Bundles the Node and Electron side with esbuild:
// - main and preload as CommonJS for Electron (lowdb and friends are ESM-only; bundling them
//   avoids require(esm), which older Electron runtimes lack); the preload must be one file
//   because sandboxed preloads cannot require project modules;
// - browser mode and the CLI as ESM for Node, with npm packages left in node_modules.
import { build } from 'esbuild';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const out = path.join(here, 'dist');
const common = { bundle: true, platform: 'node', target: 'node20', sourcemap: true, logLevel: 'warning' };

await Promise.all([
  build({ ...common, entryPoints: [path.join(here, 'main/main.ts')], outfile: path.join(out, 'main.cjs'), format: 'cjs', external: ['electron'] }),
  build({ ...common, entryPoints: [path.join(here, 'preload/preload.ts')], outfile: path.join(out, 'preload.cjs'), format: 'cjs', external: ['electron'] }),
  build({ ...common, entryPoints: [path.join(here, 'web/main.ts')], outfile: path.join(out, 'web.mjs'), format: 'esm', packages: 'external' }),
  build({ ...common, entryPoints: [path.join(here, 'cli/main.ts')], outfile: path.join(out, 'cli.mjs'), format: 'esm', packages: 'external' }),
  // Worker threads that parse imports, for all three doors; ESM, loaded by path at run time.
  build({ ...common, entryPoints: [path.join(here, 'services/workers/task-worker.ts')], outfile: path.join(out, 'task-worker.mjs'), format: 'esm', packages: 'external' }),
]);
