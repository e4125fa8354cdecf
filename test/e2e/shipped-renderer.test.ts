import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../helpers/temp-library';

// Checks of what `npm run build` puts in renderer/dist (this project runs after the build).
describe('the built renderer', () => {
  it('ships no PDF scripting: no pdf.js sandbox, scripting manager or JavaScript engine for PDFs', async () => {
    const assets = path.join(repoRoot, 'renderer', 'dist', 'assets');
    const files = (await readdir(assets)).filter((file) => /\.(m?js)$/.test(file));
    expect(files.length).toBeGreaterThan(1);
    for (const file of files) {
      const source = await readFile(path.join(assets, file), 'utf8');
      expect(source, file).not.toMatch(/PDFScriptingManager|pdf\.sandbox|QuickJS/);
    }
  });
});
