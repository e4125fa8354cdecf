/** The bibliographic formats Sift exports (`export.bibliography`, `sift export …`). */
export const bibliographyFormats = ['bibtex', 'biblatex', 'ris', 'csl-json'] as const;
export type BibliographyFormat = (typeof bibliographyFormats)[number];

const NAMES: Record<BibliographyFormat, string> = { bibtex: 'BibTeX', biblatex: 'BibLaTeX', ris: 'RIS', 'csl-json': 'CSL-JSON' };
const EXTENSIONS: Record<BibliographyFormat, string> = { bibtex: 'bib', biblatex: 'bib', ris: 'ris', 'csl-json': 'json' };

/** "BibTeX", "CSL-JSON"… for messages. */
export function bibliographyFormatName(format: BibliographyFormat): string {
  return NAMES[format];
}

/** The usual file extension, without the dot. */
export function bibliographyFileExtension(format: BibliographyFormat): string {
  return EXTENSIONS[format];
}
