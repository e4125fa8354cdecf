import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { appPaths } from '../services/app-paths';
import { openSift } from '../services/container';
import { startWebServer } from './server';
import { parseWebArgs, webUsage, type WebArgs } from './web-args';

let args: WebArgs;
try {
  args = parseWebArgs(process.argv.slice(2));
} catch (error) {
  process.stderr.write(`sift web: ${(error as Error).message}\n${webUsage}\n`);
  process.exit(2);
}
if (args.help) {
  process.stdout.write(`${webUsage}\n`);
  process.exit(0);
}

try {
  const paths = appPaths(path.dirname(fileURLToPath(import.meta.url)));
  const sift = await openSift({
    libraryFolder: path.resolve(args.library ?? paths.defaultLibraryFolder),
    resourcesFolder: paths.resourcesFolder,
    app: 'Sift browser mode',
    storage: { validateInBackground: true },
    taskWorkerEntry: path.join(path.dirname(fileURLToPath(import.meta.url)), 'task-worker.mjs'),
    log: (message, error) => console.error(message, error),
  });
  const token = args.token ?? randomBytes(24).toString('base64url');
  const server = await startWebServer({ sift, staticFolder: paths.rendererFolder, token, port: args.port }).catch(async (error: unknown) => {
    await sift.close();
    throw error;
  });
  console.log(`Sift browser mode: ${server.url}`);
  const stop = async () => {
    await server.close();
    await sift.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop());
  process.on('SIGTERM', () => void stop());
} catch (error) {
  const code = (error as NodeJS.ErrnoException).code;
  const message = code === 'EADDRINUSE' ? `port ${args.port} is already in use; choose another with --port` : (error as Error).message;
  process.stderr.write(`sift web: ${message}\n`);
  process.exit(1);
}
