// npm run mutation: Stryker mutates the parser (src/lib/parse/) and runs its tests against each mutant.
// The machine has 2 cores shared with others: one test process at a time (MUTATION_CONCURRENCY to change),
// and incremental mode, so a rerun tests only mutants whose code or tests changed
// (reports/stryker-incremental.json, committed: it is what makes the next run quick).
/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  testRunner: 'vitest',
  vitest: { configFile: 'vitest.mutation.config.ts', related: false },
  mutate: ['src/lib/parse/**/*.ts'],
  coverageAnalysis: 'perTest',
  concurrency: Number(process.env.MUTATION_CONCURRENCY ?? 1),
  incremental: true,
  // Mutants of module-level code (label tables, constants) need the whole suite each, 54 % of all:
  // ignored here; `npm run mutation -- --ignoreStatic false` tests them too (hours on one core).
  ignoreStatic: true,
  incrementalFile: 'reports/stryker-incremental.json',
  reporters: ['clear-text', 'progress-append-only', 'html', 'json'],
  htmlReporter: { fileName: 'reports/mutation/mutation.html' },
  jsonReporter: { fileName: 'reports/mutation/mutation.json' },
  clearTextReporter: { allowColor: false, logTests: false, maxTestsToLog: 0 },
  thresholds: { high: 80, low: 60, break: null },
  timeoutMS: 10_000,
  ignorePatterns: ['dist', '.cache', '.astro', 'coverage', 'test-results', 'reports/mutation', '.lighthouseci'],
  tempDirName: '.stryker-tmp',
  cleanTempDir: 'always',
};
