import { describe, expect, it } from 'vitest';
import { countyYears } from '../../src/lib/site/view/countyYears.ts';
import { countyTrendTable } from '../../src/lib/site/view/countyTrends.ts';
import { summarise } from '../../src/lib/site/data/summary.ts';
import { makeReport } from './factory.ts';

const r2019 = makeReport({ code: '630222', year: 2019, punishment: 7 }, {
  tableFormat: '2019',
  active: {
    regulations: { issued: 2, published: 2, publicTotal: 9 },
    normativeDocuments: { issued: 4, published: 4, publicTotal: 30 },
    licensing: 10,
    punishment: 7,
    coercion: 0,
    fees: null,
  },
});
const r2021 = makeReport({ code: '630222', year: 2021, punishment: 9 });

describe('a county’s figures over the years', () => {
  const cells = countyYears('630222', [2019, 2020, 2021], (y) => y !== 2020, undefined);
  const t = countyTrendTable([summarise(r2021), summarise(r2019)], cells);
  const row = (label: string) => t.rows.find((r) => r.label === label)!;

  it('marks the year the format changes and says which figures changed meaning', () => {
    expect(t.formats).toEqual(['2019', null, '2021']);
    expect([...t.formatChanges]).toEqual([2021]);
    expect(t.spansFormats).toBe(true);
    expect(row('行政事业性收费').formatNote).toMatch(/2019 年格式.*不列金额/);
    expect(row('行政处罚').formatNote).toBeUndefined();
  });

  it('shows each year’s figure, the format’s absence of one, and the years not held', () => {
    expect(row('行政处罚').cells.map((c) => c.text || c.missing)).toEqual(['7', '未知', '9']);
    expect(row('行政事业性收费').cells.map((c) => c.text || c.missing)).toEqual(['格式无此项', '未知', '1.5']);
    expect(row('规范性文件：本年制发').cells.map((c) => c.text || c.missing)).toEqual(['4', '未知', '1']);
    expect(row('规范性文件：现行有效').cells.map((c) => c.text || c.missing)).toEqual(['格式无此项', '未知', '1']);
  });

  it('marks nothing for a county whose reports share one format', () => {
    const one = countyTrendTable([summarise(r2021)], countyYears('630222', [2021], () => true, undefined));
    expect(one.formatChanges.size).toBe(0);
    expect(one.spansFormats).toBe(false);
  });
});
