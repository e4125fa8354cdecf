import { emptyLibrary, librarySchema, newPaper, type Library } from '../../shared/model/library';
import { parsePastedList } from '../../shared/import/parse-pasted-list';
import { pastedRecords } from '../../shared/import/paste-records';

/** The day the seed list was copied from the Daily Papers page; fixed so the sample file is reproducible. */
const SAMPLE_TIME = '2024-03-14T00:00:00.000Z';

/** The sample library shipped in resources/: the real seed list, parsed by the same paste importer users get. */
export function sampleLibraryFromPaste(text: string): Library {
  const { records } = pastedRecords(parsePastedList(text, 'daily-papers'));
  const papers = records.map((record, index) =>
    newPaper(
      {
        id: `sample-${String(index + 1).padStart(3, '0')}`,
        ...record.paper,
        source: { format: 'paste:daily-papers', fileName: 'hf-daily-papers.txt', importedAt: SAMPLE_TIME },
      },
      SAMPLE_TIME,
    ),
  );
  return librarySchema.parse({ ...emptyLibrary(), papers });
}
