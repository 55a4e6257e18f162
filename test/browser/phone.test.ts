// On a phone (390 px) the ranked value is in view without scrolling sideways: in every row of a
// ranking, national and within a province, the value cell ends inside the table's box.
import { describe, expect, it } from 'vitest';
import { useSession } from './harness.ts';

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
