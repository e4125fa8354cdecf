import { parseArgs } from 'node:util';

export const webUsage = 'Usage: npm run web -- --library DIR [--port N] [--token T]';

export interface WebArgs {
  help: boolean;
  library?: string;
  port: number;
  token?: string;
}

/** Parses browser mode's command line; throws an Error whose message says what is wrong. */
export function parseWebArgs(argv: readonly string[]): WebArgs {
  const { values, positionals } = parseArgs({
    args: [...argv],
    options: { library: { type: 'string' }, port: { type: 'string' }, token: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
    allowPositionals: true,
    strict: true,
  });
  if (positionals.length > 0) throw new Error(`Unexpected argument "${positionals[0]}"`);
  const port = values.port === undefined ? 0 : Number(values.port);
  if (values.port !== undefined && (!/^\d+$/.test(values.port) || port > 65535)) {
    throw new Error(`--port must be a whole number from 0 to 65535, not "${values.port}"`);
  }
  if (values.token !== undefined && !/^[\w-]{16,200}$/.test(values.token)) {
    throw new Error('--token must be 16 to 200 letters, digits, "-" or "_"');
  }
  return { help: values.help ?? false, port, ...(values.library !== undefined ? { library: values.library } : {}), ...(values.token !== undefined ? { token: values.token } : {}) };
}
