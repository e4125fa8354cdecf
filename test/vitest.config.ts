import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const root = fileURLToPath(new URL('..', import.meta.url));

// Two projects: fast unit tests in Node, and end-to-end tests that drive Debian's Chromium
// against browser mode (they need `npm run build` first; `npm test` does that).
export default defineConfig({
  test: {
    root,
    projects: [
      {
        extends: true,
        test: { name: 'unit', include: ['test/unit/**/*.test.{ts,tsx}'], environment: 'node', sequence: { groupOrder: 0 } },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.test.ts'],
          environment: 'node',
          testTimeout: 60_000,
          hookTimeout: 60_000,
          // Each file starts its own Chromium; two at once fill this machine's two cores.
          maxWorkers: 2,
          // After the unit tests, so a broken build fails fast and the browsers do not compete with them.
          sequence: { groupOrder: 1 },
        },
      },
    ],
  },
});
