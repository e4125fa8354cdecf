import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { pdfjsImportOptions } from '../../../../../electron/services/pdf/extract-pdf';
import { pdfViewerOptions } from '../../../../../renderer/src/pdf/pdf-viewer-options';
import { repoRoot } from '../../../../helpers/temp-library';

const pdfjsFolder = path.join(repoRoot, 'node_modules', 'pdfjs-dist');
const versionOf = (text: string) => text.split('.').map(Number);
const atLeast = (version: number[], minimum: number[]) => {
  for (let index = 0; index < minimum.length; index += 1) {
    if ((version[index] ?? 0) !== (minimum[index] ?? 0)) return (version[index] ?? 0) > (minimum[index] ?? 0);
  }
  return true;
};

/** Code built from strings at run time: `eval(…)`, `new Function(…)`, `Function(…)`. */
const evalConstructs = /\bnew\s+Function\s*\(|(?<![\w$.])eval\s*\(|(?<![\w$.#])Function\s*\(/g;
/** core-js's probe for the global object in the legacy build: a constant, reached only without globalThis. */
const globalProbe = "Function('return this')";

describe('pdf.js as Sift ships it', () => {
  it('is a version with every known advisory fixed (CVE-2024-4367 from 4.2.67, GHSA-hq66-cqwq-w95j from 6.2.108), pinned exactly', () => {
    const installed = (JSON.parse(readFileSync(path.join(pdfjsFolder, 'package.json'), 'utf8')) as { version: string }).version;
    expect(atLeast(versionOf(installed), [6, 2, 108])).toBe(true);
    const manifest = JSON.parse(readFileSync(path.join(repoRoot, 'package.json'), 'utf8')) as { dependencies: Record<string, string> };
    expect(manifest.dependencies['pdfjs-dist']).toBe(installed);
  });

  it('runs on Node ≥ 22.13 here, as it does in Electron (pdf.js 6 needs it)', () => {
    expect(atLeast(versionOf(process.versions.node), [22, 13, 0])).toBe(true);
  });

  it.each(['build/pdf.mjs', 'build/pdf.worker.mjs', 'build/pdf.worker.min.mjs', 'legacy/build/pdf.mjs', 'legacy/build/pdf.worker.mjs'])(
    '%s compiles no code from strings (no eval, no new Function)',
    (file) => {
      const source = readFileSync(path.join(pdfjsFolder, file), 'utf8');
      const found = [...source.matchAll(evalConstructs)].map((match) => source.slice(match.index, match.index + globalProbe.length));
      expect(found.filter((construct) => construct !== globalProbe)).toEqual([]);
    },
  );

  it('imports with XFA, system fonts, font loading and WebAssembly off, and images capped', () => {
    expect(pdfjsImportOptions).toMatchObject({ enableXfa: false, useSystemFonts: false, disableFontFace: true, useWasm: false, isOffscreenCanvasSupported: false });
    expect(Number.isFinite(pdfjsImportOptions.maxImageSize) && pdfjsImportOptions.maxImageSize > 0).toBe(true);
  });

  it('shows PDFs in the reader with XFA and WebAssembly off, and images capped', () => {
    expect(pdfViewerOptions).toMatchObject({ enableXfa: false, useWasm: false });
    expect(Number.isFinite(pdfViewerOptions.maxImageSize) && pdfViewerOptions.maxImageSize > 0).toBe(true);
  });
});
