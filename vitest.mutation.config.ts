// The tests `npm run mutation` runs against each mutant of src/lib/parse/: the parser's own tests and
// the property tests (few runs, fixed seed, so a mutant is killed or not the same way every run).
// Not the long-lines test: it parses in worker threads, which load the unmutated sources, and takes a minute.
import { relative } from 'node:path';
import { defineConfig } from 'vitest/config';
import { BaseSequencer, type TestSpecification } from 'vitest/node';

/** Quickest test files first (Vitest runs the longest first): a mutant a quick test kills is then
 * done before the reading-order fixtures run, and Stryker stops at the first failing test. */
class QuickestFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const duration = (file: TestSpecification) =>
      this.ctx.cache.getFileTestResults(`${file.project.name}:${relative(this.ctx.config.root, file.moduleId)}`)?.duration ??
      Number.POSITIVE_INFINITY;
    return [...files].sort((a, b) => duration(a) - duration(b) || 0); // unknown durations: NaN, kept in place
  }
}

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
    sequence: { sequencer: QuickestFirst },
  },
});
