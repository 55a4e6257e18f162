import { describe, expect, it } from 'vitest';
import { getMetric, METRICS } from '../../src/lib/site/data/metrics.ts';
import { emptyApplications, makeReport } from './factory.ts';

const v = (id: string, r: Parameters<ReturnType<typeof getMetric>['value']>[0]) => getMetric(id).value(r);

describe('metrics', () => {
  it('has unique ids and the headline figures of the issue', () => {
    expect(new Set(METRICS.map((m) => m.id)).size).toBe(METRICS.length);
    expect(METRICS.filter((m) => m.headline).map((m) => m.label)).toEqual([
      '行政许可', '行政处罚', '行政强制', '行政事业性收费', '新收申请', '公开率', '行政复议', '行政诉讼',
    ]);
  });

  it('computes 公开率 from the 总计 column and refuses a zero denominator', () => {
    const apps = emptyApplications();
    apps.granted = [3, 0, 0, 0, 0, 0, 3];
    apps.partlyGranted = [1, 0, 0, 0, 0, 0, 1];
    apps.total = [8, 0, 0, 0, 0, 0, 8];
    expect(v('disclosure-rate', makeReport({ code: '630222' }, { applications: apps }))).toEqual({ value: 0.5 });
    expect(v('disclosure-rate', makeReport({ code: '630222' }))).toEqual({ value: null, reason: 'zero-denominator' });
    apps.total = [8, 0, 0, 0, 0, 0, null];
    expect(v('disclosure-rate', makeReport({ code: '630222' }, { applications: apps }))).toEqual({ value: null, reason: 'blank' });
    expect(v('disclosure-rate', makeReport({ code: '630222' }, { applications: null }))).toEqual({ value: null, reason: 'not-read' });
  });

  it('computes 复议纠错率 as 结果纠正 / 总计', () => {
    expect(v('review-correction-rate', makeReport({ code: '630222' }, { review: [1, 1, 1, 1, 4] }))).toEqual({ value: 0.25 });
    expect(v('review-correction-rate', makeReport({ code: '630222' }, { review: null }))).toEqual({ value: null, reason: 'not-read' });
  });

  it('adds the two litigation totals only when both are printed', () => {
    expect(v('litigation', makeReport({ code: '630222' }, { litigationDirect: [0, 0, 1, 1, 2], litigationAfterReview: [0, 0, 0, 3, 3] }))).toEqual({ value: 5 });
    expect(v('litigation', makeReport({ code: '630222' }, { litigationAfterReview: null }))).toEqual({ value: null, reason: 'not-read' });
    expect(v('litigation', makeReport({ code: '630222' }, { litigationDirect: [0, 0, 0, 0, null] }))).toEqual({ value: null, reason: 'blank' });
  });

  it('explains a missing 收费金额 in a 2019-format report', () => {
    const r = makeReport({ code: '630222' }, { tableFormat: '2019', active: { ...makeReport({ code: '630222' }).active!, fees: null } });
    expect(v('fees', r)).toEqual({ value: null, reason: 'not-in-format' });
  });

  it('takes the printed 新收 total, never the sum of the columns', () => {
    const apps = emptyApplications();
    apps.received = [5, 1, 0, 0, 0, 0, 7];
    expect(v('received', makeReport({ code: '630222' }, { applications: apps }))).toEqual({ value: 7 });
  });
});
