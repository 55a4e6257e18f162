// Builds the site the built-site and browser tests check: `npm run build` over a temporary folder of
// reports — the samples of content/reports plus crafted entries: a report whose prose carries
// <script>, files that are not reports, sidecars good and bad, a second version of two reports, and
// entries that are not report files at all (a dotfile, a README, a folder, symbolic links, a folder
// named like a report, an orphan sidecar) — under a non-root base path so that every link that
// bypasses the base shows up as broken. Then builds the same inputs a second time from nothing
// (fresh ingest and Astro cache, another output folder) for the reproducibility check, and a third
// time split, with a downloads site (DOWNLOADS_SITE), for the split checks (split.test.ts). Writes
// .cache/site-test/build-info.json for the tests, with every entry's expected fate declared here.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, readFileSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { BUILD_INFO, CACHE, COLLECTION_LOG_FIXTURE, FIXTURE_REPORTS, SECOND_DIST, SPLIT_DIST, SPLIT_DOWNLOADS, SPLIT_DOWNLOADS_SITE, TEST_BASE, TEST_REPOSITORY, TEST_SITE, type BuildInfo, type Input } from './paths.ts';

const root = process.cwd();
const samplesDir = join(root, 'content/reports');
const craftedDir = join(root, 'test/built/fixtures');
const at = (name: string) => join(FIXTURE_REPORTS, name);

rmSync(FIXTURE_REPORTS, { recursive: true, force: true });
mkdirSync(FIXTURE_REPORTS, { recursive: true });

const inputs: Input[] = [];
for (const file of readdirSync(samplesDir).sort()) {
  cpSync(join(samplesDir, file), at(file));
  // Every report file of content/reports, whatever its format (text, PDF, Word, web page).
  inputs.push({ file, kind: file.endsWith('.meta.json') ? 'sidecar' : 'sample' });
}
const CRAFTED: Record<string, Input['kind']> = {
  '900_script_prose.txt': 'script-prose',
  '901_not_a_report.txt': 'rejected',
  '902_empty.txt': 'rejected',
};
for (const [file, kind] of Object.entries(CRAFTED)) {
  cpSync(join(craftedDir, file), at(file));
  inputs.push({ file, kind });
}

const MINHE = '000_abd24a0acb5d3937';
const HUZHU = '004_b0de168757f90498';
const write = (name: string, text: string, kind: Input['kind'], expect?: Partial<Input>) => {
  writeFileSync(at(name), text);
  inputs.push({ file: name, kind, ...expect });
};
// Sidecars: a good one (its url becomes the page's link), and ones whose url must never be a link.
write(`${MINHE}.meta.json`, JSON.stringify({ url: 'https://www.minhe.gov.cn/xxgk/2021nb.pdf', published: '2022-01-20' }), 'sidecar', { of: `${MINHE}.txt` });
write('001_b4c68211845cc32f.meta.json', JSON.stringify({ url: 'javascript:alert(document.domain)', published: '2022-01-25' }), 'rejected', { badUrl: 'javascript:alert(document.domain)', of: '001_b4c68211845cc32f.txt' });
write('002_6806acdd043dfc21.meta.json', JSON.stringify({ url: 'data:text/html,<script>alert(1)</script>' }), 'rejected', { badUrl: 'data:text/html,<script>alert(1)</script>', of: '002_6806acdd043dfc21.txt' });
// Second versions: 民和's, published earlier than the sample (the sample is shown); 互助's, with
// nothing to tell the two apart (the first by name is shown, and its page says so).
const extra = '\n本报告如有疑问，请与县人民政府办公室联系。\n';
write('905_minhe_earlier.txt', readFileSync(join(samplesDir, `${MINHE}.txt`), 'utf8') + extra, 'superseded', { shownAs: `${MINHE}.txt` });
write('905_minhe_earlier.meta.json', JSON.stringify({ published: '2021-12-30' }), 'sidecar', { of: '905_minhe_earlier.txt' });
write('906_huzhu_copy.txt', readFileSync(join(samplesDir, `${HUZHU}.txt`), 'utf8') + extra, 'superseded', { shownAs: `${HUZHU}.txt`, undecided: true });
// 民和 2022, made from its 2021 report, with table 二 figures that only other reports can question:
// 收费 printed in 元 (×10,000), 行政许可 a hundredth of 2021's, 规范性文件 现行有效 not 2021's + 制发 − 废止.
const minhe2022 = readFileSync(join(samplesDir, `${MINHE}.txt`), 'utf8')
  .replaceAll('2021', '2022')
  .replace(/^规章 1 0 1$/m, '规章 0 0 1')
  .replace(/^ 行政规范性文件 1 0 1$/m, ' 行政规范性文件 2 0 5')
  .replace(/^行政许可 6469$/m, '行政许可 64')
  .replace(/^行政事业性收费 1486$/m, '行政事业性收费 14860000');
write('912_minhe_2022.txt', minhe2022, 'crafted', { crossChecked: true });
// Entries that are not report files.
write('.hidden.txt', readFileSync(join(samplesDir, '002_6806acdd043dfc21.txt'), 'utf8'), 'ignored');
write('README.md', '# 报告文件夹\n', 'ignored');
mkdirSync(at('subfolder'));
cpSync(join(samplesDir, '003_1802fb2dfce92170.txt'), join(at('subfolder'), 'inside.txt'));
inputs.push({ file: 'subfolder', kind: 'ignored' });
mkdirSync(at('907_folder.txt'));
inputs.push({ file: '907_folder.txt', kind: 'rejected' });
symlinkSync(at(`${MINHE}.txt`), at('908_link.txt'));
inputs.push({ file: '908_link.txt', kind: 'rejected' });
symlinkSync(at('nowhere.txt'), at('909_broken_link.txt'));
inputs.push({ file: '909_broken_link.txt', kind: 'rejected' });
// The PDF sample's address: its figures' citations point at their page (…pdf#page=N).
write('huaian-2024.meta.json', JSON.stringify({ url: 'https://www.huaian.gov.cn/zfxxgk/2024年报.pdf', published: '2025-01-20' }), 'sidecar', { of: 'huaian-2024.pdf' });
write('910_orphan.meta.json', JSON.stringify({ published: '2022-01-01' }), 'rejected');
write('911_report.pdf', '%PDF-1.4\n%\u00e2\u00e3\n', 'rejected');

// A collection log: 刚察's listing page was read (its years without a report: 未找到), 朝阳区's 2021
// address answers 404 (原网址已失效); every other county's years stay 未知.
const checked = '2024-01-02T00:00:00.000Z';
writeFileSync(
  COLLECTION_LOG_FIXTURE,
  JSON.stringify({
    updated: checked,
    urls: [
      { url: 'http://www.gangcha.gov.cn/zfxxgk/nb/', role: 'listing', region: '632224', status: 'page', checked, attempts: 1, links: [], versions: [] },
      { url: 'http://www.bjchy.gov.cn/2021nb.pdf', role: 'file', region: '110105', year: 2021, status: 'not-found', httpStatus: 404, reason: 'HTTP 404', checked, attempts: 1, versions: [] },
    ],
  }),
);

// GITHUB_REPOSITORY as Actions sets it: report pages carry the 纠错 link (address.ts).
const env = { ...process.env, REPORTS_DIR: FIXTURE_REPORTS, BASE_PATH: TEST_BASE, SITE: TEST_SITE, COLLECTION_LOG: COLLECTION_LOG_FIXTURE, GITHUB_REPOSITORY: TEST_REPOSITORY };
function build(label: string, extraEnv: Record<string, string>, args: string[] = []): void {
  const started = Date.now();
  const result = spawnSync('npm', ['run', 'build', ...(args.length ? ['--', ...args] : [])], { stdio: 'inherit', env: { ...env, ...extraEnv } });
  if (result.status !== 0) {
    console.error(`test build (${label}): \`npm run build\` failed (exit ${result.status ?? result.signal}); the site checks need a built dist/.`);
    process.exit(1);
  }
  console.log(`test build (${label}): done in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

console.log(`test build: ${inputs.length} entries in ${FIXTURE_REPORTS}, base ${TEST_BASE}`);
build('dist/', {});
const builtAt = new Date().toISOString();
// The same inputs again, from nothing: another ingest folder, an empty Astro cache, another output.
for (const dir of [SECOND_DIST, join(CACHE, 'ingest-2'), join(CACHE, 'astro-cache-2')]) rmSync(dir, { recursive: true, force: true });
build('second, for reproducibility', { INGEST_DIR: join(CACHE, 'ingest-2'), ASTRO_CACHE_DIR: join(CACHE, 'astro-cache-2') }, ['--outDir', SECOND_DIST]);
// Split (README, "Publishing on GitHub Pages"): report files and share images on a downloads site.
const splitDir = dirname(SPLIT_DIST);
rmSync(splitDir, { recursive: true, force: true });
build(
  'split, with a downloads site',
  { DOWNLOADS_SITE: SPLIT_DOWNLOADS_SITE, DOWNLOADS_OUT_DIR: SPLIT_DOWNLOADS, INGEST_DIR: join(splitDir, 'ingest'), ASTRO_CACHE_DIR: join(splitDir, 'astro-cache') },
  ['--outDir', SPLIT_DIST],
);
const info: BuildInfo = {
  base: TEST_BASE,
  site: TEST_SITE,
  reportsDir: FIXTURE_REPORTS,
  inputs,
  builtAt,
  secondDist: SECOND_DIST,
  split: { dist: SPLIT_DIST, downloadsOut: SPLIT_DOWNLOADS, downloadsSite: SPLIT_DOWNLOADS_SITE },
};
writeFileSync(BUILD_INFO, JSON.stringify(info, null, 2));
