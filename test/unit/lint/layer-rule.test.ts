import path from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../../helpers/temp-library';

// The layer rule of ARCHITECTURE.md §2 must fail CI on a wrong import: lint sample sources as if
// they lived in each folder and check which imports are refused.
const eslint = new ESLint({ cwd: repoRoot, overrideConfigFile: path.join(repoRoot, '.config/eslint.config.js') });

async function refusedImports(file: string, imports: string[]): Promise<string[]> {
  const code = imports.map((source, index) => `import * as m${index} from '${source}';\nexport const x${index} = m${index};`).join('\n');
  const [result] = await eslint.lintText(code, { filePath: path.join(repoRoot, file) });
  return (result?.messages ?? [])
    .filter((message) => message.ruleId === 'no-restricted-imports')
    .map((message) => imports[Math.floor((message.line - 1) / 2)] ?? '?');
}

describe('the layer rule', () => {
  it.each([
    ['shared/api/x.ts', ['node:fs', 'fs', 'path', 'electron', 'react', 'react-dom/client', '../../electron/services/container', '../../renderer/src/App'], ['zod', 'fuse.js', '../model/library']],
    ['renderer/src/x.ts', ['node:path', 'child_process', 'electron', '../../electron/services/container'], ['react', '../../shared/api/contract', './App']],
    ['electron/services/x.ts', ['electron', '../../renderer/src/App'], ['node:fs', 'lowdb', '../../shared/model/library']],
    ['electron/web/x.ts', ['electron'], ['node:http', '../services/container']],
    ['electron/cli/x.ts', ['electron'], ['node:util', '../services/container']],
    ['electron/preload/x.ts', ['../services/container', '../main/ipc', '../../shared/model/library', '../../renderer/src/App'], ['electron', '../../shared/api/channels']],
    ['electron/main/x.ts', ['../../renderer/src/App'], ['electron', '../services/container', '../../shared/api/contract']],
  ])('in %s refuses %j and allows %j', async (file, refused, allowed) => {
    expect(await refusedImports(file, refused)).toEqual(refused);
    expect(await refusedImports(file, allowed)).toEqual([]);
  });
});
