// LibreOffice's text of table 三 may print its first row in column pieces with the header words:
// 科研机构/社会公益组织/法律服务机构's cells with their header words, then 自然人, then 商业企业, and
// 其他/总计 after those header words, behind the first cells of the next rows (printed in two passes).
// Fixtures: test/fixtures/reading-order-pieces/ (fresh sets, seeds 7601 and 7501).
import { describe, expect, it } from 'vitest';
import { withLastColumnsPutBack, tableStream } from '../../src/lib/parse/applications.ts';
import { toLines } from '../../src/lib/parse/lines.ts';
import { loadFixture, tableWarning } from './fixture.ts';

const load = (name: string) => loadFixture('reading-order-pieces', name);

describe('table 三 whose first row is printed in column pieces with the header words', () => {
  it('reads the first row from its pieces and the next two rows from their two passes, with a warning', () => {
    // 0 3 0 | 21 | 商业企业 15 | 3 0 0 0 17 9 0 1 | 总计 其他 5 44 | 0 0 3 0 2 29: received, then
    // carriedOver and granted cut after their fourth cell.
    const { report, truth } = load('fresh-7601-4-libreoffice');
    expect(report.applications).toEqual(truth.applications);
    const warning = tableWarning(report, /pieces LibreOffice prints/);
    expect(warning?.severity).toBe('warning');
  });

  it('reads nothing by the pieces where two tables pass every identity (a row of 1s may be 予以公开 or 部分公开)', () => {
    const { report, truth } = load('fresh-7501-1-libreoffice');
    expect(report.findings.some((f) => /pieces LibreOffice prints/.test(f.message))).toBe(false);
    // Never the figures in another row: each cell left unread or read right.
    const read = report.applications?.partlyGranted ?? [];
    expect(read.map((v, c) => (v === null ? null : truth.applications.partlyGranted[c]))).toEqual(read);
  });
});

describe('table 三 whose first rows print their 其他 and 总计 cells after those header words', () => {
  // LibreOffice: 一、本年 18 17 0 0 0 新收… 二、上年 1 2 0 0 0 | 总计 其他 | 0 35 0 3 | 结转政府…
  const text = (tails: string) => ['三、收到和处理政府信息公开申请情况', '一、本年', '18', '17', '0', '0', '0', '新收政府', '信息公开', '申请数量', '二、上年', '1', '2', '0', '0', '0', '总计', '其他', ...tails.split(' '), '结转政府', '信息公开', '申请数量', '（一）予以公开', '5'].join('\n');
  const values = (t: string) => {
    const table = tableStream(toLines(t))!;
    const put = withLastColumnsPutBack(table.stream, table.from);
    return put && put.stream.cells.map((c) => (c.token.kind === 'number' ? c.token.value : null));
  };

  it('puts each row\'s last two cells back after its first five', () => {
    expect(values(text('0 35 0 3'))).toEqual([18, 17, 0, 0, 0, 0, 35, 1, 2, 0, 0, 0, 0, 3, 5]);
  });

  it('leaves the stream alone where a row so joined does not add up, or the counts do not fit', () => {
    expect(values(text('0 35 3 0'))).toBeNull();
    expect(values(text('0 35 0'))).toBeNull();
  });

  it('reads the first two rows of a LibreOffice report so, and says how', () => {
    const { report, truth } = load('fresh-7601-3-libreoffice');
    expect(report.applications?.received).toEqual(truth.applications.received);
    expect(report.applications?.carriedOver).toEqual(truth.applications.carriedOver);
    expect(report.findings.some((f) => f.severity === 'info' && /其他 and 总计 cells read from lines 93–99/.test(f.message))).toBe(true);
  });
});
