// Table 三 printed in blocks (src/lib/parse/blocks.ts): runs of neighbouring rows, each printed as
// strips of columns (a strip per column: the block read column by column), decoded only where exactly
// one table adds up in every row and passes the table's identities.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { decodeBlocks } from '../../src/lib/parse/blocks.ts';
import { parseReport } from '../../src/lib/parse/index.ts';
import type { Cell } from '../../src/lib/schema.ts';

const sum = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0);
const withTotal = (r: number[]) => [...r, sum(r)];

/** Prints `rows` in blocks: [rows in the block, first column of each strip]. */
function printBlocks(rows: readonly Cell[][], blocks: [number, number[]][]): Cell[][] {
  const groups: Cell[][] = [];
  let r = 0;
  for (const [k, starts] of blocks) {
    const cuts = [...starts, rows[0]!.length];
    for (let s = 0; s + 1 < cuts.length; s++) for (let i = r; i < r + k; i++) groups.push(rows[i]!.slice(cuts[s], cuts[s + 1]));
    r += k;
  }
  expect(r).toBe(rows.length);
  return groups;
}

describe('decodeBlocks', () => {
  // Three rows of three columns, the last the sum of the others.
  const rows = [
    [4, 1, 5],
    [2, 7, 9],
    [3, 3, 6],
  ];

  it('reads a block printed column by column after a row printed whole', () => {
    const cells = printBlocks(rows, [
      [1, [0]],
      [2, [0, 1, 2]],
    ]).flat();
    expect(cells).toEqual([4, 1, 5, 2, 3, 7, 3, 9, 6]);
    const decoded = decodeBlocks(cells, 3, 3, () => true);
    expect(decoded.table).toEqual(rows);
    expect(decoded.table && decoded.firstCell).toEqual([0, 3, 4]);
  });

  it('reads nothing where two tables add up and the identities take both', () => {
    // Row by row: [0 1 1] [0 1 1]; column by column: [0 1 1] [1 0 1].
    const cells = [0, 1, 1, 0, 1, 1];
    const decoded = decodeBlocks(cells, 2, 3, () => true);
    expect(decoded.table).toBeNull();
    expect(decoded.table === null && decoded.why).toBe('ambiguous');
  });

  it('takes the one table the identities take among several that add up', () => {
    const decoded = decodeBlocks([0, 1, 1, 0, 1, 1], 2, 3, (t) => t[1]![0] === 1);
    expect(decoded.table).toEqual([
      [0, 1, 1],
      [1, 0, 1],
    ]);
    expect(decoded.readings).toBeGreaterThanOrEqual(2);
  });

  it('reads nothing where no reading adds up, or the identities take none, or the cells are not rows × columns', () => {
    expect(decodeBlocks([4, 1, 6, 2, 7, 9, 3, 3, 6], 3, 3, () => true).table).toBeNull();
    expect(decodeBlocks(rows.flat(), 3, 3, () => false).table).toBeNull();
    expect(decodeBlocks(rows.flat().slice(1), 3, 3, () => true).table).toBeNull();
  });

  it('gives up (reads nothing) past the number of readings it may check', () => {
    // Rows of zeros and ones that add up however the blocks are cut: many readings.
    const cells = Array.from({ length: 12 }, (_, i) => (i % 3 === 0 ? [1, 0, 1] : [0, 1, 1])).flat();
    const decoded = decodeBlocks(cells, 12, 3, () => false, { maxReadings: 5 });
    expect(decoded.table).toBeNull();
    expect(decoded.table === null && decoded.why).toBe('too-many');
  });

  it('reads a few rows interleaved otherwise than as strips, only when asked to', () => {
    const table = [
      [1, 2, 3],
      [4, 5, 9],
      [6, 1, 7],
    ];
    // A0 B0 A1 A2 C0 B1 C1 B2 C2: each row left to right, each column top to bottom, no strips.
    const cells = [1, 4, 2, 3, 6, 5, 1, 9, 7];
    expect(decodeBlocks(cells, 3, 3, () => true, { shuffled: false }).table).toBeNull();
    const decoded = decodeBlocks(cells, 3, 3, () => true);
    expect(decoded.table).toEqual(table);
    expect(decoded.table && decoded.firstCell).toEqual([0, 1, 4]);
  });

  it('compares only the readings under which the column identities hold', () => {
    // Row by row: [0 1 1] [0 1 1]; column by column: [0 1 1] [1 0 1]. Identity: row 1 = row 2 in
    // every column, which only the first reading satisfies.
    const decoded = decodeBlocks([0, 1, 1, 0, 1, 1], 2, 3, () => true, { identities: [[1, -1]] });
    expect(decoded.table).toEqual([
      [0, 1, 1],
      [0, 1, 1],
    ]);
  });
});

describe('decodeBlocks: rows printed out of order', () => {
  // T = A + B in every column.
  const identities = [[1, 1, -1]];
  const B = [1, 1, 2];

  it('places a row that does not add up as printed where the identities put it, if those are its printed figures', () => {
    const cells = [3, 5, 2, ...B, 3, 4, 7];
    expect(decodeBlocks(cells, 3, 3, () => true, { identities }).table).toBeNull();
    expect(decodeBlocks(cells, 3, 3, () => true, { identities, jumbled: 1 }).table).toEqual([[2, 3, 5], B, [3, 4, 7]]);
    // 3 3 6 adds up in another order, but T - B = 2 3 5 is not its figures: nothing placed.
    expect(decodeBlocks([3, 6, 3, ...B, 3, 4, 7], 3, 3, () => true, { identities, jumbled: 1 }).table).toBeNull();
  });

  it('places a row that adds up as printed only where the caller names it as suspect', () => {
    const cells = [0, 5, 5, ...B, 6, 1, 7];
    expect(decodeBlocks(cells, 3, 3, () => true, { identities, jumbled: 1 }).table).toBeNull();
    expect(decodeBlocks(cells, 3, 3, () => true, { identities, jumbled: 1, suspect: 0 }).table).toEqual([[5, 0, 5], B, [6, 1, 7]]);
  });
});

describe('table 三 in reading order, printed in blocks of rows', () => {
  const source = readFileSync(new URL('../fixtures/reading-order/synth-a-chromium.txt', import.meta.url), 'utf8');
  const start = source.indexOf('一、本年新收政府信息公开申请数量');
  const end = source.indexOf('四、政府信息公开行政复议');
  const LABELS = [
    '一、本年新收政府信息公开申请数量', '二、上年结转政府信息公开申请数量', '三、本年度办理结果', '（一）予以公开',
    '（二）部分公开（区分处理的，只计这一情形，不计其他情形）', '（三）不予公开', '1.属于国家秘密', '2.其他法律行政法规禁止公开',
    '3.危及“三安全一稳定”', '4.保护第三方合法权益', '5.属于三类内部事务信息', '6.属于四类过程性信息', '7.属于行政执法案卷',
    '8.属于行政查询事项', '（四）无法提供', '1.本机关不掌握相关政府信息', '2.没有现成信息需要另行制作', '3.补正后申请内容仍不明确',
    '（五）不予处理', '1.信访举报投诉类申请', '2.重复申请', '3.要求提供公开出版物', '4.无正当理由大量反复申请',
    '5.要求行政机关确认或重新出具已获取信息', '（六）其他处理', '1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请',
    '2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请', '3.其他', '（七）总计', '四、结转下年度继续办理',
  ];
  // Rows （一） to （六）3 (21 rows), with figures that differ from row to row.
  const results = Array.from({ length: 21 }, (_, i) => withTotal([3 * i + 2, i % 4, i % 3 === 0 ? 1 : 0, 0, i % 5 === 1 ? 2 : 0, i % 2]));
  const total = withTotal([0, 1, 2, 3, 4, 5].map((c) => sum(results.map((r) => r[c]!))));
  const carriedForward = withTotal([4, 1, 0, 0, 0, 0]);
  const carriedOver = withTotal([2, 0, 0, 0, 0, 1]);
  const received = withTotal([0, 1, 2, 3, 4, 5].map((c) => total[c]! + carriedForward[c]! - carriedOver[c]!));
  const table: number[][] = [received, carriedOver, ...results, total, carriedForward];

  const report = (blocks: [number, number[]][], change?: (cells: Cell[][]) => void) => {
    const groups = printBlocks(table, blocks);
    change?.(groups);
    const body = [...LABELS, '', ...groups.map((g) => g.join('\n') + '\n')].join('\n');
    return source.slice(0, start) + body + '\n' + source.slice(end);
  };
  // Rows 一 and 二 whole; （一） to 3.补正后 (13 rows) with their first column beside the labels and the
  // rest after them; then two rows whole, two pairs read column by column, a row whole, and the last
  // three rows (3.其他, 总计, 结转) column by column.
  const BLOCKS: [number, number[]][] = [
    [1, [0]], [1, [0]], [13, [0, 1]], [1, [0]], [1, [0]], [2, [0, 1, 2, 3, 4, 5, 6]], [2, [0, 1, 2, 3, 4, 5, 6]], [1, [0]], [3, [0, 1, 2, 3, 4, 5, 6]],
  ];

  it('is read back exactly where one table passes every identity, each cell marked as inferred', () => {
    expect(start).toBeGreaterThan(0);
    expect(end).toBeGreaterThan(start);
    expect(results.every((r) => r.length === 7)).toBe(true);
    expect(received.every((v) => v >= 0)).toBe(true);
    const result = parseReport(report(BLOCKS), { source: 'blocks.txt' });
    if (!result.ok) throw new Error(result.error);
    const a = result.report.applications!;
    expect(a.received).toEqual(received);
    expect(a.carriedOver).toEqual(carriedOver);
    expect(a.granted).toEqual(results[0]);
    expect(a.unavailable.unclear).toEqual(results[12]);
    expect(a.notProcessed.confirmation).toEqual(results[17]);
    expect(a.otherHandling).toEqual({ noCorrection: results[18], unpaidFees: results[19], other: results[20] });
    expect(a.total).toEqual(total);
    expect(a.carriedForward).toEqual(carriedForward);
    expect(result.report.consistent).toBe(true);
    expect(result.report.findings).toContainEqual(expect.objectContaining({ code: 'cells-inferred', path: 'applications', message: expect.stringContaining('interleaved') }));
    const inferred = result.report.inferred.filter((i) => i.path.startsWith('applications.'));
    expect(inferred).toHaveLength(25 * 7);
  });

  it('is read back where a row among the blocks is printed out of order (its first figure after the others)', () => {
    // （六）2. (逾期未按收费通知, printed whole): 59 3 0 0 0 1 63 printed 3 0 0 0 1 63 59.
    const result = parseReport(
      report(BLOCKS, (groups) => {
        const k = groups.findIndex((g) => JSON.stringify(g) === JSON.stringify(results[19]));
        expect(k).toBeGreaterThan(0);
        const row = groups[k]!;
        groups[k] = [...row.slice(1, -1), row.at(-1)!, row[0]!];
      }),
      { source: 'blocks.txt' },
    );
    if (!result.ok) throw new Error(result.error);
    const a = result.report.applications!;
    expect(a.otherHandling).toEqual(expect.objectContaining({ unpaidFees: results[19] }));
    const rules = result.report.inferred.filter((i) => i.path.startsWith('applications.otherHandling.unpaidFees['));
    expect(rules).toHaveLength(7);
    expect(rules.map((i) => i.rule.split(':')[0])).toEqual(Array(7).fill('printed-out-of-order'));
    expect(a.total).toEqual(total);
    expect(result.report.consistent).toBe(true);
  });

  it('places no figure where two tables pass every identity (the identities cannot tell which)', () => {
    // 1.信访举报投诉类申请 41 1 0 0 0 1 43 printed 1 0 0 0 1 43 41: read with its neighbours as strips,
    // two tables add up in every row and column; which is meant, nothing printed tells.
    const result = parseReport(
      report(BLOCKS, (groups) => {
        const k = groups.findIndex((g) => JSON.stringify(g) === JSON.stringify(results[13]));
        expect(k).toBeGreaterThan(0);
        const row = groups[k]!;
        groups[k] = [...row.slice(1, -1), row.at(-1)!, row[0]!];
      }),
      { source: 'blocks.txt' },
    );
    if (!result.ok) throw new Error(result.error);
    expect(result.report.findings.some((f) => /printed interleaved/.test(f.message))).toBe(false);
    expect(result.report.consistent).toBe(false);
  });

  it('places no figure where a figure printed wrong leaves no table that passes every identity', () => {
    // 3.补正后's 自然人 one more than the table says: its row adds up no more as printed.
    const result = parseReport(report(BLOCKS, (groups) => void (groups[2 + 12]![0] = (groups[2 + 12]![0] as number) + 1)), { source: 'blocks.txt' });
    if (!result.ok) throw new Error(result.error);
    const a = result.report.applications!;
    expect(a.total).not.toEqual(total);
    expect(result.report.findings.filter((f) => f.path?.startsWith('applications')).length).toBeGreaterThan(0);
  });
});
