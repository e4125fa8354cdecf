// pdf.js ships no types for its worker module. Sift imports it only to hand pdf.js its
// WorkerMessageHandler (see extract-pdf.ts), so one opaque export is all that is declared.
declare module 'pdfjs-dist/legacy/build/pdf.worker.mjs' {
  export const WorkerMessageHandler: unknown;
}
