/**
 * Reads a PDF with pdf.js (legacy build, for Node): metadata, the text of every page, and a guess
 * at the paper it holds (pdf-heuristics.ts). Runs wherever it is called; the app calls it in a
 * worker thread through `PdfExtractor` (pdf-extractor.ts), because pdf.js parses on the calling
 * thread in Node (its "fake worker").
 *
 * Nothing is fetched from the network: fonts are never loaded as font faces, system fonts are not
 * used, and the character maps and standard font metrics pdf.js needs for text come from the
 * pdfjs-dist package folder on disk.
 */
import { createRequire } from 'node:module';
import path from 'node:path';
import type { TextItem } from 'pdfjs-dist/types/src/display/api';
import type { ImportWarning, PaperDraft } from '../../../shared/import/import-record';
import { checkPdfStructure } from './check-pdf-structure';
import { cleanMetadataText, guessPaper, junkTitleReason, type PdfMetadataFields } from './pdf-heuristics';
import { documentVocabulary, pageText, type PdfPageText, type PdfTextItem } from './pdf-text-layout';

export type { PdfPageText, PdfTextItem } from './pdf-text-layout';

export interface ExtractPdfOptions {
  /** The user password, for PDFs that cannot be opened without one. */
  password?: string;
  /** Read the text of at most this many pages (the page count is always the document's). */
  maxPages?: number;
  /**
   * The pdfjs-dist package folder, for its `cmaps/` and `standard_fonts/`. Found next to this
   * module by default; a bundle that moves pdf.js elsewhere passes it.
   */
  pdfjsDir?: string;
}

/** Metadata fields, cleaned (trimmed, "\r\n" removed), where the file has them. */
export interface PdfMetadata {
  title?: string;
  author?: string;
  subject?: string;
  keywords?: string;
  doi?: string;
  creator?: string;
  producer?: string;
  /** ISO 8601, from the Info CreationDate. */
  created?: string;
  /** ISO 8601, from the Info ModDate. */
  modified?: string;
}

/** What every readable PDF yields, with or without a text layer. */
export interface PdfContents {
  pageCount: number;
  /** The file is encrypted; it opened without a password (owner password only) or with the one given. */
  encrypted: boolean;
  /** The cross-reference table was broken and pdf.js rebuilt it by scanning the file. */
  repaired: boolean;
  pdfVersion?: string;
  metadata: PdfMetadata;
  /** The Info dictionary as the file has it (string values; custom keys as `Custom.<key>`). */
  info: Record<string, string>;
  /** XMP properties by lower-cased name ("dc:title", "prism:doi"); lists stay lists. */
  xmp: Record<string, string | string[]>;
  /** Page 1's text runs with their positions and font sizes. */
  firstPage: PdfPageText;
  /** The text of each page read (index 0 is page 1), for `fulltext/`. */
  pages: string[];
  /** The paper guessed from the metadata and the first pages. */
  paper: PaperDraft;
  /** Where the title came from: the metadata, page 1, or nowhere. */
  titleSource: 'metadata' | 'page' | 'none';
  warnings: ImportWarning[];
}

/** The outcome of reading one PDF. No outcome throws: every failure is a value. */
export type PdfExtraction =
  | ({ outcome: 'ok' } & PdfContents)
  /** No text layer (a scan): imported with its metadata only. */
  | ({ outcome: 'scanned' } & PdfContents)
  | { outcome: 'password-required'; reason: 'no-password' | 'incorrect-password'; message: string }
  | { outcome: 'corrupt'; message: string; detail?: string };

type Pdfjs = typeof import('pdfjs-dist/legacy/build/pdf.mjs');

let pdfjsLoading: Promise<Pdfjs> | undefined;

/**
 * pdf.js, with its worker code loaded into this thread up front. pdf.js would otherwise import
 * `./pdf.worker.mjs` by a path relative to itself at run time, which a bundle cannot follow.
 */
function loadPdfjs(): Promise<Pdfjs> {
  pdfjsLoading ??= (async () => {
    // pdf.js 6 (the first with every advisory fixed) needs Node 22.13; Electron's Node has it, and
    // `npm install` brings Node 22 for the scripts. A bare older Node gets this sentence, not a
    // missing Promise.withResolvers.
    const [major = 0, minor = 0] = process.versions.node.split('.').map(Number);
    if (major < 22 || (major === 22 && minor < 13)) {
      throw new Error(`Reading PDFs needs Node.js 22.13 or later, and this is Node.js ${process.versions.node}: run Sift through npm (npm run web, npx sift), which uses the Node 22 that npm install brings`);
    }
    const worker = await import('pdfjs-dist/legacy/build/pdf.worker.mjs');
    (globalThis as { pdfjsWorker?: unknown }).pdfjsWorker = worker;
    return import('pdfjs-dist/legacy/build/pdf.mjs');
  })();
  return pdfjsLoading;
}

function defaultPdfjsDir(): string | undefined {
  try {
    return path.dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'));
  } catch {
    return undefined;
  }
}

/** A folder as pdf.js wants it for its data factories: a path ending in a separator. */
function folder(dir: string, name: string): string {
  return path.join(dir, name) + path.sep;
}

const NO_TEXT_LAYER = 'No text layer: this looks like a scan, so it was imported with its metadata only';

/**
 * What pdf.js may do with an untrusted file when importing it: no XFA forms, no system fonts or
 * font loading, no WebAssembly, no image decoding beyond 16 megapixels. There is no
 * `isEvalSupported`: pdf.js 6 removed the option together with the code path it guarded
 * (PostScript functions compiled with `new Function`, CVE-2024-4367's kind); a test checks that
 * the pdf.js we ship has no eval of any kind left. Damaged files are read as far as they go.
 */
export const pdfjsImportOptions = {
  enableXfa: false,
  useSystemFonts: false,
  disableFontFace: true,
  useWasm: false,
  isOffscreenCanvasSupported: false,
  isImageDecoderSupported: false,
  maxImageSize: 4096 * 4096,
  stopAtErrors: false,
} as const;

/**
 * Reads one PDF. Every problem with the file is an outcome; it throws only when pdf.js itself
 * cannot be loaded (for example without `@napi-rs/canvas`, which pdf.js needs for DOMMatrix in Node).
 */
export async function extractPdf(bytes: Uint8Array, options: ExtractPdfOptions = {}): Promise<PdfExtraction> {
  const structure = checkPdfStructure(bytes);
  if (!structure.hasHeader) {
    const message =
      structure.looksLike === 'empty'
        ? 'The file is empty'
        : structure.looksLike === 'html'
          ? 'This is a web page saved with a .pdf name, not a PDF'
          : 'This is not a PDF file (it has no %PDF header)';
    return { outcome: 'corrupt', message };
  }

  const pdfjs = await loadPdfjs();
  const pdfjsDir = options.pdfjsDir ?? defaultPdfjsDir();
  const task = pdfjs.getDocument({
    // pdf.js takes ownership of (detaches) the buffer it is given; the caller keeps theirs.
    data: bytes.slice(),
    ...(options.password !== undefined ? { password: options.password } : {}),
    ...pdfjsImportOptions,
    verbosity: pdfjs.VerbosityLevel.ERRORS,
    ...(pdfjsDir ? { cMapUrl: folder(pdfjsDir, 'cmaps'), cMapPacked: true, standardFontDataUrl: folder(pdfjsDir, 'standard_fonts') } : {}),
  });
  try {
    let document: Awaited<typeof task.promise>;
    try {
      document = await task.promise;
    } catch (error) {
      return openFailure(error, options.password !== undefined);
    }
    return await readDocument(pdfjs, document, structure.brokenXref, options);
  } catch (error) {
    return { outcome: 'corrupt', message: 'The PDF could not be read', detail: errorMessage(error) };
  } finally {
    await task.destroy();
  }
}

function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function openFailure(error: unknown, passwordGiven: boolean): PdfExtraction {
  const name = (error as { name?: unknown } | null)?.name;
  if (name === 'PasswordException') {
    const incorrect = (error as { code?: unknown }).code === 2 || passwordGiven;
    return incorrect
      ? { outcome: 'password-required', reason: 'incorrect-password', message: 'The password is not correct' }
      : { outcome: 'password-required', reason: 'no-password', message: 'This PDF needs a password to open' };
  }
  if (name === 'InvalidPDFException') {
    return { outcome: 'corrupt', message: 'The PDF is damaged beyond repair', detail: errorMessage(error) };
  }
  return { outcome: 'corrupt', message: 'The PDF could not be opened', detail: errorMessage(error) };
}

type PdfDocument = Awaited<ReturnType<Pdfjs['getDocument']>['promise']>;

async function readDocument(pdfjs: Pdfjs, document: PdfDocument, repaired: boolean, options: ExtractPdfOptions): Promise<PdfExtraction> {
  const warnings: ImportWarning[] = [];
  const { info, xmp } = await readMetadata(document, warnings);
  const pageCount = document.numPages;
  const limit = options.maxPages !== undefined && Number.isFinite(options.maxPages) ? Math.max(1, Math.floor(options.maxPages)) : pageCount;
  const toRead = Math.min(pageCount, limit);
  if (toRead < pageCount) warnings.push({ message: `Only the first ${toRead} of ${pageCount} pages were read` });

  const layouts: PdfPageText[] = [];
  const texts: string[] = [];
  const unreadable: number[] = [];
  for (let number = 1; number <= toRead; number += 1) {
    try {
      const layout = await readPage(pdfjs, document, number);
      layouts.push(layout);
      texts.push(pageText(layout));
    } catch (error) {
      unreadable.push(number);
      layouts.push({ width: 0, height: 0, items: [] });
      texts.push('');
      if (unreadable.length <= 3) warnings.push({ message: `Page ${number}: the text could not be read (${errorMessage(error)})` });
    }
  }
  if (unreadable.length > 3) warnings.push({ message: `${unreadable.length} pages could not be read` });
  if (repaired) warnings.push({ message: 'The file was damaged (its cross-reference table is broken) and was repaired while reading' });

  const scanned = texts.every((text) => text.trim() === '');
  const blankPages = texts.filter((text) => text.trim() === '').length;
  if (scanned) warnings.push({ message: NO_TEXT_LAYER });
  // A blank page or two is normal (a thesis's empty versos); most pages without text is a partial scan.
  else if (blankPages > toRead / 2) warnings.push({ message: `${blankPages} of ${toRead} pages have no text layer` });

  const metadata = cleanMetadata(info, xmp);
  const guess = guessPaper({
    metadata: metadataForGuess(info, xmp),
    pages: scanned ? [] : layouts.slice(0, 2),
    ...(scanned ? {} : { vocabulary: documentVocabulary(texts) }),
  });
  const firstPage = layouts[0] ?? { width: 0, height: 0, items: [] };
  const contents: PdfContents = {
    pageCount,
    encrypted: info.EncryptFilterName !== undefined,
    repaired,
    ...(info.PDFFormatVersion ? { pdfVersion: info.PDFFormatVersion } : {}),
    metadata,
    info,
    xmp,
    firstPage,
    pages: texts,
    paper: guess.paper,
    titleSource: guess.titleSource,
    warnings: [...warnings, ...guess.warnings.filter((warning) => !scanned || !/^No authors/.test(warning.message))],
  };
  return scanned ? { outcome: 'scanned', ...contents } : { outcome: 'ok', ...contents };
}

async function readPage(pdfjs: Pdfjs, document: PdfDocument, number: number): Promise<PdfPageText> {
  const page = await document.getPage(number);
  try {
    const viewport = page.getViewport({ scale: 1 });
    const content = await page.getTextContent();
    const items: PdfTextItem[] = [];
    for (const raw of content.items) {
      if (!('str' in raw)) continue;
      const item = raw as TextItem;
      // Into display space (the page's /Rotate applied, y down), then back to y up.
      const [a, b, c, d, e, f] = pdfjs.Util.transform(viewport.transform, item.transform) as number[];
      if ([a, b, c, d, e, f].some((value) => value === undefined || !Number.isFinite(value))) continue;
      const [m0, m1, m2, m3, x, yDown] = [a, b, c, d, e, f] as [number, number, number, number, number, number];
      items.push({
        text: item.str,
        x,
        y: viewport.height - yDown,
        width: item.width,
        fontSize: Math.hypot(m2, m3),
        upright: m0 > 0 && m3 < 0 && Math.abs(m1) <= Math.abs(m0) * 0.02 && Math.abs(m2) <= Math.abs(m3) * 0.02,
        endOfLine: item.hasEOL,
      });
    }
    return { width: viewport.width, height: viewport.height, items };
  } finally {
    page.cleanup();
  }
}

async function readMetadata(
  document: PdfDocument,
  warnings: ImportWarning[],
): Promise<{ info: Record<string, string>; xmp: Record<string, string | string[]> }> {
  const info: Record<string, string> = {};
  const xmp: Record<string, string | string[]> = {};
  try {
    const { info: rawInfo, metadata } = await document.getMetadata();
    for (const [key, value] of Object.entries(rawInfo as Record<string, unknown>)) {
      if (key === 'Custom' && value && typeof value === 'object') {
        for (const [custom, customValue] of Object.entries(value as Record<string, unknown>)) {
          const text = infoValue(customValue);
          if (text !== undefined) info[`Custom.${custom}`] = text;
        }
        continue;
      }
      const text = infoValue(value);
      if (text !== undefined) info[key] = text;
    }
    if (metadata) {
      for (const [key, value] of metadata as Iterable<[string, unknown]>) {
        if (typeof value === 'string') xmp[key] = value;
        else if (Array.isArray(value)) xmp[key] = value.filter((entry): entry is string => typeof entry === 'string');
      }
    }
  } catch (error) {
    warnings.push({ message: `The metadata could not be read (${errorMessage(error)})` });
  }
  return { info, xmp };
}

function infoValue(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (value && typeof value === 'object' && typeof (value as { name?: unknown }).name === 'string') return (value as { name: string }).name;
  return undefined;
}

function xmpText(xmp: Record<string, string | string[]>, key: string, separator = '; '): string | undefined {
  const value = xmp[key];
  return cleanMetadataText(Array.isArray(value) ? value.filter((entry) => entry.trim() !== '').join(separator) : value);
}

/** The first value that is a real title, else the first that is present (so the warning can name it). */
function pickTitle(values: (string | undefined)[]): string | undefined {
  const present = values.map(cleanMetadataText).filter((value): value is string => value !== undefined);
  return present.find((value) => junkTitleReason(value) === undefined) ?? present[0];
}

const DOI_KEYS = ['prism:doi', 'pdfx:doi', 'crossmark:doi', 'prl:doi', 'pdf:doi'];

function metadataDoi(info: Record<string, string>, xmp: Record<string, string | string[]>): string | undefined {
  for (const key of DOI_KEYS) {
    const value = xmpText(xmp, key);
    if (value) return value.replace(/^(?:doi:|https?:\/\/(?:dx\.)?doi\.org\/)/i, '');
  }
  const identifier = xmpText(xmp, 'dc:identifier');
  if (identifier && /10\.\d{4,9}\//.test(identifier)) return identifier.replace(/^.*?(10\.\d{4,9}\/)/, '$1');
  const custom = Object.entries(info).find(([key]) => /^Custom\.(?:doi|DOI)$/.test(key))?.[1];
  return cleanMetadataText(custom);
}

function cleanMetadata(info: Record<string, string>, xmp: Record<string, string | string[]>): PdfMetadata {
  const entries: [keyof PdfMetadata, string | undefined][] = [
    ['title', pickTitle([info.Title, xmpText(xmp, 'dc:title')])],
    ['author', cleanMetadataText(info.Author) ?? xmpText(xmp, 'dc:creator')],
    ['subject', cleanMetadataText(info.Subject) ?? xmpText(xmp, 'dc:description')],
    ['keywords', cleanMetadataText(info.Keywords) ?? xmpText(xmp, 'pdf:keywords')],
    ['doi', metadataDoi(info, xmp)],
    ['creator', cleanMetadataText(info.Creator) ?? xmpText(xmp, 'xmp:creatortool')],
    ['producer', cleanMetadataText(info.Producer) ?? xmpText(xmp, 'pdf:producer')],
    ['created', pdfDate(info.CreationDate)],
    ['modified', pdfDate(info.ModDate)],
  ];
  return Object.fromEntries(entries.filter(([, value]) => value !== undefined)) as PdfMetadata;
}

/** "D:20090401163925-07'00'" → "2009-04-01T23:39:25.000Z". */
function pdfDate(value: string | undefined): string | undefined {
  const match = /^(?:D:)?(\d{4})(\d{2})?(\d{2})?(\d{2})?(\d{2})?(\d{2})?([Zz+-])?(\d{2})?'?(\d{2})?/.exec(value?.trim() ?? '');
  if (!match) return undefined;
  const [, year, month = '01', day = '01', hour = '00', minute = '00', second = '00', sign, offsetHours = '00', offsetMinutes = '00'] = match;
  const zone = sign === '+' || sign === '-' ? `${sign}${offsetHours}:${offsetMinutes}` : 'Z';
  const date = new Date(`${year}-${month}-${day}T${hour}:${minute}:${second}${zone}`);
  return Number.isNaN(date.getTime()) ? undefined : date.toISOString();
}

function metadataForGuess(info: Record<string, string>, xmp: Record<string, string | string[]>): PdfMetadataFields {
  const metadata = cleanMetadata(info, xmp);
  const publicationDate = xmpText(xmp, 'prism:publicationdate') ?? xmpText(xmp, 'prism:coverdate');
  const otherValues = [xmpText(xmp, 'dc:identifier'), xmpText(xmp, 'prism:url'), ...Object.entries(info).filter(([key]) => key.startsWith('Custom.')).map(([, value]) => value)].filter(
    (value): value is string => value !== undefined,
  );
  return {
    ...(metadata.title ? { title: metadata.title } : {}),
    ...(metadata.author ? { author: metadata.author } : {}),
    ...(metadata.subject ? { subject: metadata.subject } : {}),
    ...(metadata.keywords ? { keywords: metadata.keywords } : {}),
    ...(metadata.doi ? { doi: metadata.doi } : {}),
    ...(publicationDate ? { publicationDate } : {}),
    otherValues,
  };
}

