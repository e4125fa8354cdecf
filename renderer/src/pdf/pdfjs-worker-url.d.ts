// Vite's `?url` import: the built file's URL as a string. The renderer's tsconfig has no
// vite/client types (it sees only the DOM), so this one module is declared here.
declare module 'pdfjs-dist/build/pdf.worker.min.mjs?url' {
  const url: string;
  export default url;
}
