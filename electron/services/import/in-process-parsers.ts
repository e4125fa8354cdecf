import { parseImportText } from '../../../shared/import/parse-import-text';
import { extractPdf } from '../pdf/extract-pdf';
import { toPdfImport } from '../pdf/to-pdf-import';
import type { ImportParsers } from './import-service';

/**
 * Parses on the calling thread, without time or memory limits: for tests and benchmarks only.
 * The app, browser mode and the CLI parse in worker threads (worker-parsers.ts).
 */
export const inProcessParsers: ImportParsers = {
  async parseText(format, text) {
    return parseImportText(format, text);
  },
  async extractPdf(bytes, fileName) {
    return toPdfImport(await extractPdf(bytes), fileName);
  },
};
