import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { openSift } from '../services/container';
import { appPaths } from '../services/app-paths';
import { startWebServer } from './server';

const usage = 'Usage: npm run web -- --library DIR [--port N] [--token T]';

async function main(): Promise<void> {
  let values: { library?: string; port?: string; token?: string; help?: boolean };
  try {
    ({ values } = parseArgs({
      options: { library: { type: 'string' }, port: { type: 'string' }, token: { type: 'string' }, help: { type: 'boolean' } },
      strict: true,
    }));
  } catch (error) {
    console.error(`${(error as Error).message}\n${usage}`);
    process.exit(2);
  }
  if (values.help) {
    console.log(usage);
    return;
  }
  const port = values.port === undefined ? 0 : Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    console.error(`--port must be a whole number from 0 to 65535, not "${values.port}"\n${usage}`);
    process.exit(2);
  }
  const paths = appPaths(path.dirname(fileURLToPath(import.meta.url)));
  const sift = await openSift({
    libraryFolder: path.resolve(values.library ?? paths.defaultLibraryFolder),
    resourcesFolder: paths.resourcesFolder,
    app: 'Sift browser mode',
    storage: { validateInBackground: true },
    log: (message, error) => console.error(message, error),
  });
  const token = values.token ?? randomBytes(24).toString('base64url');
  const server = await startWebServer({ sift, staticFolder: paths.rendererFolder, token, port });
  console.log(`Sift browser mode: ${server.url}`);
  const stop = async () => {
    await server.close();
    await sift.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop());
  process.on('SIGTERM', () => void stop());
}

void main();
