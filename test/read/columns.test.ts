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
