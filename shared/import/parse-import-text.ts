import type { TextImportFormat } from './detect-format';
import type { ImportResult } from './import-record';
import { parsePastedList } from './parse-pasted-list';
import { pastedRecords } from './paste-records';
import { parseBibtex } from './bibtex/parse-bibtex';
import { parseRis } from './ris/parse-ris';
import { parseCslJson } from './csl-json/parse-csl-json';

/** Parses text in a known format into import records. Never throws: problems become warnings. */
export function parseImportText(format: TextImportFormat, text: string): ImportResult {
  switch (format) {
    case 'paste':
      return pastedRecords(parsePastedList(text));
    case 'bibtex':
      return parseBibtex(text);
    case 'ris':
      return parseRis(text);
    case 'csl-json':
      return parseCslJson(text);
  }
}
