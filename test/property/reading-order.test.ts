// Reading-order text (pdftotext without -layout): random tables written in the synthetic 'reading-order'
// layout, which imitates what the fixtures in test/fixtures/reading-order show, read back exactly.
// Blank cells are written as markers here: where a row's blanks are left out altogether, reading order
// cannot place them (test/parse/reading-order.test.ts checks that such rows are marked).
import fc from 'fast-check';
import { describe, it } from 'vitest';
import { runs } from './runs.ts';
import { build, caseArb, type SynthCase } from '../../scripts/synth/arbitraries.ts';
import { compareWithTruth, describeMismatches } from '../../scripts/synth/index.ts';
import { parseReport } from '../../src/lib/parse/index.ts';

function readsExactly(c: SynthCase): void {
  const { truth, written } = build(c);
  const result = parseReport(written.text, { source: 'synthetic.txt' });
  if (!result.ok) throw new Error(`parser refused the report: ${result.error}`);
  const mismatches = compareWithTruth(truth, result.report);
  if (mismatches.length > 0) throw new Error(`read differently from what was written:\n${describeMismatches(mismatches)}\n--- text ---\n${written.text}`);
}

describe('parser reads synthetic reading-order tables exactly', () => {
  it('cells one per line, wrapped and grouped labels after later rows, section 二 labels before its cells', () => {
    const arb = caseArb(
      { cells: fc.constant('reading-order'), blank: fc.constantFrom('/', '-', '—', '无'), wrapWidth: fc.integer({ min: 6, max: 24 }) },
      { blanks: fc.constantFrom('none', 'zeroCells') },
    );
    fc.assert(fc.property(arb, readsExactly), runs(40));
  });
});
