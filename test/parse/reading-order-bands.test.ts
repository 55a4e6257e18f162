// Chromium may print a band of table 三's rows as two strips (the first columns beside the wrapped
// labels, or every column but 总计, row by row; then the other columns of those rows) and, in the
// second strip, take the cells of two neighbouring rows that stand on one line together, so that
// those rows come interleaved (each row's cells left to right, each column top to bottom). Read only
// where exactly one table passes every identity, each cell under the reading-order warning.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseReport } from '../../src/lib/parse/index.ts';
import { decodeBlocks, readBand } from '../../src/lib/parse/blocks.ts';
import { scoreFixture } from '../../scripts/fixtures/reading-order-score.ts';

describe('a band of rows in two strips, two rows of the second interleaved', () => {
  // Three rows and their sum: the first column of the four rows, then the rest of each row, the
  // second and third rows' rests interleaved (0 1 4 2 for 0 4 and 1 2).
  const rows = [
    [2, 1, 3],
    [4, 0, 4],
    [1, 1, 2],
    [7, 2, 9],
  ];
  const cells = [2, 4, 1, 7, 1, 3, 0, 1, 4, 2, 2, 9];
  const identities = [[1, 1, 1, -1]];

  it('reads the band with its rows interleaved', () => {
    expect(readBand(cells, 0, 4, 3, 1, { steps: 1_000 })!.map((p) => p.rows)).toEqual([rows]);
  });

  it('reads three rows of the second strip interleaved column by column', () => {
    // 1 2 0 3 beside the labels; then the first three rows' rests column by column (1 0 3, 2 2 3).
    const three = [1, 2, 0, 3, 1, 0, 3, 2, 2, 3, 4, 7];
    expect(readBand(three, 0, 4, 3, 1, { steps: 1_000 })!.map((p) => p.rows)).toEqual([
      [
        [1, 1, 2],
        [2, 0, 2],
        [0, 3, 3],
        [3, 4, 7],
      ],
    ]);
  });

  it('is read where asked to, not without the option', () => {
    expect(decodeBlocks(cells, 4, 3, () => true, { identities, shuffled: false, bands: true }).table).toEqual(rows);
    expect(decodeBlocks(cells, 4, 3, () => true, { identities, shuffled: false }).table).toBeNull();
  });

  it('is not read where the identities fail', () => {
    const off = [...cells.slice(0, -2), 3, 10];
    expect(decodeBlocks(off, 4, 3, () => true, { identities, shuffled: false, bands: true }).table).toBeNull();
  });

  it('is not read where two tables pass', () => {
    // A band of four rows (0 2 2 | 2 1 3 | 2 0 2 | 1 0 1) or a row and a band of three (0 2 2 |
    // 1 2 3 | 2 0 2 | 1 0 1): with no identity to choose, two tables add up in every row.
    const twoWays = [0, 2, 2, 1, 2, 1, 2, 3, 0, 0, 2, 1];
    expect(decodeBlocks(twoWays, 4, 3, () => true, { shuffled: false, bands: true })).toMatchObject({ table: null, why: 'ambiguous' });
  });
});

describe('Chromium texts printing bands of rows in two strips', () => {
  const dir = new URL('../fixtures/reading-order-bands/', import.meta.url);

  it('reads table 三 whole, every cell inferred under a warning (7901-2: 总计 apart, then the first column apart)', () => {
    const name = 'fresh-7901-2-chromium';
    const text = readFileSync(new URL(`${name}.txt`, dir), 'utf8');
    const result = parseReport(text, { source: `${name}.txt` });
    if (!result.ok) throw new Error(result.error);
    const { report } = result;
    const score = scoreFixture(text, readFileSync(new URL(`${name}.json`, dir), 'utf8'), name);
    expect(report.applications!.received).toEqual([24, 0, 0, 0, 2, 3, 29]);
    expect(report.applications!.total).toEqual([21, 0, 0, 0, 2, 3, 26]);
    expect(report.applications!.carriedForward).toEqual([3, 0, 0, 0, 0, 0, 3]);
    expect(score.wrong.filter((w) => w.path.startsWith('applications'))).toEqual([]);
    expect(score.unread.filter((p) => p.startsWith('applications'))).toEqual([]);
    expect(report.findings).toContainEqual(expect.objectContaining({ severity: 'warning', code: 'cells-inferred', path: 'applications', message: expect.stringContaining('printed as two strips') }));
    expect(report.inferred.filter((i) => i.path.startsWith('applications.carriedForward['))).toHaveLength(7);
  });
});
