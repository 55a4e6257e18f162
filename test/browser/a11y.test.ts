// axe-core finds no violations on the home page, a report page and a ranking page, at phone and
// desktop width. Screenshots of each land in test-results/screenshots/ for a person to look at.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { AxeBuilder } from '@axe-core/playwright';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../built/paths.ts';
import { scrollThrough, watch, useSession } from './harness.ts';
import { busiestReportPage, markedReportPage, rankingPage } from './pages.ts';

const SHOTS = join(ROOT, 'test-results/screenshots');
const VIEWPORTS = { phone: { width: 390, height: 844 }, desktop: { width: 1280, height: 800 } };
const PAGES: [string, () => string, (keyof typeof VIEWPORTS)[]][] = [
  ['home', () => '', ['phone', 'desktop']],
  ['report', busiestReportPage, ['phone', 'desktop']],
  // Failed identities and inferred cells carry extra marks in the tables.
  ['marked report', markedReportPage, ['phone']],
  ['ranking', rankingPage, ['phone', 'desktop']],
  // Marked rows, the column without them and the checkbox.
  ['marked ranking', () => 'rankings/punishment/2021/', ['phone', 'desktop']],
  ['county without reports', () => 'counties/110108-haidian/', ['phone', 'desktop']],
  ['county with reports', () => 'counties/630222-minhe/', ['phone', 'desktop']],
  ['province grid', () => 'provinces/630000/', ['phone', 'desktop']],
  // The pages of issue 9 (5–12): a comparison drawn, the corrections log, a chart's embed page.
  ['compare', () => 'compare/?c=630222,411421&y=2021&m=received', ['phone', 'desktop']],
  ['corrections', () => 'corrections/', ['phone']],
  ['embed', () => `${busiestReportPage()}embed/outcomes/`, ['phone']],
];

const session = useSession();
mkdirSync(SHOTS, { recursive: true });

describe('axe', () => {
  for (const [name, path, widths] of PAGES) {
    for (const width of widths) {
      const viewport = VIEWPORTS[width];
      it(`no violations on the ${name} page at ${width} width`, async () => {
        const s = session();
        // AxeBuilder needs a page of an explicit context.
        const context = await s.browser.newContext({ viewport });
        const page = await context.newPage();
        const { errors } = watch(page);
        await page.goto(s.at(path()));
        await scrollThrough(page); // charts and anything else loaded on view are part of the page
        await page.waitForTimeout(300);
        // A figure selected: its toolbar is part of the page too.
        if (name === 'report') await page.locator('#applications-granted-6').click();
        const result = await new AxeBuilder({ page }).analyze();
        await page.evaluate(() => window.scrollTo(0, 0));
        await page.screenshot({ path: join(SHOTS, `${name.replaceAll(' ', '-')}-${width}.png`), fullPage: true });
        const violations = result.violations.map(
          (v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.slice(0, 5).map((n) => n.target.join(' ')).join(', ')}`,
        );
        expect(violations).toEqual([]);
        expect(result.passes.length, 'axe ran its rules').toBeGreaterThan(10);
        expect(errors).toEqual([]);
        await context.close();
      });
    }
  }
});
