import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { checkPdfStructure } from '../../../../../electron/services/pdf/check-pdf-structure';

const encode = (text: string): Uint8Array => new TextEncoder().encode(text);

/** A PDF skeleton whose startxref points `offsetShift` bytes away from its xref section. */
function skeleton(options: { junk?: string; xref?: string; offsetShift?: number } = {}): Uint8Array {
  const body = `${options.junk ?? ''}%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\n`;
  const xref = options.xref ?? 'xref\n0 2\n0000000000 65535 f \n0000000009 00000 n \n';
  const offset = body.length + (options.offsetShift ?? 0);
  return encode(`${body}${xref}trailer\n<< /Root 1 0 R /Size 2 >>\nstartxref\n${offset}\n%%EOF\n`);
}

describe('checkPdfStructure', () => {
  it.each([
    ['a classic xref table', skeleton(), { hasHeader: true, brokenXref: false }],
    ['an xref stream', skeleton({ xref: '2 0 obj\n<< /Type /XRef >>\nstream\nendstream\nendobj\n' }), { hasHeader: true, brokenXref: false }],
    ['a table without its "xref" keyword', skeleton({ xref: '0 2\n0000000000 65535 f \n' }), { hasHeader: true, brokenXref: true }],
    ['an offset into the middle of an object', skeleton({ offsetShift: -20 }), { hasHeader: true, brokenXref: true }],
    ['an offset past the end', skeleton({ offsetShift: 10_000 }), { hasHeader: true, brokenXref: true }],
    ['junk before the header, offsets from the header', skeleton({ junk: 'JUNK', offsetShift: -4 }), { hasHeader: true, brokenXref: false }],
    ['no startxref', encode('%PDF-1.4\n1 0 obj\n<<>>\nendobj\n'), { hasHeader: true, brokenXref: true }],
    ['an empty file', new Uint8Array(), { hasHeader: false, looksLike: 'empty', brokenXref: true }],
    ['an HTML page', encode('\n<!DOCTYPE html><html></html>'), { hasHeader: false, looksLike: 'html', brokenXref: true }],
    ['plain text', encode('hello'), { hasHeader: false, looksLike: 'text', brokenXref: true }],
    ['binary', new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 1, 2]), { hasHeader: false, looksLike: 'binary', brokenXref: true }],
  ])('%s', (_what, bytes, expected) => {
    expect(checkPdfStructure(bytes)).toEqual(expected);
  });

  it.each([
    ['xref_command_missing.pdf', true],
    ['tracemonkey.pdf', false],
    ['LNCS-minimal-protected.pdf', false],
    ['Keim2024.pdf', false],
  ])('fixture %s: broken xref %s', async (file, broken) => {
    const bytes = new Uint8Array(await readFile(new URL(`../../../../fixtures/pdf/${file}`, import.meta.url)));
    expect(checkPdfStructure(bytes).brokenXref).toBe(broken);
  });
});
