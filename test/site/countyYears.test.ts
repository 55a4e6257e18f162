// A county's years on its page and in the province grid: held by the site, or what the collection
// log says (dead address, not found, found but unreadable), or unknown — never guessed.
import { describe, expect, it } from 'vitest';
import { availability } from '../../src/lib/collect/availability.ts';
import { counties } from '../../src/lib/region.ts';
import { countyDirectory, countyYears, heldSummary, yearRange, YEAR_STATUS_ZH } from '../../src/lib/site/view/countyYears.ts';
import { buildSiteIndex } from '../../src/lib/site/data/siteIndex.ts';
import { makeReport } from './factory.ts';
import type { CollectedUrl, CollectionLog } from '../../src/lib/schema.ts';

const at = '2024-01-01T00:00:00.000Z';
const version = (file: string) => ({ file, sha256: '0'.repeat(64), size: 1, finalUrl: 'http://a.gov.cn/x.pdf', retrieved: at });
const entry = (url: string, over: Partial<CollectedUrl>): CollectedUrl => ({ url, role: 'file', region: '630222', status: 'saved', checked: at, attempts: 1, versions: [], ...over });

const log: CollectionLog = {
  updated: at,
  urls: [
    entry('http://a.gov.cn/2021.pdf', { year: 2021, status: 'not-found', reason: 'HTTP 404', versions: [version('a.pdf')] }), // held, address dead since
    entry('http://a.gov.cn/2020.pdf', { year: 2020, status: 'not-found', reason: 'HTTP 404' }), // dead, no copy
    entry('http://a.gov.cn/2019.pdf', { year: 2019, versions: [version('b.pdf')] }), // a file, but no report on the site
    entry('http://a.gov.cn/nb/', { role: 'listing', status: 'page', links: [] }), // the listing: other years not found
  ],
};

describe('a county’s years', () => {
  it('fills the years between the first and the last', () => {
    expect(yearRange([2024, 2021, 2022])).toEqual([2021, 2022, 2023, 2024]);
    expect(yearRange([])).toEqual([]);
  });

  it('says held, dead, found but unreadable, not found or unknown for each year', () => {
    const years = [2018, 2019, 2020, 2021, 2022];
    const cells = countyYears('630222', years, (y) => y === 2021, availability(log, { years }));
    expect(cells.map((c) => [c.year, c.status, c.sourceGone])).toEqual([
      [2018, 'not-found', false],
      [2019, 'unparsed', false],
      [2020, 'source-gone', false],
      [2021, 'held', true],
      [2022, 'not-found', false],
    ]);
    expect(cells.map((c) => YEAR_STATUS_ZH[c.status])).toEqual(['未找到', '已找到，未能解析', '原网址已失效', '已收录', '未找到']);
  });

  it('without a log, or for a county the log never mentions, every year not held is unknown', () => {
    expect(countyYears('630222', [2021, 2022], (y) => y === 2022, undefined).map((c) => c.status)).toEqual(['unknown', 'held']);
    expect(countyYears('110108', [2021, 2022], () => false, availability(log, { years: [2021, 2022] })).map((c) => c.status)).toEqual(['unknown', 'unknown']);
  });

  it('sums up what is held for the finder', () => {
    expect(heldSummary(countyYears('110108', [2021], () => false, undefined))).toBe('尚未收录报告');
    expect(heldSummary(countyYears('630222', [2021, 2022], () => true, undefined))).toBe('已收录 2021、2022 年');
  });
});

describe('the county directory', () => {
  const site = buildSiteIndex([
    makeReport({ code: '630222', name: '民和回族土族自治县', year: 2021 }),
    makeReport({ code: '630222', name: '民和回族土族自治县', year: 2023 }),
    makeReport({ code: '320800', name: '淮安市', year: 2023 }),
  ]);

  it('has a page for every county-level division, with or without reports, and for a prefecture-level body with reports', () => {
    const dir = countyDirectory(site, counties, undefined);
    expect(counties.length).toBe(2854);
    expect(dir.pages.length).toBe(2854 + 1);
    expect(dir.pages.filter((p) => p.summary).map((p) => p.region.code)).toEqual(['320800', '630222']);
    expect(dir.pages.find((p) => p.region.code === '110108')).toEqual({ region: { code: '110108', name: '海淀区', province: '北京市', prefecture: '北京市' } });
    expect(dir.hasLog).toBe(false);
    // 2022 is no year the site holds: it is among the years, unknown for every county.
    expect(dir.years).toEqual([2021, 2022, 2023]);
    expect(dir.cellsOf('630222').map((c) => c.status)).toEqual(['held', 'unknown', 'held']);
    expect(dir.cellsOf('110108').map((c) => c.status)).toEqual(['unknown', 'unknown', 'unknown']);
  });

  it('widens the years to those of the log and reads each year’s fate from it', () => {
    const dir = countyDirectory(site, counties, log);
    expect(dir.years).toEqual([2019, 2020, 2021, 2022, 2023]);
    expect(dir.cellsOf('630222').map((c) => c.status)).toEqual(['unparsed', 'source-gone', 'held', 'not-found', 'held']);
  });
});
