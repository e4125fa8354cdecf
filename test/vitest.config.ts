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
          // One file at a time: the responsiveness test measures long tasks, which a second
          // Chromium on the other core would add.
          maxWorkers: 1,
          // After the unit tests, so a broken build fails fast and the browsers do not compete with them.
          sequence: { groupOrder: 1 },
        },
      },
    ],
  },
});
