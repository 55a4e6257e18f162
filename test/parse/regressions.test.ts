// Cases the synthetic corpus found (notes kept in the commit history): each once read wrong.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseReport } from '../../src/lib/parse/index.ts';

const parse = (text: string) => {
  const result = parseReport(text, { source: 'case.txt' });
  if (!result.ok) throw new Error(result.error);
  return result.report;
};
const HEAD = '泾源县人民政府\n2021年政府信息公开工作年度报告\n';

describe('regressions', () => {
  it('a one-row （六）其他处理 counts in the （七）总计 column check', () => {
    const report = parse(`${HEAD}三、收到和处理政府信息公开申请情况
一、本年新收政府信息公开申请数量 3 0 0 0 0 0 3
二、上年结转政府信息公开申请数量 0 0 0 0 0 0 0
三、本年度办理结果
（一）予以公开 1 0 0 0 0 0 1
（六）其他处理 2 0 0 0 0 0 2
（七）总计 3 0 0 0 0 0 3
四、结转下年度继续办理 0 0 0 0 0 0 0`);
    expect(report.applications?.otherHandling).toEqual({ total: [2, 0, 0, 0, 0, 0, 2] });
    // Seven columns, each checked and holding: 3 = 1 + 2 (an empty list would hold vacuously).
    const columns = report.checks.filter((c) => c.identity === 'columnTotal');
    expect(columns.map((c) => [c.where, c.printed, c.computed, c.ok])).toEqual(
      ['自然人', '商业企业', '科研机构', '社会公益组织', '法律服务机构', '其他', '总计'].map((col, i) => [`applications[${col}]`, [3, 0, 0, 0, 0, 0, 3][i], [3, 0, 0, 0, 0, 0, 3][i], true]),
    );
  });

  it('sub-headings 一、 to 四、 inside 总体情况 do not hide the tables’ sections', () => {
    const report = parse(readFileSync(new URL('../fixtures/nested-overview-headings.txt', import.meta.url), 'utf8'));
    expect(report.applications?.carriedForward).toEqual([1, 0, 0, 0, 0, 0, 1]);
    expect(report.prose.map((p) => p.heading)).toEqual(['一、总体情况', '五、存在的主要问题及改进情况']);
  });

  it('a tab grid places every cell: label spanning three fields, blank cells as empty fields', () => {
    const T = '\t';
    const report = parse(`${HEAD}三、收到和处理政府信息公开申请情况
${T}${T}${T}自然人${T}商业企业${T}科研机构${T}社会公益组织${T}法律服务机构${T}其他${T}总计
一、本年新收政府信息公开申请数量${T.repeat(7)}5${T}${T}5
二、上年结转政府信息公开申请数量${T.repeat(9)}
三、本年度办理结果${T}（一）予以公开${T.repeat(6)}5${T}${T}5
${T}（三）不予公开${T}1.属于国家秘密${T.repeat(7)}
${T}${T}2.其他法律行政法规禁止公开${T.repeat(7)}
${T}（七）总计${T.repeat(6)}5${T}${T}5
四、结转下年度继续办理${T.repeat(9)}
四、政府信息公开行政复议、行政诉讼情况
行政复议${T.repeat(5)}行政诉讼${T.repeat(9)}
结果维持${T}结果纠正${T}其他结果${T}尚未审结${T}总计${T}未经复议直接起诉${T.repeat(5)}复议后起诉${T.repeat(4)}
${T.repeat(5)}0${T}0${T}2${T}0${T}2${T.repeat(5)}
五、存在的主要问题及改进情况`);
    const five = [null, null, null, null, 5, null, 5];
    expect(report.applications?.received).toEqual(five);
    expect(report.applications?.granted).toEqual(five);
    expect(report.applications?.total).toEqual(five);
    expect(report.applications?.carriedOver).toEqual(Array(7).fill(null));
    expect(report.review).toEqual(Array(5).fill(null));
    expect(report.litigationDirect).toEqual([0, 0, 2, 0, 2]);
    expect(report.litigationAfterReview).toEqual(Array(5).fill(null));
    expect(report.inferred).toEqual([]);
  });
});

describe('a row label the parser cannot find', () => {
  it('leaves that row unread and never shifts its figures into the neighbouring rows (totals would still add up)', () => {
    const text = readFileSync(new URL('../../content/reports/002_6806acdd043dfc21.txt', import.meta.url), 'utf8');
    const full = parseReport(text, { source: 'x.txt' });
    const cut = parseReport(text.replace(/（一）\s*予\s*以\s*公\s*开/u, '（一）某某某某'), { source: 'x.txt' });
    if (!full.ok || !cut.ok) throw new Error('both parse');
    const a = full.report.applications!;
    const b = cut.report.applications!;
    expect(b.granted).toBeNull();
    expect(cut.report.findings).toContainEqual(expect.objectContaining({ code: 'row-missing', path: 'applications.granted', unread: true }));
    expect([b.partlyGranted, b.unavailable.unclear, b.notProcessed.complaints, b.otherHandling]).toEqual([a.partlyGranted, a.unavailable.unclear, a.notProcessed.complaints, a.otherHandling]);
  });
});
