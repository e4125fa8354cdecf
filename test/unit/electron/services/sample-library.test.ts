import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { sampleLibraryFromPaste } from '../../../../electron/services/sample-library';
import { librarySchema } from '../../../../shared/model/library';
import { fixturesFolder, resourcesFolder } from '../../../helpers/temp-library';

describe('the sample library in resources/', () => {
  it('is exactly what the paste importer makes of the real seed list (run `npm run build:sample` after changing it)', async () => {
    const seed = await readFile(path.join(fixturesFolder, 'paste', 'hf-daily-papers.txt'), 'utf8');
    const shipped = librarySchema.parse(JSON.parse(await readFile(path.join(resourcesFolder, 'sample-library.json'), 'utf8')));
    expect(shipped).toEqual(sampleLibraryFromPaste(seed));
    expect(shipped.papers).toHaveLength(66);
    expect(shipped.papers[0]?.title).toBe('MaxMin-RLHF: Towards Equitable Alignment of Large Language Models with Diverse Human Preferences');
    expect(shipped.papers.every((paper) => (paper.abstract ?? '').length > 200)).toBe(true);
  });
});
