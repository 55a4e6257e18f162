// The PDF test corpus: random reports written from known values and made into PDF the two ways real
// ones are, read back exactly through the PDF front stage, every traced row with its page.
//   - Chromium printing the report's web page (narrow label columns that wrap, tables broken across
//     pages, blank marks, 2019 and 2021 formats);
//   - LibreOffice exporting the report's Word file (gridSpan/vMerge merges, wrapped labels).
// Both are Debian packages that .ci/run installs; without them these tests fail and say so.
import fc from 'fast-check';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { documentOptionsArb, documentTruthArb, htmlOptionsArb } from '../../scripts/synth/arbitraries.ts';
import { compareWithTruth, describeMismatches, renderReportDocx, renderReportHtml, type Truth } from '../../scripts/synth/index.ts';
import { convertDocxToPdf, LIBREOFFICE, printHtmlToPdf } from '../../scripts/synth/pdf.ts';
import { parseBytes } from '../../src/lib/ingest/read.ts';
import { launch } from './harness.ts';

async function expectExact(truth: Truth, pdf: Uint8Array, name: string) {
  const result = await parseBytes(pdf, name);
  if (!result.ok) throw new Error(`${name}: rejected: ${result.error}`);
  expect(result.report.format).toBe('pdf');
  const mismatches = compareWithTruth(truth, result.report);
  expect(mismatches, describeMismatches(mismatches)).toEqual([]);
  const traced = Object.keys(result.report.lines);
  expect(traced.length).toBeGreaterThan(5);
  const pages = result.report.pages!;
  expect(traced.filter((p) => !(result.report.origins?.[p]?.page! >= 1 && result.report.origins?.[p]?.page! <= pages))).toEqual([]);
}

describe('reports printed to PDF by Chromium', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('read back exactly: narrow wrapped labels, tables across pages, blanks, both formats', async () => {
    await fc.assert(
      fc.asyncProperty(documentTruthArb(), htmlOptionsArb(), async (truth, options) => {
        // Printing ignores the page's charset: keep the page UTF-8, as the browser holds it.
        const html = renderReportHtml(truth, { ...options, charset: 'utf-8' });
        await expectExact(truth, await printHtmlToPdf(browser, html), 'printed.pdf');
      }),
      { numRuns: 24 },
    );
  }, 240_000);
});

describe('Word files exported to PDF by LibreOffice', () => {
  it('read back exactly', async () => {
    if (!LIBREOFFICE) throw new Error('LibreOffice not found: apt-get install libreoffice-writer-nogui (.ci/run does)');
    const cases = fc.sample(fc.tuple(documentTruthArb(), documentOptionsArb()), { numRuns: 8, seed: 20261130 });
    expect(cases).toHaveLength(8);
    const pdfs = convertDocxToPdf(await Promise.all(cases.map(([truth, options]) => renderReportDocx(truth, options))));
    for (const [k, [truth]] of cases.entries()) await expectExact(truth, pdfs[k]!, `exported-${k}.pdf`);
  }, 300_000);
});
