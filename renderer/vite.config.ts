import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { viteStaticCopy } from 'vite-plugin-static-copy';

/** pdfjs-dist's folder, from this config's root (renderer/). */
const pdfjs = '../node_modules/pdfjs-dist';

// The renderer is served from app://bundle/ in Electron and from http://127.0.0.1:N/ in browser
// mode; relative asset URLs work under both.
export default defineConfig({
  root: import.meta.dirname,
  base: './',
  plugins: [
    react(),
    // The data pdf.js reads while drawing some PDFs, shipped with the renderer under pdfjs/ (the reader never
    // fetches from the network): character maps for CJK text, the standard fonts' data for PDFs that do not embed
    // them, and OpenJPEG's JavaScript build for JPEG 2000 images (the WebAssembly one would need
    // 'wasm-unsafe-eval' in the CSP).
    viteStaticCopy({
      targets: [
        { src: [`${pdfjs}/cmaps/*.bcmap`, `${pdfjs}/cmaps/LICENSE`], dest: 'pdfjs/cmaps', rename: { stripBase: true } },
        { src: `${pdfjs}/standard_fonts/*`, dest: 'pdfjs/standard_fonts', rename: { stripBase: true } },
        { src: [`${pdfjs}/wasm/openjpeg_nowasm_fallback.js`, `${pdfjs}/wasm/LICENSE*`], dest: 'pdfjs/wasm', rename: { stripBase: true } },
      ],
    }),
  ],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: true,
    target: 'chrome120',
  },
});
