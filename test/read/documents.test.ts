// The document test corpus: random reports written as web pages and as Word files from known values,
// read back through the front stages and the parser, exactly; each figure traced to its table and row.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { documentOptionsArb, documentTruthArb, htmlOptionsArb } from '../../scripts/synth/arbitraries.ts';
import { compareWithTruth, describeMismatches, encodeHtml, renderReportDocx, renderReportHtml, type Truth } from '../../scripts/synth/index.ts';
import { parseBytes } from '../../src/lib/ingest/read.ts';
import type { Report } from '../../src/lib/schema.ts';

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
      fc.asyncProperty(documentTruthArb(), htmlOptionsArb(), async (truth, options) => {
        await expectExact(truth, encodeHtml(renderReportHtml(truth, options), options.charset), 'report.html', 'html');
      }),
      { numRuns: 60 },
    );
  }, 120_000);
});

describe('reports written as Word files', () => {
  it('read back exactly, with gridSpan/vMerge merges, wrapped labels and blanks', async () => {
    await fc.assert(
      fc.asyncProperty(documentTruthArb(), documentOptionsArb(), async (truth, options) => {
        await expectExact(truth, await renderReportDocx(truth, options), 'report.docx', 'docx');
      }),
      { numRuns: 30 },
    );
  }, 120_000);
});
