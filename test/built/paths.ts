// Where the test build lives and what it was built from; shared by the site and browser tests.
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';

export const ROOT = resolve(import.meta.dirname, '../..');
export const DIST = join(ROOT, 'dist');
export const CACHE = join(ROOT, '.cache/site-test');
export const FIXTURE_REPORTS = join(CACHE, 'reports');
export const BUILD_INFO = join(CACHE, 'build-info.json');
/** A base like GitHub Pages' /<repo>/, so that links that skip the base break in the tests. */
export const TEST_BASE = '/portal-test/';
export const TEST_SITE = 'https://portal.test.example';

/** sample: a report of content/reports; script-prose: crafted report with <script> in its prose; rejected: not a report. */
export type InputKind = 'sample' | 'script-prose' | 'rejected';
export interface BuildInfo {
  base: string;
  site: string;
  reportsDir: string;
  inputs: { file: string; kind: InputKind }[];
  builtAt: string;
}

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
