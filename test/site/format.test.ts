import { describe, expect, it } from 'vitest';
import { formatCell, formatChange, formatDate, formatRank, formatSigned } from '../../src/lib/site/view/format.ts';
import { href, paths } from '../../src/lib/site/view/paths.ts';

describe('format', () => {
  it('shows a blank as blank and a printed 0 as 0', () => {
    expect(formatCell(null)).toBe('');
    expect(formatCell(0)).toBe('0');
    expect(formatCell(13236)).toBe('13,236');
    expect(formatCell(18.085682)).toBe('18.085682');
  });

  it('formats changes and ranks neutrally', () => {
    const count = { kind: 'count' as const, unit: '件' };
    expect(formatChange(count, 10, 7)).toBe('+3');
    expect(formatChange(count, 7, 10)).toBe('−3');
    expect(formatChange(count, 7, 7)).toBe('持平');
    expect(formatChange(count, 7, null)).toBe('');
    expect(formatChange({ kind: 'rate', unit: '%' }, 0.5, 0.25)).toBe('+25.0 个百分点');
    expect(formatChange({ kind: 'amount', unit: '万元' }, 0.3, 0.1)).toBe('+0.2');
    expect(formatSigned(-1)).toBe('−1');
    expect(formatRank('全国', 3, 120)).toBe('全国第 3 / 共 120');
    expect(formatDate('2022-01-20')).toBe('2022 年 1 月 20 日');
  });

  it('builds every internal link through the base path', () => {
    const region = { code: '630222', name: '民和回族土族自治县' };
    expect(paths.report(region, 2021)).toBe('counties/630222-minhe/2021/');
    expect(href(paths.county(region))).toBe(`${import.meta.env.BASE_URL}counties/630222-minhe/`);
    expect(paths.ranking('punishment', 2021, '630000')).toBe('rankings/punishment/2021/630000/');
  });
});

describe('formatCell by hand agrees with Intl for integers', () => {
  it('groups thousands like zh-CN Intl', () => {
    const intl = new Intl.NumberFormat('zh-CN', { maximumFractionDigits: 0 });
    for (const v of [0, 7, 999, 1000, 12345, 1234567, -5, -1000, -987654321, 2 ** 40]) expect(formatCell(v)).toBe(intl.format(v));
  });
});

describe('money in headlines', () => {
  it('rounds 万元 to two decimals in headlines, keeps counts and never lets the unit wrap alone', async () => {
    const { formatHeadline, formatMetric } = await import('../../src/lib/site/view/format.ts');
    const amount = { kind: 'amount' as const, unit: '万元' };
    expect(formatHeadline(amount, 18.085682)).toBe('18.09');
    expect(formatHeadline(amount, 18)).toBe('18');
    expect(formatHeadline(amount, 12345.5)).toBe('12,345.5');
    expect(formatHeadline({ kind: 'count' }, 13236)).toBe('13,236');
    expect(formatHeadline({ kind: 'rate' }, 0.8571)).toBe('85.7%');
    expect(formatMetric(amount, 18.085682)).toBe('18.09\u00a0万元');
    // The table keeps the printed figure.
    expect(formatCell(18.085682)).toBe('18.085682');
  });
});
