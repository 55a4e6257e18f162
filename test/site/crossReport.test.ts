// Table 二 across reports of the same county (and its province): 现行有效件数 against last year's
// plus 制发 minus 废止, changes by an order of magnitude, 收费 printed in 元 for 万元.
import { describe, expect, it } from 'vitest';
import type { Report } from '../../src/lib/schema.ts';
import { buildSiteIndex } from '../../src/lib/site/data/siteIndex.ts';
import { makeReport } from './factory.ts';

const MINHE = '630222';
type Active = NonNullable<Report['active']>;
function report(code: string, year: number, active: Partial<Active>): Report {
  const base = makeReport({ code, year });
  return makeReport({ code, year }, { active: { ...base.active!, ...active } });
}
const checksOf = (reports: Report[], code: string, year: number) => {
  const site = buildSiteIndex(reports);
  return site.crossChecks(site.report(code, year)!);
};
const docs = (issued: number, repealed: number, inForce: number) => ({ issued, repealed, inForce });

describe('现行有效件数 against the previous year', () => {
  it('holds when last year’s plus 制发 minus 废止 is this year’s, and is a note, with the figures, when not', () => {
    const reports = [
      report(MINHE, 2020, { normativeDocuments: docs(4, 0, 10) }),
      report(MINHE, 2021, { normativeDocuments: docs(3, 1, 12) }),
      report(MINHE, 2022, { normativeDocuments: docs(2, 0, 17) }),
    ];
    const ok = checksOf(reports, MINHE, 2021).filter((c) => c.kind === 'in-force' && c.figure.startsWith('规范性文件'));
    expect(ok).toHaveLength(1);
    expect(ok[0]).toMatchObject({ ok: true, severity: 'note', years: [2020] });
    const off = checksOf(reports, MINHE, 2022).filter((c) => c.kind === 'in-force' && c.figure.startsWith('规范性文件'));
    expect(off).toHaveLength(1);
    expect(off[0]).toMatchObject({ ok: false, severity: 'note', years: [2021] });
    expect(off[0].text).toContain('为 14 件，相差 +3 件');
  });

  it('is not made without the previous year, or in the 2019 format', () => {
    const only = [report(MINHE, 2021, { normativeDocuments: docs(3, 1, 12) })];
    expect(checksOf(only, MINHE, 2021).filter((c) => c.kind === 'in-force')).toEqual([]);
    const old = [
      report(MINHE, 2020, { normativeDocuments: { issued: 1, published: 1, publicTotal: 5 } }),
      report(MINHE, 2021, { normativeDocuments: docs(3, 1, 12) }),
    ];
    expect(checksOf(old, MINHE, 2021).filter((c) => c.kind === 'in-force' && c.figure.startsWith('规范性文件'))).toEqual([]);
  });
});

describe('an order of magnitude against the county’s other years', () => {
  const years = (values: number[], key: 'licensing' | 'punishment' | 'fees') => values.map((v, i) => report(MINHE, 2019 + i, { [key]: v }));

  it('notes the year whose figure is ten times (or a tenth of) the others’ median, and only that year', () => {
    const reports = years([100, 120, 110, 1500], 'licensing');
    const noted = [2019, 2020, 2021, 2022].map((y) => checksOf(reports, MINHE, y).filter((c) => c.kind === 'magnitude'));
    expect(noted.map((n) => n.length)).toEqual([0, 0, 0, 1]);
    expect(noted[3][0]).toMatchObject({ severity: 'note', years: [2019, 2020, 2021] });
    expect(noted[3][0].text).toMatch(/行政许可.*1,500 件.*中位数 110 件.*13\.6 倍/);
    const low = years([100, 120, 110, 9], 'punishment');
    expect(checksOf(low, MINHE, 2022).filter((c) => c.kind === 'magnitude')[0]?.text).toMatch(/行政处罚.*9 件.*12\.2 分之一/);
  });

  it('says nothing of figures that stay within a factor of ten', () => {
    const reports = years([100, 300, 60, 500], 'licensing');
    for (const y of [2019, 2020, 2021, 2022]) expect(checksOf(reports, MINHE, y).filter((c) => c.kind !== 'in-force')).toEqual([]);
  });
});

describe('收费 printed in 元 where 万元 is asked', () => {
  it('flags for review a figure ~10,000 times the county’s other years (not as a mere magnitude note)', () => {
    const reports = [1.5, 1.6, 1.4, 15200].map((v, i) => report(MINHE, 2019 + i, { fees: v }));
    const flagged = checksOf(reports, MINHE, 2022).filter((c) => c.kind !== 'in-force');
    expect(flagged).toHaveLength(1);
    expect(flagged[0]).toMatchObject({ kind: 'fees-unit', severity: 'review' });
    expect(flagged[0].text).toMatch(/15,200 万元.*中位数 1\.5 万元.*约 10,130 倍.*“元”/);
    // The other years are not flagged because of it.
    expect(checksOf(reports, MINHE, 2019).filter((c) => c.kind !== 'in-force')).toEqual([]);
  });

  it('without other years, against its province that year', () => {
    // Four counties of 青海 (63…) in 2021; one prints 18,000 where the others print a few 万元.
    const reports = [
      report('630222', 2021, { fees: 18_000 }),
      report('630223', 2021, { fees: 1.5 }),
      report('630224', 2021, { fees: 2.2 }),
      report('630225', 2021, { fees: 3.1 }),
    ];
    const flagged = checksOf(reports, '630222', 2021);
    expect(flagged).toHaveLength(1);
    expect(flagged[0]).toMatchObject({ kind: 'fees-unit', severity: 'review' });
    expect(flagged[0].text).toContain('本省 3 个县同年中位数 2.2 万元');
    expect(checksOf(reports, '630223', 2021)).toEqual([]);
    // Too few counties in the province to know its range: no flag.
    expect(checksOf(reports.slice(0, 3), '630222', 2021)).toEqual([]);
  });
});
