import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { appPaths } from '../services/app-paths';
import { openSift } from '../services/container';
import { runCli } from './run-cli';

const paths = appPaths(path.dirname(fileURLToPath(import.meta.url)));
const exitCode = await runCli(process.argv.slice(2), {
  defaultLibraryFolder: paths.defaultLibraryFolder,
  openSift: (libraryFolder, { readOnly }) => openSift({ libraryFolder, resourcesFolder: paths.resourcesFolder, app: 'Sift CLI', readOnly, taskWorkerEntry: path.join(path.dirname(fileURLToPath(import.meta.url)), 'task-worker.mjs') }),
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
});
process.exitCode = exitCode;
