// The document test corpus: random reports written as web pages and as Word files from known values,
// read back through the front stages and the parser, exactly; each figure traced to its table and row.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { truthOptionsArb } from '../../scripts/synth/arbitraries.ts';
import { compareWithTruth, createRng, describeMismatches, encodeHtml, generateTruth, renderReportDocx, renderReportHtml, type DocumentOptions, type HtmlOptions, type Truth } from '../../scripts/synth/index.ts';
import { parseBytes } from '../../src/lib/ingest/read.ts';
import { counties } from '../../src/lib/region.ts';
import type { Report } from '../../src/lib/schema.ts';

const documentOptionsArb = fc.record<DocumentOptions>({
  seed: fc.string({ maxLength: 6 }),
  blank: fc.constantFrom('', '/', '-', '—', '无'),
  wrapLabels: fc.boolean(),
  activeTables: fc.constantFrom('one', 'separate'),
  applicationLabels: fc.constantFrom('three', 'one'),
  digits: fc.constantFrom('ascii', 'fullwidth'),
  feePad: fc.constantFrom(0, 2, 4),
});

const htmlOptionsArb = fc.tuple(
  documentOptionsArb,
  fc.record({
    page: fc.constantFrom('portal', 'layoutTables', 'bare'),
    narrowLabels: fc.boolean(),
    breakTables: fc.boolean(),
    cellLines: fc.constantFrom('br', 'p'),
    charset: fc.constantFrom('utf-8', 'gbk'),
  }),
).map(([d, h]) => ({ ...d, ...h }) as HtmlOptions);

const truthArb = fc
  .record({ countyIndex: fc.nat({ max: counties.length - 1 }), year: fc.integer({ min: 2019, max: 2024 }), options: truthOptionsArb(), valueSeed: fc.nat() })
  .map((c) => generateTruth(createRng(c.valueSeed), counties[c.countyIndex]!, c.year, c.options));

/** The report read from the bytes matches the truth exactly, and every traced row has its table and row. */
async function expectExact(truth: Truth, bytes: Uint8Array, name: string, format: Report['format']) {
  const result = await parseBytes(bytes, name);
  if (!result.ok) throw new Error(`${name}: rejected: ${result.error}`);
  expect(result.report.format).toBe(format);
  const mismatches = compareWithTruth(truth, result.report);
  expect(mismatches, describeMismatches(mismatches)).toEqual([]);
  const traced = Object.keys(result.report.lines);
  expect(traced.length).toBeGreaterThan(5);
  const origins = result.report.origins ?? {};
  expect(traced.filter((p) => !(origins[p]?.table! >= 1 && origins[p]?.row! >= 1))).toEqual([]);
}

describe('reports written as web pages', () => {
  it('read back exactly, whatever the page, charset, merges, wrapped labels and blanks', async () => {
    await fc.assert(
      fc.asyncProperty(truthArb, htmlOptionsArb, async (truth, options) => {
        await expectExact(truth, encodeHtml(renderReportHtml(truth, options), options.charset), 'report.html', 'html');
      }),
      { numRuns: 60 },
    );
  }, 120_000);
});

describe('reports written as Word files', () => {
  it('read back exactly, with gridSpan/vMerge merges, wrapped labels and blanks', async () => {
    await fc.assert(
      fc.asyncProperty(truthArb, documentOptionsArb, async (truth, options) => {
        await expectExact(truth, await renderReportDocx(truth, options), 'report.docx', 'docx');
      }),
      { numRuns: 30 },
    );
  }, 120_000);
});
