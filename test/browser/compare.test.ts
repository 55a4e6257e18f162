// The compare page: counties from two provinces side by side for a year and their trend, built in
// the browser from the published JSON; the choice is in the address and survives a reload.
import { describe, expect, it } from 'vitest';
import { useSession, watch } from './harness.ts';

const session = useSession();

describe('compare', () => {
  it('shows two counties of different provinces side by side and keeps the choice in the address', async () => {
    const s = session();
    const page = await s.browser.newPage({ viewport: { width: 1280, height: 900 } });
    const { errors } = watch(page);
    await page.goto(s.at('compare/'));
    await expect.poll(() => page.locator('#county-list option').count()).toBeGreaterThan(3);
    await page.fill('#county-1', '民和回族土族自治县');
    await page.fill('#county-2', '411421');
    await page.selectOption('#compare-year', '2021');
    await page.selectOption('#compare-metric', 'received');
    await page.click('button[type="submit"]');
    const heads = page.locator('#compare-table thead th');
    await expect.poll(() => heads.count()).toBe(3);
    expect(await heads.nth(1).innerText()).toContain('民和回族土族自治县');
    expect(await heads.nth(2).innerText()).toContain('河南省');
    // Each value is the county's own, as its report page shows it.
    const received = (await page.locator('#compare-table tbody tr', { hasText: '新收申请' }).locator('td').first().innerText()).replace(/\s*件$/, '');
    const url = new URL(page.url());
    expect(url.searchParams.get('c')).toBe('630222,411421');
    expect(url.searchParams.get('y')).toBe('2021');
    await page.goto(s.at('counties/630222-minhe/2021/'));
    expect((await page.locator('#m-received').innerText()).replace(/\s*件$/, '').trim()).toBe(received.trim());
    // The linked address draws the same comparison, with the trend.
    await page.goto(url.href);
    await expect.poll(() => page.locator('#compare-table thead th').count()).toBe(3);
    expect(await page.locator('#compare-trend-figure svg').count()).toBe(1);
    expect(await page.locator('#compare-trend tbody tr').count()).toBeGreaterThan(0);
    expect(await page.inputValue('#county-2')).toContain('411421');
    expect(errors).toEqual([]);
    await page.close();
  });
});
