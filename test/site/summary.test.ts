import { describe, expect, it } from 'vitest';
import { parseReportFile } from '../../src/lib/site/data/reportFiles.ts';
import { summarise } from '../../src/lib/site/data/summary.ts';
import { fixtureReport } from './factory.ts';

describe('summarise', () => {
  it('keeps identity, every metric value and the carry-over rows', () => {
    const r = fixtureReport('001_b4c68211845cc32f');
    const s = summarise({ ...r, checks: [{ identity: 'balance', where: 'applications[其他]', printed: 0, computed: 1, ok: false }] }, 'd1');
    expect(s).toMatchObject({ id: '632224-2021', year: 2021, source: r.source, digest: 'd1', failedChecks: 1 });
    expect(s.values.punishment).toEqual({ value: 13236 });
    expect(s.values.fees).toEqual({ value: 18.085682 });
    expect(s.values['disclosure-rate']).toEqual({ value: null, reason: 'zero-denominator' });
    expect(s.carriedForward).toEqual(r.applications!.carriedForward);
  });
});

describe('parseReportFile', () => {
  it('names the file when it is not JSON or not a report', () => {
    expect(() => parseReportFile('x/a.json', '{oops')).toThrow(/^x\/a\.json: not JSON/);
    expect(() => parseReportFile('x/b.json', '{"year": 2021}')).toThrow(/^x\/b\.json: not a valid report/);
  });
});
