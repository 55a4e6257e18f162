// npm run corpus -- --counties N --years 2019-2023 --out DIR [--seed S] [--formats txt,html,docx,doc,pdf] [--length short|real]
// Writes a synthetic corpus for scale tests and benchmarks: DIR/reports/* (reports in varied layouts,
// each marked 【测试数据，非真实报告】; each report in one of --formats, picked per report: text in a
// converter's layout, a government web page, a Word file (.docx, or saved as .doc by LibreOffice: soffice
// is needed for `doc` only), or that page printed to PDF by Chromium) and
// DIR/truth/*.json (the values each was written from; `source` names its report file). `--length real`
// writes each text report as long as the samples' (9–16.5 KB: more prose in its overview), for the
// site's size at real report lengths.
// PDFs are printed several at a time (CORPUS_PRINTS, default 6) by two Chromiums (CORPUS_BROWSERS).
// Test data only: refuses to write into content/, public/ or dist/.
import { mkdirSync, readdirSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { counties, type Division } from '../src/lib/region.ts';
import { placeKind } from './synth/issuer.ts';
import { extraParagraphs, hardWrap } from './synth/prose.ts';
import {
  createRng,
  encodeHtml,
  generateTruth,
  randomDocumentOptions,
  randomLayout,
  randomTruthOptions,
  renderReportDocx,
  renderReportHtml,
  writeReport,
  type DocumentOptions,
  type Layout,
  type Rng,
  type Truth,
  type TruthOptions,
} from './synth/index.ts';
import type { Browser } from 'playwright-core';
import { launchChromium } from './chromium.ts';
import { convertDocxToDoc, printHtmlToPdf } from './synth/pdf.ts';

const root = fileURLToPath(new URL('..', import.meta.url));

/** The formats the corpus can write (the file extension of each). */
export const CORPUS_FORMATS = ['txt', 'html', 'docx', 'doc', 'pdf'] as const;
export type CorpusFormat = (typeof CORPUS_FORMATS)[number];

export interface CorpusOptions {
  counties: number;
  years: number[];
  out: string;
  seed: string;
  /** Each report is written in one of these, picked per report (default: txt only). */
  formats?: readonly CorpusFormat[];
  /** 'real': text reports as long as the samples' (REAL_LENGTH); 'short' (default): as the layouts write them (~4.5 KB). */
  length?: CorpusLength;
}

export type CorpusLength = 'short' | 'real';
/** Pages Chromium prints at once (one at a time it idles three quarters of the time). */
const PRINTS_AT_ONCE = Number(process.env.CORPUS_PRINTS ?? 6);
/** Chromiums printing side by side (each prints one page at a time, however many it is given). */
const BROWSERS = Number(process.env.CORPUS_BROWSERS ?? 2);
/** The samples' text lengths in bytes (content/reports/*.txt: 9,060 to 16,506; mean 12,800). */
export const REAL_LENGTH = { min: 9_000, max: 16_500 } as const;

export function parseArgs(argv: readonly string[]): CorpusOptions {
  const get = (name: string) => {
    const i = argv.indexOf(`--${name}`);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  const n = Number(get('counties') ?? '20');
  const years = (get('years') ?? '2019-2023').split('-').map(Number);
  const out = get('out');
  if (!out) throw new Error('--out DIR is required');
  if (!Number.isInteger(n) || n < 1) throw new Error(`--counties must be a positive whole number, not ${get('counties')}`);
  const [from, to = from] = years;
  if (!Number.isInteger(from) || !Number.isInteger(to) || from > to || from < 2008) throw new Error(`--years must be like 2019-2023, not ${get('years')}`);
  const length = get('length') ?? 'short';
  if (length !== 'short' && length !== 'real') throw new Error(`--length is short or real, not ${length}`);
  const formats = (get('formats') ?? 'txt').split(',').map((f) => f.trim());
  const unknown = formats.filter((f) => !(CORPUS_FORMATS as readonly string[]).includes(f));
  if (unknown.length > 0 || formats.length === 0) throw new Error(`--formats takes a list of ${CORPUS_FORMATS.join(', ')}, not ${get('formats')}`);
  return {
    counties: n,
    years: Array.from({ length: to - from + 1 }, (_, i) => from + i),
    out: resolve(out),
    seed: get('seed') ?? 'corpus',
    formats: formats as CorpusFormat[],
    length,
  };
}

/**
 * The report's text made as long as a real one: overview paragraphs (the prose the layouts write,
 * with figures that are prose, never table cells) added before the second section's heading until
 * it reaches a length drawn from the samples' range. The figures of the tables are untouched, so
 * the corpus truth still holds. Deterministic by `key`.
 */
export function lengthenReport(text: string, truth: Pick<Truth, 'region' | 'year' | 'applications'>, layout: Pick<Layout, 'proseWrap' | 'doubleSpaced'>, key: string): string {
  const rng = createRng(`${key}:length`);
  const target = rng.int(REAL_LENGTH.min, REAL_LENGTH.max);
  const lines = text.split('\n');
  // The second section (二、…) follows the overview; a text without one is left as it is.
  const at = lines.findIndex((l) => /^\s*二、/.test(l));
  if (at < 0) return text;
  const ctx = { place: truth.region.name, kind: placeKind(truth.region), year: truth.year, received: truth.applications?.received?.[6] ?? 0 };
  const added: string[] = [];
  let bytes = Buffer.byteLength(text);
  while (bytes < target) {
    const para = hardWrap(extraParagraphs(rng, ctx)[0], layout.proseWrap).flatMap((l) => (layout.doubleSpaced ? [l, ''] : [l]));
    added.push(...para);
    bytes += Buffer.byteLength(para.join('\n')) + para.length;
  }
  return [...lines.slice(0, at), ...added, ...lines.slice(at)].join('\n');
}

/** The corpus is test data: never inside the site's content, its static files or its build. */
export function refuseSiteDirs(out: string): void {
  const rel = relative(root, resolve(out));
  const first = rel.split(sep)[0];
  if (!rel.startsWith('..') && ['content', 'public', 'dist', 'src'].includes(first))
    throw new Error(`refusing to write synthetic reports into ${first}/: the corpus is test data and must stay out of the site (use e.g. /tmp/corpus)`);
  if (rel === '') throw new Error('refusing to write the corpus over the project root');
}

/** `n` counties spread over the provinces: round robin over provinces, shuffled within each. */
export function pickCounties(rng: Rng, n: number): Division[] {
  const byProvince = new Map<string, Division[]>();
  for (const c of counties) byProvince.set(c.province, [...(byProvince.get(c.province) ?? []), c]);
  const queues = [...byProvince.values()].map((list) => rng.shuffle(list));
  const picked: Division[] = [];
  for (let round = 0; picked.length < Math.min(n, counties.length); round++)
    for (const q of queues) if (round < q.length && picked.length < n) picked.push(q[round]);
  return picked.sort((a, b) => a.code.localeCompare(b.code));
}

export interface CorpusEntry {
  file: string;
  truth: Truth;
  text: string;
  options: TruthOptions;
  layout: Layout;
  ambiguous: string[][];
}

/** All reports of one county, year by year (this year's 上年结转 is last year's 结转下年度). */
export function countyReports(seed: string, county: Division, years: readonly number[], length: CorpusLength = 'short'): CorpusEntry[] {
  const rng = createRng(`${seed}:${county.code}`);
  const scale = rng.weighted([['quiet', 35], ['typical', 55], ['busy', 10]] as const);
  let carried: number[] | undefined;
  return years.map((year) => {
    const r = rng.fork(String(year));
    const options = { ...randomTruthOptions(r, year), scale: r.chance(0.8) ? scale : randomTruthOptions(r, year).scale, carriedOver: carried };
    const truth = generateTruth(r, county, year, options);
    carried = (truth.applications?.carriedForward ?? []).slice(0, 6).map((c) => c ?? 0);
    const layout = randomLayout(r.fork('layout'), `${seed}:${county.code}:${year}`);
    const written = writeReport(truth, layout);
    const file = `${county.code}_${year}`;
    const text = length === 'real' ? lengthenReport(written.text, truth, layout, `${seed}:${file}`) : written.text;
    return { file, truth, text, options: { ...options, carriedOver: undefined }, layout, ambiguous: written.ambiguous };
  });
}

function clearDir(dir: string, exts: readonly string[]): void {
  if (!existsSync(dir)) return;
  for (const f of readdirSync(dir)) if (exts.some((ext) => f.endsWith(ext))) rmSync(join(dir, f));
}

/**
 * The report's file in a format: the same truth, as text in its layout, a web page, a Word file (.doc:
 * the .docx saved by LibreOffice), or the web page printed to PDF by Chromium (`browser`, needed for pdf only).
 */
export async function renderEntry(
  entry: Pick<CorpusEntry, 'truth' | 'text'>,
  format: CorpusFormat,
  document: DocumentOptions & { charset?: 'utf-8' | 'gbk' },
  browser?: () => Promise<Browser>,
): Promise<Uint8Array | string> {
  if (format === 'txt') return entry.text;
  if (format === 'html') return encodeHtml(renderReportHtml(entry.truth, document), document.charset ?? 'utf-8');
  if (format === 'pdf') {
    if (!browser) throw new Error('renderEntry: pdf needs a browser');
    return printHtmlToPdf(await browser(), renderReportHtml(entry.truth, { ...document, charset: 'utf-8' }));
  }
  const docx = await renderReportDocx(entry.truth, document);
  return format === 'doc' ? convertDocxToDoc([docx])[0]! : docx;
}

export async function writeCorpus(opts: CorpusOptions): Promise<{ reports: number; counties: number; byFormat: Record<string, number> }> {
  const formats = opts.formats ?? ['txt'];
  refuseSiteDirs(opts.out);
  const reportsDir = join(opts.out, 'reports');
  const truthDir = join(opts.out, 'truth');
  mkdirSync(reportsDir, { recursive: true });
  mkdirSync(truthDir, { recursive: true });
  clearDir(reportsDir, CORPUS_FORMATS.map((f) => `.${f}`));
  clearDir(truthDir, ['.json']);
  const byFormat: Record<string, number> = {};
  const picked = pickCounties(createRng(`${opts.seed}:counties`), opts.counties);
  let reports = 0;
  // Chromiums for the PDFs, started only when one is asked for, each given the next PDF in turn.
  const launched: Promise<Browser>[] = [];
  let turn = 0;
  const browser = () => (launched[turn++ % BROWSERS] ??= launchChromium());
  // .doc files are saved by LibreOffice in batches: it takes seconds to start.
  const pendingDoc: { path: string; docx: Uint8Array }[] = [];
  const printing = new Set<Promise<void>>();
  let failed: { error: Error } | undefined;
  const saveDocs = () => {
    const batch = pendingDoc.splice(0);
    convertDocxToDoc(batch.map((d) => d.docx)).forEach((doc, k) => writeFileSync(batch[k]!.path, doc));
  };
  try {
    for (const county of picked) {
      for (const entry of countyReports(opts.seed, county, opts.years, opts.length)) {
        const pick = createRng(`${opts.seed}:${entry.file}:format`);
        const format = pick.pick(formats);
        // GB2312/GBK pages are common on county portals.
        const documentOptions = { ...randomDocumentOptions(pick.fork('document'), `${opts.seed}:${entry.file}`), charset: pick.chance(0.3) ? ('gbk' as const) : ('utf-8' as const) };
        const source = `${entry.file}.${format}`;
        if (format === 'doc') {
          pendingDoc.push({ path: join(reportsDir, source), docx: await renderReportDocx(entry.truth, documentOptions) });
          if (pendingDoc.length >= 200) saveDocs();
        } else if (format === 'pdf') {
          // Chromium waits more than it computes while printing one page: several at once.
          if (printing.size >= PRINTS_AT_ONCE) await Promise.race(printing);
          if (failed) throw failed.error;
          const job: Promise<void> = renderEntry(entry, format, documentOptions, browser)
            .then((pdf) => writeFileSync(join(reportsDir, source), pdf))
            .catch((error: unknown) => void (failed ??= { error: new Error(`${source}: ${(error as Error).message}`) }))
            .finally(() => printing.delete(job));
          printing.add(job);
        } else writeFileSync(join(reportsDir, source), await renderEntry(entry, format, documentOptions, browser));
        byFormat[format] = (byFormat[format] ?? 0) + 1;
        // Text in a layout can leave rows ambiguous on purpose; documents keep every cell in its place.
        const synthetic = { seed: opts.seed, format, length: opts.length ?? 'short', options: entry.options, layout: entry.layout, ambiguous: format === 'txt' ? entry.ambiguous : [], ...(format === 'txt' ? {} : { document: documentOptions }) };
        const truthJson = { source, ...entry.truth, synthetic };
        writeFileSync(join(truthDir, `${entry.file}.json`), JSON.stringify(truthJson));
        reports++;
      }
    }
    if (pendingDoc.length) saveDocs();
    await Promise.all(printing);
    if (failed) throw failed.error;
  } finally {
    await Promise.all(launched.map(async (b) => (await b).close()));
  }
  writeFileSync(
    join(opts.out, 'corpus.json'),
    JSON.stringify({ note: '测试数据，非真实报告 — synthetic test data, never publish', seed: opts.seed, length: opts.length ?? 'short', counties: picked.length, years: opts.years, reports, formats: byFormat }, null, 2),
  );
  return { reports, counties: picked.length, byFormat };
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  try {
    const opts = parseArgs(process.argv.slice(2));
    const started = performance.now();
    const { reports, counties: n, byFormat } = await writeCorpus(opts);
    const formats = Object.entries(byFormat).map(([f, k]) => `${k} ${f}`).join(', ');
    console.log(`corpus: ${reports} reports (${n} counties × ${opts.years.length} years; ${formats}; ${opts.length} length) in ${opts.out} — ${((performance.now() - started) / 1000).toFixed(1)} s`);
  } catch (e) {
    console.error(`corpus: ${(e as Error).message}`);
    process.exit(1);
  }
}
