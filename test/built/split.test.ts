// The split build (DOWNLOADS_SITE, README "Publishing on GitHub Pages"): each report's files and
// every share image are in the downloads site's output, not the site's, and the pages point there.
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { attr, elements, listFiles, loadDocument } from './dom.ts';
import { loadBuildInfo } from './paths.ts';

const info = loadBuildInfo();
const { split } = info;
const pages = listFiles(split.dist, ['.html']);
/** The file of the downloads output an absolute address on the downloads site names. */
const downloadsFile = (url: string) => join(split.downloadsOut, url.slice(split.downloadsSite.length));

describe('split build: share images on the downloads site', () => {
  const ogImages = pages.flatMap((page) => elements(loadDocument(page), 'meta').filter((m) => attr(m, 'property') === 'og:image').map((m) => ({ page, url: attr(m, 'content')! })));

  it('writes every image to the downloads output and none to the site', () => {
    const images = readdirSync(join(split.downloadsOut, 'og'));
    expect(images.length).toBeGreaterThan(0);
    expect(images.every((f) => /^\d{6}\.png$/.test(f))).toBe(true);
    expect(existsSync(join(split.dist, 'og'))).toBe(false);
  });

  it('points every og:image at an image the downloads site has', () => {
    expect(ogImages.length).toBeGreaterThan(0);
    for (const { page, url } of ogImages) {
      expect(url.startsWith(`${split.downloadsSite}og/`), `${page}: ${url}`).toBe(true);
      expect(existsSync(downloadsFile(url)), `${page}: ${url}`).toBe(true);
    }
  });
});

describe('split build: report files on the downloads site', () => {
  it('links each report JSON on the downloads site, where it is, and not in the site', () => {
    const links = pages.flatMap((page) => elements(loadDocument(page), 'a').map((a) => attr(a, 'href') ?? '').filter((h) => h.endsWith('/report.json')).map((url) => ({ page, url })));
    expect(links.length).toBeGreaterThan(0);
    for (const { page, url } of links) {
      expect(url.startsWith(`${split.downloadsSite}counties/`), `${page}: ${url}`).toBe(true);
      expect(existsSync(downloadsFile(url)), `${page}: ${url}`).toBe(true);
    }
    expect(listFiles(split.dist, ['.json']).filter((f) => f.endsWith('/report.json'))).toEqual([]);
  });
});

describe('split build: chart embed pages on the downloads site', () => {
  const isEmbed = (rel: string) => /^counties\/[^/]+\/\d{4}\/embed\/[^/]+\/index\.html$/.test(rel);
  const rel = (root: string, file: string) => file.slice(root.length + 1).split('\\').join('/');
  const uploaded = pages.map((f) => rel(split.dist, f));
  const published = listFiles(split.downloadsOut, ['.html']).map((f) => rel(split.downloadsOut, f));
  const downloadsPath = new URL(split.downloadsSite).pathname;
  const siteRoot = new URL(info.base, info.site).href;
  // The embed pages the report pages offer (their snippets), as files of the downloads output.
  const offered = pages
    .filter((f) => /\/counties\/[^/]+\/\d{4}\/index\.html$/.test(f))
    .flatMap((page) => elements(loadDocument(page), 'code').map((c) => attr(c, 'data-embed-snippet')))
    .filter((url): url is string => url !== undefined)
    .map((url) => `${url.slice(split.downloadsSite.length)}index.html`);

  it('publishes the embed page of every chart a report page offers, and no other page, on the downloads site', () => {
    expect(offered.length).toBeGreaterThan(0);
    expect([...published].sort()).toEqual([...new Set(offered)].sort());
    expect(published.filter((r) => !isEmbed(r))).toEqual([]);
  });

  it('leaves them, and their shell, out of the site', () => {
    expect(uploaded.length).toBeGreaterThan(0);
    expect(uploaded.filter(isEmbed)).toEqual([]);
    expect(existsSync(join(split.dist, 'embed-shell'))).toBe(false);
  });

  it('loads its CSS and JavaScript from the downloads site, where they are, under its own CSP', () => {
    expect(published.length).toBeGreaterThan(0);
    for (const page of published) {
      const doc = loadDocument(join(split.downloadsOut, page));
      const refs = [
        ...elements(doc, 'link').map((l) => attr(l, 'href') ?? ''),
        ...elements(doc, 'script')
          .map((s) => attr(s, 'src'))
          .filter((s): s is string => !!s),
      ];
      const local = refs.filter((r) => r.startsWith('/'));
      // The stylesheet, the chart's script and the favicon at least.
      expect(local.filter((r) => r.endsWith('.css')).length, page).toBeGreaterThan(0);
      expect(local.filter((r) => r.endsWith('.js')).length, page).toBeGreaterThan(0);
      for (const r of refs) {
        // Root-relative (served by the downloads site) or absolute on one of the two sites: never the site's base path, which the downloads site does not serve.
        const url = new URL(r, split.downloadsSite);
        if (url.href.startsWith(split.downloadsSite)) expect(existsSync(downloadsFile(url.href)), `${page}: ${r}`).toBe(true);
        else expect(url.href.startsWith(siteRoot), `${page}: ${r}`).toBe(true);
        if (r.startsWith('/')) expect(r.startsWith(downloadsPath), `${page}: ${r}`).toBe(true);
      }
      const icon = elements(doc, 'link').find((l) => attr(l, 'rel') === 'icon');
      expect(icon && existsSync(downloadsFile(new URL(attr(icon, 'href')!, split.downloadsSite).href)), page).toBe(true);
      const csp = elements(doc, 'meta').find((m) => attr(m, 'http-equiv') === 'content-security-policy');
      expect(attr(csp!, 'content'), page).toMatch(/script-src 'self'/);
    }
  });

  it('links back to its report page on the site, absolute, and the page is uploaded', () => {
    expect(published.length).toBeGreaterThan(0);
    for (const page of published) {
      const back = elements(loadDocument(join(split.downloadsOut, page)), 'a').filter((a) => attr(a, 'target') === '_top');
      expect(back.length, page).toBe(1);
      const href = attr(back[0], 'href')!;
      expect(href, page).toBe(`${siteRoot}${page.replace(/embed\/[^/]+\/index\.html$/, '')}`);
      expect(uploaded, page).toContain(`${href.slice(siteRoot.length)}index.html`);
    }
  });

  it('gives the report pages an embed snippet on the downloads site', () => {
    const reportPages = pages.filter((f) => /\/counties\/[^/]+\/\d{4}\/index\.html$/.test(f));
    const snippets = reportPages.flatMap((page) => elements(loadDocument(page), 'code').filter((c) => attr(c, 'data-embed-snippet') !== undefined).map((c) => ({ page, c })));
    expect(snippets.length).toBeGreaterThan(0);
    for (const { page, c } of snippets) {
      const url = attr(c, 'data-embed-snippet')!;
      expect(url.startsWith(`${split.downloadsSite}counties/`), `${page}: ${url}`).toBe(true);
      expect(existsSync(join(downloadsFile(url), 'index.html')), `${page}: ${url}`).toBe(true);
      const iframe = (c.childNodes.map((n) => ('value' in n ? n.value : '')).join('').match(/<iframe src="([^"]+)"/) ?? [])[1];
      expect(iframe, page).toBe(url);
    }
  });
});
