// npm run bench:og: the share images (Open Graph, one per county) at national scale: time and size
// per image on this machine, for a sample of real county names with made-up figures (the card's
// layout does not depend on the figures' values beyond their digits), extrapolated to every
// county of the GB/T 2260 list. Budget: the whole set within 100 MB. Prints figures; exits 1 over budget.
// Then as the build makes them (ogImages.ts): the same sample drawn by the worker threads from an
// empty cache (wall time), and again with every card in the cache (a rebuild with nothing changed).
// Memory: the process's RSS as images are drawn in this thread (it must not grow with their number:
// the native resvg kept ~6 MiB an image) and the peak RSS of the whole process, worker threads in it.
//   node scripts/bench-og.ts [--sample 200] [--out DIR] [--workers N]
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { availableParallelism, loadavg } from 'node:os';
import { counties } from '../src/lib/region.ts';
import { cardKey, ogPng, type OgCard } from '../src/lib/site/build/ogImage.ts';
import { defaultOgWorkers, drawImages, type OgJob } from '../src/lib/site/build/ogImages.ts';

const { values: args } = parseArgs({ options: { sample: { type: 'string', default: '200' }, out: { type: 'string' }, workers: { type: 'string' } } });
const BUDGET = 100 * 1e6;
const sample = Math.min(counties.length, Math.max(1, Number(args.sample) || 200));
// Spread over the list (every province), deterministic.
const step = counties.length / sample;
const chosen = Array.from({ length: sample }, (_, i) => counties[Math.floor(i * step)]);
let seed = 1;
const rand = (max: number) => {
  seed = (seed * 1103515245 + 12345) % 2 ** 31;
  return seed % max;
};
const fmt = (n: number) => n.toLocaleString('en-US');
const card = (c: (typeof counties)[number]): OgCard => ({
  name: c.name,
  place: c.prefecture && c.prefecture !== c.province ? `${c.province} · ${c.prefecture}` : c.province,
  year: 2023,
  figures: [
    { label: '新收申请', value: fmt(rand(5000)), unit: '件' },
    { label: '公开率', value: `${(rand(1000) / 10).toFixed(1)}%`, unit: '' },
    { label: '行政许可', value: fmt(rand(200000)), unit: '件' },
    { label: '行政复议', value: fmt(rand(300)), unit: '件' },
  ],
  coverage: '本站收录其 2019、2020、2021、2022、2023 年报告（2019–2023 年共 5 个年度中的 5 个）',
  consistent: rand(10) > 0,
});

if (args.out) mkdirSync(args.out, { recursive: true });
const first = Date.now();
await ogPng(card(chosen[0])); // loads the font subsets
const warm = Date.now() - first;
const sizes: number[] = [];
const times: number[] = [];
const MiB = 2 ** 20;
const peakRss = () => process.resourceUsage().maxRSS * 1024; // KiB, of the whole process
const rssAt: { drawn: number; rss: number }[] = [];
for (const [i, c] of chosen.entries()) {
  const t = performance.now();
  const png = await ogPng(card(c));
  times.push(performance.now() - t);
  sizes.push(png.length);
  if (args.out) writeFileSync(join(args.out, `${c.code}.png`), png);
  if (i === Math.floor(sample / 4) || i === sample - 1) rssAt.push({ drawn: i + 1, rss: process.memoryUsage().rss });
}
const peakOneThread = peakRss();
const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * p))];
const meanSize = sum(sizes) / sizes.length;
const total = meanSize * counties.length;
console.log(`share images: ${sample} of ${counties.length} counties, 1200×630 PNG (satori → resvg → palette PNG)`);
console.log(`  first image (loads fonts)     ${warm} ms`);
console.log(`  time per image                median ${pct(times, 0.5).toFixed(0)} ms, p95 ${pct(times, 0.95).toFixed(0)} ms (one core)`);
console.log(`  size per image                mean ${(meanSize / 1024).toFixed(1)} KiB, largest ${(Math.max(...sizes) / 1024).toFixed(1)} KiB`);
console.log(`  national set (${counties.length})          ${(total / 1e6).toFixed(1)} MB, about ${((sum(times) / sample) * counties.length / 1000 / 60).toFixed(1)} min to make from nothing (then cached)`);
console.log(`  budget                        <= 100 MB: ${total <= BUDGET ? 'ok' : 'OVER BUDGET'}`);
const [quarter, end] = [rssAt[0], rssAt.at(-1)!];
const perImage = end.drawn > quarter.drawn ? (end.rss - quarter.rss) / (end.drawn - quarter.drawn) : 0;
console.log(`  memory, this thread           RSS ${(quarter.rss / MiB).toFixed(0)} MiB after ${quarter.drawn} images, ${(end.rss / MiB).toFixed(0)} MiB after ${end.drawn} (${(perImage / MiB).toFixed(2)} MiB an image); peak ${(peakOneThread / MiB).toFixed(0)} MiB`);

// As the build makes them: worker threads, off the thread that renders the pages, cached by digest.
const workers = args.workers === undefined ? defaultOgWorkers() : Number(args.workers);
const tmp = mkdtempSync(join(tmpdir(), 'bench-og-'));
seed = 1; // the same cards as above
const jobs: OgJob[] = chosen.map((c) => {
  const k = card(c);
  return { code: c.code, file: join(tmp, 'out', `${c.code}.png`), card: k, key: cardKey(k) };
});
let t = performance.now();
const fresh = await drawImages(jobs, join(tmp, 'cache'), workers);
const freshMs = performance.now() - t;
t = performance.now();
const cached = await drawImages(jobs, join(tmp, 'cache'), workers);
const cachedMs = performance.now() - t;
rmSync(tmp, { recursive: true, force: true });
const peakAll = peakRss();
const national = (ms: number) => ((ms / sample) * counties.length) / 1000;
console.log(`as built: ${workers} worker thread(s) (cores: ${availableParallelism()}; load average ${loadavg().map((l) => l.toFixed(2)).join(' ')})`);
console.log(`  from an empty cache           ${fresh.made} drawn in ${(freshMs / 1000).toFixed(1)} s wall (${(freshMs / sample).toFixed(0)} ms per image): national ~${(national(freshMs) / 60).toFixed(1)} min, none of it in the page-rendering thread${fresh.failed.length ? ` (workers failed: ${fresh.failed.join('; ')})` : ''}`);
console.log(`  rebuild, every card cached    ${cached.made} drawn, ${(cachedMs / 1000).toFixed(2)} s (${(cachedMs / sample).toFixed(1)} ms per image): national ~${national(cachedMs).toFixed(1)} s; an output already holding the image is not written at all`);
console.log(`  peak memory (whole process)   ${(peakAll / MiB).toFixed(0)} MiB RSS${peakAll > peakOneThread ? ` (${((peakAll - peakOneThread) / MiB).toFixed(0)} MiB over the one-thread drawing: the workers' own heaps and fonts)` : ''}`);
process.exit(total <= BUDGET ? 0 : 1);
