// Each branch of cell placement, row reading and the checks with its exact output. Written for the
// mutants `npm run mutation` left alive (README, Mutation testing): a rule, a message or a bound
// changed must fail here.
import { describe, expect, it } from 'vitest';
import { addsUpToLast, droppedFinding, guardFigures, implausible, placeCells, stackedDigitsJoined } from '../../src/lib/parse/cells.ts';
import { checkApplications, checkDocuments, checkOutcomes, failedChecks } from '../../src/lib/parse/checks.ts';
import type { Line } from '../../src/lib/parse/lines.ts';
import { anchorRows, emptyNotes, readRows, type RowDef } from '../../src/lib/parse/rows.ts';
import { toStream, type CellToken } from '../../src/lib/parse/stream.ts';
import type { Active, Applications, Check } from '../../src/lib/schema.ts';

const n = (value: number, printed = String(value)): CellToken => ({ kind: 'number', value, line: 1, printed });
const E: CellToken = { kind: 'blank', line: 1, empty: true };
const B: CellToken = { kind: 'blank', line: 1 };
const rule = (r: string, width: number) => Array.from({ length: width }, (_, index) => ({ index, rule: r }));

describe('placeCells', () => {
  it('exact readings: all cells, the last of a grid row, without empty edge fields, without empty fields', () => {
    expect(placeCells([n(1), B, n(3)], { width: 3 })).toEqual({ values: [1, null, 3], inferred: [] });
    expect(placeCells([E, E, n(1), n(2)], { width: 2 })).toEqual({ values: [1, 2], inferred: [] });
    // Trimming keeps an empty field inside the row; dropping every empty field would not fit.
    expect(placeCells([E, n(1), E, n(2), E], { width: 3 })).toEqual({ values: [1, null, 2], inferred: [] });
    expect(placeCells([n(1), E, n(2)], { width: 2 })).toEqual({ values: [1, 2], inferred: [] });
  });

  it('a blank mark (/, 无) is a cell, not an empty field', () => {
    const r = 'surplus-cells-dropped: 3 cells printed for 2 columns';
    expect(placeCells([B, n(1), n(2)], { width: 2 })).toEqual({ values: [null, 2], inferred: rule(r, 2), doubt: 'printed figure 1 dropped as surplus', dropped: [1] });
  });

  it('no cells: all blank; too many surplus cells or too few columns: a doubt and no values', () => {
    expect(placeCells([E, E], { width: 3 })).toEqual({ values: [null, null, null], inferred: [] });
    expect(placeCells([1, 2, 3, 4, 5, 6, 7].map((v) => n(v)), { width: 2 })).toEqual({ values: [null, null], inferred: [], doubt: '7 cells for 2 columns' });
    expect(placeCells([n(1), n(2)], { width: 1 })).toEqual({ values: [null], inferred: [], doubt: '2 cells for 1 columns' });
  });

  it('surplus cells: the one keeping that adds up, the figures dropped named', () => {
    const r = 'surplus-cells-dropped: 4 cells printed for 3 columns';
    expect(placeCells([n(1), n(9), n(2), n(3)], { width: 3, lastIsTotal: true })).toEqual({ values: [1, 2, 3], inferred: rule(r, 3), doubt: 'printed figure 9 dropped as surplus', dropped: [9] });
    expect(placeCells([n(1), n(0), n(2), n(3)], { width: 3, lastIsTotal: true })).toEqual({ values: [1, 2, 3], inferred: rule(r, 3) });
    const r5 = 'surplus-cells-dropped: 5 cells printed for 3 columns';
    expect(placeCells([n(1), n(7), n(8), n(2), n(3)], { width: 3, lastIsTotal: true })).toEqual({ values: [1, 2, 3], inferred: rule(r5, 3), doubt: 'printed figures 7, 8 dropped as surplus', dropped: [7, 8] });
  });

  it('surplus cells that read several ways: the cells after the first dropped, and said so', () => {
    const r = 'surplus-cells-dropped: 4 cells printed for 3 columns';
    expect(placeCells([n(1), n(2), n(3), n(4)], { width: 3 })).toEqual({ values: [1, 3, 4], inferred: rule(r, 3), doubt: '2 ways to read 4 cells; printed figure 2 dropped as surplus', dropped: [2] });
    expect(placeCells([n(1), n(0), n(3), n(4)], { width: 3 })).toEqual({ values: [1, 3, 4], inferred: rule(r, 3), doubt: '2 ways to read 4 cells' });
    // None adds up: still read, the doubt says how many ways there were (none).
    expect(placeCells([n(1), n(2), n(3), n(9)], { width: 3, lastIsTotal: true })).toEqual({ values: [1, 3, 9], inferred: rule(r, 3), doubt: '0 ways to read 4 cells; printed figure 2 dropped as surplus', dropped: [2] });
  });

  it('fewer cells: a count and its total, cells adding up to the last, or left-aligned', () => {
    const doubt = (k: number) => `${k} cells for 7 columns: which columns were left blank is not certain`;
    expect(placeCells([n(9), n(9)], { width: 7, lastIsTotal: true })).toEqual({
      values: [9, null, null, null, null, null, 9],
      inferred: rule('two-cells-as-first-column-and-total', 7),
      doubt: '2 cells for 7 columns: read as the first column (自然人) and the total',
    });
    expect(placeCells([n(2), n(3), n(5)], { width: 7, lastIsTotal: true })).toEqual({ values: [2, 3, null, null, null, null, 5], inferred: rule('cells-left-aligned-last-as-total', 7), doubt: doubt(3) });
    expect(placeCells([n(2), n(3)], { width: 7, lastIsTotal: true })).toEqual({ values: [2, 3, null, null, null, null, null], inferred: rule('cells-left-aligned', 7), doubt: doubt(2) });
    expect(placeCells([n(9), n(9)], { width: 7 })).toEqual({ values: [9, 9, null, null, null, null, null], inferred: rule('cells-left-aligned', 7), doubt: doubt(2) });
    expect(placeCells([n(5)], { width: 7, lastIsTotal: true })).toEqual({ values: [5, null, null, null, null, null, null], inferred: rule('cells-left-aligned', 7), doubt: doubt(1) });
  });

  it('four surplus cells are still placed; five are too many', () => {
    const r = 'surplus-cells-dropped: 7 cells printed for 3 columns';
    expect(placeCells([1, 0, 0, 0, 0, 2, 3].map((v) => n(v)), { width: 3, lastIsTotal: true })).toEqual({ values: [1, 2, 3], inferred: rule(r, 3) });
    expect(placeCells([1, 0, 0, 0, 0, 0, 2, 3].map((v) => n(v)), { width: 3, lastIsTotal: true })).toEqual({ values: [null, null, null], inferred: [], doubt: '8 cells for 3 columns' });
  });

  it('the two-cells rule takes exactly two cells; the adding-up rule at least two; a sum 1e-9 off does not add up', () => {
    const doubt = (k: number) => `${k} cells for 7 columns: which columns were left blank is not certain`;
    // Three cells whose first two are equal: not a count and its total.
    expect(placeCells([n(5), n(5), n(1)], { width: 7, lastIsTotal: true })).toEqual({ values: [5, 5, 1, null, null, null, null], inferred: rule('cells-left-aligned', 7), doubt: doubt(3) });
    // One cell 0 (nothing before it adds up to 0): the first column, not the total.
    expect(placeCells([n(0)], { width: 7, lastIsTotal: true })).toEqual({ values: [0, null, null, null, null, null, null], inferred: rule('cells-left-aligned', 7), doubt: doubt(1) });
    expect(placeCells([n(1e-9), n(0), n(0)], { width: 7, lastIsTotal: true })).toEqual({ values: [1e-9, 0, 0, null, null, null, null], inferred: rule('cells-left-aligned', 7), doubt: doubt(3) });
    expect(placeCells([n(5e-10), n(0), n(0)], { width: 7, lastIsTotal: true }).inferred[0]!.rule).toBe('cells-left-aligned-last-as-total');
  });

  it('the finding on dropped figures', () => {
    expect(droppedFinding('a.b', { values: [], inferred: [] }, 3)).toEqual([]);
    expect(droppedFinding('a.b', { values: [], inferred: [], dropped: [1, 2] }, 3)).toEqual([
      { severity: 'warning', code: 'cells-dropped', message: "a.b: the row prints more cells than it has columns; printed 1, 2 not read (the row's figures may be misplaced)", path: 'a.b', line: 3 },
    ]);
  });
});

describe('stackedDigitsJoined: figures wrapped a digit a line in a narrow column', () => {
  // Each digit alone on its line: `lines` gives each token's line; tokens of one line share it.
  const stack = (...lines: number[][]) => lines.flatMap((figures, i) => figures.map((v): CellToken => ({ kind: 'number', value: v, line: i + 1, printed: String(v) })));

  it('joins the digits of 308 and 361 (Chromium, copied from a PDF viewer): the one way the row adds up', () => {
    const tokens = stack([3], [0], [8], [53, 0, 0, 0, 0], [3], [6], [1]);
    expect(stackedDigitsJoined(tokens, 7, addsUpToLast)).toEqual([308, 53, 0, 0, 0, 0, 361]);
    expect(placeCells(tokens, { width: 7, lastIsTotal: true })).toEqual({ values: [308, 53, 0, 0, 0, 0, 361], inferred: rule('stacked-digits-joined', 7) });
  });

  it('joins a digit that ends its line to the one that starts the next (Firefox\'s copy: 2 / 4 - - - - 2 2 / 6)', () => {
    const B = (line: number): CellToken => ({ kind: 'blank', line, mark: '-' });
    const [two, four, two2, two3, six] = stack([2], [4], [2], [2], [6]);
    const tokens = [two!, { ...four!, line: 2 }, B(2), B(2), B(2), B(2), { ...two2!, line: 2 }, { ...two3!, line: 2 }, { ...six!, line: 3 }];
    expect(stackedDigitsJoined(tokens, 7, addsUpToLast)).toEqual([24, null, null, null, null, 2, 26]);
  });

  it('never joins digits printed on one line, across pdftotext\'s blocks, into a figure starting with 0, nor where two ways add up', () => {
    const line = (...vs: number[]) => vs.map((v): CellToken => ({ kind: 'number', value: v, line: 1, printed: String(v) }));
    expect(stackedDigitsJoined(line(3, 0, 8, 53, 0, 0, 0, 0, 3, 6, 1), 7, addsUpToLast)).toBeNull();
    // Every cell on a line of its own (pdftotext's reading order): its one-digit lines are cells.
    expect(stackedDigitsJoined(stack([3], [0], [8], [5], [3], [0], [0], [0], [0], [3], [6], [1]), 7, addsUpToLast)).toBeNull();
    // pdftotext's blocks, a blank line between: 1, 0, 1 is 11 with the next column's 0 between, not 10, 1.
    expect(stackedDigitsJoined(stack([5], [], [1], [0], [1], [], [0], [], [0, 0], [], [1], [6]), 7, addsUpToLast)).toBeNull();
    // 0 then 5: 05, 0, 5 would add up, but 05 is no figure.
    expect(stackedDigitsJoined(stack([0], [5], [0, 5]), 3, addsUpToLast)).toBeNull();
    // 1 1 then 2 0: 11, 2, 0 does not add up.
    expect(stackedDigitsJoined(stack([1], [1], [2, 0]), 3, addsUpToLast)).toBeNull();
    // 1 1 1 then 0 12: 11, 1, 0, 12 adds up, and so does 1, 11, 0, 12.
    expect(stackedDigitsJoined(stack([1], [1], [1], [0, 12]), 4, addsUpToLast)).toBeNull();
  });
});

describe('a row on one line with its wrapped figures\' last digits on the lines after it', () => {
  const at = (line: number, ...vs: number[]) => vs.map((v): CellToken => ({ kind: 'number', value: v, line, printed: String(v) }));
  const shape = { width: 7, lastIsTotal: true };

  it('joins the rests to the figures, in column order, where exactly one way adds up (Chromium: 1611 as 161 then 1)', () => {
    // 一、本年新收政府 | 161 32 0 0 0 1 166 | 信息公开申请数量 | 1 | 7 0: the label's second line between.
    const tokens = [...at(1, 161, 32, 0, 0, 0, 1, 166), ...at(3, 1), ...at(4, 7, 0)];
    expect(placeCells(tokens, shape)).toEqual({ values: [1611, 32, 0, 0, 0, 17, 1660], inferred: rule('row-rests-joined', 7) });
  });

  it('leaves the row to the other rules where the row is not whole on its first line, two joinings add up or a rest is wider than its figure', () => {
    const surplus = (tokens: CellToken[]) => placeCells(tokens, shape).inferred[0]?.rule;
    // The first line holds six figures: no row printed whole on it.
    expect(surplus([...at(1, 161, 32, 0, 0, 0, 1), ...at(2, 166, 1), ...at(3, 7, 0)])).not.toBe('row-rests-joined');
    // 1 1 0 0 0 0 12 then 1: 11 1 … 12 and 1 11 … 12 both add up.
    expect(surplus([...at(1, 1, 1, 0, 0, 0, 0, 12), ...at(2, 1)])).not.toBe('row-rests-joined');
    // 200 14 0 0 0 0 2 then 14: 214 adds up, but a line's rest is never wider than the line.
    expect(surplus([...at(1, 200, 14, 0, 0, 0, 0, 2), ...at(2, 14)])).not.toBe('row-rests-joined');
  });
});

describe('implausible figures', () => {
  it('says why, by measure', () => {
    expect(implausible(Infinity, 'count')).toBe('too large to be a number');
    expect(implausible(1.5, 'count')).toBe('a count with a fraction');
    expect(implausible(1.5, 'amount')).toBeNull();
    expect(implausible(99_999_999, 'count')).toBeNull();
    expect(implausible(1e8, 'count')).toBe("larger than any county's figure (100 million cases or more)");
    expect(implausible(-1e8, 'amount')).toBe("larger than any county's figure (100 million 万元 or more)");
  });

  it('blanks each cell with an error quoting its own printed text, shortened past 60 characters', () => {
    const long = '9'.repeat(61);
    const sixty = '8'.repeat(60);
    const tokens = [n(1e30, 'A'), B, n(1e30, 'B'), n(Number(long), long), n(Number(sixty), sixty)];
    const guarded = guardFigures('p', [1e30, 1e30, 5, Number(long), Number(sixty)], tokens, () => 'count', 7);
    expect(guarded.values).toEqual([null, null, 5, null, null]);
    expect(guarded.findings.map((f) => f.message)).toEqual([
      "p[0]: printed A, larger than any county's figure (100 million cases or more); left blank",
      "p[1]: printed B, larger than any county's figure (100 million cases or more); left blank",
      `p[3]: printed ${'9'.repeat(40)}… (61 characters), larger than any county's figure (100 million cases or more); left blank`,
      `p[4]: printed ${sixty}, larger than any county's figure (100 million cases or more); left blank`,
    ]);
    expect(guarded.findings.map((f) => [f.severity, f.code, f.path, f.line, f.unread])).toEqual([0, 1, 3, 4].map((i) => ['error', 'figure-implausible', `p[${i}]`, 7, true]));
    // One cell: the path alone; a figure no token printed: its value.
    expect(guardFigures('q', [2.5], [], () => 'count', undefined).findings.map((f) => [f.message, f.path])).toEqual([["q: printed 2.5, a count with a fraction; left blank", 'q']]);
  });
});

const apps = (rows: Partial<Applications>): Applications => rows as Applications;
const row7 = (...v: (number | null)[]) => v;

describe('checks', () => {
  it('no （七）总计 row: no column checks; no row of the balance: no balance checks', () => {
    const checks = checkApplications(apps({ granted: row7(1, 0, 0, 0, 0, 0, 1), received: null, carriedOver: null, total: null, carriedForward: null, denied: {}, unavailable: {}, notProcessed: {}, otherHandling: {}, partlyGranted: null } as never));
    expect(checks.map((c) => [c.identity, c.where, c.ok])).toEqual([['rowTotal', 'applications.granted', true]]);
  });

  it('the balance alone where only 结转下年度 is printed', () => {
    const checks = checkApplications(apps({ received: null, carriedOver: null, total: null, granted: null, partlyGranted: null, carriedForward: row7(1, 0, 0, 0, 0, 0, 1), denied: {}, unavailable: {}, notProcessed: {}, otherHandling: {} } as never));
    expect(checks.filter((c) => c.identity === 'balance').map((c) => [c.printed, c.computed, c.ok])).toEqual([[1, 0, false], [0, 0, true], [0, 0, true], [0, 0, true], [0, 0, true], [0, 0, true], [1, 0, false]]);
  });

  it('the balance where only 上年结转 is printed', () => {
    const checks = checkApplications(apps({ received: null, carriedOver: row7(2, 0, 0, 0, 0, 0, 2), total: null, granted: null, partlyGranted: null, carriedForward: null, denied: {}, unavailable: {}, notProcessed: {}, otherHandling: {} } as never));
    expect(checks.filter((c) => c.identity === 'balance').map((c) => [c.printed, c.computed, c.ok])).toEqual([[0, 2, false], [0, 0, true], [0, 0, true], [0, 0, true], [0, 0, true], [0, 0, true], [0, 2, false]]);
  });

  it('documents in force: a row wholly blank is not checked, one partly blank is; in force exactly 制发 − 废止 holds', () => {
    const active = (regulations: unknown, normativeDocuments: unknown) => ({ regulations, normativeDocuments }) as unknown as Active;
    expect(checkDocuments(null)).toEqual([]);
    expect(checkDocuments(active({ issued: null, repealed: null, inForce: null }, null))).toEqual([]);
    expect(checkDocuments(active({ issued: 5, repealed: null, inForce: null }, { issued: 5, repealed: 2, inForce: 3 }))).toEqual([
      { identity: 'documentsInForce', where: 'active.regulations', printed: null, computed: 5, ok: false },
      { identity: 'documentsInForce', where: 'active.normativeDocuments', printed: 3, computed: 3, ok: true },
    ]);
    expect(checkDocuments(active({ issued: 4, published: 4, publicTotal: 3 }, { issued: 1, published: 2, publicTotal: 2 })).map((c) => [c.where, c.printed, c.computed, c.ok])).toEqual([
      ['active.regulations', 3, 4, false],
      ['active.normativeDocuments', 2, 2, true],
    ]);
  });

  it('a printed figure within 1e-6 of the sum holds, one 1e-6 away does not', () => {
    const [near] = checkOutcomes({ review: [0.0000005, 0, 0, 0, 0] });
    expect(near!.ok).toBe(true);
    const [off] = checkOutcomes({ review: [0, 0, 0, 0, 0.000001] });
    expect(off!.ok).toBe(false);
  });

  it('a group left out is not checked; the others are, in order', () => {
    expect(checkOutcomes({ review: null, litigationDirect: [1, 0, 0, 0, 1], litigationAfterReview: [0, 0, 0, 0, 1] }).map((c) => [c.where, c.ok])).toEqual([
      ['litigationDirect', true],
      ['litigationAfterReview', false],
    ]);
  });

  it('the findings of failed checks, in English with their line and quote', () => {
    const prose: Check = { identity: 'proseRestates', where: 'active.licensing', printed: null, computed: 5, ok: false, line: 4, quote: '许可5件' };
    const noLine: Check = { identity: 'proseRestates', where: 'active.fees', printed: 3, computed: 5, ok: false };
    const sum: Check = { identity: 'rowTotal', where: 'applications.granted', printed: null, computed: 2, ok: false };
    const docs: Check = { identity: 'documentsInForce', where: 'active.regulations', printed: 1, computed: 2, ok: false };
    expect(failedChecks([prose, noLine, sum, docs, { ...sum, ok: true }])).toEqual([
      { severity: 'warning', code: 'prose-differs', message: "active.licensing: the table prints blank, the report's prose says 5 (line 4「许可5件」)", path: 'active.licensing', line: 4 },
      { severity: 'warning', code: 'prose-differs', message: "active.fees: the table prints 3, the report's prose says 5 (「」)", path: 'active.fees' },
      { severity: 'warning', code: 'identity-failed', message: 'applications.granted: 总计 = sum of the six applicant columns does not hold (printed blank, computed 2)', path: 'applications.granted' },
      { severity: 'warning', code: 'documents-in-force', message: 'active.regulations: 现行有效 >= 制发 − 废止 (2019 format: 对外公开总数量 >= 本年新公开数量) does not hold (printed 1, computed 2)', path: 'active.regulations' },
    ]);
  });
});

const lines = (...texts: string[]): Line[] => texts.map((text, i) => ({ no: i + 1, raw: text, text }) as Line);

describe('readRows', () => {
  const defs: RowDef[] = [
    { path: 't.a', label: /甲行/ },
    { path: 't.g', label: /乙组/, group: true },
    { path: 't.b', label: /丙行/ },
    { path: 't.c', label: /丁行/ },
    { path: 't.d', label: /戊行/ },
  ];

  it('reads each row by its label; a heading row with figures beside it says so; a row not found is missing', () => {
    const notes = emptyNotes();
    const rows = readRows(toStream(lines('甲行 1 2 3', '乙组 7', '丙行 1 1 2', '戊行 0 0 0')), defs, { width: 3, lastIsTotal: true }, notes);
    expect([...rows]).toEqual([['t.a', [1, 2, 3]], ['t.b', [1, 1, 2]], ['t.c', null], ['t.d', [0, 0, 0]]]);
    expect(notes.lines).toEqual({ 't.a': 1, 't.b': 3, 't.d': 4 });
    expect(notes.findings).toEqual([
      { severity: 'warning', code: 'cells-ignored', message: 't.g: 1 cells beside a heading row were not read', path: 't.g', line: 2 },
      { severity: 'warning', code: 'row-missing', message: 't.c: row not found in the report', path: 't.c', unread: true },
    ]);
  });

  it('a heading wrapped around its first row\'s line of figures, that row holding only their rests: the figures are that row\'s', () => {
    // Chromium: 乙 | 11 2 11 | 组 | 丙行 | 1 | 3: 111 + 2 = 113.
    const text = lines('甲行 1 2 3', '乙', '11 2 11', '组', '丙行', '1', '3', '丁行 0 0 0', '戊行 1 1 2');
    const notes = emptyNotes();
    expect(readRows(toStream(text), defs, { width: 3, lastIsTotal: true }, notes).get('t.b')).toEqual([111, 2, 113]);
    expect(notes.findings).toContainEqual({ severity: 'info', code: 'cells-inferred', message: 't.b: cells placed by rule row-rests-joined', path: 't.b', line: 5 });
    // Where the row's rests do not join so that it adds up, the heading's figures stay the heading's.
    const apart = emptyNotes();
    expect(readRows(toStream(lines('甲行 1 2 3', '乙', '11 2 11', '组', '丙行', '5', '3', '丁行 0 0 0', '戊行 1 1 2')), defs, { width: 3, lastIsTotal: true }, apart).get('t.b')).not.toEqual([111, 2, 113]);
    expect(apart.findings).toContainEqual({ severity: 'warning', code: 'cells-ignored', message: 't.g: 3 cells beside a heading row were not read', path: 't.g', line: 2 });
  });

  it('a label printed out of the table\'s order (Chromium prints a row that printed nothing after the rows that did) bounds the row before it and is read where it stands', () => {
    const rowDefs = defs.filter((d) => !d.group);
    // 丙行 printed nothing; its label follows 戊行's figures.
    const last = emptyNotes();
    const atEnd = readRows(toStream(lines('甲行 1 2 3', '丁行 4 5 9', '戊行 0 1 1', '丙行')), rowDefs, { width: 3, lastIsTotal: true }, last);
    expect([...atEnd]).toEqual([['t.a', [1, 2, 3]], ['t.b', [null, null, null]], ['t.c', [4, 5, 9]], ['t.d', [0, 1, 1]]]);
    expect(last.findings).toEqual([]);
    // 甲行 printed nothing; its label stands between two later rows: 丁行's figures are not 甲行's.
    const between = readRows(toStream(lines('丙行 1 2 3', '丁行 4 5 9', '甲行', '戊行 0 1 1')), rowDefs, { width: 3, lastIsTotal: true }, emptyNotes());
    expect([...between]).toEqual([['t.a', [null, null, null]], ['t.b', [1, 2, 3]], ['t.c', [4, 5, 9]], ['t.d', [0, 1, 1]]]);
  });

  it('a heading row with a blank mark beside it says nothing; an optional row not found is left out', () => {
    const notes = emptyNotes();
    const rows = readRows(toStream(lines('甲行 1 2 3', '乙组 无', '丙行 1 1 2', '丁行 0 0 0')), [...defs.slice(0, 4), { path: 't.d', label: /戊行/, optional: true }], { width: 3 }, notes);
    expect([...rows.keys()]).toEqual(['t.a', 't.b', 't.c']);
    expect(notes.findings).toEqual([]);
  });

  it('figures no rule can place: the row is unread, not blank; placed by a rule: inferred, with the rule', () => {
    const notes = emptyNotes();
    readRows(toStream(lines('甲行 1 2 3 4 5 6 7 8', '丙行 4 4', '丁行 1 2 3', '戊行 1 2 3')), defs, { width: 3, lastIsTotal: true }, notes);
    expect(notes.findings).toEqual([
      { severity: 'warning', code: 'cells-unplaced', message: 't.a: 8 cells for 3 columns', path: 't.a', line: 1, unread: true },
      { severity: 'warning', code: 'cells-inferred', message: 't.b: 2 cells for 3 columns: read as the first column (自然人) and the total', path: 't.b', line: 2 },
    ]);
    expect(notes.inferred).toEqual(rule('two-cells-as-first-column-and-total', 3).map(({ index, rule: r }) => ({ path: `t.b[${index}]`, rule: r, line: 2 })));
  });

  it('all labels first and every cell after them: row by row, or column by column where that adds up', () => {
    const text = lines('甲行', '丙行', '丁行', '戊行', '1 2 3 4 5 9 0 0 0 1 1 2');
    const byRow = emptyNotes();
    expect([...readRows(toStream(text), defs, { width: 3 }, byRow)].map(([, v]) => v)).toEqual([[1, 2, 3], [4, 5, 9], [0, 0, 0], [1, 1, 2]]);
    expect(byRow.findings).toEqual([{ severity: 'warning', code: 'cells-inferred', message: 't: the cells were printed after all the labels; their order is not certain', path: 't' }]);
    expect(byRow.inferred.length).toBe(12);
    expect(byRow.inferred[0]).toEqual({ path: 't.a[0]', rule: 'cells-after-labels-row-major: all 12 cells printed after the labels', line: 1 });
    // Column by column: 1 4 0 1 | 2 5 0 1 | 3 9 0 2 read across are rows that each add up.
    const byColumn = emptyNotes();
    const columnMajor = lines('甲行', '丙行', '丁行', '戊行', '1 4 0 1 2 5 0 1 3 9 0 2');
    expect([...readRows(toStream(columnMajor), defs, { width: 3, lastIsTotal: true }, byColumn)].map(([, v]) => v)).toEqual([[1, 2, 3], [4, 5, 9], [0, 0, 0], [1, 1, 2]]);
    expect(byColumn.findings).toEqual([{ severity: 'info', code: 'cells-inferred', message: 't: cells-after-labels-column-major: all 12 cells printed after the labels', path: 't' }]);
    // Three labels are too few to tell a block of cells from a last row's own: the rows before it read blank.
    const few = emptyNotes();
    expect([...readRows(toStream(lines('甲行', '丙行', '丁行 1 2 3')), defs.slice(0, 4), { width: 3 }, few)].map(([, v]) => v)).toEqual([[null, null, null], [null, null, null], [1, 2, 3]]);
    expect(few.findings).toEqual([]);
  });
});

describe('readRows: cells printed after all the labels', () => {
  const read = (texts: string[], defs: RowDef[], shape: { width: number; lastIsTotal?: boolean }) => {
    const notes = emptyNotes();
    const rows = readRows(toStream(lines(...texts)), defs, shape, notes);
    return { values: [...rows].map(([, v]) => v), notes };
  };
  const four: RowDef[] = [
    { path: 'tab.a', label: /甲行/ },
    { path: 'tab.g', label: /乙组/, group: true },
    { path: 'tab.b', label: /丙行/ },
    { path: 'tab.h', label: /标题/, landmark: true, optional: true },
    { path: 'tab.c', label: /丁行/ },
    { path: 'tab.d', label: /戊行/ },
  ];
  const ruleOf = (order: 'row' | 'column', k: number) => `cells-after-labels-${order}-major: all ${k} cells printed after the labels`;

  it('a heading and a landmark among the labels are no rows: four rows of cells; the table-level note names the table', () => {
    const { values, notes } = read(['甲行', '乙组', '丙行', '标题', '丁行', '戊行', '1 2 3 4 5 9 0 0 0 1 1 2'], four, { width: 3, lastIsTotal: true });
    expect(values).toEqual([[1, 2, 3], [4, 5, 9], [0, 0, 0], [1, 1, 2]]);
    expect(notes.lines).toEqual({ 'tab.a': 1, 'tab.b': 3, 'tab.c': 5, 'tab.d': 6 });
    expect(notes.findings).toEqual([{ severity: 'info', code: 'cells-inferred', message: `tab: ${ruleOf('row', 12)}`, path: 'tab' }]);
    expect(notes.inferred.map((i) => i.path)).toEqual(['a', 'b', 'c', 'd'].flatMap((r) => [0, 1, 2].map((c) => `tab.${r}[${c}]`)));
  });

  it('a landmark counted as a row where the cells are that many; empty fields are no cells, blank marks are', () => {
    const { values, notes } = read(['甲行', '丙行', '标题', '丁行', '戊行', '1\t2\t\t3\t4\t5\t9\t0\t0\t0\t1\t1\t2\t无\t无\t无'], four, { width: 3, lastIsTotal: true });
    // Five rows of three: the landmark is read as a row in its place (the caller decides what it is).
    expect(values).toEqual([[1, 2, 3], [4, 5, 9], [0, 0, 0], [1, 1, 2], [null, null, null]]);
    expect(notes.inferred.filter((i) => i.path.startsWith('tab.h')).map((i) => i.path)).toEqual(['tab.h[0]', 'tab.h[1]', 'tab.h[2]']);
    expect(notes.findings).toEqual([{ severity: 'info', code: 'cells-inferred', message: `tab: ${ruleOf('row', 15)}`, path: 'tab' }]);
  });

  it('a label before the last with cells of its own: no block; each row its own cells', () => {
    const { values, notes } = read(['甲行', '丙行 7 7 7', '丁行', '戊行 1 2 3 4 5 9 0 0 0 1 1 2'], four, { width: 3 });
    expect(values).toEqual([[null, null, null], [7, 7, 7], [null, null, null], [null, null, null]]);
    expect(notes.findings).toEqual([{ severity: 'warning', code: 'cells-unplaced', message: 'tab.d: 12 cells for 3 columns', path: 'tab.d', line: 4, unread: true }]);
  });

  it('three labels with a block of nine cells: too few labels to tell, the last row holds them', () => {
    const { values, notes } = read(['甲行', '丙行', '丁行 1 2 3 4 5 9 0 0 0'], four.slice(0, 5), { width: 3 });
    expect(values).toEqual([[null, null, null], [null, null, null], [null, null, null]]);
    expect(notes.findings.map((f) => [f.code, f.path])).toEqual([['cells-unplaced', 'tab.c']]);
  });

  it('without a total column the order is by row, with a doubt, even where columns would add up', () => {
    const { values, notes } = read(['甲行', '丙行', '丁行', '戊行', '1 4 0 1 2 5 0 1 3 9 0 2'], four, { width: 3 });
    expect(values).toEqual([[1, 4, 0], [1, 2, 5], [0, 1, 3], [9, 0, 2]]);
    expect(notes.findings).toEqual([{ severity: 'warning', code: 'cells-inferred', message: 'tab: the cells were printed after all the labels; their order is not certain', path: 'tab' }]);
  });

  it('both orders adding up in as many rows: by row, with a doubt; both the same: no doubt', () => {
    const tie = read(['甲行', '丙行', '丁行', '戊行', '1 2 4 1 2 4 1 2 4 1 2 4'], four, { width: 3, lastIsTotal: true });
    expect(tie.values).toEqual([[1, 2, 4], [1, 2, 4], [1, 2, 4], [1, 2, 4]]);
    expect(tie.notes.findings.map((f) => [f.severity, f.message])).toEqual([['warning', 'tab: the cells were printed after all the labels; their order is not certain']]);
    expect(tie.notes.inferred[0]!.rule).toBe(ruleOf('row', 12));
    const same = read(['甲行', '丙行', '丁行', '戊行', '0 0 0 0 0 0 0 0 0 0 0 0'], four, { width: 3, lastIsTotal: true });
    expect(same.notes.findings).toEqual([{ severity: 'info', code: 'cells-inferred', message: `tab: ${ruleOf('row', 12)}`, path: 'tab' }]);
  });

  it('a figure no count can be in the block: blanked with an error quoting its own printed text', () => {
    const { values, notes } = read(['甲行', '丙行', '丁行', '戊行', '1 2 3 4 5 9 0 0 0 1 1 2.50'], four, { width: 3 });
    expect(values).toEqual([[1, 2, 3], [4, 5, 9], [0, 0, 0], [1, 1, null]]);
    expect(notes.findings[0]).toEqual({ severity: 'error', code: 'figure-implausible', message: 'tab.d[2]: printed 2.50, a count with a fraction; left blank', path: 'tab.d[2]', line: 4, unread: true });
    expect(notes.findings.length).toBe(2);
  });
});

describe('readRows: where it starts, and what it says of rows it cannot place', () => {
  const defs: RowDef[] = [
    { path: 't.a', label: /甲行/ },
    { path: 't.b', label: /丙行/ },
  ];

  it('reads from `from`: a label printed before it is not the row', () => {
    const stream = toStream(lines('甲行 9 9 9', '丙行 8 8 8', '正文', '甲行 1 2 3', '丙行 4 5 6'));
    const from = stream.text.indexOf('正文');
    expect(from).toBeGreaterThan(0);
    const rows = readRows(stream, defs, { width: 3 }, emptyNotes(), { from });
    expect([...rows.values()]).toEqual([[1, 2, 3], [4, 5, 6]]);
  });

  it('a row of blank marks that no rule places says nothing; one figure among them: unread', () => {
    const marks = emptyNotes();
    const rows = readRows(toStream(lines('甲行 无 无 无 无 无 无 无 无', '丙行 1 2 3')), defs, { width: 3 }, marks);
    expect([...rows.values()]).toEqual([[null, null, null], [1, 2, 3]]);
    expect(marks.findings).toEqual([]);
    const one = emptyNotes();
    readRows(toStream(lines('甲行 无 无 无 无 无 无 无 5', '丙行 1 2 3')), defs, { width: 3 }, one);
    expect(one.findings).toEqual([{ severity: 'warning', code: 'cells-unplaced', message: 't.a: 8 cells for 3 columns', path: 't.a', line: 1, unread: true }]);
  });
});

describe('readRows: cells that may be those of a row not found', () => {
  const defs: RowDef[] = [
    { path: 't.a', label: /甲行/ },
    { path: 't.g', label: /乙组/, group: true },
    { path: 't.b', label: /丙行/ },
    { path: 't.h', label: /标题/, landmark: true, optional: true },
    { path: 't.c', label: /丁行/, optional: true },
    { path: 't.d', label: /戊行/ },
  ];
  const warnings = (...texts: string[]) => {
    const notes = emptyNotes();
    readRows(toStream(lines(...texts)), defs, { width: 3 }, notes);
    return notes.findings.filter((f) => f.code === 'cells-of-missing-row').map((f) => [f.path, f.message, f.line, f.severity]);
  };
  const message = (row: string, missing: string) => `${row}: the label of ${missing} was not found in its place; the cells read here may be that row's`;

  it('the next row not found (a group between them skipped) and this row\'s cells on a line of their own: a warning on this row', () => {
    expect(warnings('甲行', '丙\u3033行 1 2 3', '丁行 4 5 6', '戊行 7 8 9')).toEqual([['t.a', message('t.a', 't.b'), 1, 'warning']]);
    // The cells on the label's own line: they are this row's.
    expect(warnings('甲行 0 0 0', '丙\u3033行', '丁行 4 5 6', '戊行 7 8 9')).toEqual([]);
    // The heading found between them takes the cells (and says so itself).
    expect(warnings('甲行', '乙组', '丙\u3033行 1 2 3', '丁行 4 5 6', '戊行 7 8 9')).toEqual([]);
    // Every label found: none.
    expect(warnings('甲行', '1 2 3', '丙行 1 2 3', '丁行 4 5 6', '戊行 7 8 9')).toEqual([]);
  });

  it('a row whose label stands out of the table\'s order is read where it stands: no other row\'s cells are its', () => {
    const rowsOf = (...texts: string[]) => [...readRows(toStream(lines(...texts)), defs, { width: 3 }, emptyNotes())];
    // 丁行 printed before 丙行: each label's figures are its own.
    expect(warnings('甲行', '丁行 4 5 6', '丙行 1 2 3', '戊行 7 8 9')).toEqual([]);
    expect(rowsOf('甲行', '丁行 4 5 6', '丙行 1 2 3', '戊行 7 8 9')).toEqual([['t.a', [null, null, null]], ['t.b', [1, 2, 3]], ['t.c', [4, 5, 6]], ['t.d', [7, 8, 9]]]);
    // 丁行 nowhere (an optional row left out): none.
    expect(warnings('甲行', '1 2 3', '丙行 1 2 3', '戊行 7 8 9')).toEqual([]);
    // 丁行 printed last, nothing after it: printed blank; 戊行 keeps its figures.
    expect(warnings('甲行', '4 5 6', '丙行 1 2 3', '戊行 7 8 9', '丁行')).toEqual([]);
    expect(rowsOf('甲行', '4 5 6', '丙行 1 2 3', '戊行 7 8 9', '丁行')).toEqual([['t.a', [4, 5, 6]], ['t.b', [1, 2, 3]], ['t.c', [null, null, null]], ['t.d', [7, 8, 9]]]);
    // 丁行 printed first: not this row's.
    expect(warnings('丁行', '甲行', '4 5 6', '丙行 1 2 3', '戊行 7 8 9')).toEqual([]);
  });

  it('optional rows that a format leaves out (a group printed as one row) are no missing rows; one of them printed, the others are', () => {
    const subRows: RowDef[] = [
      { path: 't.a', label: /甲行/ },
      { path: 't.o.total', label: /合计行/, optional: true, landmark: true },
      { path: 't.o.x', label: /子一行/, optional: true },
      { path: 't.o.y', label: /子二行/, optional: true },
      { path: 't.b', label: /戊行/ },
    ];
    const missingRows = (...texts: string[]) => {
      const notes = emptyNotes();
      readRows(toStream(lines(...texts)), subRows, { width: 3 }, notes);
      return notes.findings.filter((f) => f.code === 'cells-of-missing-row').map((f) => f.path);
    };
    // The group as one row (合计行), its figures on a line of their own: none of its rows printed.
    expect(missingRows('甲行 1 2 3', '合计行', '4 5 9', '戊行 7 8 9')).toEqual([]);
    // One of its rows printed, blank, the next one's label not found: its figures may be that row's.
    expect(missingRows('甲行 1 2 3', '合计行', '子一行', '4 5 9', '戊行 7 8 9')).toEqual(['t.o.x']);
  });

  it('a landmark or heading not found in its place is no missing row', () => {
    expect(warnings('甲行 1 2 3', '丙行', '4 5 6', '丁行 1 1 1', '戊行 7 8 9 标题')).toEqual([]);
    // Out of place before this row (after the row after it), its label within this row's reach.
    const notes = emptyNotes();
    const landmarkFirst: RowDef[] = [defs[0]!, { path: 't.g', label: /乙组/, group: true }, { path: 't.h', label: /标题/, landmark: true, optional: true }, defs[2]!, defs[5]!];
    readRows(toStream(lines('甲行 1 2 3', '丙行', '4 5 6', '乙组 标题', '戊行 7 8 9')), landmarkFirst, { width: 3 }, notes);
    expect(notes.findings).toEqual([]);
  });

  it('a label not found that starts where the next row starts is that row\'s, not within reach', () => {
    const notes = emptyNotes();
    readRows(toStream(lines('甲行', '1 2 3', '丙行 4 5 6')), [defs[0]!, defs[2]!, { path: 't.x', label: /丙/, optional: true }], { width: 3 }, notes);
    expect(notes.findings).toEqual([]);
  });
});

describe('anchorRows', () => {
  const defs: RowDef[] = [
    { path: 'x.a', label: /甲行/ },
    { path: 'x.h', label: /标题/, landmark: true },
    { path: 'x.b', label: /乙行/ },
  ];
  it('a landmark counts only between the rows before and after it', () => {
    const between = anchorRows(toStream(lines('甲行 1', '标题', '乙行 2')), defs);
    expect(between.map((a) => a && a.def.path)).toEqual(['x.a', 'x.h', 'x.b']);
    const after = anchorRows(toStream(lines('甲行 1', '乙行 2', '标题')), defs);
    expect(after.map((a) => a && a.def.path)).toEqual(['x.a', null, 'x.b']);
    const before = anchorRows(toStream(lines('标题', '甲行 1', '乙行 2')), defs);
    expect(before.map((a) => a && a.def.path)).toEqual(['x.a', null, 'x.b']);
    // After the row after it, with the row between not found: the row found after it decides.
    const threeDefs = [...defs, { path: 'x.c', label: /丁行/ }];
    expect(anchorRows(toStream(lines('甲行 1', '丁行 3', '标题')), threeDefs).map((a) => a && a.def.path)).toEqual(['x.a', null, null, 'x.c']);
    // Alone, with no row found around it, it counts.
    expect(anchorRows(toStream(lines('标题')), defs).map((a) => a && a.def.path)).toEqual([null, 'x.h', null]);
  });
});
