/**
 * A look at a PDF's bytes before pdf.js opens it: is it a PDF at all, and does its last `startxref`
 * point at a cross-reference section? pdf.js silently rebuilds a broken cross-reference table by
 * scanning the whole file ("Indexing all PDF objects"); this is how Sift knows that it did.
 */

export interface PdfStructure {
  /** The `%PDF-` header is within the first 1024 bytes (where readers look for it). */
  hasHeader: boolean;
  /** What the file starts with when it is not a PDF, for the error message ("an HTML page"). */
  looksLike?: 'html' | 'empty' | 'text' | 'binary';
  /** The last `startxref` is missing or points at something that is not `xref` or `N G obj`. */
  brokenXref: boolean;
}

const ASCII = new TextDecoder('latin1');

function text(bytes: Uint8Array, start: number, end: number): string {
  return ASCII.decode(bytes.subarray(Math.max(0, start), Math.min(bytes.length, end)));
}

export function checkPdfStructure(bytes: Uint8Array): PdfStructure {
  if (bytes.length === 0) return { hasHeader: false, looksLike: 'empty', brokenXref: true };
  const head = text(bytes, 0, 1024);
  if (!head.includes('%PDF-')) {
    const start = head.trimStart().slice(0, 64).toLowerCase();
    const looksLike = start.startsWith('<!doctype html') || start.startsWith('<html') ? 'html' : /^[\x20-\x7e\s]*$/.test(start) ? 'text' : 'binary';
    return { hasHeader: false, looksLike, brokenXref: true };
  }
  // `startxref` sits in the last few hundred bytes; 2048 leaves room for trailing junk.
  const tail = text(bytes, bytes.length - 2048, bytes.length);
  const at = tail.lastIndexOf('startxref');
  const offset = at < 0 ? undefined : /^startxref\s+(\d{1,12})/.exec(tail.slice(at))?.[1];
  if (offset === undefined) return { hasHeader: true, brokenXref: true };
  // Offsets count from the header when junk precedes it (as readers allow).
  const headerAt = head.indexOf('%PDF-');
  const pointsAtXref = [Number(offset), Number(offset) + headerAt].some((target) => {
    const there = text(bytes, target, target + 64).trimStart();
    return target < bytes.length && /^(?:xref\b|\d{1,10}\s+\d{1,5}\s+obj\b)/.test(there);
  });
  return { hasHeader: true, brokenXref: !pointsAtXref };
}
