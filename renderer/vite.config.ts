import { copyFileSync, mkdirSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';

/**
 * The data pdf.js reads while drawing some PDFs, shipped with the renderer under pdfjs/ (the reader
 * never fetches from the network): character maps for CJK text, the standard fonts' data for PDFs
 * that do not embed them, and OpenJPEG's JavaScript build for JPEG 2000 images (the WebAssembly one
 * would need 'wasm-unsafe-eval' in the CSP).
 */
function pdfjsData(): Plugin {
  const pdfjsDir = path.dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'));
  const copies: Array<[string, (name: string) => boolean]> = [
    ['cmaps', (name) => name.endsWith('.bcmap') || name === 'LICENSE'],
    ['standard_fonts', () => true],
    ['wasm', (name) => name === 'openjpeg_nowasm_fallback.js' || name.startsWith('LICENSE')],
  ];
  let outDir = '';
  return {
    name: 'sift-pdfjs-data',
    apply: 'build',
    configResolved(config) {
      outDir = path.resolve(config.root, config.build.outDir);
    },
    // Copied after the bundle is written (~2.5 MB in 200 files, too many to list in the build report).
    closeBundle() {
      for (const [folder, wanted] of copies) {
        mkdirSync(path.join(outDir, 'pdfjs', folder), { recursive: true });
        for (const name of readdirSync(path.join(pdfjsDir, folder)).filter(wanted)) {
          copyFileSync(path.join(pdfjsDir, folder, name), path.join(outDir, 'pdfjs', folder, name));
        }
      }
    },
  };
}

// The renderer is served from app://bundle/ in Electron and from http://127.0.0.1:N/ in browser
// mode; relative asset URLs work under both.
export default defineConfig({
  root: import.meta.dirname,
  base: './',
  plugins: [react(), pdfjsData()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: true,
    target: 'chrome120',
  },
});
