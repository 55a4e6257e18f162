// Reports whose arithmetic fails, with unread figures or with warnings on a figure's row are marked
// in rankings and totals, and every ranking can be had without them.
import { describe, expect, it } from 'vitest';
import { markReasons, reportMarks, touchesRow } from '../../src/lib/site/data/marks.ts';
import { buildSiteIndex } from '../../src/lib/site/data/siteIndex.ts';
import { makeReport } from './factory.ts';

const failedReview = { identity: 'outcomeTotal', where: 'review', printed: 0, computed: 3, ok: false } as const;

describe('marks of a report', () => {
  it('marks every figure of a report whose own arithmetic fails', () => {
    // 行政复议 总计 0 beside non-zero outcomes: the case of the issue.
    const m = reportMarks(makeReport({ code: '630222' }, { consistent: false, review: [1, 2, 0, 0, 0], checks: [failedReview] }));
    expect(m).toEqual({ inconsistent: true, unread: false, recognised: false, rowWarnings: [] });
    expect(markReasons(m, 'punishment')).toEqual(['inconsistent']);
  });

  it('marks every figure of a report with an unread figure, and a warned row only for its metrics', () => {
    const report = makeReport({ code: '630222' }, {
      findings: [
        { severity: 'warning', code: 'row-missing', message: 'x', path: 'applications.granted', unread: true },
        { severity: 'warning', code: 'cells-inferred', message: 'y', path: 'active.fees' },
        { severity: 'info', code: 'something', message: 'z', path: 'active.licensing' },
      ],
    });
    const m = reportMarks(report);
    expect(m.unread).toBe(true);
    // The unread row is a warning on the disclosure rate's rows too; an info finding marks nothing.
    expect(m.rowWarnings.sort()).toEqual(['disclosure-rate', 'fees']);
    expect(markReasons(m, 'fees')).toEqual(['unread', 'row-warning']);
    expect(markReasons(m, 'licensing')).toEqual(['unread']);
  });

  it('marks every figure of a report read from a scan\'s recognised (OCR) text', () => {
    const report = makeReport({ code: '630222' }, { findings: [{ severity: 'warning', code: 'text-recognised', message: 'ocr' }] });
    const m = reportMarks(report);
    expect(m.recognised).toBe(true);
    expect(markReasons(m, 'punishment')).toEqual(['recognised']);
    expect(markReasons(m, 'received')).toEqual(['recognised']);
  });

  it('leaves a clean report unmarked', () => {
    const m = reportMarks(makeReport({ code: '630222' }));
    expect(markReasons(m, 'punishment')).toEqual([]);
  });

  it('matches a finding to the rows it is about, not to rows that merely share a prefix', () => {
    expect(touchesRow('applications.granted[3]', 'applications.granted')).toBe(true);
    expect(touchesRow('applications', 'applications.total')).toBe(true);
    expect(touchesRow('applications.denied.stateSecret', 'applications.denied')).toBe(true);
    expect(touchesRow('review', 'reviewer')).toBe(false);
    expect(touchesRow('litigationDirect', 'litigationAfterReview')).toBe(false);
  });
});

describe('rankings and totals with marked reports', () => {
  const site = buildSiteIndex([
    makeReport({ code: '630222', name: '民和回族土族自治县', punishment: 50 }),
    makeReport({ code: '630223', name: '互助土族自治县', punishment: 80 }, { consistent: false, checks: [failedReview] }),
    makeReport({ code: '632224', name: '刚察县', punishment: 30 }),
    makeReport({ code: '320800', name: '淮安市', punishment: 10 }),
  ]);

  it('counts the marked reports in a total and gives the sum without them', () => {
    const t = site.totals(2021).get('punishment')!;
    expect(t).toMatchObject({ sum: 170, reporting: 4, marked: 1, cleanSum: 90 });
  });

  it('re-ranks without the marked reports, nationally and within a province', () => {
    expect(site.marksOf('punishment', site.report('630223', 2021)!)).toEqual(['inconsistent']);
    expect(site.ranking('punishment', 2021).ranked.map((r) => [r.item.region.code, r.rank])).toEqual([
      ['630223', 1],
      ['630222', 2],
      ['632224', 3],
      ['320800', 4],
    ]);
    expect(site.cleanRanking('punishment', 2021).ranked.map((r) => [r.item.region.code, r.rank])).toEqual([
      ['630222', 1],
      ['632224', 2],
      ['320800', 3],
    ]);
    expect(site.cleanRanking('punishment', 2021, '630000').ranked.map((r) => r.item.region.code)).toEqual(['630222', '632224']);
  });

  it('counts coverage over the county-level divisions, a prefecture-level body apart', () => {
    expect(site.coverage(2021)).toEqual({ scope: '全国', national: true, divisions: 2854, counties: 3, others: 1 });
    expect(site.coverage(2020)).toMatchObject({ counties: 0, others: 0 });
    const qinghai = site.provinceCoverage('630000', 2021);
    expect(qinghai).toMatchObject({ scope: '青海省', national: false, counties: 3, others: 0 });
    expect(qinghai.divisions).toBeGreaterThan(40);
  });
});
