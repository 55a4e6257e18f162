// Chromium prints table 三's first column (自然人) beside the wrapped row labels, one figure per row,
// and the other six columns of those rows after the label block; the rest of a group's first row,
// beside the group's tall label, comes out of order (its total before two blank cells), and a blank
// mark 无 may stand beside a label's wrapped line. Read only where exactly one table passes every
// identity, each cell under the reading-order warning.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseReport } from '../../src/lib/parse/index.ts';
import { decodeBlocks } from '../../src/lib/parse/blocks.ts';
import { scoreFixture } from '../../scripts/fixtures/reading-order-score.ts';

describe('a first column printed beside the labels, a row of the rest out of order', () => {
  // Three rows and their sum: the first column of the three rows, then each row's other cells; the
  // third row's last two printed total first (2 1 for 1 2).
  const rows = [
    [2, 1, 3],
    [4, 0, 4],
    [1, 1, 2],
    [7, 2, 9],
  ];
  const cells = [2, 4, 1, 1, 3, 0, 4, 2, 1, 7, 2, 9];
  const identities = [[1, 1, 1, -1]];

  it('is read with the row placed by the identities where asked to', () => {
    const decoded = decodeBlocks(cells, 4, 3, () => true, { identities, shuffled: false, jumbled: 2, firstApart: true });
    expect(decoded.table).toEqual(rows);
    if (!decoded.table) throw new Error('no table');
    expect(decoded.jumbled).toEqual([2]);
  });

  it('is not read without the option, nor where the identities fail', () => {
    expect(decodeBlocks(cells, 4, 3, () => true, { identities, shuffled: false, jumbled: 2 }).table).toBeNull();
    expect(decodeBlocks([...cells.slice(0, -3), 7, 3, 10], 4, 3, () => true, { identities, shuffled: false, jumbled: 2, firstApart: true }).table).toBeNull();
  });

  it('is not read where two tables pass: rows out of order could trade their figures', () => {
    // 1 | 3 2 and 2 | 3 1: 1 2 3 and 2 1 3, or 2 1 3 and 1 2 3; the sum 3 3 6 holds for both.
    const twoWays = [0, 1, 2, 0, 0, 3, 2, 3, 1, 3, 3, 6];
    const decoded = decodeBlocks(twoWays, 4, 3, () => true, { identities, shuffled: false, jumbled: 2, firstApart: true });
    expect(decoded).toMatchObject({ table: null, why: 'ambiguous' });
  });
});

describe('Chromium texts with the first column beside the labels', () => {
  const dir = new URL('../fixtures/reading-order-first-column/', import.meta.url);
  const read = (name: string) => {
    const text = readFileSync(new URL(`${name}.txt`, dir), 'utf8');
    const result = parseReport(text, { source: `${name}.txt` });
    if (!result.ok) throw new Error(result.error);
    return { text, report: result.report, score: scoreFixture(text, readFileSync(new URL(`${name}.json`, dir), 'utf8'), name) };
  };

  it('reads table 三 whole, every cell inferred under a warning (7401-9: 0 for blanks)', () => {
    const { report, score } = read('fresh-7401-9-chromium');
    expect(report.applications!.received).toEqual([2030, 17, 0, 4, 0, 0, 2051]);
    expect(report.applications!.denied.stateSecret).toEqual([13, 0, 0, 0, 0, 0, 13]);
    expect(score.wrong.filter((w) => w.path.startsWith('applications'))).toEqual([]);
    expect(score.unread.filter((p) => p.startsWith('applications'))).toEqual([]);
    expect(report.findings).toContainEqual(expect.objectContaining({ severity: 'warning', code: 'cells-inferred', path: 'applications' }));
    expect(report.inferred.filter((i) => i.path.startsWith('applications.received['))).toHaveLength(7);
  });

  it('reads a 无 beside a wrapped label line (信息公 无) as the first column\'s blank (7301-4)', () => {
    const { text, report, score } = read('fresh-7301-4-chromium');
    expect(text).toContain('\n信息公 无\n');
    expect(report.applications!.received).toEqual([199, null, null, null, null, null, 199]);
    expect(report.applications!.carriedOver).toEqual([null, null, null, null, null, null, null]);
    expect(report.applications!.denied.stateSecret).toEqual([1, null, null, null, null, null, 1]);
    expect(score.wrong.filter((w) => w.path.startsWith('applications'))).toEqual([]);
    expect(score.unread.filter((p) => p.startsWith('applications'))).toEqual([]);
    expect(report.findings).toContainEqual(expect.objectContaining({ severity: 'warning', code: 'cells-inferred', path: 'applications' }));
  });

  it('a 无 that goes on as a label word (无法提供) stays a label character', () => {
    const { text, report } = read('fresh-7301-4-chromium');
    const spaced = text.replace('（四）无法提供', '（四）\n无\n法提供');
    expect(spaced).not.toEqual(text);
    const result = parseReport(spaced, { source: 'x.txt' });
    if (!result.ok) throw new Error(result.error);
    expect(result.report.applications).toEqual(report.applications);
  });
});
