// Random tables written by the synthetic report writer in the layouts real converters produce, read
// back by the parser EXACTLY: every cell, the year, the region and the consistency flag.
// A failure here is a parser bug (the layouts are ones a human reads unambiguously): note it in the
// parser bug list with the counterexample, never loosen the test.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { runs } from './runs.ts';
import { build, caseArb, type SynthCase } from '../../scripts/synth/arbitraries.ts';
import { compareWithTruth, describeMismatches } from '../../scripts/synth/index.ts';
import { parseReport } from '../../src/lib/parse/index.ts';
import { counties } from '../../src/lib/region.ts';

const RUNS = runs(25);

/** Counties whose names share a character with the section 二 headers (增 of 本年增/减 in 增城区 …). */
const HEADER_CHARS = [...new Set('本年新制作公开数量对外总处理决定上一项目增减收费金额采购行政许可处罚强制规章范性文件信息内容')];
const HEADERISH_COUNTIES = counties.flatMap((c, i) => (HEADER_CHARS.some((ch) => c.name.includes(ch)) ? [i] : []));

/** The tables of a report text, for a failure message short enough to read. */
function tablesOf(text: string): string {
  const lines = text.split('\n');
  const from = lines.findIndex((l) => l.includes('第二十条'));
  const to = lines.findIndex((l, i) => i > from && /存在的主要问题/.test(l));
  return lines.slice(Math.max(0, from - 1), to < 0 ? undefined : to).join('\n').replace(/\t/g, '→');
}

function readsExactly(c: SynthCase): void {
  const { truth, written } = build(c);
  const result = parseReport(written.text, { source: 'synthetic.txt' });
  if (!result.ok) throw new Error(`parser refused the report: ${result.error}\n${tablesOf(written.text)}`);
  const mismatches = compareWithTruth(truth, result.report);
  if (mismatches.length > 0) throw new Error(`read differently from what was written:\n${describeMismatches(mismatches)}\n--- tables (→ = tab) ---\n${tablesOf(written.text)}`);
}

const exactly = (arb: fc.Arbitrary<SynthCase>, examples: SynthCase[] = []) => () =>
  fc.assert(fc.property(arb, readsExactly), { ...RUNS, examples: examples.map((e) => [e] as [SynthCase]) });

/** Found by the full corpus run (440118_2021): the letterhead 增城区人民政府 between the （五） header and its row. */
const ZENGCHENG: SynthCase = {
  countyIndex: counties.findIndex((c) => c.name === '增城区'),
  year: 2020,
  options: { documents: '2021', decisions: '2021', procurement: false, otherHandling: 'detailed', blanks: 'none', scale: 'busy', feeDecimals: 0 },
  valueSeed: 11,
  layout: { seed: '', cells: 'space', sep: '   ', tabLabelFields: 1, wrap: 'none', wrapWidth: 10, splitNumbers: false, groupLabels: 'ownLine', headers: 'words', blank: '', partialBlankRows: 'marker', digits: 'ascii', thousands: false, unitInCell: false, feePad: 2, pageBreaks: 3, pageStyle: 'page', letterhead: 'issuer', doubleSpaced: false, leadingSpaces: false, brackets: 'fullwidth', itemDot: '．', applicationWord: '政务公开', numbering: 'standard', outcomes: 'perLine', title: 'twoLines', proseWrap: 0 },
};

describe('parser reads synthetic tables exactly', () => {
  it('one cell per line', exactly(caseArb({ cells: fc.constant('line') })));
  it('cells separated by spaces (any white space)', exactly(caseArb({ cells: fc.constant('space') })));
  it('cells separated by tabs (a grid; blanks as empty fields)', exactly(caseArb({ cells: fc.constant('tab') })));
  it('pdftotext -layout columns', exactly(caseArb({ cells: fc.constant('aligned') })));
  it(
    'labels wrapped before, around and after their numbers',
    exactly(caseArb({ cells: fc.constantFrom('space', 'line', 'aligned'), wrap: fc.constantFrom('before', 'beforeInline', 'after', 'around', 'mixed'), wrapWidth: fc.integer({ min: 6, max: 16 }) })),
  );
  it('blank cells as nothing, /, -, — or 无', exactly(caseArb({ blank: fc.constantFrom('', '/', '-', '—', '无') }, { blanks: fc.constantFrom('emptyRows', 'zeroCells') })));
  it(
    'full-width digits, thousands separators, decimals and 万元 in the cell',
    exactly(caseArb({ digits: fc.constant('fullwidth'), thousands: fc.boolean(), unitInCell: fc.boolean(), feePad: fc.constantFrom(0, 2, 4) }, { scale: fc.constant('busy'), feeDecimals: fc.constantFrom(0, 2, 4, 6) })),
  );
  it(
    '2019 headers with a single （六）其他处理 row',
    exactly(caseArb({}, { documents: fc.constant('2019'), decisions: fc.constant('2019'), otherHandling: fc.constant('single') }, fc.integer({ min: 2019, max: 2020 }))),
  );
  it('2021 reports mixing in 2019 headers', exactly(caseArb({}, { documents: fc.constant('2019'), decisions: fc.constant('2021') }, fc.integer({ min: 2021, max: 2024 }))));
  it('page numbers and letterhead between table rows', exactly(caseArb({ pageBreaks: fc.integer({ min: 1, max: 3 }), letterhead: fc.constantFrom('none', 'issuer', 'title') })));
  it(
    'letterhead naming a county that shares characters with the table headers (增城区, 新华区, 定州市)',
    exactly(
      caseArb({ pageBreaks: fc.integer({ min: 2, max: 3 }), letterhead: fc.constantFrom('issuer', 'title') }).chain((c) =>
        fc.constantFrom(...HEADERISH_COUNTIES).map((countyIndex) => ({ ...c, countyIndex })),
      ),
      [ZENGCHENG],
    ),
  );
  it('headers broken into pieces or single characters', exactly(caseArb({ headers: fc.constantFrom('fragments', 'chars', 'spacedChars') })));
  it('section numbering that differs (三 to 五; nested 一、二、 in the overview; 政务公开申请)', exactly(caseArb({ numbering: fc.constantFrom('shifted', 'nested'), applicationWord: fc.constantFrom('政府信息公开', '政务公开') })));
  it('section 四 as one line of 15, three lines, one per line or broken anywhere', exactly(caseArb({ cells: fc.constantFrom('space', 'aligned'), outcomes: fc.constantFrom('oneLine', 'threeLines', 'perLine', 'broken') })));
  it('everything at once', exactly(caseArb()));
});

describe('the report\'s own arithmetic', () => {
  it('a report whose figures break an identity comes out inconsistent, with that identity failing', () => {
    fc.assert(
      fc.property(caseArb({}, { breakIdentity: fc.constantFrom('rowTotal', 'columnTotal', 'balance', 'outcomeTotal') }), (c) => {
        readsExactly(c);
        const result = parseReport(build(c).written.text, { source: 'synthetic.txt' });
        expect(result.ok && result.report.consistent).toBe(false);
        expect(result.ok && result.report.checks.some((k) => !k.ok && k.identity === c.options.breakIdentity)).toBe(true);
      }),
      RUNS,
    );
  });
});
