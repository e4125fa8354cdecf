// The icon containers electron-builder wants, packed from PNGs rendered at each size (so every size
// is drawn from the SVG, not shrunk from one large bitmap). Both formats may hold PNG data as is:
// ICO since Windows Vista, ICNS since macOS 10.7.
import { createCanvas, loadImage } from '@napi-rs/canvas';

/** The PNG sizes rendered from the SVG; the ICO and ICNS take the ones their format names. */
export const PNG_SIZES = [16, 24, 32, 48, 64, 128, 256, 512, 1024] as const;
export const ICO_SIZES = [16, 24, 32, 48, 64, 128, 256] as const;

/** ICNS element types that hold a PNG, by pixel size (the @2x types reuse the larger renders). */
export const ICNS_TYPES: ReadonlyArray<readonly [type: string, size: number]> = [
  ['icp4', 16],
  ['icp5', 32],
  ['icp6', 64],
  ['ic07', 128],
  ['ic08', 256],
  ['ic09', 512],
  ['ic10', 1024],
  ['ic11', 32],
  ['ic12', 64],
  ['ic13', 256],
  ['ic14', 512],
];

export async function renderPng(svg: Buffer, size: number): Promise<Buffer> {
  const image = await loadImage(svg);
  const canvas = createCanvas(size, size);
  canvas.getContext('2d').drawImage(image, 0, 0, size, size);
  return canvas.toBuffer('image/png');
}

/** A Windows .ico: a 6-byte header, one 16-byte entry per image, then the PNGs. */
export function icoFromPngs(pngs: ReadonlyMap<number, Buffer>): Buffer {
  const sizes = [...pngs.keys()].sort((a, b) => a - b);
  const header = Buffer.alloc(6 + 16 * sizes.length);
  header.writeUInt16LE(0, 0);
  header.writeUInt16LE(1, 2); // 1 = icon
  header.writeUInt16LE(sizes.length, 4);
  let offset = header.length;
  sizes.forEach((size, index) => {
    const png = pngs.get(size) as Buffer;
    const entry = 6 + 16 * index;
    header.writeUInt8(size >= 256 ? 0 : size, entry); // 0 means 256
    header.writeUInt8(size >= 256 ? 0 : size, entry + 1);
    header.writeUInt8(0, entry + 2); // no palette
    header.writeUInt8(0, entry + 3);
    header.writeUInt16LE(1, entry + 4); // colour planes
    header.writeUInt16LE(32, entry + 6); // bits per pixel
    header.writeUInt32LE(png.length, entry + 8);
    header.writeUInt32LE(offset, entry + 12);
    offset += png.length;
  });
  return Buffer.concat([header, ...sizes.map((size) => pngs.get(size) as Buffer)]);
}

/** A macOS .icns: the 'icns' magic and total length, then (type, length, PNG) elements. */
export function icnsFromPngs(pngs: ReadonlyMap<number, Buffer>): Buffer {
  const elements = ICNS_TYPES.filter(([, size]) => pngs.has(size)).map(([type, size]) => {
    const png = pngs.get(size) as Buffer;
    const head = Buffer.alloc(8);
    head.write(type, 0, 'ascii');
    head.writeUInt32BE(png.length + 8, 4);
    return Buffer.concat([head, png]);
  });
  const head = Buffer.alloc(8);
  head.write('icns', 0, 'ascii');
  head.writeUInt32BE(8 + elements.reduce((sum, element) => sum + element.length, 0), 4);
  return Buffer.concat([head, ...elements]);
}

export interface IconSet {
  /** resources/icons/<size>x<size>.png, one per size (electron-builder's Linux icon set). */
  pngs: Map<number, Buffer>;
  ico: Buffer;
  icns: Buffer;
}

export async function buildIconSet(svg: Buffer): Promise<IconSet> {
  const pngs = new Map<number, Buffer>();
  for (const size of PNG_SIZES) pngs.set(size, await renderPng(svg, size));
  const pick = (sizes: readonly number[]) => new Map(sizes.map((size) => [size, pngs.get(size) as Buffer]));
  return { pngs, ico: icoFromPngs(pick(ICO_SIZES)), icns: icnsFromPngs(pngs) };
}
