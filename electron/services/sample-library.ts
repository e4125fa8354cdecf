import { emptyLibrary, librarySchema, type Library } from '../../shared/model/library';
import { parsePastedList } from '../../shared/import/parse-pasted-list';
import { pastedToPapers } from '../../shared/import/pasted-to-papers';

/** The day the seed list was copied from the Daily Papers page; fixed so the sample file is reproducible. */
const SAMPLE_TIME = '2024-03-14T00:00:00.000Z';

/** The sample library shipped in resources/: the real seed list, parsed by the same paste importer users get. */
export function sampleLibraryFromPaste(text: string): Library {
  const parsed = parsePastedList(text, 'daily-papers');
  const papers = pastedToPapers(parsed, {
    now: SAMPLE_TIME,
    newId: (index) => `sample-${String(index + 1).padStart(3, '0')}`,
    fileName: 'hf-daily-papers.txt',
  });
  return librarySchema.parse({ ...emptyLibrary(), papers });
}
