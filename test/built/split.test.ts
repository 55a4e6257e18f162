// The split build (DOWNLOADS_SITE, README "Publishing on GitHub Pages"): each report's files and
// every share image are in the downloads site's output, not the site's, and the pages point there.
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { attr, elements, listFiles, loadDocument } from './dom.ts';
import { loadBuildInfo } from './paths.ts';

const { split } = loadBuildInfo();
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
