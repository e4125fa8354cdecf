import type { ImportFormat } from './import-record';

/** Formats read from text; PDFs are binary and recognised by their header. */
export type TextImportFormat = Exclude<ImportFormat, 'pdf'>;

const PDF_MAGIC = [0x25, 0x50, 0x44, 0x46, 0x2d]; // "%PDF-"

/** True when the bytes start like a PDF (within the first KiB, as some writers put junk first). */
export function looksLikePdf(bytes: Uint8Array): boolean {
  const limit = Math.min(bytes.length - PDF_MAGIC.length, 1024);
  for (let start = 0; start <= limit; start += 1) {
    if (PDF_MAGIC.every((byte, offset) => bytes[start + offset] === byte)) return true;
  }
  return false;
}

/**
 * The format of an import, from its content first and its file name second: exports are often
 * misnamed (Web of Science RIS as `.txt`, CSL-JSON as `.csljson`, BibTeX as `.txt`).
 */
export function detectTextFormat(text: string, fileName = ''): TextImportFormat {
  const head = text.replace(/^\uFEFF/, '').slice(0, 64 * 1024);
  const trimmed = head.trimStart();
  if ((trimmed.startsWith('[') || trimmed.startsWith('{')) && /"(type|title|issued|author|id)"\s*:/.test(head)) return 'csl-json';
  if (/^(?:TY|PT|T1|TI) {2}- /m.test(head) && /^ER {2}-/m.test(text)) return 'ris';
  // Blanks before the `@` only within its line: `^\s*` would rescan every later empty line from
  // each line start, quadratic on 64 KiB of newlines (2 s).
  if (/^[^\S\n\r\u2028\u2029]*@[A-Za-z]+\s*[{(]/m.test(head)) return 'bibtex';
  const extension = /\.([a-z]+)$/i.exec(fileName)?.[1]?.toLowerCase();
  if (extension === 'bib' || extension === 'bibtex') return 'bibtex';
  if (extension === 'ris') return 'ris';
  if (extension === 'json' || extension === 'csljson') return 'csl-json';
  return 'paste';
}
