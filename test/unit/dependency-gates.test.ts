import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../helpers/temp-library';

// `npm audit` cannot run on this machine (the registry proxy answers 405), so the advisories that
// matter to Sift are gates on the lock file: every copy of these packages, at any depth, must be at
// least the first fixed version.
const firstFixed: Record<string, { version: string; advisory: string }> = {
  'pdfjs-dist': { version: '6.2.108', advisory: 'GHSA-hq66-cqwq-w95j (and CVE-2024-4367, fixed in 4.2.67)' },
  'lodash.merge': { version: '4.6.2', advisory: 'CVE-2020-8203 prototype pollution' },
  lodash: { version: '4.17.21', advisory: 'CVE-2021-23337 command injection, CVE-2020-8203 prototype pollution' },
  minimist: { version: '1.2.6', advisory: 'CVE-2021-44906 prototype pollution' },
  json5: { version: '2.2.2', advisory: 'CVE-2022-46175 prototype pollution' },
  yaml: { version: '2.2.2', advisory: 'CVE-2023-2251 uncaught exception' },
};

const parts = (version: string) => version.split(/[.-]/).slice(0, 3).map(Number);
function atLeast(version: string, minimum: string): boolean {
  const [a, b] = [parts(version), parts(minimum)];
  for (let index = 0; index < 3; index += 1) if ((a[index] ?? 0) !== (b[index] ?? 0)) return (a[index] ?? 0) > (b[index] ?? 0);
  return true;
}

describe('dependencies with known advisories', () => {
  const lock = JSON.parse(readFileSync(path.join(repoRoot, 'package-lock.json'), 'utf8')) as { packages: Record<string, { version?: string }> };
  const installed = Object.entries(lock.packages).flatMap(([where, entry]) => {
    const name = where.split('node_modules/').at(-1) ?? '';
    return name in firstFixed && entry.version ? [{ name, where, version: entry.version }] : [];
  });

  it('finds the packages it gates in the lock file', () => {
    expect(installed.map((entry) => entry.name)).toContain('pdfjs-dist');
  });

  it.each(Object.keys(firstFixed))('every copy of %s is at or past the first fixed version', (name) => {
    const gate = firstFixed[name];
    const below = installed.filter((entry) => entry.name === name && gate && !atLeast(entry.version, gate.version));
    expect(below, `${name} < ${gate?.version}: ${gate?.advisory}`).toEqual([]);
  });

  it('ships the newest Electron major the registry had when this was written (45), or later', () => {
    const electron = lock.packages['node_modules/electron']?.version ?? '0';
    expect(parts(electron)[0]).toBeGreaterThanOrEqual(45);
  });
});
