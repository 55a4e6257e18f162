// The chart embed pages (~32,958 at national scale): written by the build, not rendered by Astro.
// Through Astro's renderer each cost about what a whole trivial page does (~1.2 ms of the main
// thread: ~39 s of a national build, README "National scale"); written here from the ingest output
// into the shell Astro renders once (src/pages/embed-shell/), in worker threads while the county
// finder is indexed, they cost a few seconds.
//
// Where: beside the pages, or, in a split build (DOWNLOADS_SITE), on the downloads site with the
// site's `_astro/` files and favicon mirrored beside them (their CSP allows only their own origin).
// Rebuilds: a state file records, per report, its ingest file's size and time and the pages written
// for it; a report whose file, the shell, the site's code and addresses are unchanged, and whose
// pages are still there at that size, is not written again.
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { dirname, join, relative } from 'node:path';
import type { Report } from '../../schema.ts';
import { INGEST_DIR } from '../data/reportFiles.ts';
import { embedPages, fillShell, type EmbedAddresses } from '../view/embedPage.ts';
import { codeVersion } from './downloads.ts';
import { intact, linkOrCopy, removeUp, statKey } from './outputFiles.ts';
import { inWorkers, shares } from './workers.ts';

/** The shell's file in the output, as Astro writes it (removed once read: not a page of the site). */
export const EMBED_SHELL = 'embed-shell/index.html';

/** What an embed page loads from its own site: Astro's assets and the favicon (mirrored by mirrorAssets). */
const LOADED = ['_astro/', 'favicon.svg'];

/**
 * A page of the site made a page of the downloads site: the addresses of what it loads (`{base}_astro/…`,
 * `{base}favicon.svg`) become the downloads site's path, so that they stay on the page's own
 * origin (its CSP says 'self'). Everything else on an embed page is absolute (embedPage.ts, in a
 * split build); a root-relative address left over would be broken there, so it is an error naming the page.
 */
export function rehomeEmbedPage(html: string, base: string, downloadsBase: string, page = 'an embed page'): string {
  let rehomed = html;
  for (const p of LOADED) rehomed = rehomed.replaceAll(`="${base}${p}`, `="${downloadsBase}${p}`);
  for (const m of rehomed.matchAll(/\s(?:href|src)="(\/(?!\/)[^"]*)"/g)) {
    if (!LOADED.some((p) => m[1].startsWith(downloadsBase + p)))
      throw new Error(`${page}: ${m[1]} is an address of the site, which the downloads site does not serve (an embed page links the site by its absolute address: is SITE set?)`);
  }
  return rehomed;
}

/** A page written: its file relative to the output, and its size. */
interface Written {
  file: string;
  size: number;
}

/** One worker's share: the reports whose pages it writes. */
export interface EmbedShare {
  ingestDir: string;
  out: string;
  shell: string;
  addresses: EmbedAddresses;
  ids: string[];
}

/** Writes the embed pages of a share's reports (in a worker thread, or here); the pages of each, by id. */
export function writeEmbedShare(share: EmbedShare): Record<string, Written[]> {
  const written: Record<string, Written[]> = {};
  for (const id of share.ids) {
    const path = join(share.ingestDir, 'reports', `${id}.json`);
    let report: Report;
    try {
      report = JSON.parse(readFileSync(path, 'utf8')) as Report;
    } catch (e) {
      throw new Error(`${path}: ${(e as Error).message}`);
    }
    written[id] = embedPages(report, share.addresses).map((page) => {
      const html = fillShell(share.shell, page);
      const file = join(share.out, page.file);
      mkdirSync(dirname(file), { recursive: true });
      writeFileSync(file, html);
      return { file: page.file, size: Buffer.byteLength(html) };
    });
  }
  return written;
}

export interface EmbedOptions {
  ingestDir?: string;
  /** Where the pages go: the site's output, or in a split build the downloads site's. */
  out: string;
  /** The shell as Astro rendered it, its addresses already those of the site that serves the pages. */
  shell: string;
  addresses: EmbedAddresses;
  /** Where the last build recorded what it wrote (a cache file); without it, every page is written. */
  statePath?: string;
  /** Worker threads writing the pages (0: in this thread). */
  workers: number;
}

export interface EmbedCounts {
  /** Every embed page of this build, written or kept, relative to `out` (what a clean-up must not remove). */
  files: string[];
  written: number;
  kept: number;
  /** Pages of reports, or charts, no longer built. */
  removed: number;
  /** Why a worker thread failed (its share was written in the main thread). */
  failed: string[];
}

interface State {
  /** The code, shell and addresses the pages were written with: another makes them all stale. */
  key: string;
  reports: Record<string, { stat: string; pages: Written[] }>;
}

const readState = (path: string | undefined): State | undefined => {
  if (!path) return undefined;
  try {
    const s = JSON.parse(readFileSync(path, 'utf8')) as State;
    return s.reports && typeof s.key === 'string' ? s : undefined;
  } catch {
    return undefined;
  }
};

/** Embed pages found in an output by walking `counties/*\/*\/embed/` (when no record says which). */
function embedPagesIn(root: string): string[] {
  const counties = join(root, 'counties');
  if (!existsSync(counties)) return [];
  const found: string[] = [];
  for (const county of readdirSync(counties, { withFileTypes: true })) {
    if (!county.isDirectory()) continue;
    for (const year of readdirSync(join(counties, county.name), { withFileTypes: true })) {
      const dir = join(counties, county.name, year.name, 'embed');
      if (!year.isDirectory() || !existsSync(dir)) continue;
      for (const chart of readdirSync(dir)) found.push(`counties/${county.name}/${year.name}/embed/${chart}/index.html`);
    }
  }
  return found;
}

/**
 * Writes the embed pages of every report of the ingest output whose pages are not there as the last
 * build wrote them, and removes those of reports or charts no longer built.
 */
export async function writeEmbeds(o: EmbedOptions): Promise<EmbedCounts> {
  const ingestDir = o.ingestDir ?? INGEST_DIR;
  const key = createHash('sha1').update(`${codeVersion()}\n${JSON.stringify(o.addresses)}\n${o.out}\n${o.shell}`).digest('hex');
  const previous = readState(o.statePath);
  const fresh = previous?.key === key;
  const ids = readdirSync(join(ingestDir, 'reports'))
    .filter((f) => f.endsWith('.json'))
    .map((f) => f.slice(0, -'.json'.length))
    .sort();
  const state: State = { key, reports: {} };
  const todo: string[] = [];
  let kept = 0;
  for (const id of ids) {
    // The ingest rewrites a report's file only when it changed: the same size and time, the same report.
    const stat = statKey(join(ingestDir, 'reports', `${id}.json`)) ?? '';
    const last = fresh ? previous.reports[id] : undefined;
    if (stat && last?.stat === stat && last.pages.every((p) => intact(join(o.out, p.file), p.size))) {
      state.reports[id] = last;
      kept += last.pages.length;
    } else {
      state.reports[id] = { stat, pages: [] };
      todo.push(id);
    }
  }
  const work = shares(todo, o.workers).map((share): EmbedShare => ({ ingestDir, out: o.out, shell: o.shell, addresses: o.addresses, ids: share }));
  const run = o.workers > 0 ? await inWorkers(new URL('./embedsWorker.ts', import.meta.url), work, (share) => share, async (share) => writeEmbedShare(share)) : { results: work.map(writeEmbedShare), failed: [] };
  let written = 0;
  for (const part of run.results)
    for (const [id, pages] of Object.entries(part)) {
      state.reports[id].pages = pages;
      written += pages.length;
    }
  const files = Object.values(state.reports).flatMap((r) => r.pages.map((p) => p.file));
  const current = new Set(files);
  const before = previous ? Object.values(previous.reports).flatMap((r) => r.pages.map((p) => p.file)) : embedPagesIn(o.out);
  let removed = 0;
  for (const file of before) if (!current.has(file) && removeUp(join(o.out, file), o.out)) removed++;
  if (o.statePath) writeFileSync(o.statePath, JSON.stringify(state));
  return { files, written, kept, removed, failed: run.failed };
}

/**
 * `_astro/` of the site as it is now (the CSS and the scripts with the chunks they import: 0.2 MiB),
 * and its favicon, in the downloads output, for the embed pages there. Returns how many files.
 */
export function mirrorAssets(out: string, downloadsOut: string): number {
  const from = join(out, '_astro');
  const to = join(downloadsOut, '_astro');
  const files = existsSync(from) ? readdirSync(from, { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).map((e) => relative(from, join(e.parentPath, e.name))) : [];
  const wanted = new Set(files);
  if (existsSync(to)) for (const e of readdirSync(to, { recursive: true, withFileTypes: true })) if (e.isFile() && !wanted.has(relative(to, join(e.parentPath, e.name)))) removeUp(join(e.parentPath, e.name), downloadsOut);
  for (const f of files) {
    mkdirSync(dirname(join(to, f)), { recursive: true });
    if (!existsSync(join(to, f)) || statSync(join(to, f)).ino !== statSync(join(from, f)).ino) linkOrCopy(join(from, f), join(to, f));
  }
  const favicon = existsSync(join(out, 'favicon.svg'));
  if (favicon) linkOrCopy(join(out, 'favicon.svg'), join(downloadsOut, 'favicon.svg'));
  return files.length + (favicon ? 1 : 0);
}
