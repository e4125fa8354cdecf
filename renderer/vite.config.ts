import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The renderer is served from app://bundle/ in Electron and from http://127.0.0.1:N/ in browser
// mode; relative asset URLs work under both.
export default defineConfig({
  root: import.meta.dirname,
  base: './',
  plugins: [react()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: true,
    target: 'chrome120',
  },
});
