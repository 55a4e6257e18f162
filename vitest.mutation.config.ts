// The tests `npm run mutation` runs against each mutant of src/lib/parse/: the parser's own tests and
// the property tests (few runs, fixed seed, so a mutant is killed or not the same way every run).
// Not the long-lines test: it parses in worker threads, which load the unmutated sources, and takes a minute.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/parse/**/*.test.ts', 'test/property/**/*.test.ts'],
    exclude: ['test/parse/long-lines.test.ts', '**/node_modules/**'],
    setupFiles: ['test/mutation/setup.ts'],
    testTimeout: 60_000,
    // One module graph for all files: Stryker switches mutants at run time, so nothing need be re-imported per mutant.
    isolate: false,
    pool: 'threads',
    env: { PROPERTY_RUNS: '8' },
  },
});
