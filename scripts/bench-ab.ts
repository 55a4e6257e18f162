// npm run bench:ab -- --base REF [--dir DIR] [--ext .txt] [--docs N] [--rounds R]
// The parse (bytes in, report out) of the same documents by another commit (REF) and by the working
// tree, in one process, taking turns: on a shared machine a figure taken alone moves by ±20 % with the
// load, while two taken in turns meet the same load, so their ratio holds. Prints each side's median and
// fastest CPU time a document over the rounds, and the ratio of the medians (below 1: the working tree
// is faster). REF is checked out into a temporary worktree (node_modules linked), removed at the end.
// A benchmark, not a test: it prints figures.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const { values } = parseArgs({
  options: {
    base: { type: 'string', default: 'HEAD' },
    dir: { type: 'string', default: 'content/reports' },
    ext: { type: 'string', default: '.txt' },
    docs: { type: 'string', default: '50' },
    rounds: { type: 'string', default: '30' },
  },
});
const root = fileURLToPath(new URL('..', import.meta.url));
const dir = resolve(values.dir!);
const files = readdirSync(dir)
  .filter((f) => f.endsWith(values.ext!))
  .sort()
  .slice(0, Number(values.docs));
if (files.length === 0) throw new Error(`bench-ab: no ${values.ext} files in ${dir}`);
const docs = files.map((f) => ({ name: f, bytes: new Uint8Array(readFileSync(join(dir, f))) }));

const worktree = mkdtempSync(join(tmpdir(), 'bench-ab-'));
execFileSync('git', ['-C', root, 'worktree', 'add', '--detach', '--force', worktree, values.base!], { stdio: 'ignore' });
try {
  symlinkSync(join(root, 'node_modules'), join(worktree, 'node_modules'));
  type Parse = (bytes: Uint8Array, name: string) => Promise<unknown>;
  const load = async (at: string) => ((await import(join(at, 'src/lib/ingest/read.ts'))) as { parseBytes: Parse }).parseBytes;
  const [base, now] = [await load(worktree), await load(root)];
  /** CPU milliseconds a document, over all the documents once. */
  const round = async (parse: Parse) => {
    const started = process.cpuUsage();
    for (const d of docs) await parse(d.bytes, d.name);
    const used = process.cpuUsage(started);
    return (used.user + used.system) / 1000 / docs.length;
  };
  for (let i = 0; i < 3; i++) await round(base), await round(now); // warm-up
  const times: { base: number[]; now: number[] } = { base: [], now: [] };
  for (let i = 0; i < Number(values.rounds); i++) {
    times.base.push(await round(base));
    times.now.push(await round(now));
  }
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1]!;
  const line = (label: string, xs: number[]) => `${label}: median ${median(xs).toFixed(3)} ms, fastest ${Math.min(...xs).toFixed(3)} ms CPU a document`;
  console.log(`${docs.length} ${values.ext} documents from ${dir}, ${values.rounds} rounds in turns`);
  console.log(line(`base (${values.base})`, times.base));
  console.log(line('working tree', times.now));
  console.log(`ratio of medians: ${(median(times.now) / median(times.base)).toFixed(3)}`);
} finally {
  execFileSync('git', ['-C', root, 'worktree', 'remove', '--force', worktree], { stdio: 'ignore' });
  rmSync(worktree, { recursive: true, force: true });
}
