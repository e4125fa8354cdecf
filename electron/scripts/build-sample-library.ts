// Regenerates resources/sample-library.json from the real seed list in test/fixtures/paste/
// (`npm run build:sample`). A unit test checks that the shipped file matches this output.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeFileDurably } from '../services/storage/fs-durable';
import { sampleLibraryFromPaste } from '../services/sample-library';
import { stableStringify } from '../services/stable-stringify';

const root = fileURLToPath(new URL('../..', import.meta.url));
const text = await readFile(path.join(root, 'test/fixtures/paste/hf-daily-papers.txt'), 'utf8');
const library = sampleLibraryFromPaste(text);
await writeFileDurably(path.join(root, 'resources/sample-library.json'), stableStringify(library));
console.log(`resources/sample-library.json: ${library.papers.length} papers`);
