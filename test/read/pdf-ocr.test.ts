// A scan whose text layer was recognised by OCR (as Acrobat or ocrmypdf leave it): page images with the
// recognised text drawn invisible over them. It is read like any PDF, and the report says its figures
// were recognised from a picture: any digit may be misread, and the site marks every figure so.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseBytes } from '../../src/lib/ingest/read.ts';
import { readPdfPagesEither } from '../../src/lib/read/pdf.ts';
import { textPdf } from './text-pdf.ts';

const sample = readFileSync(new URL('../../content/reports/000_abd24a0acb5d3937.txt', import.meta.url), 'utf8').split('\n');
const expected = JSON.parse(readFileSync(new URL('../fixtures/expected/000_abd24a0acb5d3937.json', import.meta.url), 'utf8'));

describe('a scan with a recognised text layer', () => {
  it('is read, and its report says its text was recognised (OCR)', async () => {
    const pdf = textPdf(sample, { mode: 3 });
    expect((await readPdfPagesEither(pdf)).reduce((n, p) => n + (p.invisible ?? 0), 0)).toBeGreaterThan(1000);
    const result = await parseBytes(pdf, 'scan.pdf');
    if (!result.ok) throw new Error(result.error);
    expect(result.report.findings.filter((f) => f.code === 'text-recognised')).toHaveLength(1);
    // Read as its text is: the sample's hand-checked 行政许可.
    expect(result.report.active?.licensing).toBe(expected.active.licensing);
  });

  it('the same text drawn visibly over the same images says nothing of the kind', async () => {
    const result = await parseBytes(textPdf(sample, { mode: 0 }), 'visible.pdf');
    if (!result.ok) throw new Error(result.error);
    expect(result.report.findings.filter((f) => f.code === 'text-recognised')).toEqual([]);
  });
});
