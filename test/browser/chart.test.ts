// A report page's charts draw once scrolled into view: the canvas holds a picture (painted pixels in
// more than one colour), and each canvas carries an aria-label summary.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { scrollThrough, watch, useSession } from './harness.ts';
import { busiestReportPage } from './pages.ts';

const session = useSession();

/** For each canvas: share of non-transparent pixels and number of distinct colours (sampled). */
const canvasInk = (page: Page) =>
  page.evaluate(() =>
    [...document.querySelectorAll('canvas')].map((c) => {
      if (!c.width || !c.height) return { painted: 0, colours: 0 };
      const ctx = c.getContext('2d');
      if (!ctx) return { painted: 0, colours: 0 };
      const data = ctx.getImageData(0, 0, c.width, c.height).data;
      let painted = 0;
      const colours = new Set<number>();
      for (let i = 0; i < data.length; i += 4) {
        if (data[i + 3] === 0) continue;
        painted++;
        if (colours.size < 50) colours.add((data[i] << 16) | (data[i + 1] << 8) | data[i + 2]);
      }
      return { painted: painted / (c.width * c.height), colours: colours.size };
    }),
  );

describe('charts', () => {
  it(`draw on the busiest sample report page`, async () => {
    const s = session();
    const page = await s.browser.newPage({ viewport: { width: 1280, height: 800 } });
    const { errors } = watch(page);
    await page.goto(s.at(busiestReportPage()));
    await scrollThrough(page);
    expect(await page.locator('canvas').count(), 'canvas elements on the report page').toBeGreaterThan(0);
    const drawn = async () => (await canvasInk(page)).filter((c) => c.painted > 0.005 && c.colours >= 2).length;
    await expect.poll(drawn, { timeout: 15_000 }).toBeGreaterThan(0);
    const unlabelled = await page.locator('canvas:not([aria-label]):not([aria-labelledby])').count();
    expect(unlabelled, 'canvases without an aria-label summary').toBe(0);
    // Each chart draws the numbers of the table beside it (Chart.js reads them from that table).
    const pairs = await page.evaluate(() =>
      [...document.querySelectorAll('figure.chart')].flatMap((f) => {
        const canvas = f.querySelector('canvas');
        if (!canvas) return [];
        const rows = [...f.querySelectorAll('tbody tr')].map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent ?? ''));
        return [{ drawn: canvas.dataset.series ?? '', table: rows }];
      }),
    );
    expect(pairs.length).toBeGreaterThan(0);
    for (const { drawn, table } of pairs) {
      const series = JSON.parse(drawn) as (number | null)[][];
      const fromTable = table[0].map((_, i) => table.map((row) => (row[i].includes('空白') ? null : Number(row[i].replace(/,/g, '')))));
      expect(series).toEqual(fromTable);
      expect(series.flat().some((v) => v !== null && v > 0)).toBe(true);
    }
    expect(errors).toEqual([]);
    await page.close();
  });
});
