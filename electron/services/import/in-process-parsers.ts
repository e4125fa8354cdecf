import { parseImportText } from '../../../shared/import/parse-import-text';
import type { ImportParsers } from './import-service';

/** Parses on the calling thread: for the CLI and tests, where nothing else waits on this thread. */
export const inProcessParsers: ImportParsers = {
  async parseText(format, text) {
    return parseImportText(format, text);
  },
  async extractPdf() {
    return { warnings: [], error: 'PDF import is not available in this build yet' };
  },
};
