// The rules of the reading-order stage (src/lib/parse/order.ts, stream.ts, applications.ts) one by one:
// labels with other labels' pieces between their pieces, blocks of rows printed as vertical strips,
// and a row printed out of order placed by the table's identities (only where its figures are exactly
// the ones printed).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseReport } from '../../src/lib/parse/index.ts';
import { loadFixture } from './fixture.ts';
import { FIRST_ROW, holdsApplications, readApplications, readWithSpilledCells, unreadUnbalanced, withoutTableTwoCells } from '../../src/lib/parse/applications.ts';
import type { Applications } from '../../src/lib/schema.ts';
import { holdsOutcomes, readOutcomes, unreadGroupsNotAddingUp } from '../../src/lib/parse/outcomes.ts';
import { readActive } from '../../src/lib/parse/active.ts';
import { applicantRows } from '../../src/lib/parse/checks.ts';
import { emptyNotes } from '../../src/lib/parse/rows.ts';
import { cutIntoRows, labelPairs, readLateTotal, readStrips } from '../../src/lib/parse/order.ts';
import { decodeBlocks, readShuffled, readTwoPass } from '../../src/lib/parse/blocks.ts';
import { findLabel, findWithGaps, toStream } from '../../src/lib/parse/stream.ts';
import type { Line } from '../../src/lib/parse/lines.ts';

const linesOf = (texts: string[]): Line[] => texts.map((text, i) => ({ no: i + 1, text, raw: text }) as Line);

describe('labels with short pieces of other labels between their pieces', () => {
  it('finds 出版物 and 大量反复 where a group label set one character per line stands inside them', () => {
    const stream = toStream(linesOf(['不 3.要求提供公开出版', '0 1 0 0 0 0 1', '予 物', '处 4.无正当理由大量反', '理 复申请']));
    expect(stream.text).toContain('出版予物');
    expect(findLabel(stream, /出版物/, 0)).not.toBeNull();
    expect(findLabel(stream, /大量反复/, 0)).not.toBeNull();
  });

  it('skips only whole short pieces, at most three, and never for a label of two characters', () => {
    expect(findWithGaps(toStream(linesOf(['出版', '其他说明文字', '物'])), /出版物/, 0)).toBeNull();
    expect(findWithGaps(toStream(linesOf(['出', '甲', '乙', '丙', '丁', '版物'])), /出版物/, 0)).toBeNull();
    expect(findWithGaps(toStream(linesOf(['出', '甲', '乙', '版物'])), /出版物/, 0)).not.toBeNull();
    expect(findWithGaps(toStream(linesOf(['总', '甲', '计'])), /总计/, 0)).toBeNull();
  });

  it('skips another row\'s whole numbered label, however long, but no other long piece', () => {
    // A tall group label (（六）其他处理, centred on its rows) prints between the lines of the row beside it
    // (lines as toLines gives them: NFKC, ASCII brackets).
    expect(findWithGaps(toStream(linesOf(['四、结', '转下年', '(六)其他处理', '度继续', '办理'])), /结转下年度/, 0)).not.toBeNull();
    expect(findWithGaps(toStream(linesOf(['四、结', '转下年', '其他处理事项', '度继续', '办理'])), /结转下年度/, 0)).toBeNull();
  });

  it('finds 8.属于行政查询事项 by its first words where header words stand between 行政查 and 询事项 (LibreOffice)', () => {
    // test/fixtures/reading-order-warned/fresh-7601-2-libreoffice: 8.属于 | 行政查, then the header words
    // 科研机构 … 其他 and the group labels （四）（五）（六）, then 询事项: more pieces between than findWithGaps skips.
    const name = 'reading-order-warned/fresh-7601-2-libreoffice';
    const result = parseReport(readFileSync(new URL(`../fixtures/${name}.txt`, import.meta.url), 'utf8'), { source: 'fresh-7601-2-libreoffice.txt' });
    if (!result.ok) throw new Error(result.error);
    const truth = JSON.parse(readFileSync(new URL(`../fixtures/${name}.json`, import.meta.url), 'utf8'));
    expect(result.report.findings.filter((f) => f.code === 'row-missing')).toEqual([]);
    expect(result.report.applications).toEqual(truth.applications);
  });
});

describe('blocks of rows printed as vertical strips', () => {
  const rows = [
    [5, 1, 0, 0, 0, 0, 6],
    [3, 0, 2, 0, 0, 0, 5],
    [7, 0, 0, 0, 0, 1, 8],
  ];
  // The first column of the three rows as one block, then the other six columns row by row.
  const strips = [...rows.map((r) => r[0]!), ...rows.flatMap((r) => r.slice(1))];

  it('reads them back by trying each split of the columns', () => {
    expect(readStrips(strips, 3, 7)).toEqual(rows);
    expect(readStrips([...strips.slice(0, -1), 9], 3, 7)).toBeNull();
  });

  it('cuts them out of the middle of a table only when asked to', () => {
    const before = [1, 0, 0, 0, 0, 0, 1];
    const after = [2, 2, 0, 0, 0, 0, 4];
    const cells = [...before, ...strips, ...after];
    expect(cutIntoRows(cells, 5, { width: 7, lastIsTotal: true })).toBeNull();
    const cut = cutIntoRows(cells, 5, { width: 7, lastIsTotal: true }, true)!;
    expect(cut.tangled).toBe(3);
    expect(cut.runs.slice(1, 4).map((r) => r.values)).toEqual(rows);
  });
});

describe('every cut as good as the best', () => {
  it('is listed, so that a reading is taken only where no other reads another table', () => {
    // Two full rows and three rows to put them in: a blank row may stand first, between or last.
    const cut = cutIntoRows([1, 0, 1, 2, 0, 2], 3, { width: 3, lastIsTotal: true })!;
    expect(cut.ways).toBe(3);
    const starts = cut.allCuts()!.map((runs) => runs.map((r) => r.length));
    expect(starts).toEqual(expect.arrayContaining([[3, 3, 0], [3, 0, 3], [0, 3, 3]]));
    expect(starts).toHaveLength(3);
  });
});

describe('a row printed out of order', () => {
  const text = readFileSync(new URL('../fixtures/reading-order/synth-a-chromium.txt', import.meta.url), 'utf8');
  const granted = /\n（一）予以公开\n34 0 0 0 0 0 34\n/;

  it('is placed where the column identities put it, each cell marked as inferred, under a warning', () => {
    expect(text).toMatch(granted);
    const result = parseReport(text.replace(granted, '\n（一）予以公开\n0 34 34 0 0 0 0\n'), { source: 'x.txt' });
    if (!result.ok) throw new Error(result.error);
    expect(result.report.applications!.granted).toEqual([34, 0, 0, 0, 0, 0, 34]);
    const rules = result.report.inferred.filter((i) => i.path.startsWith('applications.granted['));
    expect(rules).toHaveLength(7);
    expect(rules.map((i) => i.rule.split(':')[0])).toEqual(Array(7).fill('printed-out-of-order'));
    expect(result.report.findings).toContainEqual(expect.objectContaining({ severity: 'warning', code: 'cells-inferred', path: 'applications', message: expect.stringContaining('printed out of order') }));
  });

  it('is placed so even where it adds up as printed, when only that reading makes the columns add up', () => {
    const result = parseReport(text.replace(granted, '\n（一）予以公开\n0 0 34 0 0 0 34\n'), { source: 'x.txt' });
    if (!result.ok) throw new Error(result.error);
    expect(result.report.applications!.granted).toEqual([34, 0, 0, 0, 0, 0, 34]);
    expect(result.report.consistent).toBe(true);
    expect(result.report.inferred.filter((i) => i.rule.startsWith('printed-out-of-order')).map((i) => i.path)).toEqual(Array.from({ length: 7 }, (_, i) => `applications.granted[${i}]`));
  });

  it('is not placed where its printed figures are not the ones the identities require: the figures stay as printed', () => {
    const result = parseReport(text.replace(granted, '\n（一）予以公开\n0 33 33 0 0 0 0\n'), { source: 'x.txt' });
    if (!result.ok) throw new Error(result.error);
    expect(result.report.applications!.granted).not.toEqual([34, 0, 0, 0, 0, 0, 34]);
    expect(result.report.applications!.granted).not.toEqual([33, 0, 0, 0, 0, 0, 33]);
    expect(result.report.inferred.some((i) => i.rule.startsWith('printed-out-of-order'))).toBe(false);
    expect(result.report.consistent).toBe(false);
  });
});

describe('rows crowded with the cells of other rows', () => {
  it('are unread, and identities over unread rows do not stop reading the table in reading order', () => {
    // LibreOffice's PDF of a Word file: every label of a page first, then all its cells.
    const name = '../fixtures/reading-order/gen-7001-5-libreoffice';
    const truth = JSON.parse(readFileSync(new URL(`${name}.json`, import.meta.url), 'utf8'));
    const result = parseReport(readFileSync(new URL(`${name}.txt`, import.meta.url), 'utf8'), { source: 'x.txt' });
    if (!result.ok) throw new Error(result.error);
    const read = result.report.applications!;
    expect(read.received).toEqual(truth.applications.received);
    expect(read.denied).toEqual(truth.applications.denied);
    expect(read.total).toEqual(truth.applications.total);
    expect(result.report.findings).toContainEqual(expect.objectContaining({ severity: 'warning', code: 'cells-inferred', path: 'applications' }));
  });
});

describe('a table continued past the next heading', () => {
  const read = (name: string) => {
    const truth = JSON.parse(readFileSync(new URL(`../fixtures/reading-order/${name}.json`, import.meta.url), 'utf8'));
    const result = parseReport(readFileSync(new URL(`../fixtures/reading-order/${name}.txt`, import.meta.url), 'utf8'), { source: 'x.txt' });
    if (!result.ok) throw new Error(result.error);
    return { truth, report: result.report };
  };

  it("table 三's last columns printed after section 四's heading, before its header: table 三's, not 四's", () => {
    const { truth, report } = read('synth-b-chromium');
    expect(report.applications!.total).toEqual(truth.applications.total);
    expect(report.applications!.carriedForward).toEqual(truth.applications.carriedForward);
    expect([report.review, report.litigationDirect, report.litigationAfterReview]).toEqual([truth.review, truth.litigationDirect, truth.litigationAfterReview]);
  });

  it("table 三's last cells printed among section 四's figures: read as table 三's end where it then adds up", () => {
    // LibreOffice: 四's header, its first figures, then 三's last three rows' last columns (0 0 0 … 723 2500 2).
    const { truth, report } = read('gen-7001-1-libreoffice');
    expect(report.applications).toEqual(truth.applications);
    expect(report.findings).toContainEqual(expect.objectContaining({ code: 'cells-inferred', path: 'applications', message: expect.stringContaining("among section 四's figures") }));
  });

  it("where the figures taken are not the table's last cells, they would add up in any row of 0s: those rows' cells left unread, the others read", () => {
    const labels = ['一、本年新收政府信息公开申请数量', '二、上年结转政府信息公开申请数量', '（一）予以公开', '（二）部分公开', '1.属于国家秘密', '2.其他法律行政法规禁止公开', '3.危及“三安全一稳定”', '4.保护第三方合法权益', '5.属于三类内部事务信息', '6.属于四类过程性信息', '7.属于行政执法案卷', '8.属于行政查询事项', '1.本机关不掌握相关政府信息', '2.没有现成信息需要另行制作', '3.补正后申请内容仍不明确', '1.信访举报投诉类申请', '2.重复申请', '3.要求提供公开出版物', '4.无正当理由大量反复申请', '5.要求行政机关确认或重新出具已获取信息', '（六）其他处理', '（七）总计', '四、结转下年度继续办理'];
    const zeros = '0 0 0 0 0 0 0';
    // All labels, then all figures; 本机关不掌握's last three (0 1 1) printed in section 四.
    const figures = ['0 0 0 0 0 4 4', zeros, '0 0 0 0 0 3 3', ...Array(9).fill(zeros), '0 0 0 0', ...Array(8).fill(zeros), '0 0 0 0 0 4 4', zeros];
    const table = linesOf(['三、收到和处理政府信息公开申请情况', ...labels, ...figures]);
    const section4 = ['0', '1', '1'].map((text, i) => ({ no: 100 + i, text, raw: text }) as Line);
    const read = readWithSpilledCells(table, [section4])!;
    // Not placed as 四、结转下年度's: its 0s stand, and 0 1 1 goes where the grid search puts it.
    expect(read.applications.carriedForward).toEqual([0, 0, 0, 0, 0, 0, 0]);
    expect(read.applications.granted).toEqual([0, 0, 0, 0, 0, 3, 3]);
    // Any results row of 0s may be 本机关不掌握's: none gets the 1, each such cell unread, said so.
    expect(read.applications.unavailable.notHeld).toEqual([0, 0, 0, 0, 0, null, null]);
    expect(read.applications.denied.stateSecret).toEqual([0, 0, 0, 0, 0, null, null]);
    expect(read.notes.findings).toContainEqual(expect.objectContaining({ code: 'cells-unplaced', path: 'applications.unavailable.notHeld[5]', unread: true }));
    expect(read.notes.findings).toContainEqual(expect.objectContaining({ code: 'cells-inferred', message: expect.stringContaining("3 of its cells read from lines 100–102") }));
  });

  it("table 二's last header and figure (本年增/减 1) among section 三's header, with no 第二十条 caption: table 二's", () => {
    const { truth, report } = read('gen-7001-2-libreoffice');
    expect(report.active!.itemCounts!.fees).toEqual(truth.active.itemCounts.fees);
  });

  it("table 二's last items printed after section 三's heading, before table 三's first row: table 二's", () => {
    const { truth, report } = read('gen-7001-1-libreoffice');
    expect([report.active!.punishment, report.active!.coercion]).toEqual([truth.active.punishment, truth.active.coercion]);
    expect(report.active!.procurement).toEqual(truth.active.procurement);
  });
});

describe("a group's first row with its last cells printed among section 四's figures (LibreOffice)", () => {
  // LibreOffice's text: a block of labels, then their rows' cells, one a line; a group's label (tall,
  // merged) printed among its first row's cells; 本机关不掌握's last three cells printed after the table.
  const zeros = [0, 0, 0, 0, 0, 0, 0];
  const labels = ['一、本年新收政府信息公开申请数量', '二、上年结转政府信息公开申请数量', '（一）予以公开', '（二）部分公开', '1.属于国家秘密', '2.其他法律行政法规禁止公开', '3.危及“三安全一稳定”', '4.保护第三方合法权益', '5.属于三类内部事务信息', '6.属于四类过程性信息', '7.属于行政执法案卷', '8.属于行政查询事项', '1.本机关不掌握相关政府信息', '2.没有现成信息需要另行制作', '3.补正后申请内容仍不明确', '1.信访举报投诉类申请', '2.重复申请', '3.要求提供公开出版物', '4.无正当理由大量反复申请', '5.要求行政机关确认或重新出具已获取信息', '（六）其他处理', '（七）总计', '四、结转下年度继续办理'];
  // Blocks of labels (by their first row), and each group's label with the index of its first row.
  const blocks = [0, 2, 4, 12];
  const groups = new Map([[2, '三、本年度办理结果'], [4, '（三）不予公开'], [12, '（四）无法提供'], [15, '（五）不予处理']]);
  const print = (table: number[][], apart: number) => {
    const texts = ['三、收到和处理政府信息公开申请情况'];
    blocks.forEach((from, b) => {
      const to = blocks[b + 1] ?? labels.length;
      texts.push(...labels.slice(from, to));
      for (let r = from; r < to; r++) {
        const cells = table[r]!.slice(0, r === apart ? 4 : 7).map(String);
        if (groups.has(r)) cells.splice(2, 0, groups.get(r)!);
        texts.push(...cells);
      }
    });
    const lines = linesOf(texts);
    const section4 = table[apart]!.slice(4).map((v, i) => ({ no: 200 + i, text: String(v), raw: String(v) }) as Line);
    return { lines, section4 };
  };
  const table = [[10, 2, 0, 0, 0, 0, 12], [1, 0, 0, 0, 0, 0, 1], [5, 1, 0, 0, 0, 0, 6], [2, 0, 0, 0, 0, 0, 2], [1, 0, 0, 0, 0, 0, 1], ...Array(7).fill(zeros), [2, 1, 0, 0, 0, 0, 3], ...Array(8).fill(zeros), [10, 2, 0, 0, 0, 0, 12], [1, 0, 0, 0, 0, 0, 1]];

  it('completes the row whose cells stand around its group\'s label, the one that makes the table add up, under a warning', () => {
    const { lines, section4 } = print(table, 12);
    expect(readApplications(lines, emptyNotes())!.unavailable.notHeld).not.toEqual(table[12]);
    const read = readWithSpilledCells(lines, [section4])!;
    expect(read.applications.unavailable.notHeld).toEqual(table[12]);
    expect(read.applications.granted).toEqual(table[2]);
    expect(read.applications.total).toEqual(table[21]);
    expect(read.taken).toEqual(section4);
    expect(read.notes.findings).toContainEqual(expect.objectContaining({ severity: 'warning', code: 'cells-inferred', path: 'applications', message: expect.stringContaining("applications.unavailable.notHeld's last 3 cells") }));
    expect(read.notes.inferred.filter((i) => i.path.startsWith('applications.unavailable.notHeld['))).toHaveLength(7);
  });

  it('not where another group\'s first row could take them as well: among rows of 0, 0 1 1 adds up in any of them', () => {
    const ones = [...table.slice(0, 4), zeros, ...Array(7).fill(zeros), [0, 0, 0, 0, 0, 1, 1], ...Array(8).fill(zeros), [7, 1, 0, 0, 0, 0, 8], [4, 1, 0, 0, 0, 0, 5]];
    const { lines, section4 } = print(ones, 12);
    expect(readWithSpilledCells(lines, [section4])).toBeNull();
  });
});

describe("the first row's last cells printed with their columns' header words, among later rows (LibreOffice)", () => {
  // The first twelve rows' labels, the first row's cells under their header words (自然人 59 商业企业
  // 6 …), the next eleven rows' cells, 法律服务机构 and 其他 with the first row's last three cells, then
  // the other rows' labels and cells.
  const labels = ['一、本年新收政府信息公开申请数量', '二、上年结转政府信息公开申请数量', '（一）予以公开', '（二）部分公开', '1.属于国家秘密', '2.其他法律行政法规禁止公开', '3.危及“三安全一稳定”', '4.保护第三方合法权益', '5.属于三类内部事务信息', '6.属于四类过程性信息', '7.属于行政执法案卷', '8.属于行政查询事项', '1.本机关不掌握相关政府信息', '2.没有现成信息需要另行制作', '3.补正后申请内容仍不明确', '1.信访举报投诉类申请', '2.重复申请', '3.要求提供公开出版物', '4.无正当理由大量反复申请', '5.要求行政机关确认或重新出具已获取信息', '（六）其他处理', '（七）总计', '四、结转下年度继续办理'];
  const blank = ['/', '/', '/', '/', '/', '/', '/'];
  const rows = [blank, ['23', '4', '/', '/', '/', '1', '28'], ['4', '1', '/', '/', '/', '/', '5'], ...Array(8).fill(['1', '/', '/', '/', '/', '/', '1']), ...Array(9).fill(blank), ['35', '5', '/', '/', '/', '1', '41'], ['24', '1', '/', '/', '/', '/', '25']];
  const print = (apart: string[]) =>
    linesOf(['三、收到和处理政府信息公开申请情况', ...labels.slice(0, 12), '自然人', '59', '商业企业', '6', '科研机构', '/', '社会公益组织', '/', '总计', ...rows.slice(0, 11).flat(), '法律服务机构', apart[0]!, '其他', ...apart.slice(1), ...labels.slice(12), ...rows.slice(11).flat()]);

  it('are read as its last cells where the table then adds up, under a warning', () => {
    const notes = emptyNotes();
    const read = readApplications(print(['/', '1', '66']), notes)!;
    expect(read.received).toEqual([59, 6, null, null, null, 1, 66]);
    expect(read.granted).toEqual([23, 4, null, null, null, 1, 28]);
    expect(read.carriedForward).toEqual([24, 1, null, null, null, null, 25]);
    expect(notes.findings).toContainEqual(expect.objectContaining({ severity: 'warning', code: 'cells-inferred', path: 'applications', message: expect.stringContaining("applications.received's last 3 cells") }));
    expect(notes.inferred.filter((i) => i.path.startsWith('applications.received['))).toHaveLength(7);
  });

  it('（六）其他处理 printed as one row of blank marks is that row, all blank, not a bare heading over three rows', () => {
    const notes = emptyNotes();
    const read = readApplications(print(['/', '1', '66']), notes)!;
    expect(read.otherHandling).toEqual({ total: [null, null, null, null, null, null, null] });
    expect(notes.findings.some((f) => f.code === 'rows-blank')).toBe(false);
  });

  it('not where the table does not add up with them', () => {
    const notes = emptyNotes();
    const read = readApplications(print(['/', '2', '67']), notes)!;
    expect(read.received).not.toEqual([59, 6, null, null, null, 2, 67]);
    expect(notes.findings.some((f) => /printed with the header words/.test(f.message))).toBe(false);
  });
});

describe('a header spaced around its figure', () => {
  it('保留 4 位小数 is header text, not a cell', async () => {
    const { tokenize } = await import('../../src/lib/parse/tokens.ts');
    const [line] = linesOf(['本年收费金额（单位：万元，保留 4 位小数） 12.5000']);
    const numbers = tokenize(line!).filter((t) => t.kind === 'number');
    expect(numbers.map((t) => (t.kind === 'number' ? t.value : null))).toEqual([12.5]);
  });
});

describe("section 四's header words broken over lines", () => {
  it('holds the table by its groups\' header words where 结果维 and 持 stand on two lines', () => {
    const header = ['行政复议', '行政诉讼', '未经复议', '复议后起诉', '直接起诉', '结果维 结果纠 其他结 尚未审 总', '持 正 果 结 计'];
    expect(holdsOutcomes(header.join(''))).toBe(true);
    // Prose that names review and litigation is no table.
    expect(holdsOutcomes('本年度发生行政复议案件2件，行政诉讼案件1件。')).toBe(false);
    expect(holdsOutcomes('行政复议结果均已公开')).toBe(false);
  });
});

describe('long labels found by their first or last words', () => {
  it('一、本年 and 新收政府 stand for 本年新收, not 三、本年度', () => {
    expect(FIRST_ROW.test('一、本年')).toBe(true);
    expect(FIRST_ROW.test('新收政府信息公开申请数量')).toBe(true);
    expect(FIRST_ROW.test('三、本年度办理结果')).toBe(false);
    expect(holdsApplications('一、本年申请人情况新收政府信息公开申请数量二、上年结转')).toBe(true);
  });

  it('本机关不掌 and 属于国家秘 where the rest of the label stands far away', () => {
    const stream = toStream(linesOf(['（四）', '1.本机', '无法', '关不掌', '0', '0', '提供', '（五）', '不予', '处理', '（六）', '其他', '处理', '握']));
    expect(findLabel(stream, /不掌握|本机关不掌/, 0)).not.toBeNull();
    expect(findLabel(toStream(linesOf(['1.属于', '不予公', '国家秘', '5', '申请人情况', '法人或其他组织', '科研机', '密'])), /国家秘密|属于国家秘/, 0)).not.toBeNull();
  });
});

describe("table 二's rows printed with their cells before their labels", () => {
  const part = ['第二十条第（一）项', '信息内容', '本年制发件数', '本年废止件数', '现行有效件数'];
  const tail = ['第二十条第（五）项', '信息内容', '行政许可', '本年处理决定数量', '1868'];
  it('reads each row of the part from the cells before its label, under a warning', () => {
    const notes = emptyNotes();
    const read = readActive(linesOf([...part, '3', '0', '6', '规章', '0', '3', '15', '规范性文件', ...tail]), notes)!;
    expect(read.active.regulations).toEqual({ issued: 3, repealed: 0, inForce: 6 });
    expect(read.active.normativeDocuments).toEqual({ issued: 0, repealed: 3, inForce: 15 });
    expect(notes.findings.some((f) => f.path === 'active.regulations' && f.severity === 'warning')).toBe(true);
  });

  it('not where the last row has cells after its label (cells after labels), nor where a count is not the width', () => {
    const after = readActive(linesOf([...part, '规章 3 0 6', '规范性文件 0 3 15', ...tail]), emptyNotes())!;
    expect(after.active.regulations).toEqual({ issued: 3, repealed: 0, inForce: 6 });
    const short = readActive(linesOf([...part, '3', '0', '规章', '0', '3', '15', '规范性文件', ...tail]), emptyNotes())!;
    expect(short.active.regulations).not.toEqual({ issued: 3, repealed: 0, inForce: 6 });
  });
});

describe("table 二's last figures printed among table 三's labels", () => {
  it('a figure right after 采购总金额 or 收费金额 is not a cell of table 三', () => {
    const stream = withoutTableTwoCells(toStream(linesOf(['一、本年新收政府信息公开', '2.其他', '采购总金额', '9037', '申请人情况', '1249', '本年收费金额（单位：万元）', '0.5', '自然人', '0'])));
    expect(stream.cells.map((c) => (c.token.kind === 'number' ? c.token.value : null))).toEqual([1249, 0]);
  });

  it('nor one right after the 2019 format\'s 上一年项目数量 or 本年增/减', () => {
    const stream = withoutTableTwoCells(toStream(linesOf(['第二十条第（八）项', '上一年项', '目数量', '5', '申请人情况', '本年增/减', '0', '总计', '一、本年新收政府信息', '67'])));
    expect(stream.cells.map((c) => (c.token.kind === 'number' ? c.token.value : null))).toEqual([67]);
  });
});

describe('reading-order text that no reading makes add up', () => {
  const row = (...xs: number[]) => xs;
  const table = (): Applications => ({
    received: row(10, 0, 0, 0, 0, 0, 10),
    carriedOver: row(0, 0, 0, 0, 0, 0, 0),
    granted: row(6, 0, 0, 0, 0, 0, 6),
    partlyGranted: row(4, 0, 0, 0, 0, 0, 4),
    denied: Object.fromEntries(['stateSecret', 'prohibitedByLaw', 'endangersSafety', 'thirdPartyRights', 'internalAffairs', 'processInformation', 'enforcementRecords', 'queryMatters'].map((k) => [k, row(0, 0, 0, 0, 0, 0, 0)])) as Applications['denied'],
    unavailable: { notHeld: row(0, 0, 0, 0, 0, 0, 0), needsCreation: row(0, 0, 0, 0, 0, 0, 0), unclear: row(0, 0, 0, 0, 0, 0, 0) },
    notProcessed: Object.fromEntries(['complaints', 'repeated', 'publications', 'excessive', 'confirmation'].map((k) => [k, row(0, 0, 0, 0, 0, 0, 0)])) as Applications['notProcessed'],
    otherHandling: { total: row(0, 0, 0, 0, 0, 0, 0) },
    total: row(10, 0, 0, 0, 0, 0, 10),
    carriedForward: row(0, 0, 0, 0, 0, 0, 0),
  });

  it('leaves unread the cells whose row and column identities both fail, with a finding', () => {
    const read = table();
    read.partlyGranted = row(3, 0, 0, 0, 0, 0, 4); // 4 read as 3: neither the row nor column 自然人 adds up
    const notes = emptyNotes();
    const out = unreadUnbalanced(read, notes);
    expect(out.partlyGranted).toEqual([null, 0, 0, 0, 0, 0, 4]);
    // A row that adds up is not touched, though its column fails (no identity tells which row is off).
    expect(out.granted).toEqual(row(6, 0, 0, 0, 0, 0, 6));
    expect(notes.findings.map((f) => [f.code, f.path, f.unread])).toEqual([['cells-unplaced', 'applications.partlyGranted', true]]);
    expect(read.partlyGranted).toEqual(row(3, 0, 0, 0, 0, 0, 4));
  });

  const labels = ['一、本年新收政府信息公开申请数量', '二、上年结转政府信息公开申请数量', '（一）予以公开', '（二）部分公开', '1.属于国家秘密', '2.其他法律行政法规禁止公开', '3.危及“三安全一稳定”', '4.保护第三方合法权益', '5.属于三类内部事务信息', '6.属于四类过程性信息', '7.属于行政执法案卷', '8.属于行政查询事项', '1.本机关不掌握相关政府信息', '2.没有现成信息需要另行制作', '3.补正后申请内容仍不明确', '1.信访举报投诉类申请', '2.重复申请', '3.要求提供公开出版物', '4.无正当理由大量反复申请', '5.要求行政机关确认或重新出具已获取信息', '（六）其他处理', '（七）总计', '四、结转下年度继续办理'];
  const figures = ['10 0 0 0 0 0 10', '0 0 0 0 0 0 0', '6 0 0 0 0 0 6', '3 0 0 0 0 0 4', ...Array(17).fill('0 0 0 0 0 0 0'), '10 0 0 0 0 0 10', '0 0 0 0 0 0 0'];

  it('figures on lines of their own under their labels, a table not adding up: kept as printed (the report\'s own arithmetic)', () => {
    // Word's text export and narrow layouts print a row's figures below its label; such a table's own
    // error is the report's, shown as printed and flagged, never left unread.
    const text = ['三、收到和处理政府信息公开申请情况', ...labels.flatMap((l, i) => [l, figures[i]!])];
    const notes = emptyNotes();
    const read = readApplications(linesOf(text), notes)!;
    expect(read.partlyGranted).toEqual([3, 0, 0, 0, 0, 0, 4]);
    expect(notes.findings.filter((f) => f.unread)).toEqual([]);
  });

  it("where the figures stand on their labels' lines (layout text), kept as printed", () => {
    const text = ['三、收到和处理政府信息公开申请情况', ...labels.map((l, i) => `${l} ${figures[i]!}`)];
    const read = readApplications(linesOf(text), emptyNotes())!;
    expect(read.partlyGranted).toEqual([3, 0, 0, 0, 0, 0, 4]);
  });

  it('a table whose rows mostly printed nothing, its few figures cut into rows several ways: no row guessed', () => {
    // All labels, then five rows of figures one per line: which five of the 23 rows they are is open.
    const text = ['三、收到和处理政府信息公开申请情况', ...labels, ...['3 0 0 0 0 0 3', '1 0 0 0 0 0 1', '1 0 0 0 0 0 1', '1 0 0 0 0 0 1', '3 0 0 0 0 0 3'].flatMap((r) => r.split(' '))];
    const read = readApplications(linesOf(text), emptyNotes())!;
    expect(read.carriedOver).toEqual(Array(7).fill(null));
    expect(read.granted).toEqual(Array(7).fill(null));
  });

  it('keeps a table whose rows all add up as read', () => {
    const read = table();
    expect(unreadUnbalanced(read, emptyNotes())).toBe(read);
  });
});

describe("section 四's groups that do not add up, where the cells' placing was in doubt", () => {
  it('a group that does not add up is unread, with a finding; a group that adds up is kept', () => {
    const notes = emptyNotes();
    const out = unreadGroupsNotAddingUp({ review: [0, 0, 0, 0, 4], litigationDirect: [1, 0, 0, 0, 1], litigationAfterReview: [null, null, null, null, null] }, notes, 3);
    expect(out).toEqual({ review: [null, null, null, null, null], litigationDirect: [1, 0, 0, 0, 1], litigationAfterReview: [null, null, null, null, null] });
    expect(notes.findings.map((f) => [f.path, f.unread])).toEqual([['review', true]]);
  });

  it('three cells for fifteen that add up in no group are not placed as figures', () => {
    const notes = emptyNotes();
    const out = readOutcomes(linesOf(['行政复议', '行政诉讼', '未经复议直接起诉', '复议后起诉', '结果维持 结果纠正 其他结果 尚未审结 总计', '4', '2', '6']), notes)!;
    expect(out.review).toEqual([null, null, null, null, null]);
    expect(notes.findings.some((f) => f.path === 'review' && f.unread)).toBe(true);
  });
});

describe('rows interleaved with no order between their columns', () => {
  // 上年结转 15 … 15 and 予以公开 207 … 214: the upper row's total printed after the whole lower row
  // (Chromium's PDF, its rows of unequal height), then the 总计 row.
  const upper = [15, 0, 15];
  const lower = [207, 7, 214];
  const total = [222, 7, 229];
  const cells = [15, 0, 207, 7, 214, 15, ...total];
  const identities = [[1, 1, -1]];

  it('are read where each row starts after the one above, and the table adds up', () => {
    expect(decodeBlocks(cells, 3, 3, () => true, { identities }).table).toBeNull();
    expect(decodeBlocks(cells, 3, 3, () => true, { identities, loose: true }).table).toEqual([upper, lower, total]);
  });

  it('as the reading with the fewest switches between rows: rows printed one after another stay so', () => {
    // Read in pieces, 4 1 5 | 4 0 4 | 5 0 5 could also be 4 1 5 | 5 0 5 | 4 0 4: both add up.
    const rows = [[4, 1, 5], [4, 0, 4], [5, 0, 5], [13, 1, 14]];
    const decoded = decodeBlocks(rows.flat(), 4, 3, () => true, { identities: [[1, 1, 1, -1]], loose: true });
    expect(decoded.table).toEqual(rows);
  });
});

describe('rows interleaved among blank rows', () => {
  it('a row prints its empty cells one way: of readings that both add up, the one with no row mixing blank marks and 0s', () => {
    // A blank row (- - -) and 1 0 1 read column by column: - 1 - 0 - 1 reads as those two rows, or as
    // - - 0 and 1 - 1, which add up as well.
    const cells = [null, 1, null, 0, null, 1, 1, 0, 1];
    const identities = [[1, 1, -1]];
    expect(decodeBlocks(cells, 3, 3, () => true, { identities })).toMatchObject({ table: null, why: 'ambiguous' });
    expect(decodeBlocks(cells, 3, 3, () => true, { identities, unmixed: true }).table).toEqual([[null, null, null], [1, 0, 1], [1, 0, 1]]);
  });

  it('each state of the search for interleavings is searched once: five rows of small figures and 0s within 100,000 steps', () => {
    const rows = [[9, 0, 0, 0, 0, 0, 9], [11, 1, 0, 0, 0, 0, 12], [13, 0, 0, 0, 0, 0, 13], [33, 0, 0, 0, 0, 0, 33], [21, 0, 0, 0, 0, 0, 21]];
    expect(readShuffled(rows.flat(), 0, 5, 7, { steps: 100_000 })?.map((p) => p.rows)).toEqual([rows]);
  });

  it('joining blocks into tables stops where the work given for the table runs out', () => {
    const cells = [null, 1, null, 0, null, 1, 1, 0, 1];
    expect(decodeBlocks(cells, 3, 3, () => true, { identities: [[1, 1, -1]], unmixed: true, work: { steps: 0 } })).toMatchObject({ table: null, why: 'too-many' });
  });
});

describe('table 三 in reading order whose rows left blank print nothing', () => {
  // A Chromium-printed report whose table 三 prints few rows (the others blank), read with pdftotext
  // in reading order (test/fixtures/reading-order-warned/, from the synthetic writer, seed 7401).
  const name = 'reading-order-warned/fresh-7401-6-chromium';
  const text = readFileSync(new URL(`../fixtures/${name}.txt`, import.meta.url), 'utf8');
  const truth = JSON.parse(readFileSync(new URL(`../fixtures/${name}.json`, import.meta.url), 'utf8'));

  it('no figure read wrong: the grid of figures, its blank rows printing nothing, reads what every order that adds up agrees on, the rest unread cell by cell', () => {
    // Before rows left blank could be skipped, the labels' reading held a blank row with another's
    // figures, under a warning on the table (order-doubtful).
    const result = parseReport(text, { source: "fresh-7401-6-chromium.txt" });
    if (!result.ok) throw new Error(result.error);
    const { report } = result;
    expect(report.findings).toContainEqual(expect.objectContaining({ severity: 'warning', code: 'cells-inferred', path: 'applications', message: expect.stringMatching(/rows left blank printing nothing/) }));
    const cells = applicantRows(report.applications!).flatMap(([path, row]) => (row ?? []).map((v, c) => ({ at: `${path}[${c}]`, v })));
    const truthByPath = new Map<string, number | null>(applicantRows(truth.applications).flatMap(([path, row]) => (row ?? []).map((v, c) => [`${path}[${c}]`, v] as const)));
    expect(cells.filter((x) => x.v !== null).length).toBeGreaterThan(0);
    expect(cells.filter((x) => x.v !== null && x.v !== truthByPath.get(x.at))).toEqual([]);
    // Each figure not read has a finding on its own cell (the site shows 「未能读出」).
    const unread = cells.filter((x) => x.v === null && truthByPath.get(x.at) !== null);
    expect(unread.length).toBeGreaterThan(0);
    expect(unread.filter((x) => !report.findings.some((f) => f.unread && f.path === x.at))).toEqual([]);
  });
});

describe('rows printed in two passes, each row cut where it wraps', () => {
  // Four rows: first the leading cells of each (127 0 | 757 0 0 0 | 175 0 0 | 7), then the rest of
  // each (0 0 0 0 127 | 0 11 768 | 0 0 1 176 | 0 0 0 0 0 7): the cut differs from row to row, so no
  // split into strips reads them.
  const rows = [
    [127, 0, 0, 0, 0, 0, 127],
    [757, 0, 0, 0, 0, 11, 768],
    [175, 0, 0, 0, 0, 1, 176],
    [7, 0, 0, 0, 0, 0, 7],
  ];
  const cuts = [2, 4, 3, 1];
  const cells = [...rows.flatMap((row, r) => row.slice(0, cuts[r])), ...rows.flatMap((row, r) => row.slice(cuts[r]))];
  const total = rows.reduce((acc, row) => acc.map((v, c) => v + row[c]!), [0, 0, 0, 0, 0, 0, 0]);
  const identities = [[1, 1, 1, 1, -1]];

  it('are read where every row adds up and the table passes its identities', () => {
    expect(readTwoPass(cells, 0, 4, 7)?.map((p) => p.rows)).toContainEqual(rows);
    expect(decodeBlocks([...cells, ...total], 5, 7, () => true, { identities, shuffled: false }).table).toBeNull();
    expect(decodeBlocks([...cells, ...total], 5, 7, () => true, { identities, shuffled: false, twoPass: true }).table).toEqual([...rows, total]);
  });

  it('with two cells of a row printed apart (a group label\'s block) put back as its third and fourth', () => {
    // The second row's 0 0 printed elsewhere: here it prints two cells fewer (757 0 | 0 11 768).
    const short = [127, 0, 757, 0, 175, 0, 0, 7, 0, 0, 0, 0, 127, 0, 11, 768, 0, 0, 1, 176, 0, 0, 0, 0, 0, 7];
    const spliced = new Map([[1, [0, 0]]]);
    expect(decodeBlocks([...short, ...total], 5, 7, () => true, { identities, shuffled: false, twoPass: true }).table).toBeNull();
    expect(decodeBlocks([...short, ...total], 5, 7, () => true, { identities, shuffled: false, twoPass: true, spliced }).table).toEqual([...rows, total]);
  });

  it('or trailing cells first: a row whose last cells were printed before its first', () => {
    const row = [488, 0, 0, 4, 10, 7, 509];
    const printed = [10, 7, 509, 488, 0, 0, 4];
    expect(readTwoPass(printed, 0, 1, 7)).toEqual([]);
    expect(readTwoPass(printed, 0, 1, 7, [], { steps: 100 }, true)?.map((p) => p.rows)).toEqual([[row]]);
    expect(decodeBlocks([...printed, ...row], 2, 7, () => true, { identities: [[1, -1]], shuffled: false }).table).toBeNull();
    expect(decodeBlocks([...printed, ...row], 2, 7, () => true, { identities: [[1, -1]], shuffled: false, twoPass: true }).table).toEqual([row, row]);
  });

  it('a row mixing blank marks and 0s is no reading of two passes (a blank row beside a row of 0s trades cells with it)', () => {
    // A blank row and 1 0 1 printed as - 1 | - - 0 1; cut otherwise, - - 0 and 1 - 1 would add up too.
    expect(readTwoPass([null, 1, null, null, 0, 1], 0, 2, 3)?.map((p) => p.rows)).toEqual([[[null, null, null], [1, 0, 1]]]);
  });
});

describe("a group label's block holding two cells of the group's first row (LibreOffice)", () => {
  // test/fixtures/reading-order-warned/fresh-7401-6-libreoffice: 三、本年度办理结果 printed with 予以公开's
  // third and fourth cells (0 0) after 无法提供's first row; the rows above it in two passes.
  const name = 'reading-order-warned/fresh-7401-6-libreoffice';
  const text = readFileSync(new URL(`../fixtures/${name}.txt`, import.meta.url), 'utf8');
  const truth = JSON.parse(readFileSync(new URL(`../fixtures/${name}.json`, import.meta.url), 'utf8'));

  it('finds the pairs beside the labels and the row each belongs to', () => {
    const lines = linesOf(['（三）不予公开', '0', '0', '', '5', '三、本年度办理结果', '4', '0', '1']).map((l, i) => ({ ...l, no: i + 1 })).filter((l) => l.text !== '');
    const stream = toStream(lines);
    const rows = [{ path: 'applications.granted', label: /予以公开/ }, { path: 'applications.denied.stateSecret', label: /国家秘密/ }];
    const spans = [{ label: /办理结果$/, row: 'applications.granted' }, { label: /不予公开$/, row: 'applications.denied.stateSecret' }];
    // The pair after （三）不予公开 is followed by a blank line; the one after 办理结果 by a third figure in its block: not a pair.
    expect(labelPairs(stream, stream.cells, rows, spans)).toEqual([{ index: 0, row: 1 }]);
  });

  it('reads the whole table where, besides, a row printed its last cells before its first and another its figures out of order', () => {
    // fresh-7401-0-libreoffice: 予以公开 printed 10 7 509 before 488 0 (its 0 4 with 三、本年度办理结果),
    // 1.信访举报投诉类申请 1 0 43 before 42 0, and 2.没有现成信息 24 0 0 0 1 25 0.
    const other = 'reading-order-warned/fresh-7401-0-libreoffice';
    const result = parseReport(readFileSync(new URL(`../fixtures/${other}.txt`, import.meta.url), 'utf8'), { source: 'fresh-7401-0-libreoffice.txt' });
    if (!result.ok) throw new Error(result.error);
    expect(result.report.applications).toEqual(JSON.parse(readFileSync(new URL(`../fixtures/${other}.json`, import.meta.url), 'utf8')).applications);
    expect(result.report.findings).toContainEqual(expect.objectContaining({ severity: 'warning', code: 'cells-inferred', path: 'applications' }));
  });

  it('reads the other rows whole and in table order first, where rows of 0s read in two passes would trade figures', () => {
    // fresh-7501-2-libreoffice: four pairs (三、本年度办理结果's 0 0 printed after 无法提供's rows), every
    // other row printed whole; read also in two passes, rows of 0s and 1s trade figures under the same
    // column sums and no one table stood.
    const other = 'reading-order-warned/fresh-7501-2-libreoffice';
    const result = parseReport(readFileSync(new URL(`../fixtures/${other}.txt`, import.meta.url), 'utf8'), { source: 'fresh-7501-2-libreoffice.txt' });
    if (!result.ok) throw new Error(result.error);
    expect(result.report.applications).toEqual(JSON.parse(readFileSync(new URL(`../fixtures/${other}.json`, import.meta.url), 'utf8')).applications);
    expect(result.report.findings).toContainEqual(expect.objectContaining({ severity: 'warning', code: 'cells-inferred', path: 'applications' }));
    expect(result.report.inferred?.filter((i) => i.path.startsWith('applications.granted[')).length).toBe(7);
  });

  it('reads the whole table, every cell warned as placed by reading order', () => {
    const result = parseReport(text, { source: 'fresh-7401-6-libreoffice.txt' });
    if (!result.ok) throw new Error(result.error);
    const { report } = result;
    expect(report.applications).toEqual(truth.applications);
    expect(report.findings).toContainEqual(expect.objectContaining({ severity: 'warning', code: 'cells-inferred', path: 'applications' }));
    expect(report.inferred?.filter((i) => i.path.startsWith('applications.granted[')).length).toBe(7);
  });
});

describe("a row's total printed after the table's last row (Chromium)", () => {
  const rows = [
    [5, 1, 0, 0, 0, 0, 6],
    [3, 0, 0, 0, 0, 1, 4],
    [8, 1, 0, 0, 0, 1, 10],
  ];
  const identities = [[1, 1, -1]];
  // The second row's total 4 printed last, on a line of its own.
  const cells = [...rows[0]!, ...rows[1]!.slice(0, -1), ...rows[2]!, 4];

  it('is put back after the row whose other cells add up to it, where that reads the one table', () => {
    expect(decodeBlocks(cells, 3, 7, () => true, { identities, shuffled: false }).table).toBeNull();
    expect(readLateTotal(cells, 3, 7, true, () => true, identities)?.table).toEqual(rows);
  });

  it('not where the last figure shares its line with others, nor where a place it could go reads no one table', () => {
    expect(readLateTotal(cells, 3, 7, false, () => true, identities)).toBeNull();
    // 1 0 0 0 0 0 | 1 0 0 0 0 0 1 | 0 … 0 and a last 1: put back seventh, it reads one table; put
    // back fourteenth, 0 0 0 0 0 1 1 beside a row of 0s reads two ways: nothing tells which place.
    const none = [[0, 0, 0]];
    const zeros = [0, 0, 0, 0, 0, 0, 0];
    expect(decodeBlocks([1, 0, 0, 0, 0, 0, 1, 1, 0, 0, 0, 0, 0, 1, ...zeros], 3, 7, () => true, { identities: none, shuffled: false }).table).toEqual([[1, 0, 0, 0, 0, 0, 1], [1, 0, 0, 0, 0, 0, 1], zeros]);
    expect(readLateTotal([1, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 1, ...zeros, 1], 3, 7, true, () => true, none)).toBeNull();
  });

  it('reads fresh-7401-8-chromium whole (1.补正后申请内容仍不明确 printed its 9 after 结转下年度), under a warning', () => {
    const { report, truth } = loadFixture('reading-order-warned', 'fresh-7401-8-chromium');
    expect(report.applications).toEqual(truth.applications);
    expect(report.findings).toContainEqual(expect.objectContaining({ severity: 'warning', code: 'cells-inferred', path: 'applications', message: expect.stringContaining('printed after the table') }));
  });

  it('reads fresh-7601-4-chromium whole (5.要求行政机关确认 printed its 2 after 结转下年度), where the searches over interleavings give up', () => {
    // Rows of 0s and of blank marks: the shuffles run out of steps, and one of the total's three places
    // needs ~10,000 readings joined to find its one table.
    const { report, truth } = loadFixture('reading-order-warned', 'fresh-7601-4-chromium');
    expect(report.applications).toEqual(truth.applications);
    expect(report.findings).toContainEqual(expect.objectContaining({ severity: 'warning', code: 'cells-inferred', path: 'applications', message: expect.stringContaining('printed after the table') }));
  });
});
