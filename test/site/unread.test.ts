// A figure the parser could not read is never shown as a blank the report prints (「报告空白」): the
// page says 「未能读出」 with the reason, and rankings count the report apart.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseReport } from '../../src/lib/parse/index.ts';
import { cellHtml } from '../../src/lib/site/view/cellHtml.ts';
import { unreadReason } from '../../src/lib/site/view/checks.ts';
import { getMetric } from '../../src/lib/site/data/metrics.ts';
import { applicationsTable, outcomesTable } from '../../src/lib/site/view/tables.ts';
import { makeReport } from './factory.ts';

const jingyuan = readFileSync(new URL('../../content/reports/002_6806acdd043dfc21.txt', import.meta.url), 'utf8');
const parsed = (text: string) => {
  const result = parseReport(text, { source: 'x.txt' });
  if (!result.ok) throw new Error(result.error);
  return result.report;
};

describe('blank or not read', () => {
  it('a row the parser cannot find: unread in the JSON, 「未能读出」 on the page, not-read in rankings', () => {
    // （一）予以公开 with a label no converter would print: the row is lost.
    const report = parsed(jingyuan.replace(/（一）\s*予\s*以\s*公\s*开/u, '（一）某某某某'));
    expect(report.applications?.granted).toBeNull();
    expect(report.findings).toContainEqual(expect.objectContaining({ code: 'row-missing', path: 'applications.granted', unread: true }));
    expect(unreadReason(report, 'applications.granted[3]')).toMatch(/未找到此行/);
    const row = applicationsTable(report)!.find((i) => i.kind === 'row' && i.path === 'applications.granted');
    expect(row).toMatchObject({ cells: null, unread: expect.stringMatching(/未找到/) });
    expect(getMetric('disclosure-rate').value(report)).toEqual({ value: null, reason: 'not-read' });
  });

  it('a blank the report prints stays a blank, and is no unread figure', () => {
    const report = makeReport({ code: '640424', licensing: null });
    expect(getMetric('licensing').value(report)).toEqual({ value: null, reason: 'blank' });
    expect(cellHtml({ key: 'active.licensing', value: null, failing: false })).toContain('空白');
  });

  it('a row whose printed figures no rule could place: every cell 「未能读出」', () => {
    const report = makeReport({ code: '640424' }, {
      review: [null, null, null, null, null],
      findings: [{ severity: 'warning', code: 'cells-unplaced', message: 'review: 11 cells for 5 columns', path: 'review', unread: true }],
    });
    const review = outcomesTable(report).find((r) => r.path === 'review')!;
    expect(review.cells).toHaveLength(5);
    expect(review.cells!.map((c) => c.unread !== undefined)).toEqual([true, true, true, true, true]);
    expect(cellHtml(review.cells![4]!)).toContain('未能读出');
    expect(cellHtml(review.cells![4]!)).not.toContain('空白');
    expect(getMetric('review').value(report)).toEqual({ value: null, reason: 'not-read' });
    // The other tables of section 四 were read: their blanks are blanks.
    expect(unreadReason(report, 'litigationDirect[4]')).toBeUndefined();
  });

  it('a missing section 四 covers its three rows', () => {
    const report = makeReport({ code: '640424' }, {
      review: null, litigationDirect: null, litigationAfterReview: null,
      findings: [{ severity: 'error', code: 'table-missing', message: 'review: table not found', path: 'review', unread: true }],
    });
    expect(['review', 'litigationDirect', 'litigationAfterReview'].map((p) => unreadReason(report, p) !== undefined)).toEqual([true, true, true]);
  });
});
