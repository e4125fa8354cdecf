import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createCanvas, loadImage } from '@napi-rs/canvas';
import { describe, expect, it } from 'vitest';
import { ICNS_TYPES, ICO_SIZES, PNG_SIZES, icnsFromPngs, icoFromPngs, renderPng } from '../../../../electron/scripts/icon-files';

const root = fileURLToPath(new URL('../../../..', import.meta.url));
const icons = path.join(root, 'resources/icons');
const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** Width and height from a PNG's IHDR chunk, after checking the signature. */
function pngSize(png: Buffer): { width: number; height: number } {
  expect(png.subarray(0, 8).equals(PNG_SIGNATURE)).toBe(true);
  expect(png.toString('ascii', 12, 16)).toBe('IHDR');
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}

function parseIco(ico: Buffer): Array<{ size: number; png: Buffer }> {
  expect([ico.readUInt16LE(0), ico.readUInt16LE(2)]).toEqual([0, 1]);
  return Array.from({ length: ico.readUInt16LE(4) }, (_, index) => {
    const entry = 6 + 16 * index;
    const length = ico.readUInt32LE(entry + 8);
    const offset = ico.readUInt32LE(entry + 12);
    expect(offset + length).toBeLessThanOrEqual(ico.length);
    return { size: ico.readUInt8(entry) || 256, png: ico.subarray(offset, offset + length) };
  });
}

function parseIcns(icns: Buffer): Array<{ type: string; png: Buffer }> {
  expect(icns.toString('ascii', 0, 4)).toBe('icns');
  expect(icns.readUInt32BE(4)).toBe(icns.length);
  const elements: Array<{ type: string; png: Buffer }> = [];
  for (let offset = 8; offset < icns.length; ) {
    const length = icns.readUInt32BE(offset + 4);
    expect(length).toBeGreaterThan(8);
    elements.push({ type: icns.toString('ascii', offset, offset + 4), png: icns.subarray(offset + 8, offset + length) });
    offset += length;
  }
  return elements;
}

async function pixels(png: Buffer): Promise<Uint8ClampedArray> {
  const image = await loadImage(png);
  const canvas = createCanvas(image.width, image.height);
  const context = canvas.getContext('2d');
  context.drawImage(image, 0, 0);
  return context.getImageData(0, 0, image.width, image.height).data;
}

describe('the app icons (npm run icons, from resources/icon.svg)', () => {
  it.each(PNG_SIZES)('resources/icons/png/%ix%i.png is a PNG of that size', async (size) => {
    expect(pngSize(await readFile(path.join(icons, 'png', `${size}x${size}.png`)))).toEqual({ width: size, height: size });
  });

  it('icon.png is the 1024 render', async () => {
    expect(pngSize(await readFile(path.join(icons, 'icon.png')))).toEqual({ width: 1024, height: 1024 });
  });

  it('icon.ico holds a PNG for each Windows size, each of the size its entry says', async () => {
    const images = parseIco(await readFile(path.join(icons, 'icon.ico')));
    expect(images.map((image) => image.size)).toEqual([...ICO_SIZES]);
    for (const { size, png } of images) expect(pngSize(png)).toEqual({ width: size, height: size });
  });

  it('icon.icns holds a PNG for each macOS element type, of the size the type means', async () => {
    const elements = parseIcns(await readFile(path.join(icons, 'icon.icns')));
    expect(elements.map((element) => element.type)).toEqual(ICNS_TYPES.map(([type]) => type));
    const sizeOf = new Map(ICNS_TYPES);
    for (const { type, png } of elements) {
      const size = sizeOf.get(type);
      expect(pngSize(png), type).toEqual({ width: size, height: size });
    }
  });

  it('the packers put each PNG in as given', () => {
    const pngs = new Map([
      [16, Buffer.from('sixteen')],
      [256, Buffer.from('two hundred fifty-six')],
    ]);
    expect(parseIco(icoFromPngs(pngs)).map(({ size, png }) => [size, png.toString()])).toEqual([
      [16, 'sixteen'],
      [256, 'two hundred fifty-six'],
    ]);
    expect(parseIcns(icnsFromPngs(pngs)).map(({ type, png }) => [type, png.toString()])).toEqual([
      ['icp4', 'sixteen'],
      ['ic08', 'two hundred fifty-six'],
      ['ic13', 'two hundred fifty-six'],
    ]);
  });

  // Pixels within a small tolerance rather than equal bytes, so a different Skia CPU path cannot fail CI.
  it.each([16, 64, 256])('the committed %i px PNG is what the SVG renders to now (run npm run icons after editing it)', async (size) => {
    const svg = await readFile(path.join(root, 'resources/icon.svg'));
    const fresh = await pixels(await renderPng(svg, size));
    const committed = await pixels(await readFile(path.join(icons, 'png', `${size}x${size}.png`)));
    expect(committed.length).toBe(fresh.length);
    let difference = 0;
    for (let index = 0; index < fresh.length; index += 1) difference += Math.abs((fresh[index] ?? 0) - (committed[index] ?? 0));
    expect(difference / fresh.length).toBeLessThan(1);
  });
});
