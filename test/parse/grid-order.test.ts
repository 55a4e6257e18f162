// A table's figures in reading order placed by a search over the orders that keep each column top to
// bottom and each row left to right (src/lib/parse/grid-order.ts), and table 三 read so where no other
// reading-order rule reads it (applications.ts, readAsGrid). Fixtures: LibreOffice's text with pairs
// and triples of rows printed column by column beside figures wrapped inside their cells, and with a
// group's first row's cells printed around the group's label, middle columns first
// (test/fixtures/reading-order-grid/, seeds 7701 and 8801), rows left blank printing nothing (seed
// 8701), and a few cells printed among section 四's figures (seed 7301).
import { describe, expect, it } from 'vitest';
import { readInGridOrder, type GridProblem } from '../../src/lib/parse/grid-order.ts';
import { applicantRows } from '../../src/lib/parse/checks.ts';
import { unreadReason } from '../../src/lib/site/view/checks.ts';
import { loadFixture, tableWarning } from './fixture.ts';

// Rows a, b and their sum t; columns x, y, z and each row's total.
const grid = (figures: (number | null)[], extra: Partial<GridProblem> = {}): GridProblem => ({ figures, rows: 3, width: 4, identities: [[1, 1, -1]], ...extra });
const search = { maxOpen: 3, maxStates: 10_000 };
const table = [
  [2, 7, 1, 10],
  [5, 1, 3, 9],
  [7, 8, 4, 19],
];

describe('readInGridOrder', () => {
  it('reads a grid printed row by row', () => {
    expect(readInGridOrder(grid([2, 7, 1, 10, 5, 1, 3, 9, 7, 8, 4, 19]), search)).toEqual({ kind: 'read', cells: table });
  });

  it('reads two rows printed column by column, and a row\'s first cells before the row above ends', () => {
    expect(readInGridOrder(grid([2, 5, 7, 1, 1, 3, 10, 9, 7, 8, 4, 19]), search)).toEqual({ kind: 'read', cells: table });
    expect(readInGridOrder(grid([2, 7, 5, 1, 1, 3, 10, 9, 7, 8, 4, 19]), search)).toEqual({ kind: 'read', cells: table });
  });

  it('does not read rows column by column where fewer rows may be begun at once', () => {
    expect(readInGridOrder(grid([2, 5, 7, 1, 1, 3, 10, 9, 7, 8, 4, 19]), { ...search, maxOpen: 1 })).toEqual({ kind: 'none' });
  });

  it('joins figures wrapped inside their cells where the figures are as many too many', () => {
    // 12 printed as 1, then 2; 17 as 1, then 7.
    const figures = [1, 2, 7, 1, 20, 5, 1, 3, 9, 1, 7, 8, 4, 29];
    const joined = new Map([[0, 12], [9, 17]]);
    expect(readInGridOrder(grid(figures, { joined }), search)).toEqual({ kind: 'read', cells: [[12, 7, 1, 20], [5, 1, 3, 9], [17, 8, 4, 29]] });
    expect(readInGridOrder(grid(figures), search)).toEqual({ kind: 'none' });
  });

  it('keeps a blank mark blank, as 0 in the sums', () => {
    expect(readInGridOrder(grid([2, null, 1, 3, 5, 1, 3, 9, 7, 1, 4, 12]), search)).toEqual({ kind: 'read', cells: [[2, null, 1, 3], [5, 1, 3, 9], [7, 1, 4, 12]] });
  });

  it('leaves a cell unread where two orders that add up put different figures in it', () => {
    // Three columns: rows and columns weigh alike, so the grid read column by column adds up too.
    const reading = readInGridOrder({ ...grid([1, 1, 2, 0, 1, 1, 1, 2, 3]), width: 3 }, search);
    expect(reading.kind).toBe('read');
    const cells = reading.kind === 'read' ? reading.cells : [];
    expect(cells[0]).toEqual([1, undefined, undefined]);
    expect(cells[2]).toEqual([undefined, undefined, 3]);
  });

  it('takes a free row\'s cells in any order, each column still top to bottom', () => {
    // a printed 7 2 10 1: its second cell, its first, its total, its third.
    const figures = [7, 2, 10, 1, 5, 1, 3, 9, 7, 8, 4, 19];
    expect(readInGridOrder(grid(figures), search)).toEqual({ kind: 'none' });
    expect(readInGridOrder(grid(figures, { free: new Set([0]) }), search)).toEqual({ kind: 'read', cells: table });
    // Row b is not free: its cells still go left to right.
    expect(readInGridOrder(grid([2, 7, 1, 10, 1, 5, 3, 9, 7, 8, 4, 19], { free: new Set([0]) }), search)).toEqual({ kind: 'none' });
  });

  it('reads nothing where no order adds up, or where there are too few figures', () => {
    expect(readInGridOrder(grid([2, 7, 1, 10, 5, 1, 3, 9, 7, 8, 4, 20]), search)).toEqual({ kind: 'none' });
    expect(readInGridOrder(grid([2, 7, 1, 10, 5, 1, 3, 9, 7, 8, 4]), search)).toEqual({ kind: 'none' });
  });

  it('places figures printed apart, one after another, where the page\'s order and the sums put them', () => {
    // Row b's last two cells (3, 9) printed after the table: before b's others, or after c's, no order adds up.
    const figures = [2, 7, 1, 10, 5, 1, 7, 8, 4, 19];
    expect(readInGridOrder(grid(figures), search)).toEqual({ kind: 'none' });
    const blockAt = new Set(figures.map((_, k) => k + 1));
    expect(readInGridOrder(grid(figures, { block: [3, 9], blockAt }), search)).toEqual({ kind: 'read', cells: table });
    // Only where the block may begin: not after b's first two cells, no reading.
    expect(readInGridOrder(grid(figures, { block: [3, 9], blockAt: new Set([4, 10]) }), search)).toEqual({ kind: 'none' });
    // The block's figures stay together and in their order.
    expect(readInGridOrder(grid(figures, { block: [9, 3], blockAt }), search)).toEqual({ kind: 'none' });
  });

  it('skips a row left blank that printed nothing, also between two rows printed column by column', () => {
    // t = 2a + b, b blank: a and t printed column by column (1 2 | 2 4 | 0 0 | 3 6) with b between them.
    const weighted = grid([1, 2, 2, 4, 0, 0, 3, 6], { identities: [[2, 1, -1]] });
    expect(readInGridOrder(weighted, search)).toEqual({ kind: 'none' });
    expect(readInGridOrder({ ...weighted, blankRows: true }, search)).toEqual({ kind: 'read', cells: [[1, 2, 0, 3], [null, null, null, null], [2, 4, 0, 6]] });
  });

  it('leaves a row unread where the sums do not say whether it or another is the blank one', () => {
    // a + b = t with a or b blank: 2 7 1 10 is a's or b's.
    const unsure = [undefined, undefined, undefined, undefined];
    expect(readInGridOrder(grid([2, 7, 1, 10, 2, 7, 1, 10], { blankRows: true }), search)).toEqual({ kind: 'read', cells: [unsure, unsure, [2, 7, 1, 10]] });
  });

  it('places a row\'s figures where its label anchors its first figure, and fails where no order keeps the anchor', () => {
    const figures = [2, 7, 1, 10, 2, 7, 1, 10];
    // Figure 0 starts row b (its label printed just before it): a is the blank one.
    expect(readInGridOrder(grid(figures, { blankRows: true, anchors: new Map([[0, 1]]) }), search)).toEqual({ kind: 'read', cells: [[null, null, null, null], [2, 7, 1, 10], [2, 7, 1, 10]] });
    expect(readInGridOrder(grid(figures, { blankRows: true, anchors: new Map([[0, 0]]) }), search)).toEqual({ kind: 'read', cells: [[2, 7, 1, 10], [null, null, null, null], [2, 7, 1, 10]] });
    // An anchor on a figure that cannot start its row (the second of a row) leaves no order.
    expect(readInGridOrder(grid(figures, { blankRows: true, anchors: new Map([[1, 0]]) }), search)).toEqual({ kind: 'none' });
  });

  it('gives up, knowing nothing, past its states', () => {
    expect(readInGridOrder(grid([2, 5, 7, 1, 1, 3, 10, 9, 7, 8, 4, 19]), { ...search, maxStates: 2 })).toEqual({ kind: 'too-many' });
  });
});

describe('table 三 read as a grid in reading order', () => {
  it.each(['val-7701-0-libreoffice', 'probe-8801-1-libreoffice'])('reads %s whole, with a warning', (name) => {
    const { report, truth } = loadFixture('reading-order-grid', name);
    expect(report.applications).toEqual(truth.applications);
    const warning = tableWarning(report, /keeps each column top to bottom/);
    expect(warning?.severity).toBe('warning');
    expect(warning?.message).toMatch(/\d figures wrapped over two lines/);
  });

  it('reads probe-8801-6-libreoffice whole, its groups\' first rows\' cells in any order, with a warning', () => {
    const { report, truth } = loadFixture('reading-order-grid', 'probe-8801-6-libreoffice');
    expect(report.applications).toEqual(truth.applications);
    const warning = tableWarning(report, /each group's first row's cells in any order/);
    expect(warning?.severity).toBe('warning');
  });

  it('reads probe-8701-2-libreoffice\'s last rows, its rows left blank printing nothing and 6 figures wrapped in their cells, and leaves the rows the sums cannot place unread', () => {
    // 248 3 59 0 0 0 0 254 2 … : received, carriedOver blank (nothing printed), … , needsCreation and
    // confirmation blank; which of received and carriedOver is blank the figures do not say, nor which
    // results rows: their cells unread, never shifted into a neighbour's.
    const { report, truth } = loadFixture('reading-order-grid', 'probe-8701-2-libreoffice');
    expect(tableWarning(report, /figures fewer than cells \(rows left blank printing nothing\)/)?.severity).toBe('warning');
    for (const row of ['total', 'carriedForward'] as const) expect(report.applications?.[row]).toEqual(truth.applications[row]);
    const cells = applicantRows(report.applications!).flatMap(([path, row]) => (row ?? []).map((v, c) => ({ at: `${path}[${c}]`, v })));
    const truthByPath = new Map<string, number | null>(applicantRows(truth.applications).flatMap(([path, row]) => (row ?? []).map((v, c) => [`${path}[${c}]`, v] as const)));
    expect(cells.filter((x) => x.v !== null && x.v !== truthByPath.get(x.at))).toEqual([]);
    expect(cells.filter((x) => x.v === null && truthByPath.get(x.at) !== null).filter((x) => unreadReason(report, x.at) === undefined)).toEqual([]);
  });

  it('reads fresh-7301-0-libreoffice\'s cells every passing order agrees on, 3 of them printed among section 四\'s figures', () => {
    // LibreOffice's text of a table over two pages: 0 1 1, right-hand cells of rows on the first
    // page, after section 四's heading and header words. Before this rule: 24 of 190 cells right.
    const { report, truth } = loadFixture('reading-order-grid', 'fresh-7301-0-libreoffice');
    expect(tableWarning(report, /printed among section 四's figures/)?.severity).toBe('warning');
    const cells = applicantRows(report.applications!).flatMap(([path, row]) => (row ?? []).map((v, c) => ({ at: `${path}[${c}]`, v })));
    const truthByPath = new Map<string, number | null>(applicantRows(truth.applications).flatMap(([path, row]) => (row ?? []).map((v, c) => [`${path}[${c}]`, v] as const)));
    const read = cells.filter((x) => x.v !== null);
    expect(read.length).toBeGreaterThan(100);
    expect(read.filter((x) => x.v !== truthByPath.get(x.at))).toEqual([]);
    expect(cells.filter((x) => x.v === null && truthByPath.get(x.at) !== null).filter((x) => unreadReason(report, x.at) === undefined)).toEqual([]);
    expect(report.review).toEqual(truth.review);
  });

  it('reads fresh-7501-1-libreoffice\'s cells every passing order agrees on, its first row among the column headers, and leaves the others unread, unchecked', () => {
    // 0 1 0 | 0 … | 总计 其他 0 1: the first row's middle columns print with their headers, its last
    // two after the next rows' cells; most figures are 0, so a 1 may stand in several cells.
    const { report, truth } = loadFixture('reading-order-pieces', 'fresh-7501-1-libreoffice');
    expect(tableWarning(report, /the table's first row's in any order, 4 rows begun at once/)?.severity).toBe('warning');
    const cells = applicantRows(report.applications!).flatMap(([path, row]) => (row ?? []).map((v, c) => ({ at: `${path}[${c}]`, v })));
    const truthByPath = new Map<string, number | null>(applicantRows(truth.applications).flatMap(([path, row]) => (row ?? []).map((v, c) => [`${path}[${c}]`, v] as const)));
    const read = cells.filter((x) => x.v !== null);
    const unread = cells.filter((x) => x.v === null);
    // Before this rule: 36 of the report's 199 cells right, table 三 unread.
    expect(read.length).toBeGreaterThan(140);
    expect(read.filter((x) => x.v !== truthByPath.get(x.at))).toEqual([]);
    expect(unread.length).toBeGreaterThan(0);
    expect(unread.filter((x) => unreadReason(report, x.at) === undefined)).toEqual([]);
    // An identity over an unread cell is not said to fail: its figure is not known.
    expect(report.findings.filter((f) => f.code === 'identity-failed' && f.path?.startsWith('applications'))).toEqual([]);
  });
});
