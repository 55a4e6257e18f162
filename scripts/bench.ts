// npm run bench -- --corpus DIR [--work DIR] [--working-tree] [--skip-baseline] [--skip-rebuild] [--formats txt,html,docx] [--cpu-prof] [--split] [--ingest-only]
// Builds the whole site from a synthetic corpus (npm run corpus) in one run and prints the figures of
// issue 4: ingest time and reports/s; `astro build` time and peak memory; a baseline (Astro building as
// many trivial pages, same run) and the ratio; dist/ size and file count (search index included); median
// and largest report page; JavaScript per report page; how many reports the parser read exactly; and
// a rebuild with one report changed.
//
// Nothing is written into the project's content/, dist/ or .cache/: the ingest output, the parse cache,
// Astro's cache and the built site all go under --work (default /tmp/bench-<corpus name>), which is
// emptied first so that every figure is a cold one. The ingest is the copy's scripts/ingest.ts, run as
// a child process (its parse cache in --work/site/.cache/parse). The site is built from a copy of its sources in
// --work/site (node_modules linked; see scripts/synth/site-copy.ts), so that other builds in the
// checkout cannot collide with it in .astro/ and the code stays the same between build and rebuild:
// the last commit (HEAD) by default, the working tree with --working-tree. It is pointed at the corpus with REPORTS_DIR / INGEST_DIR / ASTRO_CACHE_DIR and `--outDir`.
//
// Baseline: a throwaway Astro project under --work/baseline (node_modules symlinked to the project's),
// one dynamic route rendering N pages of a heading and a sentence, N = the number of HTML pages the
// real build published (with the chart embed pages, which it writes outside Astro). Same Astro, same
// machine, same run. Beside it the site is built again from an empty output and Astro cache with the
// share images cached (.cache/og, as the workflow keeps it): the cold build's ratio and that one's are
// both printed, and that one's against a second baseline of as many pages as Astro itself renders.
//
// --split builds as the workflow does with a downloads repository (DOWNLOADS_SITE, DOWNLOADS_OUT_DIR
// --work/dist-downloads) and measures the two sites as published: dist/ and the downloads output. Without it, the split is
// computed from the one site's files by kind.
//
// --ingest-only stops after the ingest, its exactness per format and a second ingest with the parse
// cache warm (for corpora of documents, whose reading is most of the time).
//
// Peak memory: the largest process's maximum RSS from /usr/bin/time -v where present, and the peak
// of the summed RSS of the whole process tree (astro + pagefind + esbuild …) polled from /proc every
// 200 ms. A benchmark: it prints figures, it asserts nothing.
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { availableParallelism, loadavg, totalmem } from 'node:os';
import { basename, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import type { Report } from '../src/lib/schema.ts';
import { lengthenReport, renderEntry, type CorpusFormat, type CorpusLength } from './corpus.ts';
import { compareWithTruth, describeMismatches, writeReport, type DocumentOptions, type Layout, type Truth } from './synth/index.ts';
import { copySite } from './synth/site-copy.ts';

const root = fileURLToPath(new URL('..', import.meta.url));
// Astro's CLI run by this Node (24), not by whatever `node` is first on PATH (its shebang): the bench
// may be started as `node scripts/bench.ts` on a machine whose own Node is older.
const ASTRO_CLI = join(root, 'node_modules/astro/bin/astro.mjs');
const TIME = '/usr/bin/time';

// ------------------------------------------------------------------------------------------ helpers

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MiB`;
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KiB`;
const secs = (s: number) => `${s.toFixed(1)} s`;
/** Largest value (0 for none); not Math.max(...xs), which overflowed the stack at 71,350 values. */
const maxOf = (xs: readonly number[]) => xs.reduce((m, x) => (x > m ? x : m), 0);
const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? (s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2) : 0;
};

/** Every file under `dir` with its size (one list passed down: a spread of a subtree's list overflowed the stack at 5×). */
function walk(dir: string, out: { path: string; size: number }[] = []): { path: string; size: number }[] {
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) walk(p, out);
    else if (e.isFile()) out.push({ path: p, size: statSync(p).size });
  }
  return out;
}

/** What a file of the built site is, for the size breakdown. */
export function kindOf(rel: string): string {
  const m = rel.match(/^counties\/[^/]+\/(?:(\d{4})\/)?([^/]+)$/);
  if (m) {
    if (!m[1]) return m[2] === 'index.html' ? 'county pages' : 'other county files';
    if (m[2] === 'index.html') return 'report pages';
    if (m[2] === 'report.json') return 'report JSON';
    if (m[2] === 'report.csv') return 'report CSV';
    if (m[2].startsWith('source')) return 'report sources';
    return 'other report files';
  }
  if (/^counties\/[^/]+\/\d{4}\/embed\//.test(rel)) return 'chart embed pages';
  if (/^og\/[^/]+\.png$/.test(rel)) return 'share images';
  const top = rel.split('/')[0];
  return ['rankings', 'provinces', 'data', 'pagefind', '_astro'].includes(top) && rel.includes('/') ? `${top}/` : 'other';
}

/** Bytes as a tar holds them (upload-pages-artifact uploads the site as one): a 512-byte header per
 *  file and folder, contents padded to 512 bytes. */
const tarBytes = (files: readonly { size: number }[], dirs: number) => files.reduce((s, f) => s + 512 + Math.ceil(f.size / 512) * 512, 0) + dirs * 512 + 1024;

function countDirs(dir: string): number {
  let n = 1;
  for (const e of readdirSync(dir, { withFileTypes: true })) if (e.isDirectory()) n += countDirs(join(dir, e.name));
  return n;
}

/** RSS (bytes) of `pid` and all its descendants, from /proc. */
function treeRss(pid: number): number {
  const parent = new Map<number, number>();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      // Fields after the parenthesised command: state ppid …
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      parent.set(Number(name), ppid);
    } catch {
      // the process ended while we looked
    }
  }
  const inTree = (p: number): boolean => {
    for (let q: number | undefined = p, depth = 0; q !== undefined && q > 1 && depth < 64; q = parent.get(q), depth++) if (q === pid) return true;
    return false;
  };
  let total = 0;
  for (const p of parent.keys()) {
    if (!inTree(p)) continue;
    try {
      const m = readFileSync(`/proc/${p}/status`, 'utf8').match(/^VmRSS:\s+(\d+) kB/m);
      if (m) total += Number(m[1]) * 1024;
    } catch {
      // ended
    }
  }
  return total;
}

interface Measured {
  seconds: number;
  /** Largest single process's max RSS (bytes), from /usr/bin/time -v; null without it. */
  maxRss: number | null;
  /** Peak of the process tree's summed RSS (bytes), polled. */
  treePeak: number;
  /** CPU time (user + system, seconds, children waited for included), from /usr/bin/time -v; null without it. */
  cpuSeconds: number | null;
}

/** Run a command, its output to `log`, timing it and watching its memory. */
function runMeasured(cmd: string, args: string[], opts: { cwd: string; env: NodeJS.ProcessEnv; log: string }): Promise<Measured> {
  const timeFile = `${opts.log}.time`;
  const useTime = existsSync(TIME);
  const [file, argv] = useTime ? [TIME, ['-v', '-o', timeFile, cmd, ...args]] : [cmd, args];
  return new Promise((done, fail) => {
    const started = performance.now();
    const out: Buffer[] = [];
    const child = spawn(file, argv, { cwd: opts.cwd, env: opts.env, stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout.on('data', (b: Buffer) => out.push(b));
    child.stderr.on('data', (b: Buffer) => out.push(b));
    let treePeak = 0;
    const timer = setInterval(() => {
      if (child.pid) treePeak = Math.max(treePeak, treeRss(child.pid));
    }, 200);
    child.on('error', fail);
    child.on('close', (code) => {
      clearInterval(timer);
      const seconds = (performance.now() - started) / 1000;
      writeFileSync(opts.log, Buffer.concat(out));
      if (code !== 0) {
        const tail = Buffer.concat(out).toString('utf8').split('\n').slice(-30).join('\n');
        fail(new Error(`${basename(cmd)} ${args.join(' ')} failed (exit ${code}); log: ${opts.log}\n${tail}`));
        return;
      }
      let maxRss: number | null = null;
      let cpuSeconds: number | null = null;
      if (useTime && existsSync(timeFile)) {
        const t = readFileSync(timeFile, 'utf8');
        const m = t.match(/Maximum resident set size \(kbytes\): (\d+)/);
        if (m) maxRss = Number(m[1]) * 1024;
        const user = t.match(/User time \(seconds\): ([\d.]+)/);
        const sys = t.match(/System time \(seconds\): ([\d.]+)/);
        if (user && sys) cpuSeconds = Number(user[1]) + Number(sys[1]);
      }
      done({ seconds, maxRss, treePeak, cpuSeconds });
    });
  });
}

// ------------------------------------------------------------------------------------------ steps

interface Corpus {
  dir: string;
  reportsDir: string;
  truth: Map<string, CorpusTruth>;
}

type CorpusTruth = Truth & { source?: string; synthetic?: { seed?: string; layout: Layout; format?: CorpusFormat; length?: CorpusLength; document?: DocumentOptions & { charset?: 'utf-8' | 'gbk' } } };

/** A report's format in the corpus: its file's extension (corpora written before --formats: txt). */
const formatOf = (source: string) => source.slice(source.lastIndexOf('.') + 1);

function readCorpus(dir: string): Corpus {
  const reportsDir = join(dir, 'reports');
  const truthDir = join(dir, 'truth');
  if (!existsSync(reportsDir) || !existsSync(truthDir)) throw new Error(`${dir} is not a corpus (no reports/ and truth/): write one with npm run corpus -- --out ${dir}`);
  const truth = new Map<string, CorpusTruth>();
  for (const f of readdirSync(truthDir)) {
    if (!f.endsWith('.json')) continue;
    const t = JSON.parse(readFileSync(join(truthDir, f), 'utf8')) as CorpusTruth;
    truth.set(t.source ?? f.replace(/\.json$/, '.txt'), t);
  }
  return { dir, reportsDir, truth };
}

interface IngestRun extends Measured {
  files: number;
  rejected: number;
  parsed: number;
  cached: number;
  reports: Report[];
}

/** `npm run ingest` of the site copy (its parse cache in --work/site/.cache/parse), timed. */
async function runIngest(corpus: Corpus, work: string, log: string): Promise<IngestRun> {
  const site = join(work, 'site');
  const m = await runMeasured(process.execPath, [join(site, 'scripts/ingest.ts')], { cwd: site, env: buildEnv(corpus, work), log });
  const out = readFileSync(log, 'utf8');
  const summary = out.match(/ingest: (\d+) files, (\d+) reports, \d+ findings, (\d+) rejected \((\d+) parsed, (\d+) from cache/);
  if (!summary) throw new Error(`ingest printed no summary line; log: ${log}`);
  const dir = join(work, 'ingest/reports');
  const reports = readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .map((f) => JSON.parse(readFileSync(join(dir, f), 'utf8')) as Report);
  return { ...m, files: Number(summary[1]), rejected: Number(summary[3]), parsed: Number(summary[4]), cached: Number(summary[5]), reports };
}

/** How many reports the parser read exactly: every number cell, year, region, consistent. */
function exactness(corpus: Corpus, reports: readonly Report[]) {
  const bySource = new Map(reports.map((r) => [r.source, r]));
  let exact = 0;
  const wrong: string[] = [];
  const byFormat: Record<string, { exact: number; total: number }> = {};
  for (const [source, truth] of corpus.truth) {
    const tally = (byFormat[formatOf(source)] ??= { exact: 0, total: 0 });
    tally.total++;
    const report = bySource.get(source);
    if (!report) {
      wrong.push(`${source}: not in the ingest output (rejected?)`);
      continue;
    }
    const mismatches = compareWithTruth(truth, report);
    if (mismatches.length === 0) {
      exact++;
      tally.exact++;
    } else wrong.push(`${source}:\n${describeMismatches(mismatches, 4)}`);
  }
  return { exact, total: corpus.truth.size, wrong, byFormat };
}

/** The downloads site of a --split bench (an address of its own: the pages link there absolutely). */
const BENCH_DOWNLOADS_SITE = 'https://downloads.bench.test.example/downloads/';
let splitBuild = false;
const downloadsDir = (work: string) => join(work, 'dist-downloads');

function buildEnv(corpus: Corpus, work: string): NodeJS.ProcessEnv {
  return {
    ...process.env,
    ...(splitBuild ? { DOWNLOADS_SITE: BENCH_DOWNLOADS_SITE, DOWNLOADS_OUT_DIR: downloadsDir(work) } : { DOWNLOADS_SITE: '', DOWNLOADS_OUT_DIR: '' }),
    REPORTS_DIR: corpus.reportsDir,
    INGEST_DIR: join(work, 'ingest'),
    ASTRO_CACHE_DIR: join(work, 'astro-cache'),
    ASTRO_TELEMETRY_DISABLED: '1',
    // A site address as deployed (absolute canonical links and the sitemap are part of the build).
    SITE: process.env.SITE ?? 'https://bench.test.example',
  };
}

const buildScript = () => String(JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).scripts?.build ?? '');
/** The heap limit `npm run build` gives Astro (package.json), so that the bench builds as it does. */
function buildHeapFlags(): string[] {
  return buildScript().match(/--max-old-space-size=\d+/g) ?? [];
}
/** glibc's malloc arenas as `npm run build` sets them (package.json; see README, "Beyond counties"). */
function buildMallocEnv(): NodeJS.ProcessEnv {
  const m = buildScript().match(/\bMALLOC_ARENA_MAX=(\d+)/);
  return m ? { MALLOC_ARENA_MAX: m[1] } : {};
}

/** With a profile directory, every thread of the build writes a V8 CPU profile there (node --cpu-prof). */
function astroBuild(corpus: Corpus, work: string, log: string, profileDir?: string): Promise<Measured> {
  const env = { ...buildEnv(corpus, work), ...buildMallocEnv() };
  const args = ['build', '--outDir', join(work, 'dist')];
  // --cpu-prof is refused in NODE_OPTIONS: Node runs Astro's CLI with it (worker threads inherit it).
  const prof = profileDir ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}`] : [];
  return runMeasured(process.execPath, [...prof, ...buildHeapFlags(), ASTRO_CLI, ...args], { cwd: join(work, 'site'), env, log });
}

/** The functions with the most self time in the CPU profiles of a directory (by name and file). */
function profileSummary(dir: string, top = 25): string[] {
  interface Node { id: number; callFrame: { functionName: string; url: string; lineNumber: number }; }
  const self = new Map<string, number>();
  let total = 0;
  for (const f of readdirSync(dir).filter((n) => n.endsWith('.cpuprofile'))) {
    const p = JSON.parse(readFileSync(join(dir, f), 'utf8')) as { nodes: Node[]; samples: number[]; timeDeltas: number[] };
    const byId = new Map(p.nodes.map((n) => [n.id, n]));
    p.samples.forEach((id, i) => {
      const n = byId.get(id)!;
      const key = `${n.callFrame.functionName || '(anonymous)'} ${n.callFrame.url.replace(/^.*node_modules\//, '~/').replace(/^file:\/\/.*\/site\//, '')}:${n.callFrame.lineNumber + 1}`;
      const dt = p.timeDeltas[i] ?? 0;
      self.set(key, (self.get(key) ?? 0) + dt);
      total += dt;
    });
  }
  return [...self].sort((a, b) => b[1] - a[1]).slice(0, top).map(([k, us]) => `${(us / 1e6).toFixed(2).padStart(7)} s ${((100 * us) / total).toFixed(1).padStart(5)} %  ${k}`);
}

/** A throwaway Astro project of `pages` trivial pages, built with the project's own Astro. */
async function baseline(work: string, pages: number, name = 'baseline'): Promise<Measured> {
  const dir = join(work, name);
  mkdirSync(join(dir, 'src/pages/p'), { recursive: true });
  if (!existsSync(join(dir, 'node_modules'))) symlinkSync(join(root, 'node_modules'), join(dir, 'node_modules'), 'dir');
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'bench-baseline', private: true, type: 'module' }));
  // Its own Vite cache: the shared node_modules/.vite would otherwise be another root's (see
  // src/lib/site/build/cacheDirs.ts).
  writeFileSync(join(dir, 'astro.config.mjs'), "import { defineConfig } from 'astro/config';\nexport default defineConfig({ trailingSlash: 'always', build: { format: 'directory' }, vite: { cacheDir: './.vite-cache' } });\n");
  writeFileSync(
    join(dir, 'src/pages/p/[n].astro'),
    `---
export function getStaticPaths() {
  return Array.from({ length: ${pages} }, (_, i) => ({ params: { n: String(i + 1) } }));
}
const { n } = Astro.params;
---
<html lang="zh-CN"><head><meta charset="utf-8" /><title>页面 {n}</title></head>
<body><h1>页面 {n}</h1><p>基准页面：一段文字。</p></body></html>
`,
  );
  return runMeasured(process.execPath, [ASTRO_CLI, 'build'], { cwd: dir, env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' }, log: join(work, `logs/${name}-build.log`) });
}

/** Report pages: dist/counties/{slug}/{year}/index.html. */
function reportPages(dist: string): string[] {
  const dir = join(dist, 'counties');
  if (!existsSync(dir)) return [];
  const out: string[] = [];
  for (const county of readdirSync(dir)) {
    const cdir = join(dir, county);
    if (!statSync(cdir).isDirectory()) continue;
    for (const year of readdirSync(cdir)) if (/^\d{4}$/.test(year) && existsSync(join(cdir, year, 'index.html'))) out.push(join(cdir, year, 'index.html'));
  }
  return out;
}

/** Imports of a built JS file: static (`from"./x.js"`, `import"./x.js"`) and dynamic (`import(\`./x.js\`)`). */
function jsImports(file: string): { staticRefs: string[]; dynamicRefs: string[] } {
  const code = readFileSync(file, 'utf8');
  const rel = (r: string) => join(file, '..', r);
  const staticRefs = [...code.matchAll(/(?:\bfrom|\bimport)\s*["'`](\.{1,2}\/[^"'`]+\.js)["'`]/g)].map((m) => rel(m[1]));
  const dynamicRefs = [...code.matchAll(/\bimport\(\s*["'`](\.{1,2}\/[^"'`]+\.js)["'`]\s*\)/g)].map((m) => rel(m[1]));
  return { staticRefs, dynamicRefs };
}

/** JavaScript of a report page, gzipped: what loads with the page (script src, modulepreload, inline,
 *  and their static imports), and everything reachable once every lazy chunk (charts) has loaded. */
function pageJs(dist: string, htmlPath: string, gz: Map<string, number>): { onLoad: number; all: number } {
  const html = readFileSync(htmlPath, 'utf8');
  const size = (file: string) => {
    if (!gz.has(file)) gz.set(file, existsSync(file) ? gzipSync(readFileSync(file)).length : 0);
    return gz.get(file)!;
  };
  const entry = new Set<string>();
  for (const m of html.matchAll(/<script\b[^>]*\bsrc="([^"]+)"/g)) entry.add(m[1]);
  for (const m of html.matchAll(/<link\b[^>]*rel="modulepreload"[^>]*href="([^"]+)"/g)) entry.add(m[1]);
  // The bench builds without BASE_PATH: references are dist-absolute.
  const roots = [...entry].map((ref) => join(dist, ref.replace(/^https?:\/\/[^/]+/, '').replace(/^\/+/, '')));
  const closure = (withDynamic: boolean) => {
    const seen = new Set<string>();
    const todo = [...roots];
    while (todo.length) {
      const f = todo.pop()!;
      if (seen.has(f) || !existsSync(f)) continue;
      seen.add(f);
      const { staticRefs, dynamicRefs } = jsImports(f);
      todo.push(...staticRefs, ...(withDynamic ? dynamicRefs : []));
    }
    return [...seen].reduce((s, f) => s + size(f), 0);
  };
  let inline = 0;
  for (const m of html.matchAll(/<script\b(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g)) if (m[1].trim() && !/application\/(?:ld\+)?json/.test(m[0])) inline += gzipSync(m[1]).length;
  return { onLoad: closure(false) + inline, all: closure(true) + inline };
}

/** Change one figure of one report (行政许可 + 1), rewritten in its own format and layout; returns how to undo it. */
async function changeOneReport(corpus: Corpus): Promise<{ file: string; restore: () => void }> {
  const [source, truth] = [...corpus.truth].find(([, t]) => t.synthetic?.layout && t.active?.licensing !== null && t.active?.licensing !== undefined)!;
  const path = join(corpus.reportsDir, source);
  const original = readFileSync(path);
  const changed: Truth = { ...truth, active: { ...truth.active!, licensing: (truth.active!.licensing ?? 0) + 1 } };
  const format = (truth.synthetic!.format ?? 'txt') as CorpusFormat;
  const written = writeReport(changed, truth.synthetic!.layout).text;
  // A real-length corpus (npm run corpus -- --length real): the same added prose as the original.
  const text = truth.synthetic!.length === 'real' ? lengthenReport(written, changed, truth.synthetic!.layout, `${truth.synthetic!.seed}:${source.replace(/\.[^.]+$/, '')}`) : written;
  writeFileSync(path, format === 'txt' || !truth.synthetic!.document ? text : await renderEntry({ truth: changed, text }, format, truth.synthetic!.document));
  return { file: source, restore: () => writeFileSync(path, original) };
}

// ------------------------------------------------------------------------------------------ main

async function main() {
  const { values: args } = parseArgs({
    options: {
      corpus: { type: 'string' },
      work: { type: 'string' },
      'skip-baseline': { type: 'boolean', default: false },
      'skip-rebuild': { type: 'boolean', default: false },
      'working-tree': { type: 'boolean', default: false },
      // Profile the full build (slows it: its time is then no figure to compare).
      'cpu-prof': { type: 'boolean', default: false },
      // Exactness is printed per format of the corpus's reports (npm run corpus -- --formats …); this
      // names the formats to print even where the corpus has none of them.
      formats: { type: 'string' },
      // Build split, with a downloads site, and measure both sites as published.
      split: { type: 'boolean', default: false },
      // Ingest only (cold, then with the parse cache warm) and exactness: no site build.
      'ingest-only': { type: 'boolean', default: false },
    },
  });
  splitBuild = args.split;
  if (!args.corpus) throw new Error('--corpus DIR is required (write one with npm run corpus -- --counties N --out DIR)');
  const corpus = readCorpus(resolve(args.corpus));
  const work = resolve(args.work ?? join('/tmp', `bench-${basename(corpus.dir)}`));
  if (resolve(work).startsWith(root)) throw new Error(`--work must be outside the project (${work})`);
  rmSync(work, { recursive: true, force: true });
  mkdirSync(join(work, 'logs'), { recursive: true });
  const dist = join(work, 'dist');
  const figures: Record<string, unknown> = { corpus: corpus.dir, work, cores: availableParallelism(), memory: totalmem(), node: process.version };
  const line = (label: string, value: string) => console.log(`${label.padEnd(34)} ${value}`);
  const cpu = (m: Measured) => (m.cpuSeconds !== null ? `; CPU time ${secs(m.cpuSeconds)}` : '');
  // The machine may be shared: its load says how much of the figures is other work.
  const load = () => loadavg().map((x) => x.toFixed(2)).join(' ');
  figures.loadAtStart = loadavg();
  console.log(`bench: corpus ${corpus.dir} (${corpus.truth.size} reports), work ${work}, ${availableParallelism()} cores, ${mb(totalmem())} RAM, load ${load()}`);

  const from = args['working-tree'] ? 'working-tree' : 'HEAD';
  copySite(root, join(work, 'site'), from);
  figures.site = from === 'HEAD' ? execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: root, encoding: 'utf8' }).trim() : 'working tree';
  console.log(`site and ingest sources: ${figures.site === 'working tree' ? 'the working tree' : `commit ${figures.site}`} (copied to ${join(work, 'site')})`);

  // 1. Ingest (cold parse cache).
  const ing = await runIngest(corpus, work, join(work, 'logs/ingest.log'));
  const files = ing.files;
  figures.ingest = { seconds: ing.seconds, files, rejected: ing.rejected, perSecond: files / ing.seconds, treePeak: ing.treePeak };
  line('ingest (cold, parse on all cores)', `${secs(ing.seconds)} for ${files} files — ${(files / ing.seconds).toFixed(0)} reports/s (${ing.rejected} rejected), peak ${mb(ing.treePeak)}${cpu(ing)}`);

  // 2. Parser exactness against the corpus truth.
  const ex = exactness(corpus, ing.reports);
  figures.exact = { exact: ex.exact, total: ex.total, examples: ex.wrong.slice(0, 20) };
  line('parser exact (every cell, year, region, consistent)', `${ex.exact} / ${ex.total} (${((100 * ex.exact) / Math.max(1, ex.total)).toFixed(2)}%)`);
  const formats = new Set([...(args.formats?.split(',').map((f) => f.trim()) ?? []), ...Object.keys(ex.byFormat)]);
  for (const f of [...formats].sort()) {
    const t = ex.byFormat[f] ?? { exact: 0, total: 0 };
    line(`  exact, ${f}`, `${t.exact} / ${t.total}${t.total ? ` (${((100 * t.exact) / t.total).toFixed(2)}%)` : ''}`);
  }
  figures.exactByFormat = ex.byFormat;
  for (const w of ex.wrong.slice(0, 5)) console.log(`  ${w.replace(/\n/g, '\n  ')}`);
  if (args['ingest-only']) {
    // The same ingest again, every file's result in the parse cache (a deployment's usual run).
    const again = await runIngest(corpus, work, join(work, 'logs/ingest-cached.log'));
    figures.ingestCached = { seconds: again.seconds, cpuSeconds: again.cpuSeconds, cached: again.cached, parsed: again.parsed };
    line('ingest (parse cache warm)', `${secs(again.seconds)} for ${again.files} files (${again.cached} from the cache, ${again.parsed} parsed)${cpu(again)}`);
    writeFileSync(join(work, 'bench.json'), JSON.stringify(figures, null, 2));
    return;
  }

  // 3. The site build.
  console.log('astro build …');
  const profileDir = args['cpu-prof'] ? join(work, 'profile') : undefined;
  const build = await astroBuild(corpus, work, join(work, 'logs/astro-build.log'), profileDir);
  if (profileDir) {
    console.log(`CPU profile of the build (self time, every thread; files in ${profileDir}):`);
    for (const l of profileSummary(profileDir)) console.log(`  ${l}`);
  }
  const distFiles = walk(dist);
  const dl = downloadsDir(work);
  const dlFiles = splitBuild && existsSync(dl) ? walk(dl) : [];
  // Every HTML page the deployment publishes: in a split build the chart embed pages are on the
  // downloads site (written by the build, not rendered by Astro: src/lib/site/build/embeds.ts).
  const html = [...distFiles, ...dlFiles].filter((f) => f.path.endsWith('.html'));
  const embedPages = html.filter((f) => /\/embed\/[^/]+\/index\.html$/.test(f.path)).length;
  const searchIndex = distFiles.filter((f) => f.path.startsWith(join(dist, 'pagefind')));
  const searchBytes = searchIndex.reduce((s, f) => s + f.size, 0);
  // Every file of the site and its downloads, once (relative): in a split build the downloads
  // output's too, without the assets it mirrors from dist/.
  const everyFile = [
    ...distFiles.map((f) => ({ rel: f.path.slice(dist.length + 1), size: f.size })),
    ...dlFiles.map((f) => ({ rel: f.path.slice(dl.length + 1), size: f.size })).filter((f) => !existsSync(join(dist, f.rel))),
  ];
  const total = everyFile.reduce((s, f) => s + f.size, 0);
  figures.build = { seconds: build.seconds, cpuSeconds: build.cpuSeconds, maxRss: build.maxRss, treePeak: build.treePeak, htmlPages: html.length, embedPages };
  figures.dist = { bytes: total, files: everyFile.length, searchIndexBytes: searchBytes, searchIndexFiles: searchIndex.length };
  line('astro build', `${secs(build.seconds)} for ${html.length} HTML pages, ${embedPages} of them chart embed pages written beside Astro's (${(html.length / build.seconds).toFixed(0)} pages/s)${build.cpuSeconds !== null ? `; CPU time ${secs(build.cpuSeconds)}` : ''}`);
  line('  peak memory', `${build.maxRss !== null ? `${mb(build.maxRss)} largest process (/usr/bin/time -v), ` : ''}${mb(build.treePeak)} process tree (polled)`);
  line(splitBuild ? 'dist/ and dist-downloads/, once' : 'dist/', `${mb(total)} in ${everyFile.length} files (search index ${mb(searchBytes)} in ${searchIndex.length} files)`);
  // What each kind of file costs, in all and per report: what decides whether one GitHub Pages site
  // (1 GB) holds the site with every download.
  const reportCount = everyFile.filter((f) => kindOf(f.rel) === 'report pages').length;
  const byKind = new Map<string, { bytes: number; files: number }>();
  for (const f of everyFile) {
    const k = byKind.get(kindOf(f.rel)) ?? { bytes: 0, files: 0 };
    k.bytes += f.size;
    k.files++;
    byKind.set(kindOf(f.rel), k);
  }
  const kindSizes: Record<string, unknown> = {};
  for (const [kind, k] of [...byKind].sort((a, b) => b[1].bytes - a[1].bytes)) {
    kindSizes[kind] = { ...k, perReport: k.bytes / Math.max(1, reportCount) };
    line(`  ${kind}`, `${mb(k.bytes)} in ${k.files} files — ${kb(k.bytes / Math.max(1, reportCount))} per report`);
  }
  // What a split build (DOWNLOADS_SITE) writes to the downloads site instead (integrations.ts, embeds.ts).
  const downloadKinds = ['report JSON', 'report CSV', 'report sources', 'other report files', 'share images', 'chart embed pages'];
  const downloadsBytes = downloadKinds.reduce((s, k) => s + (byKind.get(k)?.bytes ?? 0), 0);
  const embedBytes = byKind.get('chart embed pages')?.bytes ?? 0;
  figures.sizes = { byKind: kindSizes, reports: reportCount, withoutReportFiles: total - downloadsBytes, reportFiles: downloadsBytes - embedBytes, embedBytes };
  if (!splitBuild) {
    const tar = tarBytes(distFiles, countDirs(dist));
    (figures.sizes as Record<string, unknown>).tarBytes = tar;
    line('  as uploaded (tar)', `${mb(tar)} (GitHub Pages: at most 1 GB = ${mb(1e9)}; target ≤ 900 MiB)`);
    line('  split (DOWNLOADS_SITE)', `site ${mb(total - downloadsBytes)} + report files, share images and chart embed pages ${mb(downloadsBytes)} (computed; --split builds it)`);
  } else {
    // The two sites as the workflow publishes them: dist/ and the downloads output.
    const bytes = (fs: readonly { size: number }[]) => fs.reduce((s, f) => s + f.size, 0);
    const measured = {
      site: { bytes: bytes(distFiles), files: distFiles.length, tarBytes: tarBytes(distFiles, countDirs(dist)) },
      downloads: { bytes: bytes(dlFiles), files: dlFiles.length, tarBytes: tarBytes(dlFiles, countDirs(dl)) },
    };
    figures.split = measured;
    line('  split, as built: the site', `${mb(measured.site.bytes)} in ${measured.site.files} files; ${mb(measured.site.tarBytes)} as uploaded (tar; GitHub Pages: at most 1 GB = ${mb(1e9)}; target ≤ 900 MiB)`);
    line('  split, as built: downloads site', `${mb(measured.downloads.bytes)} in ${measured.downloads.files} files (report files, share images, chart embed pages and their assets)`);
  }

  // 4. Report pages: HTML size and JavaScript.
  const pages = reportPages(dist);
  const sizes = pages.map((p) => statSync(p).size);
  const largest = pages[sizes.indexOf(maxOf(sizes))];
  const gz = new Map<string, number>();
  const js = pages.map((p) => pageJs(dist, p, gz));
  const onLoad = js.map((j) => j.onLoad);
  const all = js.map((j) => j.all);
  figures.reportPages = { count: pages.length, medianBytes: median(sizes), maxBytes: maxOf(sizes), largest: largest?.slice(dist.length), jsGzipOnLoad: { median: median(onLoad), max: maxOf(onLoad) }, jsGzipWithLazyChunks: { median: median(all), max: maxOf(all) } };
  line('report pages', `${pages.length}: median ${kb(median(sizes))}, largest ${kb(maxOf(sizes))} (${largest?.slice(dist.length) ?? '-'})`);
  line('  JS per report page (gzip)', `on load: median ${kb(median(onLoad))}, max ${kb(maxOf(onLoad))}; with the lazy chart chunks: median ${kb(median(all))}, max ${kb(maxOf(all))}`);

  // 5. Baseline: as many trivial pages, same Astro, same run; beside it the same full build again from
  // an empty output and Astro cache with only the share images cached, as a deployment runs it (the
  // workflow keeps .cache/og, where drawing them is most of a cold build's CPU).
  if (!args['skip-baseline']) {
    console.log('astro build again: empty output and Astro cache, share images cached …');
    for (const d of [dist, downloadsDir(work), join(work, 'astro-cache')]) rmSync(d, { recursive: true, force: true });
    const warm = await astroBuild(corpus, work, join(work, 'logs/astro-build-og-cached.log'));
    figures.buildOgCached = { seconds: warm.seconds, cpuSeconds: warm.cpuSeconds, maxRss: warm.maxRss, treePeak: warm.treePeak };
    line('astro build, share images cached', `${secs(warm.seconds)}${warm.cpuSeconds !== null ? `; CPU time ${secs(warm.cpuSeconds)}` : ''}; peak ${mb(warm.treePeak)}`);
    console.log(`baseline: astro build of ${html.length} trivial pages …`);
    const base = await baseline(work, html.length);
    const ratios = (b: Measured) => ({ wall: b.seconds / base.seconds, cpu: b.cpuSeconds !== null && base.cpuSeconds ? b.cpuSeconds / base.cpuSeconds : null });
    const cold = ratios(build);
    const cached = ratios(warm);
    figures.baseline = { seconds: base.seconds, cpuSeconds: base.cpuSeconds, maxRss: base.maxRss, treePeak: base.treePeak, pages: html.length, ratio: cold.wall, cpuRatio: cold.cpu, ogCachedRatio: cached.wall, ogCachedCpuRatio: cached.cpu };
    line('baseline (trivial pages)', `${secs(base.seconds)} for ${html.length} pages${base.cpuSeconds !== null ? `; CPU time ${secs(base.cpuSeconds)}` : ''}; peak ${mb(base.treePeak)}`);
    // Wall time on a quiet machine: the site build's second core (downloads worker, file writes,
    // Pagefind) is free and its wall ratio is well under its CPU ratio; on a busy one it is not.
    const ratioText = (r: { wall: number; cpu: number | null }) => `${r.wall.toFixed(2)}× wall time${r.cpu !== null ? `, ${r.cpu.toFixed(2)}× CPU time` : ''}`;
    line('  site build / baseline, cold', `${ratioText(cold)} (load ${load()})`);
    line('  share images cached / baseline', ratioText(cached));
    // The chart embed pages are written by the build, not by Astro: the same against the pages Astro renders.
    if (embedPages > 0) {
      const rendered = html.length - embedPages;
      console.log(`baseline: astro build of ${rendered} trivial pages (as many as Astro renders of the site) …`);
      const own = await baseline(work, rendered, 'baseline-astro-pages');
      const againstOwn = (b: Measured) => ({ wall: b.seconds / own.seconds, cpu: b.cpuSeconds !== null && own.cpuSeconds ? b.cpuSeconds / own.cpuSeconds : null });
      figures.baselineAstroPages = { seconds: own.seconds, cpuSeconds: own.cpuSeconds, pages: rendered, ratio: againstOwn(build).wall, ogCachedRatio: againstOwn(warm).wall, ogCachedCpuRatio: againstOwn(warm).cpu };
      line(`baseline (${rendered} trivial pages)`, `${secs(own.seconds)}${own.cpuSeconds !== null ? `; CPU time ${secs(own.cpuSeconds)}` : ''}`);
      line('  share images cached / that', ratioText(againstOwn(warm)));
    }
  }

  // 6. Rebuild with one report changed (parse cache by content hash; Astro incremental build).
  if (!args['skip-rebuild']) {
    const change = await changeOneReport(corpus);
    try {
      const again = await runIngest(corpus, work, join(work, 'logs/ingest-again.log'));
      const rebuild = await astroBuild(corpus, work, join(work, 'logs/astro-rebuild.log'));
      const log = readFileSync(join(work, 'logs/astro-rebuild.log'), 'utf8');
      figures.rebuild = { file: change.file, ingestSeconds: again.seconds, reparsed: again.parsed, fromCache: again.cached, buildSeconds: rebuild.seconds, buildCpuSeconds: rebuild.cpuSeconds, treePeak: rebuild.treePeak };
      line('rebuild, one report changed', `${change.file}: ingest ${secs(again.seconds)} (${again.parsed} re-parsed, ${again.cached} from cache), astro build ${secs(rebuild.seconds)}${rebuild.cpuSeconds !== null ? ` (CPU ${secs(rebuild.cpuSeconds)})` : ''} (full build ${secs(build.seconds)}), load ${load()}`);
      // Astro lists every output: "(restored)" where the incremental build copied it back from its cache,
      // "(cached)" where it left it in place (the output is not emptied), "(+12ms)" where rendered.
      // (Lines may run together in the log, so count the markers, not lines.)
      const outputs = log.match(/[├└]─ \//g)?.length ?? 0;
      const restored = log.match(/\((?:restored|cached)\)/g)?.length ?? 0;
      (figures.rebuild as Record<string, unknown>).rendered = outputs - restored;
      (figures.rebuild as Record<string, unknown>).restored = restored;
      line('  outputs re-rendered / restored', `${outputs - restored} / ${restored}`);

    } finally {
      change.restore();
    }
  }

  figures.loadAtEnd = loadavg();
  console.log(`load average at the end: ${load()}`);
  writeFileSync(join(work, 'bench.json'), JSON.stringify(figures, null, 2));
  console.log(`figures: ${join(work, 'bench.json')}; logs: ${join(work, 'logs')}`);
}

main().catch((e: Error) => {
  console.error(`bench: ${e.message}`);
  process.exit(1);
});
