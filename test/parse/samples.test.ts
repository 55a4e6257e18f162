// The five sample reports against their hand-checked values (test/fixtures/expected).
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseReport } from '../../src/lib/parse/index.ts';
import { Report } from '../../src/lib/schema.ts';

const fixtures = new URL('../fixtures/expected/', import.meta.url);
const reports = new URL('../../content/reports/', import.meta.url);
const names = readdirSync(fixtures).filter((f) => f.endsWith('.json')).map((f) => f.replace(/\.json$/, ''));

/** The expected JSON is a subset of the report JSON: compare what it has, leaf by leaf. */
function leaves(value: unknown, path = ''): [string, unknown][] {
  if (Array.isArray(value)) return value.flatMap((v, i) => leaves(v, `${path}[${i}]`));
  if (value && typeof value === 'object') return Object.entries(value).flatMap(([k, v]) => leaves(v, path ? `${path}.${k}` : k));
  return [[path, value]];
}
const at = (obj: unknown, path: string) =>
  path.split(/\.|(?=\[)/).reduce<unknown>((o, k) => {
    if (o == null) return undefined;
    const m = k.match(/^\[(\d+)\]$/);
    return m ? (o as unknown[])[Number(m[1])] : (o as Record<string, unknown>)[k];
  }, obj);

describe('sample reports', () => {
  expect(names.length).toBe(5);
  for (const name of names) {
    it(`${name} gives exactly its hand-checked values`, () => {
      const expected = JSON.parse(readFileSync(new URL(`${name}.json`, fixtures), 'utf8'));
      const result = parseReport(readFileSync(new URL(`${name}.txt`, reports), 'utf8'), { source: `${name}.txt` });
      if (!result.ok) throw new Error(result.error);
      expect(Report.safeParse(result.report).success).toBe(true);
      const wrong = leaves(expected)
        .filter(([p]) => p !== 'source')
        .filter(([p, v]) => at(result.report, p) !== v)
        .map(([p, v]) => `${p}: want ${v} got ${at(result.report, p)}`);
      expect(wrong).toEqual([]);
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
