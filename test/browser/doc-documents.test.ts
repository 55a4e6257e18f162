// The .doc test corpus: random reports written as .docx from known values and saved as Word 97-2003
// (.doc) by LibreOffice, read back exactly through the .doc front stage: every figure with its table
// and row, and the very intermediate form the .docx stage gives for the same report (table 三's
// spanning headers, vertical merges, wrapped labels, blank marks, 2019 and 2021 formats).
// LibreOffice is a Debian package that .ci/run installs; without it this test fails and says so.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { documentOptionsArb, documentTruthArb } from '../../scripts/synth/arbitraries.ts';
import { renderReportDocx } from '../../scripts/synth/index.ts';
import { convertDocxToDoc, LIBREOFFICE } from '../../scripts/synth/pdf.ts';
import { sniff } from '../../src/lib/read/sniff.ts';
import { expectDocExact } from '../read/doc-exact.ts';

describe('Word files saved as .doc by LibreOffice', () => {
  it('read back exactly, each figure with its table and row, as their .docx does', async () => {
    if (!LIBREOFFICE) throw new Error('LibreOffice not found: apt-get install libreoffice-writer-nogui (.ci/run does)');
    const cases = fc.sample(fc.tuple(documentTruthArb(), documentOptionsArb()), { numRuns: 16, seed: 20261201 });
    expect(cases).toHaveLength(16);
    const docs = convertDocxToDoc(await Promise.all(cases.map(([truth, options]) => renderReportDocx(truth, options))));
    expect(docs).toHaveLength(16);
    for (const [k, [truth, options]] of cases.entries()) {
      expect(sniff(docs[k]!)).toBe('doc');
      await expectDocExact(truth, options, docs[k]!, `saved-${k}.doc`);
    }
  }, 300_000);
});
