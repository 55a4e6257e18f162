// npm run budgets: the size and speed budgets of a report page, measured on the built dist/.
//   - HTML of each sample report page (content/reports/*)    <= 60 KB
//   - JavaScript a report page loads, gzipped, after scrolling to the bottom so that every chart
//     and its lazy imports load (playwright network log + inline scripts)   <= 100 KB
//   - Lighthouse (mobile) on the largest report page and on the compare page (four counties
//     compared): performance >= 95, accessibility = 100
// Runs Debian chromium (/usr/bin/chromium, or CHROMIUM_PATH). Build first: `npm run build`.
// Options: --runs N (Lighthouse runs, median reported; default 1), --skip-lighthouse.
// A benchmark, not a test: prints figures, exits 1 when a budget is exceeded.
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { parseArgs, promisify } from 'node:util';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';
import { detectBase, serveDist } from './serve-dist.ts';

const KB = 1024;
const BUDGET = { html: 60 * KB, js: 100 * KB, performance: 95, accessibility: 100 };
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

const { values: args } = parseArgs({ options: { runs: { type: 'string', default: '1' }, 'skip-lighthouse': { type: 'boolean', default: false } } });
const root = process.cwd();
const dist = resolve(root, 'dist');
if (!existsSync(join(dist, 'index.html'))) {
  console.error('budgets: no dist/index.html: run `npm run build` first.');
  process.exit(2);
}
if (!existsSync(CHROMIUM)) {
  console.error(`budgets: chromium not found at ${CHROMIUM}: run \`apt-get install chromium\` (or set CHROMIUM_PATH).`);
  process.exit(2);
}
const base = process.env.BASE_PATH ?? detectBase(dist);

/** Report pages counties/{code}-{pinyin}/{year}/index.html and the source file their report.json names. */
function reportPages(): { path: string; file: string; source?: string }[] {
  const dir = join(dist, 'counties');
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((p) => /^\d{6}-[^/]+\/\d{4}\/index\.html$/.test(p))
    .sort()
    .map((p) => {
      const file = join(dir, p);
      const json = readdirSync(join(file, '..')).find((f) => f.endsWith('.json'));
      let source: string | undefined;
      try {
        source = json ? (JSON.parse(readFileSync(join(file, '..', json), 'utf8')).source as string) : undefined;
      } catch {
        source = undefined;
      }
      return { path: `counties/${p.replace(/index\.html$/, '')}`, file, source };
    });
}

const samples = new Set(existsSync(join(root, 'content/reports')) ? readdirSync(join(root, 'content/reports')) : []);
const pages = reportPages();
const samplePages = pages.filter((p) => p.source && samples.has(p.source));
const measured = samplePages.length ? samplePages : pages;
if (!measured.length) {
  console.error('budgets: no report page (counties/{code}-{pinyin}/{year}/) in dist/.');
  process.exit(2);
}

const kb = (n: number) => `${(n / KB).toFixed(1)} KB`;
const verdict = (ok: boolean) => (ok ? 'ok' : 'OVER BUDGET');
const results: boolean[] = [];
const line = (label: string, figure: string, budget: string, ok: boolean) => {
  results.push(ok);
  console.log(`  ${label.padEnd(44)} ${figure.padStart(10)}   ${budget.padEnd(10)} ${verdict(ok)}`);
};

console.log(`budgets on ${relative(root, dist)}/ (base ${base}), ${measured.length} report page(s)${samplePages.length ? ' of the samples' : ''}\n`);
console.log('report page HTML');
for (const p of measured) {
  const size = readFileSync(p.file).length;
  line(`${p.path}`, kb(size), '<= 60 KB', size <= BUDGET.html);
}

// The largest sample page is the one measured in the browser.
const heaviest = [...measured].sort((a, b) => readFileSync(b.file).length - readFileSync(a.file).length)[0];
const served = await serveDist({ dir: dist, base });
const pageUrl = served.url + heaviest.path;
try {
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: FLAGS });
  const context = await browser.newContext({ viewport: { width: 412, height: 823 } });
  const page = await context.newPage();
  const scripts = new Map<string, Promise<Buffer | null>>();
  page.on('response', (r) => {
    const type = r.request().resourceType();
    if (type === 'script' || /\.m?js(\?|$)/.test(new URL(r.url()).pathname)) scripts.set(r.url(), r.body().catch(() => null));
  });
  await page.goto(pageUrl, { waitUntil: 'networkidle' });
  const beforeScroll = scripts.size;
  await page.evaluate(async () => {
    for (let y = 0; y <= document.documentElement.scrollHeight; y += 300) {
      window.scrollTo(0, y);
      await new Promise((r) => setTimeout(r, 50));
    }
  });
  await page.waitForLoadState('networkidle');
  await page.waitForTimeout(500);
  const inline = await page.evaluate(() =>
    [...document.querySelectorAll('script:not([src])')]
      .filter((s) => !/json/i.test((s as HTMLScriptElement).type))
      .map((s) => s.textContent ?? ''),
  );
  let total = 0;
  console.log(`\nJavaScript on ${heaviest.path} after scrolling to the bottom (gzip -6)`);
  for (const [url, body] of scripts) {
    const buf = await body;
    const gz = buf ? gzipSync(buf).length : 0;
    total += gz;
    console.log(`    ${new URL(url).pathname.padEnd(60)} ${kb(buf?.length ?? 0).padStart(9)} raw ${kb(gz).padStart(9)} gzip`);
  }
  const inlineGz = inline.length ? gzipSync(inline.join('\n')).length : 0;
  total += inlineGz;
  console.log(`    ${`${inline.length} inline script(s)`.padEnd(60)} ${kb(inline.join('').length).padStart(9)} raw ${kb(inlineGz).padStart(9)} gzip`);
  console.log(`    (${beforeScroll} file(s) loaded before scrolling, ${scripts.size} after)`);
  line('JavaScript loaded, gzipped', kb(total), '<= 100 KB', total <= BUDGET.js);
  await browser.close();

  if (!args['skip-lighthouse']) {
    await lighthouse(pageUrl, heaviest.path);
    // The compare page with a comparison drawn: the counties with the most years (data/compare/index.json).
    const index = JSON.parse(readFileSync(join(dist, 'data/compare/index.json'), 'utf8')) as { counties: { c: string; y: number[] }[]; years: number[] };
    const chosen = [...index.counties].sort((a, b) => b.y.length - a.y.length).slice(0, 4).map((c) => c.c);
    const comparePath = `compare/?c=${chosen.join(',')}&y=${index.years.at(-1)}&m=received`;
    await lighthouse(served.url + comparePath, comparePath);
  }
} finally {
  await served.close();
}

/** Lighthouse (mobile) on one page: the median of --runs runs, against the budgets. */
async function lighthouse(pageUrl: string, label: string): Promise<void> {
    const runs = Math.max(1, Number(args.runs) || 1);
    const scores: { performance: number; accessibility: number; metrics: Record<string, number> }[] = [];
    const out = mkdtempSync(join(tmpdir(), 'lighthouse-'));
    const cli = join(root, 'node_modules/lighthouse/cli/index.js');
    for (let i = 0; i < runs; i++) {
      const report = join(out, `run-${i}.json`);
      await promisify(execFile)(
        process.execPath,
        [cli, pageUrl, '--quiet', '--form-factor=mobile', '--only-categories=performance,accessibility', '--output=json', `--output-path=${report}`, `--chrome-flags=${FLAGS.join(' ')}`],
        { env: { ...process.env, CHROME_PATH: CHROMIUM }, maxBuffer: 64 * 1024 * 1024 },
      );
      const lhr = JSON.parse(readFileSync(report, 'utf8'));
      const audit = (id: string) => lhr.audits[id]?.numericValue as number;
      scores.push({
        performance: Math.round(lhr.categories.performance.score * 100),
        accessibility: Math.round(lhr.categories.accessibility.score * 100),
        metrics: { FCP: audit('first-contentful-paint'), LCP: audit('largest-contentful-paint'), TBT: audit('total-blocking-time'), CLS: audit('cumulative-layout-shift') },
      });
      // Failing accessibility audits, with a few of the elements they name.
      type Audit = { id: string; score: number | null; scoreDisplayMode: string; details?: { items?: { node?: { snippet?: string } }[] } };
      const failing = (Object.values(lhr.audits) as Audit[]).filter((a) => a.scoreDisplayMode === 'binary' && a.score === 0);
      if (i === 0) {
        for (const a of failing) {
          const nodes = (a.details?.items ?? []).map((it) => it.node?.snippet).filter(Boolean);
          console.log(`    failing audit ${a.id} (${nodes.length} element(s)): ${nodes.slice(0, 3).join('  ')}`);
        }
      }
    }
    rmSync(out, { recursive: true, force: true });
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
    const perf = median(scores.map((s) => s.performance));
    const a11y = median(scores.map((s) => s.accessibility));
    const m = scores.find((s) => s.performance === perf)!.metrics;
    console.log(`\nLighthouse ${JSON.parse(readFileSync(join(root, 'node_modules/lighthouse/package.json'), 'utf8')).version}, mobile, ${label}, median of ${runs} run(s)`);
    console.log(`    FCP ${(m.FCP / 1000).toFixed(2)} s, LCP ${(m.LCP / 1000).toFixed(2)} s, TBT ${Math.round(m.TBT)} ms, CLS ${m.CLS.toFixed(3)}; runs: ${scores.map((s) => `${s.performance}/${s.accessibility}`).join(', ')}`);
    const kind = label.split('/')[0] === 'compare' ? 'compare page' : 'report page';
    line(`Lighthouse performance (mobile), ${kind}`, String(perf), '>= 95', perf >= BUDGET.performance);
    line(`Lighthouse accessibility, ${kind}`, String(a11y), '= 100', a11y >= BUDGET.accessibility);
  }

const failed = results.filter((ok) => !ok).length;
console.log(`\n${failed ? `${failed} budget(s) exceeded` : 'all budgets hold'}`);
process.exit(failed ? 1 : 0);
