// npm run mutation:scores: the mutation score of each file of src/lib/parse/ from the incremental file
// (reports/stryker-incremental.json), which keeps every file's last results across runs of
// `npm run mutation -- --mutate <some files>`: so the directory is measured in batches, and this
// prints the table of what has been measured so far, the files never measured listed as such.
// A batch stopped before its end leaves its files partly measured: each file's mutants are counted by
// Stryker's own instrumenter, and a file with fewer results than mutants is marked as partly measured.
import { readFileSync, readdirSync } from 'node:fs';
import { Instrumenter } from '@stryker-mutator/instrumenter';

interface Mutant {
  status: string;
}
interface Incremental {
  files: Record<string, { mutants: Mutant[] }>;
}

const DIR = 'src/lib/parse/';
const report = JSON.parse(readFileSync(new URL('../reports/stryker-incremental.json', import.meta.url), 'utf8')) as Incremental;
const files = readdirSync(new URL(`../${DIR}`, import.meta.url)).filter((f) => f.endsWith('.ts')).sort();

// The mutants Stryker makes of a file (static ones included), as `npm run mutation` instruments it.
const quiet = { isTraceEnabled: () => false, isDebugEnabled: () => false, isInfoEnabled: () => false, trace() {}, debug() {}, info() {}, warn() {}, error() {}, fatal() {} };
async function mutantsOf(file: string): Promise<number> {
  const name = `${DIR}${file}`;
  const content = readFileSync(new URL(`../${name}`, import.meta.url), 'utf8');
  const result = await new Instrumenter(quiet as never).instrument([{ name, content, mutate: true }], { plugins: null, excludedMutations: [], ignorers: [], noHeader: false } as never);
  return result.mutants.length;
}

const COUNTED = ['Killed', 'Timeout', 'Survived', 'NoCoverage'] as const;
const total = Object.fromEntries(COUNTED.map((s) => [s, 0])) as Record<(typeof COUNTED)[number], number>;
const score = (c: typeof total) => ((100 * (c.Killed + c.Timeout)) / (c.Killed + c.Timeout + c.Survived + c.NoCoverage)).toFixed(2);

console.log('| file | measured | score | killed | timed out | survived | no coverage | static (left out) |');
console.log('|---|---|---|---|---|---|---|---|');
const unmeasured: string[] = [];
for (const file of files) {
  const mutants = report.files[`${DIR}${file}`]?.mutants ?? [];
  const counts = Object.fromEntries(COUNTED.map((s) => [s, mutants.filter((m) => m.status === s).length])) as typeof total;
  if (COUNTED.every((s) => counts[s] === 0)) {
    unmeasured.push(file);
    continue;
  }
  for (const s of COUNTED) total[s] += counts[s];
  const ignored = mutants.filter((m) => m.status === 'Ignored').length;
  const made = await mutantsOf(file);
  const measured = mutants.length >= made ? 'whole' : `partly: ${mutants.length} of ${made}`;
  console.log(`| ${file} | ${measured} | ${score(counts)} % | ${counts.Killed} | ${counts.Timeout} | ${counts.Survived} | ${counts.NoCoverage} | ${ignored} |`);
}
if (files.length > unmeasured.length) {
  console.log(`| **measured (${files.length - unmeasured.length} files)** | | **${score(total)} %** | ${total.Killed} | ${total.Timeout} | ${total.Survived} | ${total.NoCoverage} | |`);
}
console.log(`\nnot measured yet: ${unmeasured.length ? unmeasured.join(', ') : 'none'}`);
