// Document tables onto their grid: merged cells expanded, text in the top-left position, a cell's
// lines joined inside it.
import { describe, expect, it } from 'vitest';
import { expandGrid, joinCellLines, tableLines, type SourceCell } from '../../src/lib/read/grid.ts';

const c = (text: string, colSpan = 1, rowSpan = 1): SourceCell => ({ lines: text ? text.split('|') : [], colSpan, rowSpan });

describe('merged cells to the grid', () => {
  it('puts a rowspan/colspan cell\'s text top-left and leaves its other positions empty', () => {
    // Table 三's head and first rows: the note spans 3×3, 自然人 and 总计 span two rows.
    const rows = [
      [c('勾稽关系', 3, 3), c('申请人情况', 7)],
      [c('自然人', 1, 2), c('法人或其他组织', 5), c('总计', 1, 2)],
      [c('商业企业'), c('科研机构'), c('社会公益组织'), c('法律服务机构'), c('其他')],
      [c('三、本年度办理结果', 1, 3), c('（一）予以公开', 2), ...'1234567'.split('').map((d) => c(d))],
      [c('（三）不予公开', 1, 2), c('1.属于国家秘密'), ...'0000000'.split('').map((d) => c(d))],
      [c('2.其他法律行政法规禁止公开'), c('1'), c(''), c('0'), c('0'), c('0'), c('0'), c('1')],
    ];
    expect(expandGrid(rows).map((r) => r.fields.join('|'))).toEqual([
      // Places beside a cell that spans columns are no fields; places below one that spans rows are empty.
      '勾稽关系|申请人情况',
      '|自然人|法人或其他组织|总计',
      '||商业企业|科研机构|社会公益组织|法律服务机构|其他|',
      '三、本年度办理结果|（一）予以公开|1|2|3|4|5|6|7',
      '|（三）不予公开|1.属于国家秘密|0|0|0|0|0|0|0',
      '||2.其他法律行政法规禁止公开|1||0|0|0|0|1',
    ]);
  });

  it('writes one tab line per row with its table and row; a full-width caption row as plain text; empty rows left out', () => {
    const rows = [[c('第二十条第（五）项', 4)], [c('信息内容'), c('本年处理决定数量', 3)], [c(''), c(''), c(''), c('')], [c('行政许可'), c('23', 3)]];
    expect(tableLines(rows, 2)).toEqual([
      { text: '第二十条第（五）项', origin: { table: 2, row: 1 } },
      { text: '信息内容\t本年处理决定数量', origin: { table: 2, row: 2 } },
      { text: '行政许可\t23', origin: { table: 2, row: 4 } },
    ]);
  });

  it('keeps spans inside the table (rowspan="0" and spans past the last row)', () => {
    const rows = [[c('a', 1, 0), c('b')], [c('c')], [c('d', 1, 9), c('e')]];
    // rowspan="0" runs to the last row, so d and e move right of it; d's span of 9 ends at the table's end.
    expect(expandGrid(rows).map((r) => r.fields)).toEqual([['a', 'b', ''], ['', 'c', ''], ['', 'd', 'e']]);
  });
});

describe('a cell\'s lines', () => {
  it('join Chinese directly and other text with a space, never with a tab or newline', () => {
    expect(joinCellLines(['（二）部分公开（区分处理的，', '只计这一情形，不计其他情形）'])).toBe('（二）部分公开（区分处理的，只计这一情形，不计其他情形）');
    expect(joinCellLines(['Total', 'count'])).toBe('Total count');
    expect(joinCellLines(['3.危及', '"三安全一稳定"'])).toBe('3.危及"三安全一稳定"');
    expect(joinCellLines([' 12\u00a0', '', '\t万元 '])).toBe('12万元');
    expect(joinCellLines(['a\tb\nc'])).toBe('a b c');
  });
});
