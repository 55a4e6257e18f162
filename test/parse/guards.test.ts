// Printed figures are never lost or turned into something else without a finding: a surplus cell
// dropped that was not 0 (issue 8, item 3), a cell that is no plausible count (item 4).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseReport } from '../../src/lib/parse/index.ts';
import type { Report } from '../../src/lib/schema.ts';

const sample = (name: string) => readFileSync(new URL(`../../content/reports/${name}`, import.meta.url), 'utf8');
const parse = (text: string): Report => {
  const result = parseReport(text, { source: 'case.txt' });
  if (!result.ok) throw new Error(result.error);
  return result.report;
};
/** Replaces line `no` (1-based) of `text`. */
const withLine = (text: string, no: number, edit: (line: string) => string) =>
  text
    .split('\n')
    .map((l, i) => (i === no - 1 ? edit(l) : l))
    .join('\n');

describe('surplus cells (003 prints eight cells for seven columns)', () => {
  const text = sample('003_1802fb2dfce92170.txt');
  const line80 = text.split('\n')[79]!;

  it('line 80 is 1.属于国家秘密 with eight zeros', () => {
    expect(line80.split('\t').filter((c) => /^\d+$/.test(c))).toEqual(Array(8).fill('0'));
  });

  it('a dropped 0 says nothing beyond the inference (the sample as printed)', () => {
    const report = parse(text);
    expect(report.applications?.denied.stateSecret).toEqual(Array(7).fill(0));
    expect(report.findings.filter((f) => f.code === 'cells-dropped')).toEqual([]);
  });

  for (const position of [1, 2, 6]) {
    it(`a dropped figure that is not 0 (the ${position + 1}. cell set to 1) is a warning on the row`, () => {
      let seen = -1;
      const edited = withLine(text, 80, (l) => l.replace(/\t0/g, (m) => (++seen === position ? '\t1' : m)));
      expect(edited).not.toBe(text);
      const report = parse(edited);
      const dropped = report.findings.filter((f) => f.code === 'cells-dropped');
      expect(dropped).toHaveLength(1);
      expect(dropped[0]).toMatchObject({ severity: 'warning', path: 'applications.denied.stateSecret', line: 80 });
      expect(dropped[0]!.message).toMatch(/\b1\b/);
    });
  }

  it('the total row drops two zeros of nine: no warning', () => {
    const report = parse(text);
    expect(report.applications?.total).toEqual([6, 0, 0, 0, 0, 0, 6]);
    expect(report.findings.some((f) => f.path === 'applications.total' && f.severity !== 'info')).toBe(false);
  });
});

describe('figures that are no plausible count', () => {
  const text = sample('002_6806acdd043dfc21.txt');
  // 002 line 245: 本年新收 3 0 0 0 0 0 3; line 186: 行政许可 153.
  const cases: [string, number, RegExp, string, string][] = [
    ['a 30-digit cell', 245, /^3 0/, '123456789012345678901234567890 0', 'applications.received[0]'],
    ['a 400-digit cell', 245, /^3 0/, `${'9'.repeat(400)} 0`, 'applications.received[0]'],
    ['a fractional count', 245, /^3 0/, '2.5 0', 'applications.received[0]'],
    ['a count of a billion', 245, /^3 0/, '1000000000 0', 'applications.received[0]'],
    ['a 30-digit 行政许可', 186, /153/, '123456789012345678901234567890', 'active.licensing'],
  ];
  for (const [name, line, find, replace, path] of cases) {
    it(`${name}: the cell is blank with an error naming it and the printed text`, () => {
      const edited = withLine(text, line, (l) => l.replace(find, replace));
      expect(edited).not.toBe(text);
      const report = parse(edited);
      const found = report.findings.filter((f) => f.code === 'figure-implausible');
      expect(found).toHaveLength(1);
      // On the row: the line its label starts on, as the report's trace gives it.
      const rowLine = report.lines[path.replace(/\[\d+\]$/, '')];
      expect(rowLine).toBeGreaterThan(line - 5);
      expect(found[0]).toMatchObject({ severity: 'error', path, line: rowLine });
      const printed = replace.split(' ')[0]!;
      expect(found[0]!.message).toContain(printed.slice(0, 40));
      const value = path === 'active.licensing' ? report.active?.licensing : report.applications?.received?.[0];
      expect(value).toBeNull();
      // Every number in the report is a finite, safe figure.
      const numbers = JSON.stringify(report, (_, v) => (typeof v === 'number' && !Number.isFinite(v) ? 'NOT FINITE' : v));
      expect(numbers).not.toContain('NOT FINITE');
    });
  }

  it('a fee with a fraction is an amount, not a count: read', () => {
    const report = parse(text.replace('行政事业性收费 381', '行政事业性收费 381.25'));
    expect(report.active?.fees).toBe(381.25);
    expect(report.findings.filter((f) => f.code === 'figure-implausible')).toEqual([]);
  });
});
