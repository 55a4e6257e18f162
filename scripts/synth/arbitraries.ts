// fast-check arbitraries over the writer's options, for the property tests. A case is a truth (region,
// year, options, value seed) and a layout; shrinking moves each option towards its plainest value.
import fc from 'fast-check';
import { counties } from '../../src/lib/region.ts';
import type { Layout } from './layout.ts';
import { safePageStyle } from './layout.ts';
import { createRng } from './prng.ts';
import { writeReport, type WrittenReport } from './report.ts';
import type { DocumentOptions } from './document.ts';
import { TRUETYPE_CJK_FONT, type HtmlOptions } from './html.ts';
import { generateTruth, type Truth, type TruthOptions } from './truth.ts';

type Choices<T> = { [K in keyof T]?: fc.Arbitrary<T[K]> };

export const truthOptionsArb = (over: Choices<TruthOptions> = {}): fc.Arbitrary<TruthOptions> =>
  fc.record({
    documents: fc.constantFrom('2021', '2019'),
    decisions: fc.constantFrom('2021', '2019'),
    procurement: fc.boolean(),
    otherHandling: fc.constantFrom('detailed', 'single'),
    blanks: fc.constantFrom('none', 'emptyRows', 'zeroCells'),
    scale: fc.constantFrom('typical', 'quiet', 'busy'),
    breakIdentity: fc.constant(undefined),
    feeDecimals: fc.constantFrom(0, 2, 4, 6),
    ...over,
  } as Record<keyof TruthOptions, fc.Arbitrary<unknown>>) as fc.Arbitrary<TruthOptions>;

export const layoutArb = (over: Choices<Layout> = {}): fc.Arbitrary<Layout> =>
  (
    fc.record({
      seed: fc.string({ maxLength: 6 }),
      cells: fc.constantFrom('space', 'line', 'tab', 'aligned'),
      sep: fc.constantFrom(' ', '  ', '   ', '\u3000', '\u00a0'),
      tabLabelFields: fc.constantFrom(1, 3),
      wrap: fc.constantFrom('none', 'before', 'beforeInline', 'after', 'around', 'mixed'),
      wrapWidth: fc.integer({ min: 6, max: 24 }),
      splitNumbers: fc.boolean(),
      groupLabels: fc.constantFrom('ownLine', 'split', 'prefix'),
      headers: fc.constantFrom('words', 'fragments', 'chars', 'spacedChars'),
      blank: fc.constantFrom('', '/', '-', '—', '无'),
      partialBlankRows: fc.constant('marker'),
      digits: fc.constantFrom('ascii', 'fullwidth'),
      thousands: fc.boolean(),
      unitInCell: fc.boolean(),
      feePad: fc.constantFrom(0, 2, 4),
      pageBreaks: fc.integer({ min: 0, max: 3 }),
      pageStyle: fc.constantFrom('dashSpaced', 'dash', 'emDash', 'page'),
      letterhead: fc.constantFrom('none', 'issuer', 'title'),
      doubleSpaced: fc.boolean(),
      leadingSpaces: fc.boolean(),
      brackets: fc.constantFrom('fullwidth', 'ascii'),
      itemDot: fc.constantFrom('.', '．', '、', '. '),
      applicationWord: fc.constantFrom('政府信息公开', '政务公开'),
      numbering: fc.constantFrom('standard', 'shifted', 'nested'),
      outcomes: fc.constantFrom('oneLine', 'threeLines', 'perLine', 'broken'),
      title: fc.constantFrom('twoLines', 'oneLine', 'docNumber'),
      proseWrap: fc.constantFrom(0, 20, 28, 36),
      ...over,
    } as Record<keyof Layout, fc.Arbitrary<unknown>>) as fc.Arbitrary<Layout>
  ).map((l) => ({ ...l, pageStyle: safePageStyle(l) }));

export interface SynthCase {
  countyIndex: number;
  year: number;
  options: TruthOptions;
  valueSeed: number;
  layout: Layout;
}

export const caseArb = (layout: Choices<Layout> = {}, options: Choices<TruthOptions> = {}, years = fc.integer({ min: 2019, max: 2024 })): fc.Arbitrary<SynthCase> =>
  fc.record({
    countyIndex: fc.nat({ max: counties.length - 1 }),
    year: years,
    options: truthOptionsArb(options),
    valueSeed: fc.nat(),
    layout: layoutArb(layout),
  });

/** The truth and the text of a case. */
export function build(c: SynthCase): { truth: Truth; written: WrittenReport } {
  const truth = generateTruth(createRng(c.valueSeed), counties[c.countyIndex], c.year, c.options);
  return { truth, written: writeReport(truth, c.layout) };
}

/** A truth for any county and year, from its options and a value seed. */
export const documentTruthArb = (): fc.Arbitrary<Truth> =>
  fc
    .record({ countyIndex: fc.nat({ max: counties.length - 1 }), year: fc.integer({ min: 2019, max: 2024 }), options: truthOptionsArb(), valueSeed: fc.nat() })
    .map((c) => generateTruth(createRng(c.valueSeed), counties[c.countyIndex]!, c.year, c.options));

/** How a report is set as a document (Word file, web page): merges, wrapped labels, blank marks. */
export const documentOptionsArb = (): fc.Arbitrary<DocumentOptions> =>
  fc.record<DocumentOptions>({
    seed: fc.string({ maxLength: 6 }),
    blank: fc.constantFrom('', '/', '-', '—', '无'),
    wrapLabels: fc.boolean(),
    activeTables: fc.constantFrom('one', 'separate'),
    applicationLabels: fc.constantFrom('three', 'one'),
    digits: fc.constantFrom('ascii', 'fullwidth'),
    feePad: fc.constantFrom(0, 2, 4),
  });

/** A web page around the document: portal, layout tables or bare; charset; narrow labels; page breaks. */
export const htmlOptionsArb = (): fc.Arbitrary<HtmlOptions> =>
  fc
    .tuple(
      documentOptionsArb(),
      fc.record({
        page: fc.constantFrom('portal', 'layoutTables', 'bare'),
        narrowLabels: fc.boolean(),
        breakTables: fc.boolean(),
        cellLines: fc.constantFrom('br', 'p'),
        charset: fc.constantFrom('utf-8', 'gbk'),
        // Noto CJK (printed as Type 3 glyphs) or a TrueType font (embedded as CID TrueType).
        fontFamily: fc.constantFrom(undefined, TRUETYPE_CJK_FONT),
      }),
    )
    .map(([d, h]) => ({ ...d, ...h }) as HtmlOptions);
