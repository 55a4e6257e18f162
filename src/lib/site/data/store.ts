// The one place that loads the site's data for the pages: once per build, memoised, shared.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { getCollection } from 'astro:content';
import { readLog } from '../../collect/log.ts';
import { sniff, type Sniffed } from '../../read/sniff.ts';
import { counties } from '../../region.ts';
import { countyDirectory, type CountyDirectory } from '../view/countyYears.ts';
import { DOWNLOADS_SITE } from '../view/paths.ts';
import { isShownReport, readManifest, type Manifest } from './manifest.ts';
import { buildSiteIndex, type SiteIndex } from './siteIndex.ts';
import type { ReportSummary } from './summary.ts';

export interface Site extends SiteIndex {
  manifest: Manifest;
  /** Every county page and what is known of each year's report (collection log). */
  directory: CountyDirectory;
  /** Path of the report's source text, when the file is there to publish beside the page. */
  sourcePath(report: ReportSummary): string | undefined;
  /** sha256 of the source file, from the ingest manifest. */
  sourceSha(report: ReportSummary): string;
  /** What an input file (another version's source) is, told by its bytes; undefined when it is not there to publish. */
  sourceFormat(file: string): Sniffed | undefined;
}

/** Where the ingest read the source texts from (the bench points it at a corpus). */
export const REPORTS_DIR = process.env.REPORTS_DIR ?? 'content/reports';
/** The collector's log (README, "The collection log"); none there: every year not held is 未知. */
export const COLLECTION_LOG = process.env.COLLECTION_LOG ?? 'content/collection-log.json';

let site: Promise<Site> | undefined;

async function load(): Promise<Site> {
  const entries = await getCollection('reports');
  const reports = entries.map((e) => e.data as unknown as ReportSummary);
  const index = buildSiteIndex(reports);
  const sources = new Map<string, string | undefined>();
  for (const r of reports) {
    const p = join(REPORTS_DIR, r.source);
    sources.set(r.id, existsSync(p) ? p : undefined);
  }
  const manifest = readManifest();
  const shas = new Map(manifest.files.filter((f) => f.reportId && isShownReport(f)).map((f) => [f.reportId!, f.sha256]));
  // A damaged log stops the build with its path and what is wrong (readLog).
  const log = existsSync(COLLECTION_LOG) ? readLog(COLLECTION_LOG) : undefined;
  const reportIdOf = new Map(manifest.files.filter((f) => f.reportId).map((f) => [f.file, f.reportId!]));
  const directory = countyDirectory(index, counties, log, (file) => reportIdOf.get(file));
  return {
    ...index,
    manifest,
    directory,
    sourcePath: (r) => sources.get(r.id),
    sourceSha: (r) => shas.get(r.id) ?? '',
    sourceFormat: (file) => {
      const p = join(REPORTS_DIR, file);
      return existsSync(p) ? sniff(readFileSync(p)) : undefined;
    },
  };
}

export function getSite(): Promise<Site> {
  site ??= load();
  return site;
}

/**
 * What every page names beyond its data that Astro's incremental cache does not see: the CSS file's
 * name (astro.config.mjs, assetFileNames), and the downloads site (DOWNLOADS_SITE: the addresses of
 * report files, share images and chart embed pages; an embed page's link back). Changed, every page
 * is rendered again once, instead of pages restored from the cache naming a file no longer written
 * or a site no longer used.
 */
export const pageScheme = (downloadsSite: string | undefined): string => `css: _astro/style.[hash].css; downloads: ${downloadsSite ?? 'none'}`;
const PAGE_SCHEME = pageScheme(DOWNLOADS_SITE);

/** A short stable hash of anything a page renders besides its own report (ranks, neighbours). */
export function keyOf(...parts: unknown[]): string {
  return createHash('sha1').update(PAGE_SCHEME).update(JSON.stringify(parts)).digest('hex').slice(0, 20);
}
