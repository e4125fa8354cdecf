/**
 * What pdf.js may do with a PDF shown in the reader. No XFA forms; no WebAssembly decoders (the
 * CSP has no 'wasm-unsafe-eval', so they run as plain JavaScript); images above 64 megapixels are
 * not decoded, so one crafted image cannot take the renderer's memory. pdf.js 6 compiles nothing
 * from a PDF (its `isEvalSupported` switch went away with the eval path itself; the CSP has no
 * 'unsafe-eval' anyway, and a test checks the shipped pdf.js for eval). Damaged files are shown
 * as far as they go.
 */
export const pdfViewerOptions = {
  enableXfa: false,
  useWasm: false,
  maxImageSize: 8192 * 8192,
  stopAtErrors: false,
} as const;
