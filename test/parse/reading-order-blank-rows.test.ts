// LibreOffice's text of a table 三 over several pages prints each page's labels, then its figures; a
// row whose cells the report left empty (no '-' or '无') prints no figure at all, so a page's run of
// figures holds fewer rows than its labels. Read only where the identities pin the blank rows (上年结转,
// 结转下年度). Fixtures: test/fixtures/reading-order-blank-rows/ (seeds 7601, 8901, 8801).
import { describe, expect, it } from 'vitest';
import { loadFixture, tableWarning } from './fixture.ts';

const load = (name: string) => loadFixture('reading-order-blank-rows', name);

const BY_PAGES = /a page at a time/;

describe('table 三 printed a page at a time with rows that print no figure', () => {
  // 7601: a figure of table 二 before the header words, granted and partlyGranted column by column,
  // （六）其他处理 and 总计 too; 8901: the first row among the header words.
  it.each(['fresh-7601-1-libreoffice', 'probe-8901-6-libreoffice'])('reads %s whole, 上年结转 and 结转下年度 blank, with a warning', (name) => {
    const { report, truth, ms } = load(name);
    expect(report.applications).toEqual(truth.applications);
    const warning = tableWarning(report, BY_PAGES);
    expect(warning?.severity).toBe('warning');
    expect(warning?.message).toMatch(/carriedOver, applications\.carriedForward printed with no figure/);
    // The tie no identity breaks is named on the page.
    expect(warning?.message).toMatch(/上年结转 and 一、本年新收 add up alike/);
    expect(ms).toBeLessThan(5000);
  });

  it('reads nothing so where results rows print no figure (any neighbour could be the blank one)', () => {
    const { report } = load('probe-8801-7-libreoffice');
    expect(tableWarning(report, BY_PAGES)).toBeUndefined();
  });
});
