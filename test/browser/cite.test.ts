// A figure's 「引用」 action: the clipboard holds a citation with the figure's value, its source (the
// report, and for a PDF the page) and the figure's permanent link; reached by mouse and by keyboard.
import type { BrowserContext } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { loadBuildInfo } from '../built/paths.ts';
import { useSession, watch } from './harness.ts';
import { busiestReportPage } from './pages.ts';

const session = useSession();
const info = loadBuildInfo();

async function context(): Promise<BrowserContext> {
  const ctx = await session().browser.newContext({ viewport: { width: 1280, height: 800 } });
  await ctx.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: session().served.url.replace(/\/[^/]*\/?$/, '').replace(/(:\d+).*/, '$1') });
  return ctx;
}

describe('citing one figure', () => {
  it('copies the figure value, the report source and the figure permalink (mouse)', async () => {
    const ctx = await context();
    const page = await ctx.newPage();
    const { errors } = watch(page);
    const path = busiestReportPage();
    await page.goto(session().at(path));
    const cell = page.locator('#applications-granted-6');
    await expect.poll(() => cell.count()).toBe(1);
    const shown = (await cell.innerText()).trim();
    expect(shown).toMatch(/^[\d,]+$/);
    await cell.click();
    const tools = page.locator('#fig-tools');
    await expect.poll(() => tools.isVisible()).toBe(true);
    await tools.getByRole('button', { name: /^引用/ }).click();
    await expect.poll(() => tools.locator('[role="status"]').innerText()).toBe('已复制引用');
    const text = await page.evaluate(() => navigator.clipboard.readText());
    expect(text).toContain(`“（一）予以公开”行“总计”栏：${shown} 件`);
    expect(text).toContain('三、收到和处理政府信息公开申请情况');
    const title = (await page.locator('h1').innerText()).trim();
    expect(text).toContain(title.replace(/ \d{4} 年政府信息公开工作年度报告$/, ''));
    expect(text).toMatch(/来源：.+《.+》/);
    // The permalink: the canonical address (the build knew the site) with the figure's anchor.
    expect(text).toContain(`${info.site}${info.base}${path}#applications-granted-6`);
    expect(text).toMatch(/访问日期：\d{4} 年 \d{1,2} 月 \d{1,2} 日。$/);
    expect(text).not.toMatch(/请填写|example\.github\.io/);
    // The correction link of that figure: the repository's form, prefilled with the figure.
    const fix = new URL((await tools.getByRole('link', { name: '纠错' }).getAttribute('href'))!);
    expect(fix.pathname).toBe('/portal-test/county-portal/issues/new');
    expect(fix.searchParams.get('template')).toBe('correction.yml');
    expect(fix.searchParams.get('page')).toContain('#applications-granted-6');
    expect(fix.searchParams.get('figure')).toContain('（一）予以公开');
    expect(fix.searchParams.get('shown')).toBe(shown);
    expect(errors).toEqual([]);
    await ctx.close();
  });

  it('is reachable by keyboard: one tab stop per table, arrows move, Enter copies', async () => {
    const ctx = await context();
    const page = await ctx.newPage();
    await page.goto(session().at(busiestReportPage()));
    const first = page.locator('table[data-table^="三"] td[tabindex="0"]');
    await expect.poll(() => first.count()).toBe(1);
    expect(await page.locator('table[data-table^="三"] td[id]').count()).toBeGreaterThan(100);
    await first.focus();
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowDown');
    const id = await page.evaluate(() => document.activeElement?.id);
    expect(id).toBe('applications-carriedOver-1');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.evaluate(() => navigator.clipboard.readText())).toContain('“二、上年结转政府信息公开申请数量”行“法人或其他组织 商业企业”栏');
    // Tab goes on from the figure to its toolbar.
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('引用');
    await ctx.close();
  });

  it('points a PDF report figure at its page of the source document', async () => {
    const ctx = await context();
    const page = await ctx.newPage();
    await page.goto(session().at('counties/320800-huaian/2024/'));
    const cell = page.locator('#applications-received-6');
    await cell.click();
    await page.locator('#fig-tools').getByRole('button', { name: /^引用/ }).click();
    const text = await page.evaluate(() => navigator.clipboard.readText());
    const pageNo = await page.locator('#applications-received-6 ~ td.line').getAttribute('data-page');
    expect(pageNo).toMatch(/^\d+$/);
    expect(text).toContain(`原文第 ${pageNo} 页，https://www.huaian.gov.cn/zfxxgk/2024年报.pdf#page=${pageNo}`);
    // A headline card of the PDF report cites its page too.
    await page.locator('#m-received').click();
    await page.locator('#fig-tools').getByRole('button', { name: /^引用/ }).click();
    await expect.poll(() => page.evaluate(() => navigator.clipboard.readText())).toContain(`原文第 ${pageNo} 页，https://www.huaian.gov.cn/zfxxgk/2024年报.pdf#page=${pageNo}`);
    await ctx.close();
  });

  it('without the sidecar’s address, points a PDF figure at the site’s published source.pdf at its page', async () => {
    const ctx = await context();
    const page = await ctx.newPage();
    await page.goto(session().at('counties/320800-huaian/2024/'));
    // The same page as a report without a sidecar address would have it.
    await page.evaluate(() => document.getElementById('fig-tools')!.removeAttribute('data-src'));
    await page.locator('#applications-received-6').click();
    await page.locator('#fig-tools').getByRole('button', { name: /^引用/ }).click();
    const text = await page.evaluate(() => navigator.clipboard.readText());
    const pageNo = await page.locator('#applications-received-6 ~ td.line').getAttribute('data-page');
    expect(pageNo).toMatch(/^\d+$/);
    expect(text).toContain(`原文第 ${pageNo} 页，本站存档原文：${info.site}${info.base}counties/320800-huaian/2024/source.pdf#page=${pageNo}。`);
    await ctx.close();
  });
});
