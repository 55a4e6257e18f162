// Cases `npm run fuzz` found (scripts/fuzz.ts): each once read a figure otherwise than printed, or lost
// it, with the report still `consistent: true` and no finding.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createRng, DEFAULT_LAYOUT, generateTruth, writeReport, type TruthOptions } from '../../scripts/synth/index.ts';
import { parseReport } from '../../src/lib/parse/index.ts';
import { counties } from '../../src/lib/region.ts';
import { parseWithin } from './bounded.ts';

const parse = (text: string) => {
  const result = parseReport(text, { source: 'case.txt' });
  if (!result.ok) throw new Error(result.error);
  return result.report;
};

const OPTIONS_2019: TruthOptions = { documents: '2019', decisions: '2019', procurement: true, otherHandling: 'single', blanks: 'none', scale: 'typical', feeDecimals: 0 };
const report2019 = () => {
  const truth = generateTruth(createRng('fuzz-found'), counties.find((c) => c.code === '440310')!, 2019, OPTIONS_2019);
  return { truth, text: writeReport(truth, { ...DEFAULT_LAYOUT, cells: 'tab' }).text };
};

describe('found by the fuzz run', () => {
  it('第二十条第（九）项 printed without its 政府集中采购 row: the row is missing, not silently absent (fuzz:186)', () => {
    const { truth, text } = report2019();
    expect(truth.active?.procurement).toBeDefined();
    const lines = text.split('\n');
    const row = lines.findIndex((l) => l.startsWith('政府集中采购'));
    expect(row).toBeGreaterThan(0);
    const report = parse([...lines.slice(0, row), ...lines.slice(row + 1)].join('\n'));
    expect(report.active?.procurement).toBeUndefined();
    expect(report.findings.filter((f) => f.code === 'row-missing').map((f) => f.path)).toEqual(['active.procurement']);
  });

  it('the same report with its 政府集中采购 row reads it, and a report without part 九 misses nothing', () => {
    const { truth, text } = report2019();
    expect(parse(text).active?.procurement).toEqual(truth.active?.procurement);
    const lines = text.split('\n');
    const part = lines.findIndex((l) => l.includes('第二十条第（九）项'));
    expect(part).toBeGreaterThan(0);
    const without = parse([...lines.slice(0, part), ...lines.slice(part + 3)].join('\n'));
    expect(without.active?.procurement).toBeUndefined();
    expect(without.findings.filter((f) => f.code === 'row-missing')).toEqual([]);
  });

  it('a table whose labels are out of order and whose figures do not add up is searched within bounds, not for minutes (fuzz:7788)', async () => {
    // Two rows deleted and a letterhead inside table 三: the search for a reading-order cut tried
    // every interleaving of the last rows, each checked against the whole table (over 2 minutes).
    const text = readFileSync(new URL('../fixtures/fuzz/reading-order-search.txt', import.meta.url), 'utf8');
    const bounded = await parseWithin(text, 20_000);
    console.log(`fuzz:7788 parsed in ${(bounded.ms / 1000).toFixed(2)} s`);
    expect(bounded.done).toBe(true);
    if (!bounded.done || !bounded.result.ok) throw new Error('not parsed');
    expect(bounded.result.report.consistent).toBe(false);
  }, 30_000);

  it("a row whose label was damaged does not lend its figures silently to the blank row before it (fuzz:41682, fuzz:26756, fuzz:5071)", () => {
    // The Word text of fuzz:41682 (one grid row per line): 2. is printed blank (empty fields) and
    // characters inserted into 「3.其他」 hide its label, so its figures follow 2.'s empty fields. They
    // were read as 2.'s with every sum holding (both rows are in （七）总计) and no finding on 2.
    const text = readFileSync(new URL('../fixtures/fuzz/damaged-label.txt', import.meta.url), 'utf8');
    const damaged = /^\t\t3\u3033\ufffd\u0088\.其他\t/m;
    expect(text).toMatch(damaged);
    const unpaid = text.split('\n').findIndex((l) => l.includes('2.申请人逾期未按收费通知要求缴纳费用')) + 1;
    expect(text.split('\n')[unpaid - 1]).toMatch(/公开申请\t{7}$/);
    const report = parse(text);
    expect(report.consistent).toBe(true);
    // 2. reads the figures after it (they may be its own), with a warning on it naming why.
    expect(report.applications?.otherHandling).toEqual({ noCorrection: Array(7).fill(null), unpaidFees: [1, 0, 0, 0, 0, 0, 1], other: null });
    expect(report.findings.filter((f) => f.path === 'applications.otherHandling.unpaidFees')).toEqual([
      { severity: 'warning', code: 'cells-of-missing-row', message: "applications.otherHandling.unpaidFees: the label of applications.otherHandling.other was not found in its place; the cells read here may be that row's", path: 'applications.otherHandling.unpaidFees', line: unpaid },
    ]);
    // The label as written: each row its own figures, no such warning.
    const written = parse(text.replace(damaged, '\t\t3.其他\t'));
    expect(written.applications?.otherHandling).toEqual({ noCorrection: Array(7).fill(null), unpaidFees: Array(7).fill(null), other: [1, 0, 0, 0, 0, 0, 1] });
    expect(written.findings.filter((f) => f.code === 'cells-of-missing-row')).toEqual([]);
    // A label out of its place (lines swapped, fuzz:5071): 5. printed before 4. Each label holds the
    // figures on its own line: 5.'s are 5.'s, not lent to 3. printed blank before it.
    const lines = text.replace(damaged, '\t\t3.其他\t').split('\n');
    const [third, fifth] = [lines.findIndex((l) => l.startsWith('\t\t4.保护第三方')), lines.findIndex((l) => l.startsWith('\t\t5.属于三类内部事务'))];
    expect([fifth - third, lines[fifth]]).toEqual([1, expect.stringMatching(/\t1\t0\t0\t0\t0\t0\t1$/)]);
    [lines[third], lines[fifth]] = [lines[fifth]!, lines[third]!];
    const swapped = parse(lines.join('\n'));
    expect(swapped.applications?.denied.internalAffairs).toEqual([1, 0, 0, 0, 0, 0, 1]);
    expect(swapped.applications?.denied.endangersSafety).toEqual(Array(7).fill(null));
    expect(swapped.applications?.denied.thirdPartyRights).toEqual(written.applications?.denied.thirdPartyRights);
    expect(swapped.findings.filter((f) => f.code === 'cells-of-missing-row')).toEqual([]);
  });

  it('cells whose separators an encoding lost (GBK has no U+00A0: Notepad writes ?) are still cells (fuzz:15146)', () => {
    // Every blank between cells of 003's table lines written as ?: today the figures glue to their labels
    // and the whole table reads blank, consistent, with no finding.
    const sample = readFileSync(new URL('../../content/reports/003_1802fb2dfce92170.txt', import.meta.url), 'utf8');
    const lost = sample.replace(/\t/g, '?');
    expect(lost).not.toBe(sample);
    const [read, original] = [parse(lost), parse(sample)];
    expect(read.applications?.received).toEqual([0, 0, 0, 0, 0, 0, 0].map((_, i) => original.applications!.received![i]));
    expect(read.applications?.total?.[6]).toBe(original.applications?.total?.[6]);
    expect(read.active?.licensing).toBe(original.active?.licensing);
    expect(read.review).toEqual(original.review);
  });
});
