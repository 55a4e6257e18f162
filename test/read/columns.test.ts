// Blank cells of a wide PDF table told by position: a shorter row's cells under their own columns.
import { describe, expect, it } from 'vitest';
import { fitToColumns, gridRows, type CellLine } from '../../src/lib/read/columns.ts';
import { cellLine, pagesToLines, type PlacedText } from '../../src/lib/read/pdf.ts';

const COLUMNS = [250, 290, 330, 370, 410, 450, 490];
const row = (label: string, values: (number | null)[]): CellLine => ({
  label,
  breaks: false,
  cells: values.flatMap((v, c) => (v === null ? [] : [{ text: String(v), centre: COLUMNS[c]! + 2 }])),
});

describe('wide tables: blanks by position', () => {
  it('a row of five cells under seven columns names its two blank columns', () => {
    expect(fitToColumns(row('', [3, null, 1, null, 0, 0, 4]).cells, COLUMNS)).toEqual(['3', null, '1', null, '0', '0', '4']);
  });

  it('a cell between two columns fits neither: the row is left to the parser', () => {
    expect(fitToColumns([{ text: '5', centre: 270 }], COLUMNS)).toBeNull();
  });

  it('rows between the first and last full row become grid rows; rows outside, full rows and narrow tables stay', () => {
    const lines: CellLine[] = [
      { label: '规章', breaks: false, cells: [{ text: '1', centre: 250 }] },
      row('一、本年新收', [1, 2, 3, 4, 5, 6, 21]),
      row('（一）予以公开', [3, null, null, null, null, null, 3]),
      row('（二）部分公开', [null, null, null, null, null, null, null]),
      row('四、结转下年度继续办理', [0, 0, 0, 0, 0, 0, 0]),
      { label: '四、行政复议、行政诉讼情况', breaks: true, cells: [] },
      row('', [5, null, 1]),
    ];
    expect(gridRows(lines)).toEqual([null, null, '（一）予以公开\t3\t\t\t\t\t\t3', null, null, null, null]);
  });

  it('the line splitter: numbers standing alone are cells, other text is the label', () => {
    const item = (text: string, x: number, width = text.length * 5): PlacedText => ({ text, x, y: 100, width, size: 10 });
    const line = cellLine([item('（一）予以公开', 80, 70), item('3', 248, 5), item('12 0', 400, 20)]);
    expect(line.label).toBe('（一）予以公开');
    expect(line.cells).toEqual([{ text: '3', centre: 250.5 }, { text: '12', centre: 405 }, { text: '0', centre: 415 }]);
  });

  it('through the PDF stage: a page whose table leaves cells blank', () => {
    const items: PlacedText[] = [];
    const put = (text: string, x: number, y: number) => items.push({ text, x: x - text.length * 2.5, y, width: text.length * 5, size: 10 });
    put('一、本年新收', 100, 100);
    [1, 2, 3, 4, 5, 6, 21].forEach((v, c) => put(String(v), COLUMNS[c]!, 100));
    put('（一）予以公开', 100, 120);
    put('3', COLUMNS[0]!, 120);
    put('3', COLUMNS[6]!, 120);
    put('（七）总计', 100, 140);
    [1, 2, 3, 4, 5, 6, 21].forEach((v, c) => put(String(v), COLUMNS[c]!, 140));
    const lines = pagesToLines([{ page: 1, width: 595, height: 842, images: 0, items }]);
    expect(lines.map((l) => l.text)[1]).toBe('（一）予以公开\t3\t\t\t\t\t\t3');
  });
});

describe('ruled tables', () => {
  it('a border drawn in pieces a hair apart is one rule over its whole length', async () => {
    const { mergeRules } = await import('../../src/lib/read/ruled.ts');
    const merged = mergeRules([
      { x1: 227.62, y1: 123, x2: 227.62, y2: 186.7 },
      { x1: 227.58, y1: 69.7, x2: 227.58, y2: 89.2 },
      { x1: 227.6, y1: 89.2, x2: 227.6, y2: 123 },
      { x1: 227.6, y1: 228, x2: 227.6, y2: 247.5 },
    ]);
    expect(merged.map((r) => [r.y1, r.y2])).toEqual([
      [69.7, 186.7],
      [228, 247.5],
    ]);
  });

  it('items in a grid of rules: one row per table row, a cell wrapped over lines whole, blank and spanned places empty', async () => {
    const { ruledTables } = await import('../../src/lib/read/ruled.ts');
    const h = (y: number) => ({ x1: 80, y1: y, x2: 400, y2: y });
    const v = (x: number, y1 = 100, y2 = 160) => ({ x1: x, y1, x2: x, y2 });
    // Two rows; the label column is one cell over both rows; columns at 80 | 200 | 300 | 400.
    const rules = [h(100), h(160), v(80), v(200), v(300), v(400), { x1: 200, y1: 130, x2: 400, y2: 130 }];
    const item = (text: string, x: number, y: number) => ({ text, x, y, width: text.length * 10, size: 10 });
    const { tables, rest } = ruledTables([item('（三）不予', 90, 120), item('公开', 90, 135), item('5', 240, 120), item('7', 340, 150), item('正文', 90, 300)], rules);
    expect(rest.map((i) => i.text)).toEqual(['正文']);
    expect(tables).toHaveLength(1);
    expect(tables[0]!.rows.map((r) => r.fields)).toEqual([
      ['（三）不予公开', '5', ''],
      ['', '', '7'],
    ]);
  });
});
