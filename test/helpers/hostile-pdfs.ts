import { deflateSync } from 'node:zlib';

// Hostile PDFs made for the resource-limit tests (written here, not downloaded): each is a valid
// PDF skeleton with one pathological part. Built at test time so that the repository does not
// carry megabytes of bombs, and so that their size can follow the test's limits.

/** Assembles numbered objects into a PDF with a correct cross-reference table. */
export function assemblePdf(objects: ReadonlyArray<string | Buffer>, rootObject = 1): Buffer {
  const parts: Buffer[] = [Buffer.from('%PDF-1.7\n%\xE2\xE3\xCF\xD3\n', 'latin1')];
  let offset = parts[0]!.length;
  const offsets: number[] = [];
  objects.forEach((body, index) => {
    offsets.push(offset);
    const chunk = Buffer.concat([Buffer.from(`${index + 1} 0 obj\n`), typeof body === 'string' ? Buffer.from(body, 'latin1') : body, Buffer.from('\nendobj\n')]);
    parts.push(chunk);
    offset += chunk.length;
  });
  const xref = [`xref\n0 ${objects.length + 1}\n`, '0000000000 65535 f \n', ...offsets.map((at) => `${String(at).padStart(10, '0')} 00000 n \n`)].join('');
  parts.push(Buffer.from(`${xref}trailer\n<< /Size ${objects.length + 1} /Root ${rootObject} 0 R >>\nstartxref\n${offset}\n%%EOF\n`, 'latin1'));
  return Buffer.concat(parts);
}

function stream(dictionary: string, data: Buffer): Buffer {
  return Buffer.concat([Buffer.from(`<< ${dictionary} /Length ${data.length} >>\nstream\n`, 'latin1'), data, Buffer.from('\nendstream', 'latin1')]);
}

const font = '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>';

/** A one-page PDF whose page shows `text` (the well-behaved file of a batch). */
export function plainPdf(text: string): Buffer {
  const content = Buffer.from(`BT /F1 18 Tf 72 700 Td (${text.replace(/[()\\]/g, '\\$&')}) Tj ET`, 'latin1');
  return assemblePdf([
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>',
    font,
    stream('', content),
  ]);
}

/**
 * A decompression bomb: one page whose content stream inflates from about `compressedKb` KB to
 * about a thousand times that, of text-showing operators, so that reading it costs both memory
 * and time.
 */
export function flateBombPdf(inflatedMb: number): Buffer {
  const unit = Buffer.from('BT /F1 1 Tf 0 0 Td (aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa) Tj ET\n', 'latin1');
  const block = Buffer.alloc(1024 * 1024, 0);
  for (let at = 0; at + unit.length <= block.length; at += unit.length) unit.copy(block, at);
  const inflated = Buffer.concat(Array.from({ length: inflatedMb }, () => block));
  return assemblePdf([
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>',
    font,
    stream('/Filter /FlateDecode', deflateSync(inflated, { level: 9 })),
  ]);
}

/** A page tree of `pages` distinct empty pages (a "200,000-page" file is about 15 MB). */
export function manyPagesPdf(pages: number): Buffer {
  const first = 3;
  const kids = Array.from({ length: pages }, (_, index) => `${first + index} 0 R`).join(' ');
  return assemblePdf([
    '<< /Type /Catalog /Pages 2 0 R >>',
    `<< /Type /Pages /Kids [${kids}] /Count ${pages} >>`,
    ...Array.from({ length: pages }, () => '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] >>'),
  ]);
}

/** Arrays nested `depth` deep inside the page dictionary, which a recursive parser cannot descend. */
export function deepNestingPdf(depth: number): Buffer {
  return assemblePdf([
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Nested ${'['.repeat(depth)}${']'.repeat(depth)} >>`,
  ]);
}

/** A content stream that claims Flate compression but holds garbage, with a wrong /Length. */
export function brokenStreamPdf(): Buffer {
  const garbage = Buffer.from(Array.from({ length: 4096 }, (_, index) => (index * 7919) % 256));
  const body = Buffer.concat([Buffer.from('<< /Filter /FlateDecode /Length 999999 >>\nstream\n', 'latin1'), garbage, Buffer.from('\nendstream', 'latin1')]);
  return assemblePdf([
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>',
    font,
    body,
  ]);
}

/** A BibTeX macro bomb: each @string is ten of the one before, so `h` expands to 10⁹ characters. */
export function macroBombBibtex(): string {
  const names = 'abcdefgh';
  const lines = ['@string{a = "aaaaaaaaaa"}'];
  for (let index = 1; index < names.length; index += 1) lines.push(`@string{${names[index]} = ${Array.from({ length: 10 }, () => names[index - 1]).join(' # ')}}`);
  lines.push('@article{bomb, title = h, author = {Bomb, A.}, year = 2024}');
  return lines.join('\n');
}

/** A BibTeX entry whose title nests braces `depth` deep. */
export function deepBracesBibtex(depth: number): string {
  return `@article{deep, title = {${'{'.repeat(depth)}x${'}'.repeat(depth)}}, author = {Deep, A.}, year = 2024}\n`;
}
