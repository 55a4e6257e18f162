// Every county's share image (og/{code}.png), written straight into the build output by worker
// threads from the start of the build (integrations.ts), beside the pages: drawing a card (satori
// and resvg, ogImage.ts) costs ~40 ms of CPU, ~2 min for the country from nothing, which as Astro
// routes was spent in the thread that renders the pages.
//
// Rebuilds: an image is made only when no image of the same card digest (cardKey: the card's
// content and the drawing code) is in the cache (OG_CACHE_DIR), and written only when the output
// does not already hold it (a state file records, per county, the digest and size written).
// Cards come from the ingest output, as the site's summaries do; what a card needs of each report
// is kept in the state by the report file's size and time, so an unchanged report is not read again.
import { existsSync, mkdirSync, readFileSync, readdirSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { dirname, join } from 'node:path';
import { inWorkers, shares } from './workers.ts';
import type { Report } from '../../schema.ts';
import { INGEST_DIR } from '../data/reportFiles.ts';
import { summarise } from '../data/summary.ts';
import { paths } from '../view/paths.ts';
import { CARD_METRICS, OG_CACHE_DIR, cardKey, ogCard, ogPngCached, type CardReport, type OgCard } from './ogImage.ts';

export interface OgOptions {
  outDir: string;
  ingestDir?: string;
  cacheDir?: string; // the images by digest (OG_CACHE_DIR)
  /** The record of what was written (Astro's cache dir); without it, every image is written. */
  statePath?: string;
  /** Worker threads drawing the images (default: the cores but one, at least one; 0: in this thread). */
  workers?: number;
}

export interface OgCounts {
  cards: number;
  /** Drawn in this build (no image of the same card in the cache). */
  made: number;
  /** Taken from the cache and written. */
  copied: number;
  /** Already in the output as written by the last build. */
  kept: number;
  workers: number;
  /** Workers that could not run (their share drawn in this thread instead), with why. */
  failed: string[];
  /** Every image, relative to outDir. */
  files: string[];
  /** Images of counties no longer built, removed from outDir. */
  removed: number;
}

/** One image to make: where it goes and its card. */
export interface OgJob {
  code: string; // the county's
  file: string; // absolute
  card: OgCard;
  key: string;
}

interface State {
  outDir: string;
  /** code → digest and size of the image written. */
  images: Record<string, { key: string; size: number }>;
  /** report id → its ingest file's size:mtime and what its card needs. */
  reports: Record<string, { stat: string; card: CardReport }>;
}

function readState(path: string | undefined): State | undefined {
  if (!path || !existsSync(path)) return undefined;
  try {
    const s = JSON.parse(readFileSync(path, 'utf8')) as State;
    return s.images && s.reports ? s : undefined;
  } catch {
    return undefined;
  }
}

/** What a card needs of a report: its place, year, consistency and the card's figures. */
function cardReport(report: Report): CardReport {
  const s = summarise(report);
  return { region: s.region, year: s.year, consistent: s.consistent, values: Object.fromEntries(CARD_METRICS.map((id) => [id, { value: s.values[id].value }])) };
}

/** The cards of every county with a report, from the ingest output (read again only where changed). */
function cards(ingestDir: string, previous: State | undefined): { cards: { code: string; card: OgCard }[]; reports: State['reports'] } {
  const dir = join(ingestDir, 'reports');
  const reports: State['reports'] = {};
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.json')).sort()) {
    const id = file.slice(0, -'.json'.length);
    const path = join(dir, file);
    const st = statSync(path);
    const stat = `${st.size}:${st.mtimeMs}`;
    const before = previous?.reports[id];
    // Validated by the content loader in this build (or, unchanged, in an earlier one).
    reports[id] = before?.stat === stat ? before : { stat, card: cardReport(JSON.parse(readFileSync(path, 'utf8')) as Report) };
  }
  const all = Object.values(reports).map((r) => r.card);
  const years = [...new Set(all.map((r) => r.year))].sort((a, b) => a - b);
  const byCounty = new Map<string, CardReport[]>();
  for (const r of all) byCounty.set(r.region.code, [...(byCounty.get(r.region.code) ?? []), r]);
  return { cards: [...byCounty].sort(([a], [b]) => a.localeCompare(b)).map(([code, rs]) => ({ code, card: ogCard(rs, years) })), reports };
}

/** Make (or take from the cache) and write each job's image, in this thread; how many were drawn. */
export async function drawJobs(jobs: readonly OgJob[], cacheDir: string): Promise<number> {
  let made = 0;
  for (const job of jobs) {
    const { png, made: drawn } = await ogPngCached(job.card, cacheDir, job.key);
    mkdirSync(dirname(job.file), { recursive: true });
    writeFileSync(job.file, png);
    if (drawn) made++;
  }
  return made;
}

/** The jobs dealt out to `n` worker threads (ogWorker.ts); the number drawn. A failing worker's share is drawn here. */
async function drawInWorkers(jobs: readonly OgJob[], cacheDir: string, n: number, failed: string[]): Promise<number> {
  const run = await inWorkers(new URL('./ogWorker.ts', import.meta.url), shares(jobs, n), (share) => ({ jobs: share, cacheDir }), (share) => drawJobs(share, cacheDir));
  failed.push(...run.failed);
  return run.results.reduce((a, b) => a + b, 0);
}

export const defaultOgWorkers = () => Math.max(1, availableParallelism() - 1);

/** Make and write the jobs' images in `workers` threads (0: in this one). */
export async function drawImages(jobs: readonly OgJob[], cacheDir: string, workers: number): Promise<{ made: number; failed: string[] }> {
  const failed: string[] = [];
  const made = workers > 0 ? await drawInWorkers(jobs, cacheDir, workers, failed) : await drawJobs(jobs, cacheDir);
  return { made, failed };
}

export async function writeOgImages(options: OgOptions): Promise<OgCounts> {
  const cacheDir = options.cacheDir ?? OG_CACHE_DIR;
  const last = readState(options.statePath);
  const previous = last?.outDir === options.outDir ? last : undefined;
  const { cards: all, reports } = cards(options.ingestDir ?? INGEST_DIR, last);
  const state: State = { outDir: options.outDir, images: {}, reports };
  const jobs: OgJob[] = [];
  const files: string[] = [];
  let kept = 0;
  for (const { code, card } of all) {
    const rel = paths.ogImage(code);
    const file = join(options.outDir, rel);
    const key = cardKey(card);
    files.push(rel);
    const before = previous?.images[code];
    let size = -1;
    try {
      size = statSync(file).size;
    } catch {
      // not there
    }
    if (before?.key === key && before.size === size) {
      kept++;
      state.images[code] = before;
    } else jobs.push({ code, file, card, key });
  }
  const workers = Math.min(options.workers ?? defaultOgWorkers(), jobs.length);
  const { made, failed } = await drawImages(jobs, cacheDir, workers);
  for (const job of jobs) state.images[job.code] = { key: job.key, size: statSync(job.file).size };
  // In the downloads site's output (a split build) no pruning of the site's output reaches them.
  const listed = new Set(files);
  const ogDir = join(options.outDir, dirname(paths.ogImage('0')));
  let removed = 0;
  for (const name of existsSync(ogDir) ? readdirSync(ogDir) : [])
    if (name.endsWith('.png') && !listed.has(`${dirname(paths.ogImage('0'))}/${name}`)) {
      unlinkSync(join(ogDir, name));
      removed++;
    }
  if (options.statePath) {
    mkdirSync(dirname(options.statePath), { recursive: true });
    writeFileSync(options.statePath, JSON.stringify(state));
  }
  return { cards: all.length, made, copied: jobs.length - made, kept, workers, failed, files, removed };
}
