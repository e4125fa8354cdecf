import type { BibliographyExportOutput } from '../../shared/api/contract';
import type { BibliographyFormat } from '../../shared/export/bibliography-formats';
import { exportBibliography } from '../../shared/export/export-bibliography';
import { ApiFailure } from './api-failure';
import type { LibraryStore } from './library-store';

/**
 * `export.bibliography`: the papers, in the order given (each once), in one bibliographic format,
 * with the report of what each could not carry. Reads only, so it works on a read-only library.
 */
export function bibliographyExport(store: Pick<LibraryStore, 'getPaper'>, paperIds: readonly string[], format: BibliographyFormat): BibliographyExportOutput {
  const papers = [...new Set(paperIds)].map((id) => {
    const paper = store.getPaper(id);
    if (!paper) throw new ApiFailure('not-found', `No paper with id "${id}" in this library`);
    return paper;
  });
  const { text, report } = exportBibliography(papers, format);
  return { text, report, count: papers.length };
}
