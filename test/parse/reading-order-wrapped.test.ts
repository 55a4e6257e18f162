// Table 三 printed by Chromium with full-width digits in narrow columns (src/lib/parse/order.ts,
// readWrapped): two cells printed without a gap (`０７`, read 07) and figures too wide for their cells,
// whose first digits stand in the row's line and the rest on the lines after it (68 as `６` … `８`);
// and printed by LibreOffice, whose figures too wide for their cells go on on the cell's next line
// (applications.ts, readWithFiguresWrapped; fixtures: test/fixtures/reading-order-wrapped/, seeds 7701,
// 8201, 8801).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseReport } from '../../src/lib/parse/index.ts';
import { loadFixture, tableWarning } from './fixture.ts';
import { readApplications } from '../../src/lib/parse/applications.ts';
import { cutIntoRows, wrapJoins } from '../../src/lib/parse/order.ts';
import { unwrapRow } from '../../src/lib/parse/cells.ts';
import { emptyNotes } from '../../src/lib/parse/rows.ts';
import type { Line } from '../../src/lib/parse/lines.ts';

const linesOf = (texts: string[]): Line[] => texts.map((text, i) => ({ no: i + 1, text, raw: text }) as Line);
const shape = { width: 7, lastIsTotal: true };

describe('a row whose figures wrapped onto the lines after it', () => {
  it('joins each rest to a figure, in column order, where exactly one joining adds up', () => {
    // 68 0 0 3 0 0 71 printed as `6 0 0 3 0 0 7`, then `8`, then `1`.
    expect(unwrapRow([6, 0, 0, 3, 0, 0, 7, 8, 1], 7)).toEqual([68, 0, 0, 3, 0, 0, 71]);
    // A rest may be 0 (10 printed as `1` … `0`); a 0 takes no rest.
    expect(unwrapRow([1, 0, 0, 0, 0, 0, 1, 0, 0], 7)).toEqual([10, 0, 0, 0, 0, 0, 10]);
  });

  it('is not read where no joining adds up, or where two do', () => {
    expect(unwrapRow([6, 0, 0, 3, 0, 0, 7, 9, 1], 7)).toBeNull();
    // 11 1 … 12 and 1 11 … 12 both add up: which figure wrapped is not told.
    expect(unwrapRow([1, 1, 0, 0, 0, 0, 1, 1, 2], 7)).toBeNull();
    expect(unwrapRow([6, 0, 0, 3, 0, 0, 7], 7)).toBeNull();
  });

  it('is a run of the cut only when asked for', () => {
    const cells = [6, 0, 0, 3, 0, 0, 7, 8, 1, 4, 0, 0, 0, 0, 0, 4];
    expect(cutIntoRows(cells, 2, shape)).toBeNull();
    const cut = cutIntoRows(cells, 2, shape, false, false, true)!;
    expect(cut.wrapped).toBe(1);
    expect(cut.ways).toBe(1);
    expect(cut.runs.map((r) => r.values ?? cells.slice(r.start, r.start + r.length))).toEqual([
      [68, 0, 0, 3, 0, 0, 71],
      [4, 0, 0, 0, 0, 0, 4],
    ]);
  });
});

describe('table 三 printed with full-width digits in narrow columns', () => {
  const labels = ['一、本年新收政府信息公开申请数量', '二、上年结转政府信息公开申请数量', '（一）予以公开', '（二）部分公开', '1.属于国家秘密', '2.其他法律行政法规禁止公开', '3.危及“三安全一稳定”', '4.保护第三方合法权益', '5.属于三类内部事务信息', '6.属于四类过程性信息', '7.属于行政执法案卷', '8.属于行政查询事项', '1.本机关不掌握相关政府信息', '2.没有现成信息需要另行制作', '3.补正后申请内容仍不明确', '1.信访举报投诉类申请', '2.重复申请', '3.要求提供公开出版物', '4.无正当理由大量反复申请', '5.要求行政机关确认或重新出具已获取信息', '（六）其他处理', '（七）总计', '四、结转下年度继续办理'];
  const zeros = '0 0 0 0 0 0 0';
  // 一 68 0 0 4 0 0 72; （一） 31 0 0 2 0 0 33; （四）2 5 0 0 2 0 0 7; （七） 36 0 0 4 0 0 40; 四 32 … 32.
  // Each row's last two cells printed without a gap (`0 07` after NFKC), the wrapped figures' rests after the row.
  const figures = ['6 0 0 4 0 07', '8', '2', '0 0 0 0 0 00', '3 0 0 2 0 03', '1', '3', ...Array(10).fill(zeros), '5 0 0 2 0 07', ...Array(7).fill(zeros), '3 0 0 4 0 04', '6', '0', '3 0 0 0 0 03', '2', '2'];
  const text = ['三、收到和处理政府信息公开申请情况', ...labels, ...figures];

  it('splits the cells printed without a gap and joins the wrapped figures, every cell marked as inferred, under a warning', () => {
    const notes = emptyNotes();
    const read = readApplications(linesOf(text), notes)!;
    expect(read.received).toEqual([68, 0, 0, 4, 0, 0, 72]);
    expect(read.carriedOver).toEqual([0, 0, 0, 0, 0, 0, 0]);
    expect(read.granted).toEqual([31, 0, 0, 2, 0, 0, 33]);
    expect(read.unavailable.needsCreation).toEqual([5, 0, 0, 2, 0, 0, 7]);
    expect(read.total).toEqual([36, 0, 0, 4, 0, 0, 40]);
    expect(read.carriedForward).toEqual([32, 0, 0, 0, 0, 0, 32]);
    expect(notes.inferred.filter((i) => i.path.startsWith('applications.received['))).toHaveLength(7);
    expect(notes.findings).toContainEqual(expect.objectContaining({ severity: 'warning', code: 'cells-inferred', path: 'applications', message: expect.stringContaining('wrapped') }));
  });

  it('is not read so where the rests fit two figures of a row, even where the table picks one', () => {
    // （七） 36 0 0 3 0 0 39 printed `3 0 0 3 0 03`, `6`, `9`: 36 … 39 and 3 0 0 36 … 39 both add up.
    const figures2 = ['6 0 0 3 0 07', '8', '1', ...figures.slice(3, 17), '5 0 0 1 0 06', ...Array(7).fill(zeros), '3 0 0 3 0 03', '6', '9', '3 0 0 0 0 03', '2', '2'];
    const notes = emptyNotes();
    const read = readApplications(linesOf(['三、收到和处理政府信息公开申请情况', ...labels, ...figures2]), notes)!;
    expect(read.total).not.toEqual([36, 0, 0, 3, 0, 0, 39]);
    expect(read.total).not.toEqual([3, 0, 0, 36, 0, 0, 39]);
    expect(notes.findings.some((f) => f.message.includes('wrapped'))).toBe(false);
  });

  it('reads a Chromium fixture whose wide figures wrapped', () => {
    const name = '../fixtures/reading-order/gen-7001-4-chromium';
    const truth = JSON.parse(readFileSync(new URL(`${name}.json`, import.meta.url), 'utf8'));
    const result = parseReport(readFileSync(new URL(`${name}.txt`, import.meta.url), 'utf8'), { source: 'x.txt' });
    if (!result.ok) throw new Error(result.error);
    expect(result.report.applications).toEqual(truth.applications);
    expect(result.report.consistent).toBe(true);
    expect(result.report.findings).toContainEqual(expect.objectContaining({ severity: 'warning', code: 'cells-inferred', path: 'applications', message: expect.stringContaining('without a gap') }));
  });
});

describe('figures wrapped inside their cells (LibreOffice)', () => {
  // Cells as the stream holds them: one a line, all at one offset (no label text between).
  const cellsOf = (printed: string[], offset = 0) =>
    printed.map((p, i) => ({ token: p === '-' ? ({ kind: 'blank', line: i + 1, mark: '-' } as const) : ({ kind: 'number', value: Number(p), line: i + 1, printed: p } as const), offset }));
  const values = (cells: ReturnType<typeof cellsOf>) => cells.map((c) => (c.token.kind === 'number' ? c.token.value : null));

  it('joins a figure of the cells\' width to the next figure, every set of as many joins as asked', () => {
    // 204 1 0 128 5 164 78: 2041 and 1285, or one of them and 164 … 78 as 16478 (a whole figure of
    // the cells' width followed by the next cell's looks like a wrap).
    const found = wrapJoins(cellsOf(['204', '1', '0', '128', '5', '164', '78']), 2)!;
    expect(found.width).toBe(3);
    expect(found.sets.map(values)).toEqual([
      [2041, 0, 1285, 164, 78],
      [2041, 0, 128, 5, 16478],
      [204, 1, 0, 1285, 16478],
    ]);
  });

  it('never starts a figure with 0, never joins across label text, a blank mark or a longer rest', () => {
    expect(wrapJoins(cellsOf(['012', '5']), 1)).toBeNull();
    expect(wrapJoins(cellsOf(['123', '-', '5']), 1)).toBeNull();
    expect(wrapJoins(cellsOf(['123', '4567']), 1)).toBeNull();
    expect(wrapJoins([...cellsOf(['123']), ...cellsOf(['5'], 4).map((c) => ({ ...c, token: { ...c.token, line: 2 } }))], 1)).toBeNull();
    // A rest of the cells' width goes on again: 204 123 4 as 2041234.
    expect(wrapJoins(cellsOf(['204', '123', '4']), 2)!.sets.map(values)).toEqual([[2041234]]);
  });

  it('is no reading past its bound of sets', () => {
    expect(wrapJoins(cellsOf(Array.from({ length: 40 }, () => '100')), 6)).toBeNull();
  });

  const load = (name: string) => loadFixture('reading-order-wrapped', name);
  const WRAPPED = /too wide for their cells/;

  it.each([
    // 6 wraps (1585 as 158 then 5, 1610 as 161 then 0 …): one set of 6 joins.
    'val-7701-2-libreoffice',
    // 4 wraps among 6 places (684 then 78 is granted's 684 and partlyGranted's 78): of 15 sets, one
    // sums as a table does.
    'val-8201-3-libreoffice',
  ])('reads %s whole, with a warning, in well under a second', (name) => {
    const { report, truth, ms } = load(name);
    expect(report.applications).toEqual(truth.applications);
    const warning = tableWarning(report, WRAPPED);
    expect(warning?.severity).toBe('warning');
    expect(ms).toBeLessThan(1000);
  });

  it('reads no figure wrong where the one set of joins that sums as a table does reads nothing', () => {
    const { report, truth } = load('probe-8801-1-libreoffice');
    expect(report.findings.some((f) => WRAPPED.test(f.message))).toBe(false);
    const rows = (a: unknown): unknown[] => (Array.isArray(a) ? [a] : a && typeof a === 'object' ? Object.values(a).flatMap(rows) : []);
    const want = rows(truth.applications).flat();
    rows(report.applications).flat().forEach((v, i) => {
      if (v !== null) expect(v).toBe(want[i]);
    });
  });
});

describe('rows on one line with their wrapped figures\' rests on the lines after (Chromium)', () => {
  it('reads 一 and （一） of probe-8701-6-chromium (1611 as 161 … 1; （一）\'s line of figures inside its group\'s wrapped heading), and no figure wrong', () => {
    // 一、本年新收政府 | 161 32 0 0 0 1 166 | 信息公开申请数量 | 1 | 7 0 … 三、本年度办理结 | 果 | 110 15 0 0 0 4 112 | （一）予以公开 | 6 | 5
    const { report, truth } = loadFixture('reading-order-wrapped', 'probe-8701-6-chromium');
    expect(report.applications?.received).toEqual(truth.applications.received);
    expect(report.applications?.granted).toEqual(truth.applications.granted);
    const joined = report.findings.filter((f) => f.message.endsWith('cells placed by rule row-rests-joined')).map((f) => f.path);
    expect(joined).toEqual(['applications.received', 'applications.granted']);
    const rows = (a: unknown): unknown[] => (Array.isArray(a) ? [a] : a && typeof a === 'object' ? Object.values(a).flatMap(rows) : []);
    const want = rows(truth.applications).flat();
    const read = rows(report.applications).flat();
    expect(read.filter((v, i) => v !== null && v !== want[i])).toEqual([]);
  });
});
