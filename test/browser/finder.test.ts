// The county finder on the home page: typing a county's Chinese name or its pinyin brings up a link
// to that county, and typing another county's name brings up that one instead.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { watch, useSession } from './harness.ts';

const MINHE = '630222'; // 民和回族土族自治县, sample 000
const HAIDIAN = '110108'; // 海淀区: no report held
const GANGCHA = '632224'; // 刚察县, sample 001

const session = useSession();

const countyLinks = (page: Page, code: string) => page.locator(`a[href*="/counties/${code}-"]:visible`);

/** Type the query into the finder the way a person does, key by key. */
async function search(query: string): Promise<{ page: Page; errors: string[] }> {
  const s = session();
  const page = await s.browser.newPage();
  const { errors } = watch(page);
  await page.goto(s.at(''));
  const box = page.locator('input[type="search"], [role="searchbox"], input[role="combobox"]').first();
  expect(await box.count(), 'a search box (input type=search, role searchbox or combobox) on the home page').toBeGreaterThan(0);
  await box.click();
  await box.pressSequentially(query, { delay: 40 });
  return { page, errors };
}

/** How many links to the county the home page shows before anyone types. */
async function baseline(code: string): Promise<number> {
  const s = session();
  const page = await s.browser.newPage();
  await page.goto(s.at(''));
  const n = await countyLinks(page, code).count();
  await page.close();
  return n;
}

describe('county finder', () => {
  for (const query of ['民和', 'minhe', 'Minhe']) {
    it(`finds 民和 by typing ${query}`, async () => {
      const before = await baseline(MINHE);
      const { page, errors } = await search(query);
      await expect.poll(() => countyLinks(page, MINHE).count(), { timeout: 15_000 }).toBeGreaterThan(before);
      expect(errors).toEqual([]);
      await page.close();
    });
  }

  it('finds 刚察 by gangcha, without offering 民和', async () => {
    const [minhe, gangcha] = [await baseline(MINHE), await baseline(GANGCHA)];
    const { page } = await search('gangcha');
    await expect.poll(() => countyLinks(page, GANGCHA).count(), { timeout: 15_000 }).toBeGreaterThan(gangcha);
    // Let the result list settle, then 民和 must not have been added to it.
    await page.waitForLoadState('networkidle');
    await page.waitForTimeout(500);
    expect(await countyLinks(page, MINHE).count()).toBe(minhe);
    await page.close();
  });

  /** The finder's result items, in order: link address and the line under it. */
  const results = (page: Page) =>
    page.locator('#finder-results li').evaluateAll((lis) =>
      lis.map((li) => ({ href: li.querySelector('a')?.getAttribute('href') ?? '', text: li.textContent ?? '' })),
    );

  it('finds 海淀区, which has no report, first, says that none is held, and offers no 青海 county', async () => {
    const { page, errors } = await search('海淀');
    await expect.poll(async () => (await results(page)).length, { timeout: 15_000 }).toBeGreaterThan(0);
    await page.waitForLoadState('networkidle');
    await page.waitForTimeout(400);
    const found = await results(page);
    expect(found.length).toBeGreaterThan(0);
    expect(found[0].href).toContain(`/counties/${HAIDIAN}-haidian/`);
    expect(found[0].text).toContain('海淀区');
    expect(found[0].text).toContain('尚未收录报告');
    expect(found.filter((r) => /\/counties\/63\d{4}-/.test(r.href))).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('says which years of a county with reports are held', async () => {
    const { page } = await search('民和');
    await expect.poll(async () => (await results(page))[0]?.href ?? '', { timeout: 15_000 }).toContain(`/counties/${MINHE}-minhe/`);
    expect((await results(page))[0].text).toMatch(/已收录 2021、2022 年/);
    await page.close();
  });

  for (const [query, code, slug] of [
    ['minhe', MINHE, 'minhe'],
    ['海淀', HAIDIAN, 'haidian'],
  ] as const) {
    it(`opens the first match on Enter (${query})`, async () => {
      const { page, errors } = await search(query);
      // Enter at once, before the results may be in: the finder waits for them.
      await Promise.all([page.waitForURL(`**/counties/${code}-${slug}/`, { timeout: 15_000 }), page.keyboard.press('Enter')]);
      expect(await page.locator('h1').textContent()).toMatch(query === 'minhe' ? /民和/ : /海淀区/);
      expect(errors).toEqual([]);
      await page.close();
    });
  }
});
