// On a phone (390 px) the ranked value is in view without scrolling sideways: in every row of a
// ranking, national and within a province, the value cell ends inside the table's box.
import { describe, expect, it } from 'vitest';
import { useSession } from './harness.ts';
import { busiestReportPage } from './pages.ts';

const session = useSession();

describe('rankings at 390 px', () => {
  for (const path of ['rankings/punishment/2021/', 'rankings/punishment/2021/630000/', 'rankings/received/2021/']) {
    it(`shows every ranked value of ${path} without sideways scrolling`, async () => {
      const s = session();
      const context = await s.browser.newContext({ viewport: { width: 390, height: 844 } });
      const page = await context.newPage();
      await page.goto(s.at(path));
      const rows = await page.locator('table.ranking tbody tr').evaluateAll((trs) =>
        trs.map((tr) => {
          const box = tr.closest('.table-wrap')!.getBoundingClientRect();
          const value = (tr.children[2] as HTMLElement).getBoundingClientRect();
          return { text: tr.children[2].textContent, right: value.right, boxRight: box.right, pageWidth: document.documentElement.scrollWidth };
        }),
      );
      expect(rows.length).toBeGreaterThan(2);
      for (const r of rows) {
        expect(r.right, `value ${r.text}`).toBeLessThanOrEqual(r.boxRight);
        expect(r.pageWidth).toBeLessThanOrEqual(390);
      }
      await context.close();
    });
  }
});

describe('wide tables at 390 px', () => {
  it('table 三 says its columns scroll, and its row labels stay in view while they do', async () => {
    const s = session();
    const context = await s.browser.newContext({ viewport: { width: 390, height: 844 } });
    const page = await context.newPage();
    await page.goto(s.at(busiestReportPage()));
    const hint = page.locator('.scroll-hint').first();
    await expect.poll(() => hint.isVisible()).toBe(true);
    const wrap = page.locator('.table-wrap:has(table.apps)');
    const label = page.locator('table.apps tbody th[scope="row"]').first();
    const before = (await label.boundingBox())!;
    await wrap.evaluate((el) => (el.scrollLeft = el.scrollWidth));
    const scrolled = await wrap.evaluate((el) => el.scrollLeft);
    expect(scrolled).toBeGreaterThan(50);
    const after = (await label.boundingBox())!;
    expect(Math.abs(after.x - before.x)).toBeLessThan(2);
    await context.close();
  });

  it('on a wide screen the hint is not shown', async () => {
    const s = session();
    const context = await s.browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await page.goto(s.at(busiestReportPage()));
    expect(await page.locator('.scroll-hint').first().isVisible()).toBe(false);
    await context.close();
  });
});
