// npm run bench:og: the share images (Open Graph, one per county) at national scale: time and size
// per image on this machine, for a sample of real county names with made-up figures (the card's
// layout does not depend on the figures' values beyond their digits), extrapolated to every
// county of the GB/T 2260 list. Budget: the whole set within 100 MB. Prints figures; exits 1 over budget.
//   node scripts/bench-og.ts [--sample 200] [--out DIR]
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { counties } from '../src/lib/region.ts';
import { ogPng, type OgCard } from '../src/lib/site/build/ogImage.ts';

const { values: args } = parseArgs({ options: { sample: { type: 'string', default: '200' }, out: { type: 'string' } } });
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
for (const c of chosen) {
  const t = performance.now();
  const png = await ogPng(card(c));
  times.push(performance.now() - t);
  sizes.push(png.length);
  if (args.out) writeFileSync(join(args.out, `${c.code}.png`), png);
}
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
process.exit(total <= BUDGET ? 0 : 1);
