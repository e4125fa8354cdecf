import { describe, expect, it } from 'vitest';
import type { ScreeningStats } from '../../../../shared/api/contract';
import { prismaSummary } from '../../../../shared/screening/prisma-summary';

const stats: ScreeningStats = {
  identified: 66,
  screened: 10,
  undecided: 56,
  included: 3,
  maybe: 2,
  excluded: 5,
  reasons: [
    { reasonId: 'r1', number: 1, label: 'Wrong population', count: 2 },
    { reasonId: 'r2', number: 2, label: 'Not *empirical*', count: 1 },
    { label: 'Old reason', count: 1 },
  ],
  noReason: 1,
  missing: 0,
};

describe('PRISMA counts as Markdown', () => {
  it('lists the screening stage with each exclusion reason numbered as its key', () => {
    expect(prismaSummary(stats, 'query “agents”')).toBe(
      [
        '**PRISMA 2020 — title and abstract screening** (query “agents”)',
        '',
        '- Records identified: 66',
        '- Records screened: 10 (56 not screened yet)',
        '- Records excluded: 5',
        '  - E1 Wrong population: 2',
        '  - E2 Not \\*empirical\\*: 1',
        '  - Old reason (no longer in the criteria): 1',
        '  - No reason given: 1',
        '- Reports sought for retrieval (included + maybe): 5',
        '  - Included: 3',
        '  - Maybe (full text to decide): 2',
        '',
      ].join('\n'),
    );
  });

  it('says nothing of papers left when all are screened', () => {
    const done = prismaSummary({ ...stats, screened: 66, undecided: 0, noReason: 0 });
    expect(done).toContain('- Records screened: 66\n');
    expect(done).not.toContain('No reason given');
    expect(done).toContain('(this list)');
  });
});
