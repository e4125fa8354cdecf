import type { Paper } from '../model/library';
import type { BibliographyFormat } from './bibliography-formats';
import type { BibliographyExport } from './export-report';
import { toBibtex } from './to-bibtex';
import { toCslJson } from './to-csl-json';
import { toRis } from './to-ris';

/** The papers, in their order, in one bibliographic format, with what each could not carry. */
export function exportBibliography(papers: readonly Paper[], format: BibliographyFormat): BibliographyExport {
  switch (format) {
    case 'bibtex':
    case 'biblatex':
      return toBibtex(papers, { dialect: format });
    case 'ris':
      return toRis(papers);
    case 'csl-json':
      return toCslJson(papers);
  }
}
