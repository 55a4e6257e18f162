// What table 三's printed figures are against the truth (scripts/fixtures/reading-order-score.ts,
// whyLost, behind `--why`): the tool that sorts the reading-order losses into those an order model can
// win back (every cell printed, or figures spilled past the table or strayed into it) and those the
// text cannot tell (blank cells that print nothing). Fixtures from the tuned set.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { whyLost } from '../../scripts/fixtures/reading-order-score.ts';

const fixture = (name: string) => {
  const at = (ext: string) => readFileSync(new URL(`../fixtures/reading-order/${name}.${ext}`, import.meta.url), 'utf8');
  return whyLost(at('txt'), at('json'));
};

describe('whyLost: table 三\'s printed figures against the truth', () => {
  it('names the truth\'s figures printed outside the table\'s region', () => {
    const count = fixture('gen-7101-0-libreoffice');
    expect(count).toMatchObject({ kind: 'spilled-or-stray', cells: 175, truthFigures: 84, figures: 80, extra: [] });
    expect([...count!.missing].sort((a, b) => a - b)).toEqual([0, 0, 6, 23]);
  });

  it('names the figures in the region the truth lacks (a figure wrapped over two lines)', () => {
    const count = fixture('gen-7001-4-chromium');
    expect(count?.kind).toBe('spilled-or-stray');
    expect(count!.extra.length).toBeGreaterThan(0);
    expect(count!.figures - count!.extra.length).toBe(count!.truthFigures - count!.missing.length);
  });

  it('tells blank cells that print nothing from cells printed in an order', () => {
    expect(fixture('synth-c-chromium')).toMatchObject({ kind: 'blank-cells-print-nothing', cells: 175, truthFigures: 6, figures: 6, marks: 0 });
    expect(fixture('gen-7101-3-libreoffice')).toMatchObject({ kind: 'every-cell-printed', extra: [], missing: [] });
  });
});
