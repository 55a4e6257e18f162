// The split build's chart embed page as the downloads site serves it (its own output, under its own
// path, on another origin than the site): its stylesheet and scripts load there under its CSP, the
// chart is drawn, its chunks (the PNG download) load from there too, and the link back leads to the site.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { serveDist, type Served } from '../../scripts/serve-dist.ts';
import { loadBuildInfo } from '../built/paths.ts';
import { launch, scrollThrough, watch } from './harness.ts';

const info = loadBuildInfo();
const { split } = info;
/** Every embed page of the downloads output, as a path under its site. */
const embeds = readdirSync(join(split.downloadsOut, 'counties'), { recursive: true, encoding: 'utf8' })
  .filter((f) => /^[^/]+\/\d{4}\/embed\/[^/]+\/index\.html$/.test(f))
  .map((f) => `counties/${f.slice(0, -'index.html'.length)}`)
  .sort();

let served: Served | undefined;
let browser: Browser | undefined;
beforeAll(async () => {
  served = await serveDist({ dir: split.downloadsOut, base: new URL(split.downloadsSite).pathname });
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
  await served?.close();
});

describe('split build: a chart embed page on the downloads site', () => {
  it('draws its chart with the files the downloads site has, and links back to the site', async () => {
    expect(embeds.length).toBeGreaterThan(0);
    const ctx = await browser!.newContext({ acceptDownloads: true, viewport: { width: 600, height: 700 } });
    const page = await ctx.newPage();
    const { errors } = watch(page);
    const csp: string[] = [];
    page.on('console', (m) => {
      if (/Content Security Policy/i.test(m.text())) csp.push(m.text());
    });
    await page.goto(served!.url + embeds[0]);
    await scrollThrough(page);
    await expect.poll(() => page.locator('canvas').count()).toBe(1);
    // The stylesheet loaded (a sheet is null when its file is not one).
    expect(await page.locator('link[rel="stylesheet"]').evaluate((l) => (l as HTMLLinkElement).sheet !== null)).toBe(true);
    // A chunk loaded on demand, through the preload helper, from the downloads site's path.
    const [download] = await Promise.all([page.waitForEvent('download'), page.locator('button[data-chart-dl="png"]').click()]);
    expect(download.suggestedFilename()).toMatch(/\.png$/);
    const back = await page.locator('a[target="_top"]').getAttribute('href');
    expect(back).toBe(`${new URL(info.base, info.site).href}${embeds[0].replace(/embed\/[^/]+\/$/, '')}`);
    expect(csp).toEqual([]);
    expect(errors).toEqual([]);
    await ctx.close();
  });
});
