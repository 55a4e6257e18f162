// The share image (Open Graph, 1200×630 PNG) of a county: its name, the latest year held, headline
// figures, and which years the site holds. Made at build time without a browser: satori lays out
// the card and turns its text into outlines (SVG), resvg (WebAssembly) draws the PNG. The CJK font
// comes from the @fontsource/noto-sans-sc package, which ships Noto Sans SC cut into ~100 unicode-range subsets
// (WOFF, which satori reads): only the subsets holding the card's characters are loaded.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { Resvg, initWasm } from '@resvg/resvg-wasm';
import satori from 'satori';
import { formatHeadline } from '../view/format.ts';
import { indexedPng } from './indexedPng.ts';
import { METRICS } from '../data/metrics.ts';
import { SITE_NAME } from '../view/site.ts';
import type { ReportSummary } from '../data/summary.ts';

export const OG_WIDTH = 1200;
export const OG_HEIGHT = 630;
/** Headline figures on the card (the four a reader of a county asks about first). */
export const CARD_METRICS = ['received', 'disclosure-rate', 'licensing', 'review'];

/** What a card takes of a report's summary (ogImages.ts keeps these between builds). */
export type CardReport = Pick<ReportSummary, 'region' | 'year' | 'consistent'> & { values: Record<string, { value: number | null }> };

export interface OgCard {
  name: string; // 民和回族土族自治县
  place: string; // 青海省 · 海东市
  year: number; // the latest year held
  figures: { label: string; value: string; unit: string }[];
  /** Which years the site holds of the years it covers: 已收录 2019、2021 年（共 5 个年度中的 2 个） */
  coverage: string;
  consistent: boolean;
}

export function ogCard(reports: readonly CardReport[], siteYears: readonly number[]): OgCard {
  const sorted = [...reports].sort((a, b) => a.year - b.year);
  const latest = sorted.at(-1)!;
  const { region } = latest;
  const figures = CARD_METRICS.map((id) => METRICS.find((m) => m.id === id)!).map((m) => {
    const v = latest.values[m.id].value;
    return { label: m.label, value: v === null ? '—' : formatHeadline(m, v), unit: m.kind === 'rate' || v === null ? '' : m.unit };
  });
  const held = sorted.map((r) => r.year);
  return {
    name: region.name,
    place: region.prefecture && region.prefecture !== region.province ? `${region.province} · ${region.prefecture}` : region.province,
    year: latest.year,
    figures,
    coverage: `本站收录其 ${held.join('、')} 年报告（${siteYears[0]}–${siteYears.at(-1)} 年共 ${siteYears.length} 个年度中的 ${held.length} 个）`,
    consistent: latest.consistent,
  };
}

// A satori element: the React element shape without React.
type Node = { type: string; props: { style?: Record<string, unknown>; children?: (Node | string)[] | Node | string } };
const el = (type: string, style: Record<string, unknown>, ...children: (Node | string)[]): Node => ({ type, props: { style, children } });

function cardTree(c: OgCard, fontFamily: string): Node {
  const ink = '#1a1a1a';
  return el(
    'div',
    { width: OG_WIDTH, height: OG_HEIGHT, display: 'flex', flexDirection: 'column', background: '#ffffff', fontFamily, color: ink },
    el('div', { height: 16, background: '#8a1c1c' }),
    el(
      'div',
      { display: 'flex', flexDirection: 'column', padding: '40px 64px 0', flexGrow: 1 },
      el('div', { fontSize: 30, color: '#555' }, c.place),
      el('div', { fontSize: 72, fontWeight: 700, marginTop: 4 }, c.name),
      el('div', { fontSize: 32, marginTop: 4 }, `${c.year} 年政府信息公开工作年度报告${c.consistent ? '' : '（报告自身数字有不符）'}`),
      el(
        'div',
        { display: 'flex', marginTop: 40, borderTop: `2px solid ${ink}` },
        ...c.figures.map((f) =>
          el(
            'div',
            { display: 'flex', flexDirection: 'column', width: '25%', paddingTop: 16, paddingRight: 16 },
            el('div', { fontSize: 26, color: '#555' }, f.label),
            el('div', { display: 'flex', alignItems: 'baseline', marginTop: 6 }, el('div', { fontSize: 56, fontWeight: 700 }, f.value), el('div', { fontSize: 26, marginLeft: 6 }, f.unit)),
          ),
        ),
      ),
      el('div', { fontSize: 24, color: '#555', marginTop: 28 }, c.coverage),
    ),
    el('div', { display: 'flex', justifyContent: 'space-between', padding: '18px 64px', background: '#f5f4f0', fontSize: 24, color: '#333' }, el('div', {}, SITE_NAME), el('div', {}, '数字按报告所印 · 可追溯到原文')),
  );
}

// --- fonts: the Noto Sans SC subsets that hold the card's characters ---
const require = createRequire(import.meta.url);
interface Subset {
  file: string;
  weight: number;
  ranges: [number, number][];
}
let subsets: Subset[] | undefined;
function fontSubsets(): Subset[] {
  if (subsets) return subsets;
  const dir = dirname(require.resolve('@fontsource/noto-sans-sc/package.json'));
  subsets = [];
  for (const weight of [400, 700]) {
    const css = readFileSync(join(dir, `${weight}.css`), 'utf8');
    for (const block of css.split('@font-face').slice(1)) {
      const woff = block.match(/url\(\.\/files\/([^)]+\.woff)\) format\('woff'\)/)?.[1];
      const range = block.match(/unicode-range:\s*([^;]+);/)?.[1];
      if (!woff || !range) continue;
      const ranges = range.split(',').map((r): [number, number] => {
        const [a, b] = r.trim().replace(/^U\+/i, '').split('-');
        return [parseInt(a, 16), parseInt(b ?? a, 16)];
      });
      subsets.push({ file: join(dir, 'files', woff), weight, ranges });
    }
  }
  return subsets;
}
/**
 * Every subset, loaded once, always the same array: satori keeps the parsed fonts of an array it
 * has seen (a new array per card, each with the subsets its characters need, made it parse fonts
 * for every card: ~10× slower). Each subset under its own family name, all of them listed as the
 * card's font-family: satori falls back along the list glyph by glyph (subsets under one name are
 * not searched so).
 */
let allFonts: { name: string; data: Buffer; weight: 400 | 700; style: 'normal' }[] | undefined;
function fonts() {
  allFonts ??= fontSubsets().map((s) => ({ name: familyOf(s), data: readFileSync(s.file), weight: s.weight as 400 | 700, style: 'normal' as const }));
  return allFonts;
}
const familyOf = (s: Subset) => `sc-${s.file.match(/noto-sans-sc-([^-]+)-\d+-normal/)?.[1] ?? s.file}`;

const inRanges = (c: number, ranges: readonly [number, number][]) => ranges.some(([a, b]) => c >= a && c <= b);
const textOf = (n: Node | string): string => (typeof n === 'string' ? n : [n.props.children ?? []].flat().map(textOf).join(''));

export async function ogSvg(card: OgCard): Promise<string> {
  // The family list in the order of first use by the card's text: the common subsets first.
  const text = textOf(cardTree(card, ''));
  const used = fontSubsets().filter((s) => [...text].some((ch) => inRanges(ch.codePointAt(0)!, s.ranges)));
  const families = [...new Set([...used, ...fontSubsets()].map(familyOf))].join(', ');
  return satori(cardTree(card, families) as never, { width: OG_WIDTH, height: OG_HEIGHT, fonts: fonts() });
}

// resvg's WebAssembly build, not its native one (@resvg/resvg-js): the native objects hold their
// pixmaps outside V8's sight, and 2.6.2 kept ~6 MiB of RSS per image drawn, forced GC or not
// (thx/resvg-js#216; 300 images in one thread: 264 → 2,344 MiB), which took a cold build at 3,500
// reports to ~6 GB. Here each object is freed as soon as its pixels are copied out, so the
// instance's linear memory stays at its high-water mark of one card (test/site/ogMemory.test.ts).
let resvgReady: Promise<void> | undefined;
const resvg = () => (resvgReady ??= initWasm(readFileSync(require.resolve('@resvg/resvg-wasm/index_bg.wasm'))));

/** The card's SVG drawn: RGBA pixels, copied out of the WebAssembly memory, every resvg object freed. */
export async function drawSvg(svg: string): Promise<{ pixels: Uint8Array; width: number; height: number }> {
  await resvg();
  const tree = new Resvg(svg, { fitTo: { mode: 'width', value: OG_WIDTH }, font: { loadSystemFonts: false } });
  try {
    const img = tree.render();
    try {
      return { pixels: img.pixels, width: img.width, height: img.height };
    } finally {
      img.free();
    }
  } finally {
    tree.free();
  }
}

/** The card as a palette PNG (indexedPng.ts): the national set must stay within 100 MB (`npm run bench:og`). */
export async function ogPng(card: OgCard): Promise<Buffer> {
  const img = await drawSvg(await ogSvg(card));
  return indexedPng(img.pixels, img.width, img.height);
}

/** Where made images are kept between builds, by a digest of the card (a rebuild makes only changed ones). */
export const OG_CACHE_DIR = process.env.OG_CACHE_DIR ?? join(process.env.INGEST_DIR ? dirname(process.env.INGEST_DIR) : '.cache', 'og');

/**
 * What draws a card besides the card's content: this module and the PNG writer as written, and the
 * versions of satori, resvg and the font. Any change makes every image again.
 */
function drawingVersion(): string {
  const hash = createHash('sha1');
  for (const url of [import.meta.url, new URL('./indexedPng.ts', import.meta.url).href]) {
    try {
      hash.update(readFileSync(new URL(url)));
    } catch {
      hash.update(String(Math.random())); // sources not readable (bundled): never reuse
    }
  }
  for (const pkg of ['satori', '@resvg/resvg-wasm', '@fontsource/noto-sans-sc']) hash.update(`${pkg}@${packageVersion(pkg)}`);
  return hash.digest('hex');
}

/** A package's version, from the package.json above its entry (some packages do not export that file). */
function packageVersion(pkg: string): string {
  try {
    for (let d = dirname(require.resolve(pkg)); d !== dirname(d); d = dirname(d)) {
      const file = join(d, 'package.json');
      if (!existsSync(file)) continue;
      const json = JSON.parse(readFileSync(file, 'utf8'));
      if (json.name === pkg) return json.version;
    }
  } catch {
    // not resolvable from here
  }
  return '?';
}
let drawing: string | undefined;

/** The digest of a card's image: its content and the drawing code. */
export const cardKey = (card: OgCard): string => createHash('sha1').update(`${(drawing ??= drawingVersion())}\n${JSON.stringify(card)}`).digest('hex');

/** The card's PNG, from the cache when the same card was made before (and then cached). */
export async function ogPngCached(card: OgCard, dir = OG_CACHE_DIR, key = cardKey(card)): Promise<{ png: Buffer; made: boolean }> {
  const file = join(dir, `${key}.png`);
  if (existsSync(file)) return { png: readFileSync(file), made: false };
  const png = await ogPng(card);
  mkdirSync(dir, { recursive: true });
  writeFileSync(file, png);
  return { png, made: true };
}
