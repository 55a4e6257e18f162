// The five sample reports against their hand-checked values (test/fixtures/expected).
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseReport } from '../../src/lib/parse/index.ts';
import { Report } from '../../src/lib/schema.ts';

const fixtures = new URL('../fixtures/expected/', import.meta.url);
const reports = new URL('../../content/reports/', import.meta.url);
const names = readdirSync(fixtures).filter((f) => f.endsWith('.json')).map((f) => f.replace(/\.json$/, ''));

/** What the parser says besides the figures: compared whole, so that a lost finding or check fails. */
const WHOLE = ['findings', 'inferred', 'checks'] as const;

describe('sample reports', () => {
  expect(names.length).toBe(5);
  for (const name of names) {
    it(`${name} gives exactly its hand-checked values`, () => {
      const expected = JSON.parse(readFileSync(new URL(`${name}.json`, fixtures), 'utf8'));
      const result = parseReport(readFileSync(new URL(`${name}.txt`, reports), 'utf8'), { source: `${name}.txt` });
      if (!result.ok) throw new Error(result.error);
      expect(Report.safeParse(result.report).success).toBe(true);
      // Every key the fixture has, deep-equal: an extra or missing cell, row or key fails, not only a
      // changed leaf. The fixture must hold the findings, inferred cells and checks (an empty list too).
      for (const key of WHOLE) expect(Object.keys(expected), `${name}.json lacks ${key}`).toContain(key);
      const keys = Object.keys(expected).filter((k) => k !== 'source');
      expect(keys.length).toBeGreaterThanOrEqual(11);
      for (const key of keys) expect((result.report as Record<string, unknown>)[key], `${name}: ${key}`).toEqual(expected[key]);
    });
  }

  it('001 is inconsistent and says where: one request received, its 总计 row says 0', () => {
    const text = readFileSync(new URL('001_b4c68211845cc32f.txt', reports), 'utf8');
    const result = parseReport(text, { source: '001.txt' });
    if (!result.ok) throw new Error(result.error);
    const failed = result.report.checks.filter((c) => !c.ok);
    expect(failed).toContainEqual({ identity: 'balance', where: 'applications[总计]', printed: 0, computed: 1, ok: false });
    expect(result.report.findings.filter((f) => f.code === 'identity-failed').length).toBe(failed.length);
  });

  it('004 prints two numbers for a row of seven: the cells are marked as inferred, with the rule', () => {
    const text = readFileSync(new URL('004_b0de168757f90498.txt', reports), 'utf8');
    const result = parseReport(text, { source: '004.txt' });
    if (!result.ok) throw new Error(result.error);
    const granted = result.report.inferred.filter((i) => i.path.startsWith('applications.granted['));
    expect(granted.map((i) => i.path)).toEqual([0, 1, 2, 3, 4, 5, 6].map((i) => `applications.granted[${i}]`));
    expect(granted[0]!.rule).toBe('two-cells-as-first-column-and-total');
    expect(result.report.lines['applications.granted']).toBe(243);
  });

  it('003 prints eight and nine numbers for seven columns: surplus cells dropped, and said so', () => {
    const text = readFileSync(new URL('003_1802fb2dfce92170.txt', reports), 'utf8');
    const result = parseReport(text, { source: '003.txt' });
    if (!result.ok) throw new Error(result.error);
    expect(result.report.inferred.some((i) => i.path === 'applications.total[3]' && i.rule.startsWith('surplus-cells-dropped'))).toBe(true);
  });

  it('000 resolves the garbled title 民和县回族土族自治县 to 民和回族土族自治县', () => {
    const text = readFileSync(new URL('000_abd24a0acb5d3937.txt', reports), 'utf8');
    const result = parseReport(text, { source: '000.txt' });
    if (!result.ok) throw new Error(result.error);
    expect(result.report.region).toEqual({ name: '民和回族土族自治县', code: '630222', province: '青海省', prefecture: '海东市' });
    expect(result.report.prose.map((p) => p.heading)).toEqual(['', '一、总体情况', '二、政务信息公开工作开展情况', '六、存在的主要问题及改进情况']);
    const all = result.report.prose.map((p) => p.markdown).join('\n');
    expect(all).not.toMatch(/- 5 -|人民政府办公室文件|自 治 县/);
  });
});
