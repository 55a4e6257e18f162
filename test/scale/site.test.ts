// Correct at scale, on the built pages: the site is built from a 200-county corpus (2019–2023) and its
// ranking pages, province pages and county finder (Pagefind, queried in Node) are held to the corpus
// truth. The build goes to .cache/scale-site/ (corpus, ingest, Astro cache, a copy of the site's
// sources, dist), never to content/ or dist/; building from the copy keeps it apart from other builds
// in the checkout, and Astro's incremental build makes a re-run with unchanged code quick.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { countyReports, pickCounties, writeCorpus } from '../../scripts/corpus.ts';
import { expectedRanking, provinceOf, type ExpectedRank } from '../../scripts/synth/expected.ts';
import { createRng, type Truth } from '../../scripts/synth/index.ts';
import { copySite } from '../../scripts/synth/site-copy.ts';
import { ingest, parserVersion } from '../../src/lib/ingest/ingest.ts';
import { counties, countySlug, shortName, toPinyin } from '../../src/lib/region.ts';
import { getMetric, METRICS } from '../../src/lib/site/data/metrics.ts';

const root = fileURLToPath(new URL('../..', import.meta.url));
const WORK = join(root, '.cache/scale-site');
const DIST = join(WORK, 'dist');
const SEED = 'scale-200';
const YEARS = [2019, 2020, 2021, 2022, 2023];

const picked = pickCounties(createRng(`${SEED}:counties`), 200);
const truths: Truth[] = picked.flatMap((c) => countyReports(SEED, c, YEARS).map((e) => e.truth));
const codes = new Set(picked.map((c) => c.code));

beforeAll(async () => {
  await writeCorpus({ counties: 200, years: YEARS, out: join(WORK, 'corpus'), seed: SEED });
  const result = await ingest({
    reportsDir: join(WORK, 'corpus/reports'),
    outDir: join(WORK, 'ingest'),
    cacheDir: join(WORK, 'parse-cache'),
    parserVersion: parserVersion([join(root, 'src/lib/parse'), join(root, 'src/lib')]),
  });
  if (result.manifest.summary.rejected > 0) throw new Error(`ingest rejected ${result.manifest.summary.rejected} synthetic reports`);
  const build = spawnSync(join(root, 'node_modules/.bin/astro'), ['build', '--outDir', DIST], {
    cwd: copySite(root, join(WORK, 'site')),
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
    env: {
      ...process.env,
      REPORTS_DIR: join(WORK, 'corpus/reports'),
      INGEST_DIR: join(WORK, 'ingest'),
      ASTRO_CACHE_DIR: join(WORK, 'astro-cache'),
      ASTRO_TELEMETRY_DISABLED: '1',
      BASE_PATH: '/',
      // The sitemap (checked below) needs the site's address.
      SITE: 'https://scale.test.example',
    },
  });
  if (build.status !== 0) throw new Error(`astro build of the scale corpus failed:\n${(build.stdout + build.stderr).split('\n').slice(-40).join('\n')}`);
}, 900_000);

const page = (path: string) => {
  const file = join(DIST, path, 'index.html');
  if (!existsSync(file)) throw new Error(`no page ${path}`);
  return readFileSync(file, 'utf8');
};
/** `<tr>…</tr>` rows of the first `<tbody>` after `after` (a caption or heading text). */
function tableRows(html: string, after = '<tbody>'): string[] {
  const start = html.indexOf(after);
  const body = html.slice(html.indexOf('<tbody>', start), html.indexOf('</tbody>', html.indexOf('<tbody>', start)));
  return [...body.matchAll(/<tr\b[^>]*>([\s\S]*?)<\/tr>/g)].map((m) => m[1]);
}
const cells = (row: string) => [...row.matchAll(/<(td|th)\b[^>]*>([\s\S]*?)<\/\1>/g)].map((m) => m[2]);
const text = (html: string) => html.replace(/<[^>]+>/g, '').trim();
/** A rank cell: `79` or `79（并列）` for a tie. */
const rankOf = (cell: string) => Number(text(cell).match(/^\d+/)?.[0]);
const codeOf = (row: string) => row.match(/href="\/counties\/(\d{6})-/)?.[1];
/** The figure as the page prints it: counts and amounts as numbers, rates as 85.7%. */
function shown(metricId: string, value: number): string | number {
  return getMetric(metricId).kind === 'rate' ? `${(value * 100).toFixed(1)}%` : value;
}
const readShown = (metricId: string, s: string): string | number => (getMetric(metricId).kind === 'rate' ? s.trim() : Number(s.replace(/[,\s]/g, '')));

describe('built site, 200 counties × 5 years', () => {
  it('ranks every county on the national ranking pages as the truth does, and lists those without the figure apart', () => {
    for (const metric of ['licensing', 'fees', 'received', 'disclosure-rate', 'litigation']) {
      for (const year of [2019, 2023]) {
        const html = page(`rankings/${metric}/${year}`);
        const rows = tableRows(html, '<table class="ranking"').map((r) => {
          const c = cells(r);
          // Rank, county, value (then, where reports are marked, the rank without them).
          return { rank: rankOf(c[0]), code: codeOf(r), value: readShown(metric, text(c[2])) };
        });
        const expected = expectedRanking(truths, metric, year);
        expect(rows, `${metric} ${year}`).toEqual(expected.ranked.map((e) => ({ rank: e.rank, code: e.code, value: shown(metric, e.value) })));
        const missingPart = html.slice(html.indexOf('</table>', html.indexOf('<table class="ranking"')));
        const listed = [...missingPart.matchAll(/href="\/counties\/(\d{6})-[^"]*\/\d{4}\/"/g)].map((m) => m[1]).sort();
        expect(listed, `${metric} ${year} not listed`).toEqual(expected.missing);
      }
    }
  });

  it('ranks within the province on the province ranking pages (the province rank, and the rank among all collected)', () => {
    const provinces = [...new Set(picked.map((c) => provinceOf(c.code)))].slice(0, 8);
    for (const metric of ['punishment', 'review']) {
      const expected = expectedRanking(truths, metric, 2021);
      for (const province of provinces) {
        const rows = tableRows(page(`rankings/${metric}/2021/${province}`), '<table class="ranking"').map((r) => {
          const c = cells(r);
          return { provinceRank: rankOf(c[0]), rank: rankOf(c[3]), code: codeOf(r) };
        });
        const want = expected.ranked.filter((e) => provinceOf(e.code) === province).map((e: ExpectedRank) => ({ provinceRank: e.provinceRank, rank: e.rank, code: e.code }));
        expect(rows, `${metric} ${province}`).toEqual(want);
      }
    }
  });

  it('lists on every province page every county-level division, a link to each year of the corpus counties, and their latest figures and province ranks', () => {
    const latest = YEARS[YEARS.length - 1];
    const headline = METRICS.filter((m) => m.headline);
    const expected = new Map(headline.map((m) => [m.id, expectedRanking(truths, m.id, latest)]));
    for (const province of new Set(picked.map((c) => provinceOf(c.code)))) {
      const html = page(`provinces/${province}`);
      const listRows = tableRows(html);
      const divisions = counties.filter((c) => provinceOf(c.code) === province).map((c) => c.code);
      expect(listRows.map(codeOf).sort(), province).toEqual([...new Set([...divisions, ...picked.filter((c) => provinceOf(c.code) === province).map((c) => c.code)])].sort());
      const corpusRows = listRows.filter((r) => codes.has(codeOf(r)!));
      expect(corpusRows.length).toBeGreaterThan(0);
      for (const row of corpusRows) for (const year of YEARS) expect(row, `${province} ${codeOf(row)} ${year}`).toContain(`/${year}/"`);
      for (const row of listRows.filter((r) => !codes.has(codeOf(r)!))) expect(row).not.toMatch(/\/\d{4}\/"/);

      // The latest year's figures: columns in the header's order, each "value （province rank）" or "—".
      const figuresAt = html.indexOf(`${latest} 年主要数字`);
      const header = [...html.slice(html.indexOf('<thead>', figuresAt), html.indexOf('</thead>', figuresAt)).matchAll(/<th scope="col"[^>]*>([\s\S]*?)<\/th>/g)].map((m) => text(m[1]));
      const columns = header.slice(1).map((h) => headline.find((m) => h.startsWith(m.label))?.id);
      expect(columns.every(Boolean), `${province}: header ${header.join(' | ')}`).toBe(true);
      for (const row of tableRows(html, `${latest} 年主要数字`)) {
        const code = codeOf(row)!;
        cells(row)
          .slice(1)
          .forEach((cell, i) => {
            const metric = columns[i]!;
            const want = expected.get(metric)!.ranked.find((e) => e.code === code);
            const got = text(cell).replace('⚑', ''); // a marked report's figure (marks.ts)
            if (!want) expect(got, `${province} ${code} ${metric}`).toBe('—');
            else {
              const m = got.match(/^(.*?)\s*（(\d+)）$/);
              expect(m, `${province} ${code} ${metric}: ${got}`).not.toBeNull();
              expect({ value: readShown(metric, m![1]), rank: Number(m![2]) }, `${province} ${code} ${metric}`).toEqual({ value: shown(metric, want.value), rank: want.provinceRank });
            }
          });
      }
    }
  });

  it('finds every county with the county finder (Pagefind) by its name and by its pinyin', async () => {
    const entry = JSON.parse(readFileSync(join(DIST, 'pagefind/pagefind-entry.json'), 'utf8')) as { languages: Record<string, { page_count: number }> };
    // A page for every county-level division, with or without reports.
    expect(Object.values(entry.languages).reduce((s, l) => s + l.page_count, 0)).toBe(new Set([...counties.map((c) => c.code), ...codes]).size);
    // Pagefind's browser bundle, run in Node: its fetches of index files are served from dist/.
    const realFetch = globalThis.fetch;
    globalThis.fetch = (async (url: string | URL) => new Response(await readFile(new URL(String(url))))) as typeof fetch;
    try {
      const pagefind = (await import(pathToFileURL(join(DIST, 'pagefind/pagefind.js')).href)) as {
        options(o: object): Promise<void>;
        init(): Promise<void>;
        search(q: string): Promise<{ results: { data(): Promise<{ url: string }> }[] }>;
      };
      await pagefind.options({ basePath: pathToFileURL(join(DIST, 'pagefind/')).href, baseUrl: '/' });
      await pagefind.init();
      const notFound: string[] = [];
      for (const c of picked) {
        const url = `/counties/${countySlug(c)}/`;
        for (const q of [c.name, shortName(c.name), toPinyin(shortName(c.name))]) {
          const found = await pagefind.search(q);
          // The finder shows the first 12 results.
          const urls = await Promise.all(found.results.slice(0, 12).map((r) => r.data().then((d) => d.url)));
          if (!urls.includes(url)) notFound.push(`${q} → ${c.name} (${c.code}); got ${urls.slice(0, 3).join(', ') || 'nothing'}`);
        }
      }
      expect(notFound).toEqual([]);
    } finally {
      globalThis.fetch = realFetch;
    }
  });

  it('builds a report page for every report of the corpus and none for counties outside it, and a county page for every division', () => {
    for (const c of picked) for (const year of YEARS) expect(existsSync(join(DIST, 'counties', countySlug(c), String(year), 'index.html')), `${c.code} ${year}`).toBe(true);
    const sitemap = readFileSync(join(DIST, 'sitemap-0.xml'), 'utf8');
    // Report pages: exactly the corpus's counties.
    const reportPages = sitemap.match(/\/counties\/\d{6}-[^/]+\/\d{4}\//g) ?? [];
    expect([...new Set(reportPages.map((m) => m.slice(10, 16)))].sort()).toEqual([...codes].sort());
    // County pages: every division of the list.
    const countyPages = new Set((sitemap.match(/\/counties\/\d{6}-[^/]+\/</g) ?? []).map((m) => m.slice(10, 16)));
    expect(counties.filter((c) => !countyPages.has(c.code)).map((c) => c.code)).toEqual([]);
  });
});
