import { describe, expect, it } from 'vitest';
import { buildSiteIndex } from '../../src/lib/site/data/siteIndex.ts';
import { emptyApplications, makeReport } from './factory.ts';

// Real county codes: 630222 民和, 630223 互助, 632224 刚察 (青海); 640424 泾源 (宁夏); 411421 民权 (河南).
const reports = [
  makeReport({ code: '630222', name: '民和回族土族自治县', punishment: 50 }),
  makeReport({ code: '630223', name: '互助土族自治县', punishment: 80 }),
  makeReport({ code: '632224', name: '刚察县', punishment: 50 }),
  makeReport({ code: '640424', name: '泾源县', punishment: 90 }),
  makeReport({ code: '411421', name: '民权县', punishment: null }),
  makeReport({ code: '630222', name: '民和回族土族自治县', year: 2020, punishment: 40 }),
];

describe('buildSiteIndex rankings', () => {
  const site = buildSiteIndex(reports);

  it('ranks a year nationally with competition ranks and lists the missing figure apart', () => {
    const r = site.ranking('punishment', 2021);
    expect(r.ranked.map((x) => [x.item.region.code, x.value, x.rank])).toEqual([
      ['640424', 90, 1],
      ['630223', 80, 2],
      ['630222', 50, 3],
      ['632224', 50, 3],
    ]);
    expect(r.missing.map((m) => [m.item.region.code, m.reason])).toEqual([['411421', 'blank']]);
  });

  it('gives each report its national and in-province position', () => {
    const minhe = site.report('630222', 2021)!;
    expect(site.rankOf('punishment', minhe)).toEqual({ value: 50, national: { rank: 3, of: 4 }, province: { rank: 2, of: 3 } });
    const gangcha = site.report('632224', 2021)!;
    expect(site.rankOf('punishment', gangcha)).toMatchObject({ province: { rank: 2, of: 3 } });
    expect(site.rankOf('punishment', site.report('411421', 2021)!)).toEqual({ value: null, reason: 'blank' });
  });

  it('filters a ranking to one province, re-ranked within it', () => {
    const qinghai = site.provinceRanking('punishment', 2021, '630000');
    expect(qinghai.ranked.map((x) => [x.item.region.code, x.rank])).toEqual([
      ['630223', 1],
      ['630222', 2],
      ['632224', 2],
    ]);
    expect(site.provinceRanking('punishment', 2021, '410000').missing.map((m) => m.item.region.code)).toEqual(['411421']);
  });

  it('keeps years apart', () => {
    expect(site.ranking('punishment', 2020).ranked.map((x) => x.item.region.code)).toEqual(['630222']);
  });

  it('sums national totals over the reports that print the figure only', () => {
    expect(site.totals(2021).get('punishment')).toEqual({ sum: 270, reporting: 4, missing: 1, marked: 0, cleanSum: 270 });
  });

  it('counts a missing table as missing, not as 0', () => {
    const s = buildSiteIndex([makeReport({ code: '630222' }, { active: null }), makeReport({ code: '630223', punishment: 0 })]);
    expect(s.ranking('punishment', 2021).ranked.map((x) => x.item.region.code)).toEqual(['630223']);
    expect(s.ranking('punishment', 2021).missing[0].reason).toBe('not-read');
  });
});

describe('buildSiteIndex lookups', () => {
  const site = buildSiteIndex(reports);

  it('finds a county with its reports oldest first and the previous year', () => {
    expect(site.county('630222')!.reports.map((r) => r.year)).toEqual([2020, 2021]);
    expect(site.previous(site.report('630222', 2021)!)?.year).toBe(2020);
    expect(site.previous(site.report('630223', 2021)!)).toBeUndefined();
    expect(site.years).toEqual([2020, 2021]);
    expect(site.latestYear).toBe(2021);
  });

  it('summarises provinces against the division list', () => {
    const qinghai = site.province('630000')!;
    expect(qinghai.counties.map((c) => c.code)).toEqual(['630222', '630223', '632224']);
    expect(qinghai.reportCount).toBe(4);
    expect(qinghai.without.length).toBeGreaterThan(30); // 青海 has 44 county-level divisions
    expect(qinghai.without.some((c) => c.code === '630222')).toBe(false);
  });

  it('checks this year’s 上年结转 against last year’s 结转下年度', () => {
    const apps2020 = emptyApplications();
    apps2020.carriedForward = [2, 0, 0, 0, 0, 0, 2];
    const apps2021 = emptyApplications();
    apps2021.carriedOver = [1, 0, 0, 0, 0, 0, null];
    const s = buildSiteIndex([
      makeReport({ code: '630222', year: 2020 }, { applications: apps2020 }),
      makeReport({ code: '630222', year: 2021 }, { applications: apps2021 }),
    ]);
    const checks = s.crossYear(s.report('630222', 2021)!)!;
    expect(checks.map((c) => c.ok)).toEqual([false, true, true, true, true, true, false]);
    expect(checks[0]).toMatchObject({ label: '自然人', carriedOver: 1, previousCarriedForward: 2 });
    expect(s.crossYear(s.report('630222', 2020)!)).toBeNull();
  });

  it('refuses two reports for the same county and year', () => {
    expect(() => buildSiteIndex([makeReport({ code: '630222' }), makeReport({ code: '630222' })])).toThrow(/two reports/);
  });
});
