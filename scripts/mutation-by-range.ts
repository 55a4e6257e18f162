// npm run mutation:by-range -- FILE… [--lines N]: mutation-tests the given files of src/lib/parse/ a range
// of lines at a time, then each file whole.
// Why: Stryker instruments every mutant of the files it mutates, and in the table decoders' hot loops
// (order.ts, blocks.ts, applications.ts) that makes the tests ten times slower (dry run 80 s instead of
// 8 s), so a whole-file run of them tests ~3 mutants a minute. A run over N lines instruments only those
// lines' mutants. The last, whole-file run per file takes the earlier results from the incremental file
// (unchanged code and tests) and tests only what no range held whole (mutants spanning two ranges:
// blocks, function bodies). Each run adds to reports/stryker-incremental.json; `npm run mutation:scores`
// prints the result.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { lines: { type: 'string', default: '40' } },
});
const step = Number(values.lines);
if (positionals.length === 0 || !Number.isInteger(step) || step < 1) {
  console.error('usage: npm run mutation:by-range -- src/lib/parse/FILE.ts … [--lines N]');
  process.exit(2);
}

function stryker(mutate: string): void {
  console.log(`\n== ${mutate}`);
  const run = spawnSync('npx', ['stryker', 'run', '--mutate', mutate, '--reporters', 'progress-append-only,json'], {
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  if (run.status !== 0) throw new Error(`stryker exited with ${run.status ?? run.signal} on ${mutate}`);
}

for (const file of positionals) {
  const lineCount = readFileSync(file, 'utf8').split('\n').length;
  for (let first = 1; first <= lineCount; first += step) stryker(`${file}:${first}-${Math.min(first + step - 1, lineCount)}`);
  stryker(file);
}
