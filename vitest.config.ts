// Three projects, run by `npm test` in this order (see package.json):
//   unit     – plain TS modules (parser, rankings, exports …): every test/**/*.test.ts not below
//   site     – checks on the built site in dist/ (built by test/built/build-site.ts first)
//   browser  – playwright-core + Debian chromium against dist/, served by scripts/serve-dist.ts
import { defineConfig } from 'vitest/config';

const SITE = ['test/built/**/*.test.ts'];
const BROWSER = ['test/browser/**/*.test.ts'];

export default defineConfig({
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['test/**/*.test.ts'],
          exclude: [...SITE, ...BROWSER, '**/node_modules/**'],
          // Tests guard behaviour, not time (speed lives in the benchmarks): a property test that takes
          // 2 s alone takes 10 on a machine busy with other builds, and must not fail for it.
          testTimeout: 120_000,
        },
      },
      {
        extends: true,
        test: { name: 'site', include: SITE, testTimeout: 60_000 },
      },
      {
        extends: true,
        test: {
          name: 'browser',
          include: BROWSER,
          testTimeout: 60_000,
          hookTimeout: 60_000,
          // One chromium at a time: the machine has two cores and the pages are measured for paint.
          fileParallelism: false,
        },
      },
    ],
  },
});
