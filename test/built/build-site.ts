// Builds the site the built-site and browser tests check: `npm run build` over a temporary copy of
// content/reports plus the crafted inputs of test/built/fixtures (a report whose prose carries
// <script>, a file that is not a report, an empty file), under a non-root base path so that every
// link that bypasses the base shows up as broken. Writes .cache/site-test/build-info.json for the tests.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { BUILD_INFO, FIXTURE_REPORTS, TEST_BASE, TEST_SITE, type BuildInfo, type InputKind } from './paths.ts';

const root = process.cwd();
const samplesDir = join(root, 'content/reports');
const craftedDir = join(root, 'test/built/fixtures');

rmSync(FIXTURE_REPORTS, { recursive: true, force: true });
mkdirSync(FIXTURE_REPORTS, { recursive: true });

const inputs: { file: string; kind: InputKind }[] = [];
for (const file of readdirSync(samplesDir).sort()) {
  cpSync(join(samplesDir, file), join(FIXTURE_REPORTS, file));
  // Every report file of content/reports, whatever its format (text, PDF, Word, web page).
  if (!file.endsWith('.meta.json') && file !== 'README.md') inputs.push({ file, kind: 'sample' });
}
const CRAFTED: Record<string, InputKind> = {
  '900_script_prose.txt': 'script-prose',
  '901_not_a_report.txt': 'rejected',
  '902_empty.txt': 'rejected',
};
for (const [file, kind] of Object.entries(CRAFTED)) {
  cpSync(join(craftedDir, file), join(FIXTURE_REPORTS, file));
  inputs.push({ file, kind });
}

console.log(`test build: ${inputs.length} input files from ${FIXTURE_REPORTS}, base ${TEST_BASE}`);
const started = Date.now();
const result = spawnSync('npm', ['run', 'build'], {
  stdio: 'inherit',
  env: { ...process.env, REPORTS_DIR: FIXTURE_REPORTS, BASE_PATH: TEST_BASE, SITE: TEST_SITE },
});
if (result.status !== 0) {
  console.error(`test build: \`npm run build\` failed (exit ${result.status ?? result.signal}); the site checks need a built dist/.`);
  process.exit(1);
}
const info: BuildInfo = { base: TEST_BASE, site: TEST_SITE, reportsDir: FIXTURE_REPORTS, inputs, builtAt: new Date().toISOString() };
writeFileSync(BUILD_INFO, JSON.stringify(info, null, 2));
console.log(`test build: done in ${((Date.now() - started) / 1000).toFixed(1)} s`);
