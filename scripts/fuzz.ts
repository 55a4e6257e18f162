// npm run fuzz -- --cases N [--from K] [--seed S] [--out FILE] [--time-limit SECONDS]
// npm run fuzz -- --replay SEED [--write FILE]
// Mutated samples and synthetic reports of every format, through the front stages and the parser
// (scripts/fuzz/cases.ts). Prints the exceptions (must be 0), the slowest case with its time (no case
// may hang: one over the time limit is stopped and counted), and every case that parsed `consistent:
// true` while a figure differs from the truth it was written from, with its seed to replay it.
// Not a test (`npm test` does not run it): cases run one after another in one worker thread (one core),
// chunk by chunk; --from resumes a long run where a chunk ended.
import { writeFileSync, appendFileSync } from 'node:fs';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import { parseBytes } from '../src/lib/ingest/read.ts';
import { makeCase } from './fuzz/cases.ts';
import { judge, type Verdict } from './fuzz/judge.ts';

interface Outcome {
  i: number;
  seed: string;
  kind: string;
  from: string;
  ops: string[];
  ms: number;
  ok: boolean;
  error?: string;
  verdict?: Verdict;
}

type Message = { type: 'start'; i: number } | { type: 'done'; outcome: Outcome };

const seedOf = (prefix: string, i: number) => `${prefix}:${i}`;

async function runCase(seed: string, i: number): Promise<Outcome> {
  const c = await makeCase(seed);
  const base = { i, seed, kind: c.kind, from: c.from, ops: c.ops };
  const started = performance.now();
  try {
    const result = await parseBytes(c.bytes, c.name);
    const ms = performance.now() - started;
    const verdict = judge(result, c.truth);
    return { ...base, ms, ok: result.ok, ...(verdict ? { verdict } : {}) };
  } catch (e) {
    return { ...base, ms: performance.now() - started, ok: false, error: (e as Error).stack ?? String(e) };
  }
}

if (!isMainThread) {
  const { prefix, from, to } = workerData as { prefix: string; from: number; to: number };
  for (let i = from; i < to; i++) {
    parentPort!.postMessage({ type: 'start', i } satisfies Message);
    parentPort!.postMessage({ type: 'done', outcome: await runCase(seedOf(prefix, i), i) } satisfies Message);
  }
} else {
  const argv = process.argv.slice(2);
  const get = (name: string) => {
    const k = argv.indexOf(`--${name}`);
    return k >= 0 ? argv[k + 1] : undefined;
  };
  const replay = get('replay');
  if (replay) await replayCase(replay, get('write'));
  else await run({
    cases: Number(get('cases') ?? 1000),
    from: Number(get('from') ?? 0),
    prefix: get('seed') ?? 'fuzz',
    out: get('out'),
    timeLimit: Number(get('time-limit') ?? 30),
    chunk: Number(get('chunk') ?? 5000),
  });
}

async function replayCase(seed: string, write: string | undefined) {
  const c = await makeCase(seed);
  console.log(`${seed}: ${c.kind} from ${c.from}; ${c.ops.length ? c.ops.join('; ') : 'not mutated'}`);
  if (write) {
    writeFileSync(write, c.bytes);
    console.log(`written to ${write}`);
  }
  const started = performance.now();
  const result = await parseBytes(c.bytes, c.name);
  console.log(`parsed in ${(performance.now() - started).toFixed(1)} ms: ${result.ok ? `consistent: ${result.report.consistent}` : `rejected: ${result.error}`}`);
  const verdict = judge(result, c.truth);
  if (verdict) {
    console.log(`figures differing from the truth while consistent: true (${verdict.why}):`);
    for (const m of verdict.differing.slice(0, 40)) console.log(`  ${m.path}: expected ${JSON.stringify(m.expected)}, read ${JSON.stringify(m.actual)} (${m.why})`);
  }
  if (result.ok) for (const f of result.report.findings) console.log(`  ${f.severity} ${f.code}: ${f.message}`);
}

interface RunOptions {
  cases: number;
  from: number;
  prefix: string;
  out?: string;
  timeLimit: number;
  chunk: number;
}

async function run(o: RunOptions) {
  if (!Number.isInteger(o.cases) || o.cases < 1) throw new Error('--cases takes a positive whole number');
  const end = o.from + o.cases;
  const byKind = new Map<string, number>();
  const exceptions: Outcome[] = [];
  const hangs: { seed: string; kind?: string }[] = [];
  const wrong: Outcome[] = [];
  let slowest: Outcome | undefined;
  let done = 0;
  let rejected = 0;
  const started = performance.now();
  const note = (line: string) => o.out && appendFileSync(o.out, `${line}\n`);

  // One worker per chunk (a fresh heap), restarted after a case over the time limit.
  let next = o.from;
  while (next < end) {
    const to = Math.min(end, next + o.chunk);
    next = await new Promise<number>((resolve) => {
      const worker = new Worker(new URL(import.meta.url), { workerData: { prefix: o.prefix, from: next, to } });
      let current = next;
      let since = performance.now();
      // After a case over the time limit or one that took the worker down, go on after it.
      let stoppedAt: number | null = null;
      const watchdog = setInterval(() => {
        if (performance.now() - since < o.timeLimit * 1000) return;
        clearInterval(watchdog);
        stoppedAt = current;
        hangs.push({ seed: seedOf(o.prefix, current) });
        note(JSON.stringify({ hang: seedOf(o.prefix, current), limit: o.timeLimit }));
        void worker.terminate();
      }, 250);
      worker.on('message', (m: Message) => {
        if (m.type === 'start') {
          current = m.i;
          since = performance.now();
          return;
        }
        const r = m.outcome;
        done++;
        byKind.set(r.kind, (byKind.get(r.kind) ?? 0) + 1);
        if (!r.ok && !r.error) rejected++;
        if (!slowest || r.ms > slowest.ms) slowest = r;
        if (r.error) {
          exceptions.push(r);
          note(JSON.stringify({ exception: r }));
        }
        if (r.verdict) {
          wrong.push(r);
          note(JSON.stringify({ wrong: { ...r, verdict: { why: r.verdict.why, differing: r.verdict.differing.slice(0, 8), figures: r.verdict.differing.length } } }));
        }
      });
      worker.on('error', (e) => {
        // An error no `catch` saw (an unhandled rejection inside a library) ends the worker: the case's exception.
        clearInterval(watchdog);
        stoppedAt = current;
        const r: Outcome = { i: current, seed: seedOf(o.prefix, current), kind: '?', from: '?', ops: [], ms: performance.now() - since, ok: false, error: `uncaught in the worker: ${e.stack ?? e}` };
        exceptions.push(r);
        note(JSON.stringify({ exception: r }));
      });
      worker.on('exit', () => {
        clearInterval(watchdog);
        resolve(stoppedAt !== null ? stoppedAt + 1 : to);
      });
    });
    const seconds = (performance.now() - started) / 1000;
    console.log(`… ${next - o.from}/${o.cases} cases, ${(done / seconds).toFixed(0)} cases/s, ${exceptions.length} exceptions, ${hangs.length} over the time limit, ${wrong.length} consistent-but-wrong`);
    note(JSON.stringify({ chunkEnd: next, done, exceptions: exceptions.length, hangs: hangs.length, wrong: wrong.length, slowest: slowest && { seed: slowest.seed, ms: slowest.ms } }));
  }

  const seconds = (performance.now() - started) / 1000;
  const kinds = [...byKind].sort().map(([k, n]) => `${k} ${n}`).join(', ');
  console.log(`\n${done} cases (${kinds}; seeds ${seedOf(o.prefix, o.from)} … ${seedOf(o.prefix, end - 1)}) in ${seconds.toFixed(0)} s: ${(done / seconds).toFixed(0)} cases/s; ${rejected} rejected with a reason`);
  console.log(`exceptions: ${exceptions.length}`);
  for (const e of exceptions.slice(0, 20)) console.log(`  ${e.seed} (${e.kind} from ${e.from}; ${e.ops.join('; ')}): ${e.error?.split('\n').slice(0, 3).join(' | ')}`);
  console.log(`over the time limit (${o.timeLimit} s): ${hangs.length}${hangs.length ? ` (${hangs.map((h) => h.seed).join(', ')})` : ''}`);
  if (slowest) console.log(`slowest case: ${(slowest.ms / 1000).toFixed(3)} s, ${slowest.seed} (${slowest.kind} from ${slowest.from}; ${slowest.ops.join('; ') || 'not mutated'})`);
  const byWhy = (why: string) => wrong.filter((w) => w.verdict!.why === why);
  console.log(`consistent: true while a figure differs from the truth: ${wrong.length}`);
  const WHY: Record<string, string> = {
    flagged: 'every differing figure has a finding or an inference on its cell, row or table',
    blank: 'read as blank (the mutation removed or hid the printed figure), no finding on it',
    'table-two': 'another number in table 二 (no identity of the format checks it), no finding on it',
    number: 'another number in tables 三/四, no finding on it',
  };
  for (const why of ['number', 'table-two', 'blank', 'flagged']) {
    const cases = byWhy(why);
    console.log(`  ${String(cases.length).padStart(6)} ${WHY[why]}`);
    if (why === 'number' || why === 'table-two') {
      // Two lines swapped exchange two rows' figures (or a figure and its neighbour's): every sum still holds.
      const swapped = cases.filter((w) => w.ops.some((op) => /swap lines|doubled|duplicate line/.test(op))).length;
      const digits = cases.filter((w) => w.ops.some((op) => /^(?:in the [\w ]+: )?digit/.test(op))).length;
      console.log(`         of which ${swapped} with lines swapped or doubled, ${digits} with a digit edited`);
    }
    for (const w of cases.slice(0, why === 'flagged' ? 5 : why === 'number' ? 200 : 20)) {
      const v = w.verdict!;
      const figures = v.differing.map((m) => `${m.path} ${JSON.stringify(m.expected)}→${JSON.stringify(m.actual)}${m.why === 'flagged' ? ' (flagged)' : ''}`);
      console.log(`         ${w.seed} ${w.kind} from ${w.from} [${w.ops.join('; ') || 'not mutated'}]: ${figures.slice(0, 3).join(', ').slice(0, 300)}${figures.length > 3 ? ` … ${figures.length} figures` : ''}`);
    }
  }
  if (exceptions.length > 0 || hangs.length > 0) process.exitCode = 1;
}
