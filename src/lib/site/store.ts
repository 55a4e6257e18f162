// The one place that loads the reports for the pages: once per build, memoised, shared.
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { getCollection } from 'astro:content';
import type { Report } from '../schema.ts';
import { readManifest, type Manifest } from './manifest.ts';
import { buildSiteIndex, reportId, type SiteIndex } from './siteIndex.ts';

export interface Site extends SiteIndex {
  manifest: Manifest;
  /** Content digest of each report (by `code-year`), for incremental-build cache keys. */
  digest(report: Report): string;
  /** Path of the report's source text, when the file is there to publish beside the page. */
  sourcePath(report: Report): string | undefined;
  /** sha256 of the source file, from the ingest manifest. */
  sourceSha(report: Report): string;
}

/** Where the ingest read the source texts from (the bench points it at a corpus). */
export const REPORTS_DIR = process.env.REPORTS_DIR ?? 'content/reports';

let site: Promise<Site> | undefined;

async function load(): Promise<Site> {
  const entries = await getCollection('reports');
  const digests = new Map<string, string>();
  const reports = entries.map((e) => {
    const r = e.data as Report;
    digests.set(reportId(r), e.digest !== undefined ? String(e.digest) : createHash('sha1').update(JSON.stringify(r)).digest('hex'));
    return r;
  });
  const index = buildSiteIndex(reports);
  const sources = new Map<string, string | undefined>();
  for (const r of reports) {
    const p = join(REPORTS_DIR, r.source);
    sources.set(reportId(r), existsSync(p) ? p : undefined);
  }
  const manifest = readManifest();
  const shas = new Map(manifest.files.filter((f) => f.reportId).map((f) => [f.reportId!, f.sha256]));
  return {
    ...index,
    manifest,
    sourceSha: (r) => shas.get(reportId(r)) ?? '',
    digest: (r) => digests.get(reportId(r)) ?? '',
    sourcePath: (r) => sources.get(reportId(r)),
  };
}

export function getSite(): Promise<Site> {
  site ??= load();
  return site;
}

/** A short stable hash of anything a page renders besides its own report (ranks, neighbours). */
export function keyOf(...parts: unknown[]): string {
  return createHash('sha1').update(JSON.stringify(parts)).digest('hex').slice(0, 20);
}
