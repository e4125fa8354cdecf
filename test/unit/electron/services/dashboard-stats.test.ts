import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { emptyLibrary, newPaper, type Library } from '../../../../shared/model/library';
import type { Sift } from '../../../../electron/services/container';
import { stableStringify } from '../../../../electron/services/stable-stringify';
import { openPinnedSift, tempFolder } from '../../../helpers/temp-library';
import { call } from '../../../helpers/dispatch';

const added = '2026-01-01T00:00:00.000Z';

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

/** p1…p4 with years, venues and tags; p4 has none of them. */
async function open(): Promise<Sift> {
  const { folder, cleanup } = await tempFolder();
  cleanups.push(cleanup);
  const paper = (id: string, fields: Partial<Library['papers'][number]>) => ({ ...newPaper({ id, title: `Paper ${id}` }, added), ...fields });
  const library: Library = {
    ...emptyLibrary(),
    papers: [
      paper('p1', { year: 2020, venue: 'NeurIPS', tags: ['method/rct'], status: 'read' }),
      paper('p2', { year: 2021, venue: 'neurips', tags: ['method/rl', 'survey'] }),
      paper('p3', { year: 2021, venue: 'ICML', tags: ['method'], status: 'reading' }),
      paper('p4', {}),
    ],
  };
  await writeFile(path.join(folder, 'library.json'), stableStringify(library));
  const sift = await openPinnedSift(folder, '2026-03-04T05:06:07.000Z');
  cleanups.push(() => sift.close());
  return sift;
}

describe('dashboard.stats', () => {
  it('answers the whole library, with the screening service’s counts', async () => {
    const sift = await open();
    await call(sift, 'screening.decide', { paperIds: ['p1'], decision: 'include' });
    await call(sift, 'screening.decide', { paperIds: ['p2'], decision: 'exclude' });
    const stats = await call(sift, 'dashboard.stats', {});
    expect(stats).toMatchObject({
      papers: 4,
      years: [
        { year: 2020, count: 1 },
        { year: 2021, count: 2 },
      ],
      noYear: 1,
      tags: [
        { label: 'method', count: 3 },
        { label: 'method/rct', count: 1 },
        { label: 'method/rl', count: 1 },
        { label: 'survey', count: 1 },
      ],
      venues: [
        { label: 'NeurIPS', count: 2 },
        { label: 'ICML', count: 1 },
      ],
      noVenue: 1,
      status: { unread: 2, reading: 1, read: 1 },
    });
    expect(stats.screening).toEqual(await call(sift, 'screening.stats', {}));
    expect(stats.screening).toMatchObject({ identified: 4, screened: 2, included: 1, excluded: 1, noReason: 1 });
  });

  it('counts only the given papers (ids not in the library are left out) and lists the top N', async () => {
    const sift = await open();
    const stats = await call(sift, 'dashboard.stats', { paperIds: ['p2', 'p3', 'gone', 'p2'], top: 1 });
    expect(stats).toMatchObject({ papers: 2, years: [{ year: 2021, count: 2 }], tags: [{ label: 'method', count: 2 }], tagCount: 3, venueCount: 2 });
    expect(stats.screening).toMatchObject({ identified: 2, missing: 1 });
  });
});
