// npm run mutation:by-range -- FILE… [--lines N] | [--sample F --seed S]: mutation-tests files of
// src/lib/parse/ a range of lines at a time.
// Why: Stryker instruments every mutant of the files it mutates, and in the table decoders' hot loops
// (order.ts, blocks.ts, applications.ts) that makes the tests ten times slower (dry run 80 s instead of
// 8 s), so a whole-file run of them tests ~3 mutants a minute. A run over some lines instruments only
// those lines' mutants.
// - `--lines N` (default 40): every range of N lines, then the file whole, which takes the earlier
//   results from the incremental file (unchanged code and tests) and tests only what no range held
//   whole (mutants spanning two ranges: blocks, function bodies).
// - `--sample F --seed S`: a random share F of the lines holding a one-line mutant (the frame, see
//   scripts/mutation/mutants.ts), drawn from seed S, in one run; the draw is kept in
//   reports/mutation-sample.json, from which `npm run mutation:scores` estimates the file's score with
//   its confidence interval. For a machine where the whole file would take hours.
// Each run adds to reports/stryker-incremental.json; `npm run mutation:scores` prints the result.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { drawLines, frameLines, mutantsOf, SAMPLE_FILE, type SampleRecord } from './mutation/mutants.ts';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { lines: { type: 'string', default: '40' }, sample: { type: 'string' }, seed: { type: 'string', default: 'mutation' } },
});
const step = Number(values.lines);
const fraction = values.sample === undefined ? undefined : Number(values.sample);
if (positionals.length === 0 || !Number.isInteger(step) || step < 1 || (fraction !== undefined && !(fraction > 0 && fraction <= 1))) {
  console.error('usage: npm run mutation:by-range -- src/lib/parse/FILE.ts … [--lines N] | [--sample 0.25 --seed S]');
  process.exit(2);
}

function stryker(mutate: string): void {
  console.log(`\n== ${mutate.length > 200 ? `${mutate.slice(0, 200)}…` : mutate}`);
  const run = spawnSync('npx', ['stryker', 'run', '--mutate', mutate, '--reporters', 'progress-append-only,json'], {
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  if (run.status !== 0) throw new Error(`stryker exited with ${run.status ?? run.signal} on ${mutate}`);
}

for (const file of positionals) {
  if (fraction === undefined) {
    const lineCount = readFileSync(file, 'utf8').split('\n').length;
    for (let first = 1; first <= lineCount; first += step) stryker(`${file}:${first}-${Math.min(first + step - 1, lineCount)}`);
    stryker(file);
    continue;
  }
  const frame = frameLines(await mutantsOf(file));
  const seed = `${values.seed}:${file}`;
  const lines = drawLines(frame, Math.ceil(fraction * frame.length), seed);
  // Recorded before the run: an interrupted run leaves some drawn lines untested, which the scores show.
  const samples: Record<string, SampleRecord> = existsSync(SAMPLE_FILE) ? JSON.parse(readFileSync(SAMPLE_FILE, 'utf8')) : {};
  samples[file] = { seed, fraction, frame: frame.length, lines };
  writeFileSync(SAMPLE_FILE, `${JSON.stringify(samples, null, 2)}\n`);
  stryker(lines.map((line) => `${file}:${line}-${line}`).join(','));
}
