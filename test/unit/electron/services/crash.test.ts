import { describe, expect, it } from 'vitest';
import { runCrashTest } from '../../../crash/crash-harness';
import { tempFolder } from '../../../helpers/temp-library';

// The short form of `npm run crashtest` (1,000 kills): enough kills to land in journal appends,
// group commits, snapshot renames and lock takeovers on every run.
describe('SIGKILL at random moments', () => {
  it('never corrupts the library and never loses an acknowledged edit (25 kills)', async () => {
    const { folder, cleanup } = await tempFolder('sift-crash-');
    try {
      const summary = await runCrashTest({ folder, rounds: 25, seed: 7 });
      expect(summary.failures).toEqual([]);
      expect(summary).toMatchObject({ kills: 25, corrupt: 0, lost: 0, outOfOrder: 0 });
      // The kills must have hit a library under real load, or this test proves nothing.
      expect(summary.acknowledged).toBeGreaterThan(500);
      expect(summary.issued).toBeGreaterThan(summary.acknowledged);
    } finally {
      await cleanup();
    }
  }, 120_000);
});
