// A chart's downloads: PNG and SVG files appear, the SVG's text and the PNG's text chunk hold the
// source line and the page address; the CSV holds the chart's table. The embed page shows the chart
// with its source line.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { scrollThrough, useSession, watch } from './harness.ts';
import { busiestReportPage } from './pages.ts';

const session = useSession();

describe('chart downloads', () => {
  it('give PNG, SVG and CSV files holding the chart, its source line and the site address', async () => {
    const s = session();
    const ctx = await s.browser.newContext({ acceptDownloads: true, viewport: { width: 1280, height: 800 } });
    const page = await ctx.newPage();
    const { errors } = watch(page);
    const path = busiestReportPage();
    await page.goto(s.at(path));
    const figure = page.locator('figure.chart').first();
    const source = (await figure.locator('.chart-source').innerText()).replace(/^来源：/, '');
    expect(source).toMatch(/\d{4} 年政府信息公开工作年度报告/);
    const files: Record<string, Buffer> = {};
    for (const kind of ['png', 'svg', 'csv']) {
      const [download] = await Promise.all([page.waitForEvent('download'), figure.locator(`button[data-chart-dl="${kind}"]`).click()]);
      expect(download.suggestedFilename()).toMatch(new RegExp(`\\.${kind}$`));
      files[kind] = readFileSync((await download.path())!);
    }
    const svg = files.svg.toString('utf8');
    expect(svg.startsWith('<svg')).toBe(true);
    expect(svg).toContain(`来源：${source}`);
    expect(svg).toContain(`portal.test.example/portal-test/${path}`);
    expect(svg).toContain((await figure.locator('figcaption').innerText()).trim());
    const png = files.png;
    expect(png.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
    expect(png.readUInt32BE(16)).toBe(1600); // drawn at twice the 800 px picture
    expect(png.toString('utf8')).toContain(`来源：${source}`);
    const csv = files.csv.toString('utf8');
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    expect(csv).toContain('\r\n');
    const firstRow = (await figure.locator('tbody tr').first().locator('th').innerText()).trim();
    expect(csv).toContain(firstRow);
    expect(csv).toContain(`来源：${source}`);
    expect(errors).toEqual([]);
    await ctx.close();
  });

  it('offers an embed snippet whose page shows the chart with its source line', async () => {
    const s = session();
    const page = await s.browser.newPage({ viewport: { width: 600, height: 700 } });
    const { errors } = watch(page);
    await page.goto(s.at(busiestReportPage()));
    const snippet = await page.locator('[data-embed-snippet]').first().textContent();
    const src = snippet?.match(/src="([^"]+)"/)?.[1];
    expect(src).toMatch(/\/embed\/(outcomes|applicants|review)\/$/);
    await page.goto(src!.replace('https://portal.test.example/portal-test/', s.at('')));
    await scrollThrough(page);
    await expect.poll(() => page.locator('canvas').count()).toBe(1);
    expect(await page.locator('.chart-source').innerText()).toMatch(/^来源：.+年政府信息公开工作年度报告/);
    expect(await page.locator('a[target="_top"]').count()).toBe(1);
    expect(errors).toEqual([]);
    await page.close();
  });
});
