// Where the test build lives and what it was built from; shared by the site and browser tests.
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';

export const ROOT = resolve(import.meta.dirname, '../..');
export const DIST = join(ROOT, 'dist');
export const CACHE = join(ROOT, '.cache/site-test');
export const FIXTURE_REPORTS = join(CACHE, 'reports');
export const BUILD_INFO = join(CACHE, 'build-info.json');
/** The collection log the test build reads (COLLECTION_LOG): a few counties' years 未找到 or 原网址已失效. */
export const COLLECTION_LOG_FIXTURE = join(CACHE, 'collection-log.json');
/** The second build of the same inputs, from nothing: dist/ must be byte for byte the same. */
export const SECOND_DIST = join(CACHE, 'dist-2');
/** The split build (DOWNLOADS_SITE): the site's output, the downloads site's output and address. */
export const SPLIT_DIST = join(CACHE, 'split/dist');
export const SPLIT_DOWNLOADS = join(CACHE, 'split/downloads');
export const SPLIT_DOWNLOADS_SITE = 'https://downloads.test.example/portal-downloads/';
/** A base like GitHub Pages' /<repo>/, so that links that skip the base break in the tests. */
export const TEST_BASE = '/portal-test/';
export const TEST_SITE = 'https://portal.test.example';
/** owner/name as GitHub Actions sets GITHUB_REPOSITORY: the correction links point at its issue form. */
export const TEST_REPOSITORY = 'portal-test/county-portal';

/**
 * The fate each entry of the test build's reports folder must have, declared by the build script
 * (not read from the ingest): sample — a report of content/reports; script-prose — a crafted report
 * with <script> in its prose; crafted — another report made for a check; superseded — another version of a report; sidecar — a sidecar read;
 * ignored — not a report, passed over with the reason; rejected — listed as rejected with the reason.
 */
export type InputKind = 'sample' | 'script-prose' | 'crafted' | 'superseded' | 'sidecar' | 'ignored' | 'rejected';
export interface Input {
  file: string;
  kind: InputKind;
  /** superseded: the file whose report is shown instead; undecided: whether its page must say the two cannot be told apart. */
  shownAs?: string;
  undecided?: boolean;
  /** sidecars: the report file they belong to; badUrl: a url that must not become a link. */
  of?: string;
  badUrl?: string;
  /** crafted: its table 二 figures are questioned by the county's other years. */
  crossChecked?: boolean;
}
export interface BuildInfo {
  base: string;
  site: string;
  reportsDir: string;
  inputs: Input[];
  builtAt: string;
  secondDist: string;
  /** A third build of the same inputs with a downloads site (DOWNLOADS_SITE): its two outputs, each a site as uploaded. */
  split: { dist: string; downloadsOut: string; downloadsSite: string };
}
/** The entries that are reports with a page of their own. */
export const shownReports = (info: BuildInfo) => info.inputs.filter((i) => i.kind === 'sample' || i.kind === 'script-prose' || i.kind === 'crafted');

/** The test build's description; throws with the command to run when dist/ is missing or not the test build. */
export function loadBuildInfo(): BuildInfo {
  const fix = 'run `npm run test:site` (it builds the test site, then checks it)';
  if (!existsSync(BUILD_INFO) || !existsSync(join(DIST, 'index.html'))) {
    throw new Error(`No test build in dist/: ${fix}.`);
  }
  const info = JSON.parse(readFileSync(BUILD_INFO, 'utf8')) as BuildInfo;
  // A plain `npm run build` after the test build replaces dist/ with a build for another base.
  const distTime = statSync(join(DIST, 'index.html')).mtimeMs;
  if (distTime > Date.parse(info.builtAt) + 1000) {
    throw new Error(`dist/ was rebuilt after the test build (${info.builtAt}): ${fix}.`);
  }
  return info;
}
