// The synthetic report writer itself: its truth obeys the report's identities, its text is marked as
// test data and is reproducible, and its figures and labels can be read back by a human.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { runs } from './runs.ts';
import { build, caseArb, layoutArb } from '../../scripts/synth/arbitraries.ts';
import { createRng, formatNumber, generateTruth, identityFailures, TEST_MARK, wrapLabel, writeReport } from '../../scripts/synth/index.ts';
import { counties } from '../../src/lib/region.ts';
import { Report } from '../../src/lib/schema.ts';
import { looksLikePageNumber } from '../../scripts/synth/tables.ts';

const RUNS = runs(60);

describe('synthetic truth', () => {
  it('satisfies every identity unless one is broken on purpose, and then fails exactly that one', () => {
    fc.assert(
      fc.property(caseArb({}, { breakIdentity: fc.constantFrom(undefined, 'rowTotal', 'columnTotal', 'balance', 'outcomeTotal') }), (c) => {
        const { truth } = build(c);
        const failures = identityFailures(truth);
        if (!c.options.breakIdentity) expect(failures).toEqual([]);
        else expect(failures).toContain(c.options.breakIdentity);
        expect(truth.consistent).toBe(failures.length === 0);
      }),
      RUNS,
    );
  });

  it('is Report-shaped (the schema accepts it with the fields the parser adds)', () => {
    fc.assert(
      fc.property(caseArb(), (c) => {
        const { truth } = build(c);
        const report = { ...truth, source: 'x.txt', title: 't', issuer: 'i', tableFormat: '2021', checks: [], findings: [], inferred: [], lines: {}, prose: [] };
        expect(Report.safeParse(report).success).toBe(true);
      }),
      RUNS,
    );
  });

  it('carries last year\'s 结转下年度 into this year\'s 上年结转 when given', () => {
    const rng = createRng('carry');
    const opts = { documents: '2021', decisions: '2021', procurement: false, otherHandling: 'detailed', blanks: 'none', scale: 'typical', carriedOver: [3, 1, 0, 0, 0, 2] } as const;
    const truth = generateTruth(rng, counties[0], 2022, opts);
    expect(truth.applications?.carriedOver).toEqual([3, 1, 0, 0, 0, 2, 6]);
    expect(identityFailures(truth)).toEqual([]);
  });
});

describe('synthetic text', () => {
  it('marks every report as test data in its title and writes the same text for the same case', () => {
    fc.assert(
      fc.property(caseArb(), (c) => {
        const a = build(c);
        const b = build(c);
        expect(a.written.text).toBe(b.written.text);
        expect(a.written.title).toContain(TEST_MARK);
        expect(a.written.text.split('\n').filter(Boolean).slice(0, 3).join('')).toContain(TEST_MARK);
      }),
      RUNS,
    );
  });

  it('prints figures that read back to the same number (full-width digits, thousands separators, decimals)', () => {
    const read = (s: string) => Number(s.replace(/[０-９]/g, (d) => String(d.charCodeAt(0) - 0xff10)).replace(/,/g, ''));
    fc.assert(
      fc.property(
        fc.oneof(fc.integer({ min: -5000, max: 10_000_000 }), fc.double({ min: 0, max: 1e6, noNaN: true }).map((x) => Math.round(x * 1e4) / 1e4)),
        layoutArb(),
        fc.boolean(),
        (n, layout, money) => {
          expect(read(formatNumber(n, layout, money))).toBe(n);
        },
      ),
      runs(300),
    );
  });

  it('wraps labels into pieces that join back and never look like a new row, a figure or a blank', () => {
    const labels = ['（二）部分公开（区分处理的，只计这一情形，不计其他情形）', '5.要求行政机关确认或重新出具已获取信息', '(四) 无法提供', '4. 无正当理由大量反复申请', '三、本年度办理结果'];
    fc.assert(
      fc.property(fc.constantFrom(...labels), fc.integer({ min: 2, max: 30 }), (label, width) => {
        const pieces = wrapLabel(label, width);
        expect(pieces.join('')).toBe(label);
        for (const piece of pieces.slice(1)) {
          expect(piece).not.toMatch(/^\s*(?:[一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[）)]|\d+[.．、])/u);
          expect(piece.trim()).not.toMatch(/^(?:[-+]?[0-9０-９][0-9０-９,.．]*|\/|-|—|无)$/u);
        }
      }),
      runs(200),
    );
  });

  it('prints page-number lines only where it breaks a page (a row of cells never looks like one)', () => {
    fc.assert(
      fc.property(caseArb({ blank: fc.constantFrom('-', '—', '/', '无', '') }), (c) => {
        const { written } = build(c);
        expect(written.text.split('\n').filter(looksLikePageNumber)).toHaveLength(c.layout.pageBreaks);
      }),
      runs(150),
    );
  });

  it('lists no ambiguous rows unless asked to leave partial blanks out', () => {
    fc.assert(
      fc.property(caseArb(), (c) => {
        expect(build(c).written.ambiguous).toEqual([]);
      }),
      RUNS,
    );
  });

  it('lists a partly blank row as ambiguous when its blanks are left out of a space-separated row', () => {
    const truth = generateTruth(createRng(7), counties[100], 2021, { documents: '2021', decisions: '2021', procurement: false, otherHandling: 'detailed', blanks: 'zeroCells', scale: 'typical' });
    const layout = fc.sample(layoutArb({ cells: fc.constant('space'), blank: fc.constant(''), partialBlankRows: fc.constant('missing') }), { numRuns: 1, seed: 3 })[0];
    const written = writeReport(truth, layout);
    const partial = Object.values(truth.applications ?? {}).some((r) => Array.isArray(r) && r.some((x) => x === null) && r.some((x) => x !== null));
    expect(partial).toBe(true);
    expect(written.ambiguous.length).toBeGreaterThan(0);
  });
});
