// npm run mutation:scores: the mutation score of each file of src/lib/parse/ and of the directory, from the
// incremental file (reports/stryker-incremental.json), which keeps every file's last results across runs
// of `npm run mutation -- --mutate <some files>`: so the directory is measured in batches, and this
// prints the table of what has been measured so far, the files never measured listed as such.
// Each file's mutants are counted by Stryker's own instrumenter: a file with fewer results than mutants
// is marked as partly measured. A file measured by a random sample of its lines
// (`npm run mutation:by-range -- FILE --sample F`, reports/mutation-sample.json) gets an estimate: the
// sample's score, counts scaled to the whole frame, and a 95 % interval from resampling its lines; the
// directory's score then carries the interval of its sampled files.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { createRng } from './synth/prng.ts';
import { mutantsOf, SAMPLE_FILE, type SampleRecord } from './mutation/mutants.ts';

interface Mutant {
  status: string;
  location: { start: { line: number }; end: { line: number } };
}
interface Incremental {
  files: Record<string, { mutants: Mutant[] }>;
}

const DIR = 'src/lib/parse/';
const report = JSON.parse(readFileSync('reports/stryker-incremental.json', 'utf8')) as Incremental;
const samples: Record<string, SampleRecord> = existsSync(SAMPLE_FILE) ? JSON.parse(readFileSync(SAMPLE_FILE, 'utf8')) : {};
const files = readdirSync(DIR).filter((f) => f.endsWith('.ts')).sort();

const COUNTED = ['Killed', 'Timeout', 'Survived', 'NoCoverage'] as const;
type Counts = Record<(typeof COUNTED)[number], number>;
const countsOf = (mutants: readonly Mutant[]) =>
  Object.fromEntries(COUNTED.map((s) => [s, mutants.filter((m) => m.status === s).length])) as Counts;
const detected = (c: Counts) => c.Killed + c.Timeout;
const valid = (c: Counts) => c.Killed + c.Timeout + c.Survived + c.NoCoverage;
const percent = (d: number, v: number) => `${((100 * d) / v).toFixed(2)} %`;

/** A sampled file: per drawn line with results, its detected and valid mutants; `scale` takes the
 * sample's sums to the frame (lines in the frame ÷ lines tested). */
interface Sampled {
  lines: { detected: number; valid: number }[];
  scale: number;
}
const sampled: Sampled[] = [];
let wholeDetected = 0;
let wholeValid = 0;

console.log('| file | measured | score | killed | timed out | survived | no coverage | static (left out) |');
console.log('|---|---|---|---|---|---|---|---|');
const unmeasured: string[] = [];
for (const file of files) {
  const name = `${DIR}${file}`;
  const sample = samples[name];
  // A sampled file counts the drawn lines' one-line mutants only (earlier runs may have left others).
  const mutants = (report.files[name]?.mutants ?? []).filter(
    (m) => !sample || (m.location.start.line === m.location.end.line && sample.lines.includes(m.location.start.line)),
  );
  const counts = countsOf(mutants);
  if (valid(counts) === 0) {
    unmeasured.push(file);
    continue;
  }
  const ignored = mutants.filter((m) => m.status === 'Ignored').length;
  const cells = `${counts.Killed} | ${counts.Timeout} | ${counts.Survived} | ${counts.NoCoverage} | ${ignored}`;
  if (sample) {
    // Drawn lines with results (an interrupted run leaves some without).
    const tested = sample.lines.filter((line) => mutants.some((m) => m.location.start.line === line));
    const byLine = tested.map((line) => countsOf(mutants.filter((m) => m.location.start.line === line)));
    const one: Sampled = { lines: byLine.map((c) => ({ detected: detected(c), valid: valid(c) })), scale: sample.frame / tested.length };
    sampled.push(one);
    const interval = bootstrap([one], 0, 0);
    console.log(
      `| ${file} | sample: ${tested.length} of ${sample.frame} lines (seed \`${sample.seed}\`) | ${percent(detected(counts), valid(counts))} (95 %: ${interval}) | ${cells} |`,
    );
    continue;
  }
  wholeDetected += detected(counts);
  wholeValid += valid(counts);
  const made = (await mutantsOf(name)).length;
  const measured = mutants.length >= made ? 'whole' : `partly: ${mutants.length} of ${made}`;
  console.log(`| ${file} | ${measured} | ${percent(detected(counts), valid(counts))} | ${cells} |`);
}

/** 95 % percentile interval of the score over files measured whole plus sampled files, resampling each
 * sampled file's lines with replacement (2,000 draws, fixed seed: the same table every time). */
function bootstrap(parts: readonly Sampled[], fixedDetected: number, fixedValid: number): string {
  const rng = createRng('mutation-scores');
  const scores: number[] = [];
  for (let draw = 0; draw < 2000; draw++) {
    let d = fixedDetected;
    let v = fixedValid;
    for (const part of parts) {
      let pd = 0;
      let pv = 0;
      for (let i = 0; i < part.lines.length; i++) {
        const line = rng.pick(part.lines);
        pd += line.detected;
        pv += line.valid;
      }
      d += pd * part.scale;
      v += pv * part.scale;
    }
    if (v > 0) scores.push(d / v);
  }
  scores.sort((a, b) => a - b);
  const at = (q: number) => (100 * scores[Math.min(scores.length - 1, Math.floor(q * scores.length))]!).toFixed(1);
  return `${at(0.025)}–${at(0.975)} %`;
}

const measuredFiles = files.length - unmeasured.length;
if (measuredFiles > 0) {
  const scaledDetected = sampled.reduce((s, p) => s + p.scale * p.lines.reduce((t, l) => t + l.detected, 0), 0);
  const scaledValid = sampled.reduce((s, p) => s + p.scale * p.lines.reduce((t, l) => t + l.valid, 0), 0);
  const whole = measuredFiles - sampled.length;
  const estimate = percent(wholeDetected + scaledDetected, wholeValid + scaledValid);
  console.log(
    sampled.length === 0
      ? `| **measured (${measuredFiles} files)** | | **${estimate}** | | | | | |`
      : `| **measured (${measuredFiles} files: ${whole} whole, ${sampled.length} by sample)** | | **${estimate}** (95 %: ${bootstrap(sampled, wholeDetected, wholeValid)}) | | | | | |`,
  );
}
console.log(`\nnot measured yet: ${unmeasured.length ? unmeasured.join(', ') : 'none'}`);
if (sampled.length > 0) {
  console.log(
    'A sampled file is measured on a random share of its lines holding a one-line mutant; its counts are those of the sample, its score scaled to the frame. Mutants over several lines (blocks, function bodies) are outside the frame.',
  );
}
