// Rows whose blanks are simply left out of a space-separated (or one-per-line, or -layout) row cannot be
// placed from the text alone. The parser must then say which cells it inferred — never guess silently:
// every figure it reads differently from the truth lies in such a row, and each such row is marked.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { runs } from './runs.ts';
import { build, caseArb } from '../../scripts/synth/arbitraries.ts';
import { compareWithTruth, describeMismatches } from '../../scripts/synth/index.ts';
import { parseReport } from '../../src/lib/parse/index.ts';

describe('partly blank rows written without blank markers', () => {
  it('are marked as inferred (or reported), and only they may differ from the truth', () => {
    const arb = caseArb(
      { cells: fc.constantFrom('space', 'line', 'aligned'), blank: fc.constant(''), partialBlankRows: fc.constant('missing') },
      { blanks: fc.constant('zeroCells') },
    );
    fc.assert(
      fc.property(arb, (c) => {
        const { truth, written } = build(c);
        const result = parseReport(written.text, { source: 'synthetic.txt' });
        if (!result.ok) throw new Error(`parser refused the report: ${result.error}`);
        const { inferred, findings } = result.report;
        const flagged = (path: string) => inferred.some((i) => i.path.startsWith(path)) || findings.some((f) => f.path?.startsWith(path));
        // Each ambiguous row (its cells may span several JSON paths, e.g. section 四's three groups) is flagged.
        for (const row of written.ambiguous) expect(row.some(flagged), `row ${row.join(', ')} not marked as inferred`).toBe(true);
        // Every difference lies in an ambiguous row: nothing else is guessed.
        const inAmbiguousRow = (path: string) => written.ambiguous.some((row) => row.some((p) => path.startsWith(p)));
        const silent = compareWithTruth(truth, result.report).filter((m) => m.path !== 'consistent' && !inAmbiguousRow(m.path));
        if (silent.length > 0) throw new Error(`figures read differently outside the ambiguous rows:\n${describeMismatches(silent)}`);
      }),
      runs(40),
    );
  });
});
