// Renders every app icon from the one source, resources/icon.svg (`npm run icons`): PNGs for Linux
// (resources/icons/png/<size>x<size>.png), icon.png (1024), icon.ico (Windows), icon.icns (macOS).
// The generated files are committed; a unit test checks they parse and match the SVG's sizes.
import { mkdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeFileDurably } from '../services/storage/fs-durable';
import { buildIconSet } from './icon-files';

const root = fileURLToPath(new URL('../..', import.meta.url));
const out = path.join(root, 'resources/icons');
const set = await buildIconSet(await readFile(path.join(root, 'resources/icon.svg')));
await mkdir(path.join(out, 'png'), { recursive: true });
for (const [size, png] of set.pngs) await writeFileDurably(path.join(out, 'png', `${size}x${size}.png`), png);
await writeFileDurably(path.join(out, 'icon.png'), set.pngs.get(1024) as Buffer);
await writeFileDurably(path.join(out, 'icon.ico'), set.ico);
await writeFileDurably(path.join(out, 'icon.icns'), set.icns);
console.log(`resources/icons: ${set.pngs.size} PNGs, icon.png, icon.ico (${set.ico.length} bytes), icon.icns (${set.icns.length} bytes)`);
