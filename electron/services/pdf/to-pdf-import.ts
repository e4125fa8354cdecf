import type { PdfImport } from '../import/import-service';
import type { PdfExtraction } from './extract-pdf';

/** A job the worker pool stopped: it ran past its time limit, or its worker ran out of heap. */
export interface PdfExtractionStopped {
  outcome: 'stopped';
  reason: 'timeout' | 'memory';
}

export type PdfExtractorResult = PdfExtraction | PdfExtractionStopped;

/**
 * An extraction as the import service takes it (`ImportParsers.extractPdf`). A scan keeps its
 * metadata and is noted "no text layer"; a PDF without a title anywhere is named after its file.
 * Page texts are joined with form feeds, as pdftotext does, for `fulltext/`.
 */
export function toPdfImport(result: PdfExtractorResult, fileName: string): PdfImport {
  switch (result.outcome) {
    case 'ok':
    case 'scanned': {
      const warnings = [...result.warnings];
      let title = result.paper.title;
      if (title === '') {
        title = fileName.replace(/\.pdf$/i, '').trim() || fileName;
        warnings.push({ message: `No title found; the file name “${title}” stands in for it` });
      }
      return {
        record: { paper: { ...result.paper, title }, warnings: [] },
        warnings,
        pages: result.pageCount,
        ...(result.outcome === 'ok' ? { fulltext: result.pages.join('\f') } : { notes: ['no text layer'] }),
      };
    }
    case 'password-required':
      return { warnings: [], error: result.reason === 'incorrect-password' ? 'The password is not correct' : 'Needs a password to open' };
    case 'corrupt':
      return { warnings: [], error: `${result.message}${result.detail ? ` (${result.detail})` : ''}` };
    case 'stopped':
      return {
        warnings: [],
        error: result.reason === 'timeout' ? 'Stopped: reading it took too long' : 'Stopped: reading it needed too much memory',
      };
  }
}
