import { mkdir, readFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { SearchEngine } from '../../../shared/search/engine/search-engine';
import type { Paper } from '../../../shared/model/library';
import { replaceFileDurably } from '../storage/fs-durable';

/** Bumped whenever the layout or the index's tokenization changes: an older file is rebuilt, never misread. */
export const SEARCH_INDEX_FORMAT = 4;
const MAGIC = 'SIFTIDX\n';
export const SEARCH_INDEX_FILE = path.join('cache', 'search-index.bin');

interface Header {
  format: number;
  endianness: 'LE' | 'BE';
  terms: string[];
  ids: Array<string | null>;
  signatures: Array<[string, string]>;
  /** Element counts of the Int32 arrays that follow the header, in order. */
  lengths: { postingCounts: number; docs: number; tfs: number };
}

/**
 * The search index kept between runs in `<library>/cache/search-index.bin`, so that opening a large
 * library never waits for an index build. Layout: magic, header length (uint32), JSON header
 * (vocabulary, paper ids, per-paper signatures), padding to 4 bytes, then the posting
 * arrays as raw Int32 (native byte order, recorded in the header). It is a cache:
 * written atomically, and any file that is missing, from another format or inconsistent is ignored
 * and the index built again.
 */
export function searchIndexFile(libraryFolder: string, options: { readOnly: boolean }) {
  const file = path.join(libraryFolder, SEARCH_INDEX_FILE);
  return {
    file,
    async load(papers: () => readonly Paper[]): Promise<SearchEngine | undefined> {
      let bytes: Buffer;
      try {
        bytes = await readFile(file);
      } catch {
        return undefined;
      }
      return decode(bytes, papers());
    },
    async save(engine: SearchEngine): Promise<void> {
      if (options.readOnly) return;
      const encoded = encode(engine);
      await mkdir(path.dirname(file), { recursive: true });
      await replaceFileDurably(file, async (handle) => {
        for (const part of encoded) await handle.write(part);
      });
    },
  };
}

const nativeEndianness = os.endianness();

export function encode(engine: SearchEngine): Uint8Array[] {
  const { index, signatures } = engine.snapshot();
  const header: Header = {
    format: SEARCH_INDEX_FORMAT,
    endianness: nativeEndianness,
    terms: index.terms,
    ids: index.ids,
    signatures,
    lengths: { postingCounts: index.postingCounts.length, docs: index.docs.length, tfs: index.tfs.length },
  };
  const json = Buffer.from(JSON.stringify(header), 'utf8');
  const prefix = Buffer.alloc(MAGIC.length + 4);
  prefix.write(MAGIC, 0, 'latin1');
  prefix.writeUInt32LE(json.length, MAGIC.length);
  const padding = Buffer.alloc((4 - ((prefix.length + json.length) % 4)) % 4);
  const arrays = [index.postingCounts, index.docs, index.tfs].map((array) => new Uint8Array(array.buffer, array.byteOffset, array.byteLength));
  return [prefix, json, padding, ...arrays];
}

export function decode(bytes: Uint8Array, papers: readonly Paper[]): SearchEngine | undefined {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (buffer.length < MAGIC.length + 4 || buffer.toString('latin1', 0, MAGIC.length) !== MAGIC) return undefined;
  const jsonLength = buffer.readUInt32LE(MAGIC.length);
  const jsonStart = MAGIC.length + 4;
  if (jsonStart + jsonLength > buffer.length) return undefined;
  let header: Header;
  try {
    header = JSON.parse(buffer.toString('utf8', jsonStart, jsonStart + jsonLength)) as Header;
  } catch {
    return undefined;
  }
  if (header.format !== SEARCH_INDEX_FORMAT || header.endianness !== nativeEndianness) return undefined;
  let offset = jsonStart + jsonLength;
  offset += (4 - (offset % 4)) % 4;
  const take = (count: number): Int32Array | undefined => {
    if (!Number.isInteger(count) || count < 0 || offset + count * 4 > buffer.length) return undefined;
    // Copied into an aligned buffer of its own: the file's buffer may not start at a multiple of 4.
    const array = new Int32Array(count);
    new Uint8Array(array.buffer).set(buffer.subarray(offset, offset + count * 4));
    offset += count * 4;
    return array;
  };
  const postingCounts = take(header.lengths.postingCounts);
  const docs = take(header.lengths.docs);
  const tfs = take(header.lengths.tfs);
  if (!postingCounts || !docs || !tfs || offset !== buffer.length) return undefined;
  try {
    return SearchEngine.restore({ index: { terms: header.terms, ids: header.ids, postingCounts, docs, tfs }, signatures: header.signatures }, papers);
  } catch {
    return undefined;
  }
}
