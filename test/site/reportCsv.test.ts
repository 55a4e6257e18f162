import { describe, expect, it } from 'vitest';
import { Report } from '../../src/lib/schema.ts';
import { reportToCsv } from '../../src/lib/site/build/reportCsv.ts';
import { parseCsv } from './csv.ts';
import { emptyApplications, fixtureReport, makeReport } from './factory.ts';

const read = (csv: string) => parseCsv(csv.slice(1));
/** The row whose first cell is exactly `label`. */
const rowOf = (rows: string[][], label: string) => {
  const found = rows.filter((r) => r[0] === label);
  expect(found, `one row labelled ${label}`).toHaveLength(1);
  return found[0];
};
/** Cells 1…n of a row as the report JSON writes them: '' → null. */
const figures = (row: string[], n: number) => row.slice(1, 1 + n).map((c) => (c === '' ? null : Number(c)));

describe('reportToCsv', () => {
  const minhe = fixtureReport('000_abd24a0acb5d3937');
  const gangcha = fixtureReport('001_b4c68211845cc32f');
  const csv = reportToCsv(minhe, { pageUrl: 'https://example.test/repo/counties/630222-minhe/2021/' });
  const rows = read(csv);

  it('is UTF-8 with BOM and CRLF, every row equally wide (a rectangle for spreadsheet tools)', () => {
    expect(csv.startsWith('\uFEFF')).toBe(true);
    expect(csv.endsWith('\r\n')).toBe(true);
    expect(csv.slice(1).split('\r\n').every((l) => !l.includes('\n'))).toBe(true);
    expect(new Set(rows.map((r) => r.length)).size).toBe(1);
  });

  it('names the county, the year and the source on its first line, and the page on the next', () => {
    expect(rows[0][0]).toContain('民和回族土族自治县');
    expect(rows[0][0]).toContain('2021 年');
    expect(rows[0][0]).toContain(minhe.source);
    expect(rows[0][0]).toContain(minhe.issuer);
    expect(rows[1][0]).toContain('https://example.test/repo/counties/630222-minhe/2021/');
    const withUrl = reportToCsv(Report.parse({ ...minhe, sourceInfo: { url: 'https://gov.example/r.pdf', published: '2022-01-20' } }));
    expect(read(withUrl)[0][0]).toMatch(/原文网址 https:\/\/gov\.example\/r\.pdf.*2022-01-20/);
  });

  it('prints section 三 as the report does: every row × 自然人 … 总计, numbered rows named with their group', () => {
    const header = rows.find((r) => r[1] === '自然人')!;
    expect(header[7]).toBe('总计');
    expect(header.slice(2, 7).join('|')).toMatch(/商业企业.*\|.*科研机构.*\|.*社会公益组织.*\|.*法律服务机构.*\|.*其他/);
    const a = minhe.applications!;
    expect(figures(rowOf(rows, '一、本年新收政府信息公开申请数量'), 7)).toEqual(a.received);
    expect(figures(rowOf(rows, '（一）予以公开'), 7)).toEqual(a.granted);
    expect(figures(rowOf(rows, '（三）不予公开 1. 属于国家秘密'), 7)).toEqual(a.denied.stateSecret);
    expect(figures(rowOf(rows, '（五）不予处理 2. 重复申请'), 7)).toEqual(a.notProcessed.repeated);
    expect(figures(rowOf(rows, '（七）总计'), 7)).toEqual(a.total);
    expect(figures(rowOf(rows, '四、结转下年度继续办理'), 7)).toEqual(a.carriedForward);
    // 三、本年度办理结果 is a row of the printed table, without figures of its own.
    expect(rowOf(rows, '三、本年度办理结果').slice(1).every((c) => c === '')).toBe(true);
    const labelled = rows.slice(rows.indexOf(header) + 1).filter((r) => /^(一|二|三|四)、|^（[一二三四五六七]）/.test(r[0]));
    expect(labelled.length).toBeGreaterThanOrEqual(26 - 1); // 26 rows, 四 counted once
  });

  it('prints （六）其他处理 as one row where the report does', () => {
    const single = read(reportToCsv(gangcha));
    expect(figures(rowOf(single, '（六）其他处理'), 7)).toEqual((gangcha.applications!.otherHandling as { total: (number | null)[] }).total);
    expect(single.some((r) => r[0].includes('逾期不补正'))).toBe(false);
  });

  it('prints section 四 as three rows × 结果维持 … 总计', () => {
    const header = rows.find((r) => r[1] === '结果维持')!;
    expect(header.slice(1, 6)).toEqual(['结果维持', '结果纠正', '其他结果', '尚未审结', '总计']);
    expect(figures(rowOf(rows, '行政复议'), 5)).toEqual(minhe.review);
    expect(figures(rowOf(rows, '行政诉讼：未经复议直接起诉'), 5)).toEqual(minhe.litigationDirect);
    expect(figures(rowOf(rows, '行政诉讼：复议后起诉'), 5)).toEqual(minhe.litigationAfterReview);
  });

  it('prints section 二 part by part with the columns each part prints', () => {
    expect(rowOf(rows, '第（一）项').slice(1, 4)).toEqual(['本年制发件数', '本年废止件数', '现行有效件数']);
    const d = minhe.active!.normativeDocuments as { issued: number; repealed: number; inForce: number };
    expect(figures(rowOf(rows, '行政规范性文件'), 3)).toEqual([d.issued, d.repealed, d.inForce]);
    expect(rowOf(rows, '第（五）项')[1]).toBe('本年处理决定数量');
    expect(figures(rowOf(rows, '行政许可'), 1)).toEqual([minhe.active!.licensing]);
    expect(figures(rowOf(rows, '行政处罚'), 1)).toEqual([minhe.active!.punishment]);
    expect(rowOf(rows, '第（八）项')[1]).toBe('本年收费金额（单位：万元）');
    expect(figures(rowOf(rows, '行政事业性收费'), 1)).toEqual([minhe.active!.fees]);
  });

  it('keeps the 2019 headers where the report prints them, item counts beside the decisions', () => {
    const g = read(reportToCsv(gangcha));
    expect(g.find((r) => r[0].startsWith('第（一）项'))!.slice(1, 4)).toEqual(['本年新制作数量', '本年新公开数量', '对外公开总数量']);
    expect(rowOf(g, '规范性文件')).toBeDefined();
    const r2019 = makeReport(
      { code: '630222' },
      {
        tableFormat: '2019',
        active: {
          regulations: { issued: 1, published: 2, publicTotal: 3 },
          normativeDocuments: { issued: 4, published: null, publicTotal: 6 },
          licensing: 7,
          punishment: null,
          coercion: 9,
          fees: null,
          itemCounts: { licensing: { previousYear: 10, change: -1 }, fees: { previousYear: 3, change: 0 } },
          procurement: { projects: 12, amount: 34.5 },
        },
      },
    );
    const t = read(reportToCsv(r2019));
    expect(rowOf(t, '第（五）项').slice(1, 4)).toEqual(['上一年项目数量', '本年增/减', '本年处理决定数量']);
    expect(figures(rowOf(t, '行政许可'), 3)).toEqual([10, -1, 7]);
    expect(figures(rowOf(t, '规范性文件'), 3)).toEqual([4, null, 6]);
    expect(figures(rowOf(t, '行政处罚'), 1)).toEqual([null]);
    // 2019 fees: item counts, no amount column.
    expect(rowOf(t, '第（八）项').slice(1, 3)).toEqual(['上一年项目数量', '本年增/减']);
    expect(figures(rowOf(t, '行政事业性收费'), 3)).toEqual([3, 0, null]);
    expect(figures(rowOf(t, '政府集中采购'), 2)).toEqual([12, 34.5]);
  });

  it('leaves blanks empty (not 0) and says where a row or a table is missing', () => {
    const apps = emptyApplications();
    apps.granted = [null, 0, 0, 0, 0, 0, null];
    apps.carriedOver = null;
    const r = makeReport({ code: '630222' }, { applications: apps, review: null });
    const t = read(reportToCsv(r));
    expect(rowOf(t, '（一）予以公开').slice(1, 8)).toEqual(['', '0', '0', '0', '0', '0', '']);
    const missing = rowOf(t, '二、上年结转政府信息公开申请数量');
    expect(missing.slice(1, 8).every((c) => c === '')).toBe(true);
    expect(missing.at(-1)).toBe('未能读出此行（本站在报告中未找到）');
    expect(rowOf(t, '行政复议').at(-1)).toBe('未能读出此行（本站在报告中未找到）');
    const none = read(reportToCsv(makeReport({ code: '630222' }, { applications: null, active: null })));
    expect(none.filter((row) => row[0].startsWith('未能读出此表'))).toHaveLength(2);
    expect(none.some((row) => row[1] === '自然人')).toBe(false);
  });

  it('gives the source line and marks inferred and failing cells, with the rule in a note', () => {
    const r = makeReport(
      { code: '630222' },
      {
        lines: { 'applications.granted': 41 },
        inferred: [{ path: 'applications.granted[0]', rule: 'cells-left-aligned', line: 41 }],
        checks: [{ identity: 'rowTotal', where: 'applications.received', printed: 3, computed: 2, ok: false }],
        consistent: false,
      },
    );
    const t = read(reportToCsv(r));
    const granted = rowOf(t, '（一）予以公开');
    expect(granted).toContain('第 41 行');
    expect(granted.at(-1)).toMatch(/自然人.*推定.*注1/);
    expect(rowOf(t, '一、本年新收政府信息公开申请数量').at(-1)).toMatch(/勾稽不符：总计/);
    expect(t.some((row) => /^注1：.*依次记入左起各栏/.test(row[0]))).toBe(true);
    expect(t[1][0]).toContain('不符');
  });

  it('quotes text with commas and quotes', () => {
    const r = makeReport({ code: '630222' }, { title: '报告,"甲"', issuer: '=HYPERLINK("x")' });
    const first = read(reportToCsv(r))[0][0];
    expect(first).toContain('《报告,"甲"》');
    expect(first.startsWith('=')).toBe(false);
  });
});
