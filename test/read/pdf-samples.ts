// The PDFs the fast reader is checked against PDFium on: the real published one, and synthetic reports
// made into PDF the two ways real ones are (Chromium printing the web page, LibreOffice exporting the
// Word file), a few of each from fixed seeds. Chromium's in the page's own font (Noto CJK, printed as
// Type 3 glyphs) unless a font is given (TRUETYPE_CJK_FONT: embedded as CID TrueType).
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { launchChromium } from '../../scripts/chromium.ts';
import { documentOptionsArb, documentTruthArb, htmlOptionsArb } from '../../scripts/synth/arbitraries.ts';
import { renderReportDocx, renderReportHtml } from '../../scripts/synth/index.ts';
import { convertDocxToPdf, printHtmlToPdf } from '../../scripts/synth/pdf.ts';

export interface SamplePdf {
  name: string;
  bytes: Uint8Array;
}

export const huaian = (): SamplePdf => ({ name: 'huaian-2024.pdf', bytes: new Uint8Array(readFileSync(new URL('../../content/reports/huaian-2024.pdf', import.meta.url))) });

/** Reports printed to PDF by Chromium. */
export async function chromiumPdfs(count: number, seed = 20260101, fontFamily?: string): Promise<SamplePdf[]> {
  const cases = fc.sample(fc.tuple(documentTruthArb(), htmlOptionsArb()), { numRuns: count, seed });
  const browser = await launchChromium();
  try {
    const out: SamplePdf[] = [];
    for (const [k, [truth, options]] of cases.entries()) {
      const html = renderReportHtml(truth, { ...options, charset: 'utf-8', fontFamily });
      out.push({ name: `chromium-${fontFamily ? 'truetype-' : ''}${k}.pdf`, bytes: await printHtmlToPdf(browser, html) });
    }
    return out;
  } finally {
    await browser.close();
  }
}

/** Word files exported to PDF by LibreOffice (one run of it). */
export async function libreOfficePdfs(count: number, seed = 20260102): Promise<SamplePdf[]> {
  const cases = fc.sample(fc.tuple(documentTruthArb(), documentOptionsArb()), { numRuns: count, seed });
  const pdfs = convertDocxToPdf(await Promise.all(cases.map(([truth, options]) => renderReportDocx(truth, options))));
  return pdfs.map((bytes, k) => ({ name: `libreoffice-${k}.pdf`, bytes }));
}
