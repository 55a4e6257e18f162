import { describe, expect, it } from 'vitest';
import { cellHtml, escapeHtml, rowCellsHtml } from '../../src/lib/site/view/cellHtml.ts';

describe('table cell HTML', () => {
  it('keeps a blank blank (read out as 空白) and a printed 0 as 0', () => {
    expect(cellHtml({ key: 'a[0]', value: null, failing: false })).toBe('<td id="a-0"><span class="vh">空白</span></td>');
    expect(cellHtml({ key: 'a[0]', value: 0, failing: false })).toBe('<td id="a-0">0</td>');
    expect(cellHtml({ key: 'a[0]', value: 13236, failing: false })).toBe('<td id="a-0">13,236</td>');
  });

  it('marks inferred and failing cells', () => {
    expect(cellHtml({ key: 'a[1]', value: 2, failing: true, inferred: { path: 'a[1]', rule: 'r' } })).toBe(
      '<td id="a-1" class="inf bad">2<span class="mark" role="img" aria-label="勾稽不符">!</span></td>',
    );
  });

  it('ends a row with where it was read and note links, and spans a row that could not be read', () => {
    const notes = new Map([['applications.granted[1]', 2]]);
    const cells = [0, 1].map((i) => ({ key: `applications.granted[${i}]`, value: i, failing: false }));
    expect(rowCellsHtml(cells, 2, { line: 40 }, 'applications.granted', notes)).toBe(
      '<td id="applications-granted-0">0</td><td id="applications-granted-1">1</td><td class="line">第 40 行 <a href="#inf-2" aria-label="注2：本行有推定单元格">注2</a></td>',
    );
    // A PDF's row: the page of the document, not a line of its extracted text.
    expect(rowCellsHtml(cells.slice(0, 1), 1, { line: 40, page: 3 }, 'applications.granted', new Map())).toBe('<td id="applications-granted-0">0</td><td class="line" data-page="3">原文第 3 页</td>');
    expect(rowCellsHtml(null, 7, {}, 'x', new Map(), '本站在报告中未找到此行')).toBe(
      '<td colspan="7" class="missing"><span class="unread" title="本站在报告中未找到此行">未能读出<span class="vh">：本站在报告中未找到此行</span></span></td><td class="line"></td>',
    );
    expect(escapeHtml('<script>"&\'')).toBe('&lt;script&gt;&quot;&amp;&#39;');
  });
});
