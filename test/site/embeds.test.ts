import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Report } from '../../src/lib/schema.ts';
import { mirrorAssets, rehomeEmbedPage, writeEmbeds } from '../../src/lib/site/build/embeds.ts';
import { chartFigureHtml } from '../../src/lib/site/view/chartHtml.ts';
import { reportCharts } from '../../src/lib/site/view/charts.ts';
import { EMBED_HEAD, EMBED_MAIN, embedPages, fillShell } from '../../src/lib/site/view/embedPage.ts';
import { fixtureReport } from './factory.ts';

const HOUR = 3_600_000;
function put(root: string, rel: string, text: string, ageMs = 0): void {
  const p = join(root, rel);
  mkdirSync(dirname(p), { recursive: true });
  writeFileSync(p, text);
  const t = new Date(Date.now() - ageMs);
  utimesSync(p, t, t);
}
/** A shell as Astro renders src/pages/embed-shell/ (the marks where the build puts each page's parts). */
const shell = (base: string) =>
  `<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8">${EMBED_HEAD}<link rel="icon" href="${base}favicon.svg"><link rel="stylesheet" href="${base}_astro/style.abc.css"></head>` +
  `<body class="embedded"><main>${EMBED_MAIN}<script type="module" src="${base}_astro/Chart.x1.js"></script></main></body></html>`;

const minhe = fixtureReport('000_abd24a0acb5d3937'); // 630222-2021
const gangcha = fixtureReport('001_b4c68211845cc32f'); // 632224-2021
const idOf = (r: Report) => `${r.region.code}-${r.year}`;
const chartsOf = (r: Report) => reportCharts(r).map((c) => c.id);

/** An ingest output holding `reports`, and an output and a state file beside it. */
function setup(reports: Report[]) {
  const dir = mkdtempSync(join(tmpdir(), 'embeds-'));
  const ingestDir = join(dir, 'ingest');
  for (const r of reports) put(ingestDir, `reports/${idOf(r)}.json`, JSON.stringify(r), HOUR);
  return { dir, ingestDir, out: join(dir, 'out'), statePath: join(dir, 'state.json') };
}
const filesIn = (root: string) =>
  existsSync(root)
    ? readdirSync(root, { recursive: true, withFileTypes: true })
        .filter((e) => e.isFile())
        .map((e) => join(e.parentPath, e.name).slice(root.length + 1))
        .sort()
    : [];

describe('embedPages', () => {
  const site = { site: 'https://site.example', base: '/p/' };
  const pages = embedPages(minhe, site);

  it('makes one page per chart the report page draws, under the report', () => {
    expect(chartsOf(minhe).length).toBeGreaterThan(0);
    expect(pages.map((p) => p.file)).toEqual(chartsOf(minhe).map((c) => `counties/630222-minhe/2021/embed/${c}/index.html`));
  });

  it("holds the chart's figure as the report page draws it, with the report as its source, and links back to the report page", () => {
    const spec = reportCharts(minhe)[0];
    const context = { source: `民和回族土族自治县 2021 年政府信息公开工作年度报告（${minhe.issuer}）`, page: 'https://site.example/p/counties/630222-minhe/2021/', label: '民和回族土族自治县 2021 年' };
    expect(pages[0].main).toContain(chartFigureHtml(spec, { context }));
    expect(pages[0].main).toContain('<a href="/p/counties/630222-minhe/2021/" target="_top">');
    expect(pages[0].head).toContain(`<link rel="canonical" href="https://site.example/p/counties/630222-minhe/2021/embed/${spec.id}/">`);
  });

  it('on a downloads site, gives the page its address there and links the report page absolutely', () => {
    const [page] = embedPages(minhe, { ...site, downloadsSite: 'https://dl.example/d/' });
    expect(page.head).toContain(`href="https://dl.example/d/counties/630222-minhe/2021/embed/${chartsOf(minhe)[0]}/"`);
    expect(page.main).toContain('<a href="https://site.example/p/counties/630222-minhe/2021/" target="_top">');
  });

  it('without a site address, has no canonical link and links relative to the base', () => {
    const [page] = embedPages(minhe, { base: '/' });
    expect(page.head).not.toContain('canonical');
    expect(page.main).toContain('<a href="/counties/630222-minhe/2021/" target="_top">');
  });

  it('escapes what the report says', () => {
    const [page] = embedPages({ ...minhe, issuer: '<b>"某"&办</b>' }, site);
    expect(page.main).toContain('（&lt;b&gt;&quot;某&quot;&amp;办&lt;/b&gt;）');
    expect(page.main).not.toContain('<b>');
  });
});

describe('fillShell', () => {
  it("puts the page's head and content at the shell's marks, and the rest of the shell around them", () => {
    const html = fillShell(shell('/p/'), { file: 'x', head: '<title>T</title>', main: '<h1>M</h1>' });
    expect(html).toBe(shell('/p/').replace(EMBED_HEAD, '<title>T</title>').replace(EMBED_MAIN, '<h1>M</h1>'));
    expect(html).not.toContain('embed:');
  });

  it('refuses a shell without its marks, naming the one missing', () => {
    expect(() => fillShell('<html><head></head><body></body></html>', { file: 'x', head: '', main: '' })).toThrow(/embed:head/);
    expect(() => fillShell(`<head>${EMBED_HEAD}</head>`, { file: 'x', head: '', main: '' })).toThrow(/embed:main/);
  });
});

describe('rehomeEmbedPage', () => {
  it("moves the site's asset addresses to the downloads site's path", () => {
    const html = rehomeEmbedPage(shell('/p/'), '/p/', '/d/');
    expect(html).toContain('href="/d/_astro/style.abc.css"');
    expect(html).toContain('src="/d/_astro/Chart.x1.js"');
    expect(html).toContain('href="/d/favicon.svg"');
    expect(html).not.toContain('"/p/');
  });

  it('refuses a page that still names an address of the site, naming the page', () => {
    expect(() => rehomeEmbedPage('<a href="/p/counties/a/2021/">back</a>', '/p/', '/d/', 'dist/x/index.html')).toThrow(/dist\/x\/index\.html: \/p\/counties\/a\/2021\/ /);
    // At the root of both sites, the same path serves on either.
    expect(rehomeEmbedPage(shell('/'), '/', '/')).toBe(shell('/'));
  });
});

describe('writeEmbeds', () => {
  const addresses = { site: 'https://site.example', base: '/p/' };

  it.each([0, 2])('writes every page of every report into the shell (%i worker threads), and records them', async (workers) => {
    const { ingestDir, out, statePath } = setup([minhe, gangcha]);
    const counts = await writeEmbeds({ ingestDir, out, shell: shell('/p/'), addresses, statePath, workers });
    const expected = [...embedPages(minhe, addresses), ...embedPages(gangcha, addresses)];
    expect(expected.length).toBeGreaterThan(2);
    expect(counts).toMatchObject({ written: expected.length, kept: 0, removed: 0, failed: [] });
    expect([...counts.files].sort()).toEqual(expected.map((p) => p.file).sort());
    expect(filesIn(out)).toEqual(expected.map((p) => p.file).sort());
    for (const page of expected) expect(readFileSync(join(out, page.file), 'utf8')).toBe(fillShell(shell('/p/'), page));
  });

  it('writes again only the pages of a changed report, removes those of a report or chart no longer built, and all of them for another shell', async () => {
    const { ingestDir, out, statePath } = setup([minhe, gangcha]);
    const options = { ingestDir, out, shell: shell('/p/'), addresses, statePath, workers: 0 };
    const first = await writeEmbeds(options);
    const gangchaPages = embedPages(gangcha, addresses);
    const minhePages = embedPages(minhe, addresses);
    expect(chartsOf(gangcha)).toContain('review');

    // Unchanged: nothing written.
    expect(await writeEmbeds(options)).toMatchObject({ written: 0, kept: first.written, removed: 0 });

    // gangcha changed: no review or litigation figures, so no review chart; a page of minhe damaged.
    const fewer: Report = { ...gangcha, review: null, litigationDirect: null, litigationAfterReview: null };
    const fewerPages = embedPages(fewer, addresses);
    expect(fewerPages.map((p) => p.file)).toEqual(gangchaPages.map((p) => p.file).filter((f) => !f.includes('/review/')));
    put(ingestDir, `reports/${idOf(gangcha)}.json`, JSON.stringify(fewer));
    writeFileSync(join(out, minhePages[0].file), 'damaged');
    expect(await writeEmbeds(options)).toMatchObject({ written: fewerPages.length + minhePages.length, kept: 0, removed: 1 });
    expect(readFileSync(join(out, minhePages[0].file), 'utf8')).toBe(fillShell(shell('/p/'), minhePages[0]));
    expect(existsSync(join(out, 'counties/632224-gangcha/2021/embed/review'))).toBe(false);

    // minhe no longer built: its pages and their folders go.
    rmSync(join(ingestDir, `reports/${idOf(minhe)}.json`));
    expect(await writeEmbeds(options)).toMatchObject({ written: 0, kept: fewerPages.length, removed: minhePages.length });
    expect(existsSync(join(out, 'counties/630222-minhe'))).toBe(false);

    // Another shell (new assets): every page again.
    expect(await writeEmbeds({ ...options, shell: shell('/p/').replace('Chart.x1', 'Chart.x2') })).toMatchObject({ written: fewerPages.length, kept: 0 });
    expect(readFileSync(join(out, fewerPages[0].file), 'utf8')).toContain('Chart.x2');
  });

  it('without a record, finds the embed pages an earlier build left and removes those not built now', async () => {
    const { ingestDir, out, statePath } = setup([minhe]);
    put(out, 'counties/999999-zz/2019/embed/review/index.html', 'stale');
    put(out, 'counties/999999-zz/2019/report.json', '{}'); // not an embed page: not the embeds' to touch
    expect(await writeEmbeds({ ingestDir, out, shell: shell('/'), addresses: { base: '/' }, statePath, workers: 0 })).toMatchObject({ removed: 1 });
    expect(existsSync(join(out, 'counties/999999-zz/2019/embed'))).toBe(false);
    expect(existsSync(join(out, 'counties/999999-zz/2019/report.json'))).toBe(true);
  });

  it('names the report file it cannot read', async () => {
    const { ingestDir, out } = setup([]);
    put(ingestDir, 'reports/630222-2021.json', '{not json');
    await expect(writeEmbeds({ ingestDir, out, shell: shell('/'), addresses: { base: '/' }, workers: 0 })).rejects.toThrow(/630222-2021\.json/);
  });
});

describe('mirrorAssets', () => {
  it("mirrors the site's _astro files and favicon, and removes those no longer built", () => {
    const dir = mkdtempSync(join(tmpdir(), 'mirror-'));
    const out = join(dir, 'dist');
    const dl = join(dir, 'dl');
    put(out, '_astro/style.abc.css', 'body{}');
    put(out, '_astro/Chart.x1.js', 'import "./chunk.js"');
    put(out, 'favicon.svg', '<svg/>');
    put(dl, '_astro/Chart.x0.js', 'old');
    put(dl, 'counties/a/2021/report.json', '{}');
    expect(mirrorAssets(out, dl)).toBe(3);
    expect(filesIn(dl)).toEqual(['_astro/Chart.x1.js', '_astro/style.abc.css', 'counties/a/2021/report.json', 'favicon.svg']);
  });
});
