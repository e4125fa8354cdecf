import type { TextImportFormat } from './detect-format';
import type { ImportResult } from './import-record';
import { parsePastedList } from './parse-pasted-list';
import { pastedRecords } from './paste-records';

/** Parses text in a known format into import records. Never throws: problems become warnings. */
export function parseImportText(format: TextImportFormat, text: string): ImportResult {
  switch (format) {
    case 'paste':
      return pastedRecords(parsePastedList(text));
    default:
      return { format, records: [], warnings: [{ message: `Importing ${format} is not supported yet` }] };
  }
}
